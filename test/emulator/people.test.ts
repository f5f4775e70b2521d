import { DocSpaceEmulator, SEED_IDS } from './index';
import { ADMIN_ID, ADMIN_TOKEN, BOB_TOKEN, SEED_WITH_ADMIN } from './peopleSeed';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const user = (id: string) => `/api/2.0/people/${id}`;

describe('POST people/invite', () => {
	it('invites a new address as pending and answers every pending user as EmployeeDto', async () => {
		const answer = await call(emulator, 'POST', '/api/2.0/people/invite', {
			body: { invitations: [{ email: 'New.Client@example.com', type: 'User' }], culture: 'de-DE' },
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response).toEqual([
			expect.objectContaining({ displayName: 'new.client@example.com' }),
		]);
		expect(answer.json.response[0]).not.toHaveProperty('email');
		const invited = await call(
			emulator,
			'GET',
			'/api/2.0/people/email?email=new.client@example.com',
		);
		expect(invited.json.response).toMatchObject({
			activationStatus: 2,
			status: 1,
			isCollaborator: true,
			cultureName: 'de-DE',
		});
	});

	it('takes integer types, raises the type of an existing user, never lowers it', async () => {
		await call(emulator, 'POST', '/api/2.0/people/invite', {
			body: { invitations: [{ email: 'bob@example.com', type: 1 }] },
		});
		expect((await call(emulator, 'GET', user(SEED_IDS.bobId))).json.response).toMatchObject({
			isRoomAdmin: true,
			activationStatus: 1,
		});
		await call(emulator, 'POST', '/api/2.0/people/invite', {
			body: { invitations: [{ email: 'jane@example.com', type: 'User' }] },
		});
		expect((await call(emulator, 'GET', user(SEED_IDS.janeId))).json.response.isRoomAdmin).toBe(
			true,
		);
	});

	it('refuses guests, a disabled address, a bad address, and callers without the right', async () => {
		emulator.reset(SEED_WITH_ADMIN);
		const invite = (email: string, type: string, authorization?: string) =>
			call(emulator, 'POST', '/api/2.0/people/invite', {
				body: { invitations: [{ email, type }] },
				authorization,
			});
		expect((await invite('g@example.com', 'Guest')).status).toBe(403);
		const disabled = await invite('dana@example.com', 'User');
		expect([disabled.status, disabled.json.error.message]).toEqual([
			400,
			'The user is disabled: dana@example.com',
		]);
		expect((await invite('not-an-address', 'User')).json.error.message).toBe('Incorrect email');
		expect((await invite('x@example.com', 'User', BOB_TOKEN)).status).toBe(403);
		expect((await invite('x@example.com', 'RoomAdmin', SEED_IDS.janeToken)).status).toBe(403);
		expect((await invite('x@example.com', 'DocSpaceAdmin', ADMIN_TOKEN)).status).toBe(403);
		expect((await invite('x@example.com', 'DocSpaceAdmin')).status).toBe(200);
		expect((await invite('y@example.com', 'Boss')).status).toBe(400);
	});
});

describe('GET and PUT people/{userid}', () => {
	it('reads a user by id, 404 for an unknown one', async () => {
		expect((await call(emulator, 'GET', user(SEED_IDS.guestId))).json.response).toMatchObject({
			id: SEED_IDS.guestId,
			isVisitor: true,
		});
		expect((await call(emulator, 'GET', user('00000000-0000-4000-8000-00000000abcd'))).status).toBe(
			404,
		);
	});

	it('changes names and location on the own profile only; for others they are ignored without an error', async () => {
		const own = await call(emulator, 'PUT', user(SEED_IDS.ownerId), {
			body: { firstName: 'Liv', location: 'Riga' },
		});
		expect(own.json.response).toMatchObject({
			firstName: 'Liv',
			lastName: 'Owner',
			location: 'Riga',
		});
		const other = await call(emulator, 'PUT', user(SEED_IDS.bobId), {
			body: { firstName: 'Robert', location: 'Oslo' },
		});
		expect(other.status).toBe(200);
		expect(other.json.response).toMatchObject({ firstName: 'Bob' });
		expect(other.json.response).not.toHaveProperty('location');
	});

	it('isUser: true makes the user a guest', async () => {
		const answer = await call(emulator, 'PUT', user(SEED_IDS.bobId), { body: { isUser: true } });
		expect(answer.json.response).toMatchObject({ isVisitor: true, isCollaborator: false });
	});

	it('nobody but the owner changes the owner; admins only by the owner', async () => {
		emulator.reset(SEED_WITH_ADMIN);
		expect(
			(
				await call(emulator, 'PUT', user(SEED_IDS.ownerId), {
					body: { disable: true },
					authorization: ADMIN_TOKEN,
				})
			).status,
		).toBe(403);
		expect(
			(
				await call(emulator, 'PUT', user(SEED_IDS.bobId), {
					body: { isUser: true },
					authorization: SEED_IDS.janeToken,
				})
			).status,
		).toBe(403);
	});
});

describe('PUT people/status/{status}', () => {
	it('disables and enables users, answering EmployeeFullDto[]', async () => {
		const disabled = await call(emulator, 'PUT', '/api/2.0/people/status/2', {
			body: { userIds: [SEED_IDS.bobId] },
		});
		expect(disabled.json.response).toEqual([
			expect.objectContaining({ id: SEED_IDS.bobId, status: 2 }),
		]);
		const enabled = await call(emulator, 'PUT', '/api/2.0/people/status/1', {
			body: { userIds: [SEED_IDS.disabledUserId] },
		});
		expect(enabled.json.response).toEqual([
			expect.objectContaining({ id: SEED_IDS.disabledUserId, status: 1 }),
		]);
	});

	it('fails the whole batch for the caller, the owner, or an admin when the caller is not the owner', async () => {
		emulator.reset(SEED_WITH_ADMIN);
		const both = await call(emulator, 'PUT', '/api/2.0/people/status/2', {
			body: { userIds: [SEED_IDS.bobId, SEED_IDS.ownerId] },
		});
		expect(both.status).toBe(403);
		expect((await call(emulator, 'GET', user(SEED_IDS.bobId))).json.response.status).toBe(1);
		expect(
			(
				await call(emulator, 'PUT', '/api/2.0/people/status/2', {
					body: { userIds: [ADMIN_ID] },
					authorization: ADMIN_TOKEN,
				})
			).status,
		).toBe(403);
		expect(
			(
				await call(emulator, 'PUT', '/api/2.0/people/status/2', {
					body: { userIds: [SEED_IDS.bobId] },
					authorization: SEED_IDS.janeToken,
				})
			).status,
		).toBe(403);
		expect(
			(await call(emulator, 'PUT', '/api/2.0/people/status/2', { body: { userIds: [ADMIN_ID] } }))
				.status,
		).toBe(200);
	});
});

describe('user types', () => {
	it('PUT people/type/{type} upgrades; the owner alone makes or unmakes DocSpace admins; downgrades are refused', async () => {
		emulator.reset(SEED_WITH_ADMIN);
		const upgrade = await call(emulator, 'PUT', '/api/2.0/people/type/RoomAdmin', {
			body: { userIds: [SEED_IDS.guestId] },
			authorization: ADMIN_TOKEN,
		});
		expect(upgrade.json.response).toEqual([
			expect.objectContaining({ id: SEED_IDS.guestId, isRoomAdmin: true }),
		]);
		expect(
			(
				await call(emulator, 'PUT', '/api/2.0/people/type/DocSpaceAdmin', {
					body: { userIds: [SEED_IDS.bobId] },
					authorization: ADMIN_TOKEN,
				})
			).status,
		).toBe(403);
		expect(
			(
				await call(emulator, 'PUT', '/api/2.0/people/type/User', {
					body: { userIds: [SEED_IDS.janeId] },
				})
			).status,
		).toBe(403);
		expect(
			(
				await call(emulator, 'PUT', '/api/2.0/people/type/RoomAdmin', {
					body: { userIds: [ADMIN_ID] },
				})
			).json.response[0].isRoomAdmin,
		).toBe(true);
	});

	it('POST people/type downgrades as a task whose progress completes', async () => {
		const started = await call(emulator, 'POST', '/api/2.0/people/type', {
			body: { userId: SEED_IDS.janeId, type: 'Guest', reassignUserId: SEED_IDS.ownerId },
		});
		expect(started.json.response).toMatchObject({ isCompleted: false, percentage: 0 });
		const progress = await call(
			emulator,
			'GET',
			`/api/2.0/people/type/progress/${SEED_IDS.janeId}`,
		);
		expect(progress.json.response).toMatchObject({ isCompleted: true, percentage: 100, status: 2 });
		expect((await call(emulator, 'GET', user(SEED_IDS.janeId))).json.response.isVisitor).toBe(true);
		expect(
			(
				await call(emulator, 'POST', '/api/2.0/people/type', {
					body: { userId: SEED_IDS.guestId, type: 'User' },
				})
			).status,
		).toBe(403);
	});
});

describe('DELETE people/{userid}', () => {
	it('deletes a disabled user and takes them out of groups; an active user is refused', async () => {
		const active = await call(emulator, 'DELETE', user(SEED_IDS.bobId));
		expect([active.status, active.json.error.message]).toEqual([403, 'The user is not suspended']);
		await call(emulator, 'PUT', '/api/2.0/people/status/2', {
			body: { userIds: [SEED_IDS.bobId] },
		});
		const deleted = await call(emulator, 'DELETE', user(SEED_IDS.bobId));
		expect(deleted.json.response).toMatchObject({ id: SEED_IDS.bobId, status: 2 });
		expect((await call(emulator, 'GET', user(SEED_IDS.bobId))).status).toBe(404);
		expect(
			(await call(emulator, 'GET', `/api/2.0/group/${SEED_IDS.legalGroupId}`)).json.response
				.membersCount,
		).toBe(1);
	});

	it('needs a DocSpace admin', async () => {
		expect(
			(
				await call(emulator, 'DELETE', user(SEED_IDS.disabledUserId), {
					authorization: SEED_IDS.janeToken,
				})
			).status,
		).toBe(403);
	});
});

describe('user types in EmployeeFullDto', () => {
	it('the owner has isOwner and not isAdmin; a plain user is a collaborator', async () => {
		expect((await call(emulator, 'GET', user(SEED_IDS.ownerId))).json.response).toMatchObject({
			isOwner: true,
			isAdmin: false,
		});
		expect((await call(emulator, 'GET', user(SEED_IDS.bobId))).json.response).toMatchObject({
			isCollaborator: true,
			isAdmin: false,
			isRoomAdmin: false,
			isVisitor: false,
		});
	});
});
