import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';
import { ADMIN_TOKEN, SEED_WITH_ADMIN } from '../../../../emulator/peopleSeed';

const ctx = useEmulator();

const userOp = (
	operation: string,
	user: ReturnType<typeof byId>,
	overrides: Record<string, unknown> = {},
) => ({ resource: 'user', operation, user, ...overrides });
const requests = () =>
	ctx.emulator.requests.map((request) => [request.method, request.path, request.body ?? null]);

describe('User: Update', () => {
	it('changes the own profile; never sends isUser or disable', async () => {
		const result = await run(
			ctx.emulator,
			userOp('update', byId('email', 'olivia@example.com'), {
				profileFields: { firstName: 'Liv', location: ' Riga ' },
			}),
		);
		expect(result.error).toBeUndefined();
		expect(requests()).toEqual([
			['GET', '/api/2.0/people/@self', null],
			['PUT', `/api/2.0/people/${SEED_IDS.ownerId}`, { firstName: 'Liv', location: 'Riga' }],
		]);
		expect(result.items[0].json).toMatchObject({
			id: SEED_IDS.ownerId,
			name: 'Liv Owner',
			location: 'Riga',
			comment: null,
		});
	});

	it('refuses to "update" another person, which DocSpace would silently ignore', async () => {
		const result = await run(
			ctx.emulator,
			userOp('update', byId('id', SEED_IDS.bobId), { profileFields: { lastName: 'Stein' } }),
		);
		expect(result.error?.message).toBe(
			'User: DocSpace changes names, location and comment only on your own profile [item 0]',
		);
		expect(result.error?.description).toMatch(/would answer success and change nothing/);
		expect(writes(ctx.emulator)).toEqual([]);
	});

	it('refuses an empty update and over-long fields before any request', async () => {
		const empty = await run(ctx.emulator, userOp('update', byId('id', SEED_IDS.ownerId)));
		expect(empty.error?.message).toMatch(/^Profile Fields: nothing to change \[item 0\]/);
		const long = await run(
			ctx.emulator,
			userOp('update', byId('id', SEED_IDS.ownerId), {
				profileFields: { comment: 'x'.repeat(256) },
			}),
		);
		expect(long.error?.message).toMatch(/^Profile Fields → Comment: is 256 characters long/);
		expect(ctx.emulator.requests).toEqual([]);
	});
});

describe('User: Enable and Disable', () => {
	it('disables by ID and enables by email with one PUT people/status each', async () => {
		const disabled = await run(ctx.emulator, userOp('disable', byId('id', SEED_IDS.bobId)));
		const enabled = await run(ctx.emulator, userOp('enable', byId('email', 'dana@example.com')));
		expect(writes(ctx.emulator).map((request) => [request.path, request.body])).toEqual([
			['/api/2.0/people/status/2', { userIds: [SEED_IDS.bobId] }],
			['/api/2.0/people/status/1', { userIds: [SEED_IDS.disabledUserId] }],
		]);
		expect([disabled.items[0].json.status, enabled.items[0].json.status]).toEqual([
			'disabled',
			'active',
		]);
	});

	it('explains DocSpace refusing to disable the owner; an unknown ID is named', async () => {
		const owner = await run(ctx.emulator, userOp('disable', byId('id', SEED_IDS.ownerId)));
		expect(owner.error?.message).toBe(
			`DocSpace did not let this account disable user ${SEED_IDS.ownerId} [item 0]`,
		);
		expect(owner.error?.description).toMatch(
			/Nobody can disable, delete or change the type of the portal owner/,
		);
		const unknown = await run(
			ctx.emulator,
			userOp('enable', byId('id', '00000000-0000-4000-8000-00000000abcd')),
		);
		expect(unknown.error?.message).toBe(
			'User: no DocSpace user has the ID 00000000-0000-4000-8000-00000000abcd [item 0]',
		);
	});

	it('many items, each paired with its input; continue-on-fail goes on', async () => {
		const result = await run(ctx.emulator, userOp('disable', byId('id', '={{ $json.id }}')), {
			items: [{ id: SEED_IDS.bobId }, { id: 'nope' }, { id: SEED_IDS.guestId }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error ?? item.json.status)).toEqual([
			'disabled',
			'User: "nope" is not a user ID [item 1]',
			'disabled',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});
});

describe('User: Delete', () => {
	it('deletes a disabled user', async () => {
		const result = await run(ctx.emulator, userOp('delete', byId('email', 'dana@example.com')));
		expect(requests()).toEqual([
			['GET', '/api/2.0/people/email', null],
			['DELETE', `/api/2.0/people/${SEED_IDS.disabledUserId}`, null],
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: SEED_IDS.disabledUserId,
				name: 'Dana Disabled',
				email: 'dana@example.com',
				deleted: true,
			},
		]);
	});

	it('says an active user must be disabled first, and sends no delete', async () => {
		const result = await run(ctx.emulator, userOp('delete', byId('id', SEED_IDS.bobId)));
		expect(result.error?.message).toBe(
			'User: bob@example.com is active; DocSpace deletes only disabled users [item 0]',
		);
		expect(result.error?.description).toMatch(/User: Disable/);
		expect(writes(ctx.emulator)).toEqual([]);
	});

	it('explains an admin deleting a disabled DocSpace admin (owner only)', async () => {
		const eve = {
			id: '6f1c2a40-0010-4a00-8000-000000000010',
			firstName: 'Eve',
			lastName: 'Former',
			email: 'eve@example.com',
			role: 'admin' as const,
			status: 2 as const,
		};
		ctx.emulator.reset({ ...SEED_WITH_ADMIN, users: [...SEED_WITH_ADMIN.users, eve] });
		const result = await run(ctx.emulator, userOp('delete', byId('id', eve.id)), {
			credentials: credentialsFor(ctx.emulator, ADMIN_TOKEN),
		});
		expect(result.error?.message).toBe(
			`DocSpace did not let this account delete user ${eve.id} [item 0]`,
		);
		expect(result.error?.description).toMatch(/only the owner can do it for DocSpace admins/);
	});
});

describe('User: Change Type', () => {
	it('raises a guest to room admin with PUT people/type/RoomAdmin', async () => {
		const result = await run(
			ctx.emulator,
			userOp('changeType', byId('id', SEED_IDS.guestId), { userType: 'roomAdmin' }),
		);
		expect(
			writes(ctx.emulator).map((request) => [request.method, request.path, request.body]),
		).toEqual([['PUT', '/api/2.0/people/type/RoomAdmin', { userIds: [SEED_IDS.guestId] }]]);
		expect(result.items[0].json).toMatchObject({
			type: 'room admin',
			previousType: 'guest',
			changed: true,
		});
	});

	it('lowers a room admin to guest as a task, handing rooms over, and waits for it', async () => {
		const result = await run(
			ctx.emulator,
			userOp('changeType', byId('email', 'jane@example.com'), {
				userType: 'guest',
				reassignTo: 'bob@example.com',
			}),
		);
		expect(result.error).toBeUndefined();
		expect(requests().map(([method, path]) => `${method} ${path}`)).toEqual([
			'GET /api/2.0/people/email',
			'GET /api/2.0/people/email',
			'POST /api/2.0/people/type',
			`GET /api/2.0/people/type/progress/${SEED_IDS.janeId}`,
			`GET /api/2.0/people/${SEED_IDS.janeId}`,
		]);
		expect(writes(ctx.emulator)[0].body).toEqual({
			userId: SEED_IDS.janeId,
			type: 'Guest',
			reassignUserId: SEED_IDS.bobId,
		});
		expect(result.items[0].json).toMatchObject({
			id: SEED_IDS.janeId,
			type: 'guest',
			previousType: 'room admin',
			changed: true,
		});
	});

	it('changes nothing when the user already has the type', async () => {
		const result = await run(
			ctx.emulator,
			userOp('changeType', byId('id', SEED_IDS.bobId), { userType: 'user' }),
		);
		expect(writes(ctx.emulator)).toEqual([]);
		expect(result.items[0].json).toMatchObject({
			type: 'user',
			previousType: 'user',
			changed: false,
		});
	});

	it('refuses the owner and bad input; explains an admin making an admin', async () => {
		const owner = await run(
			ctx.emulator,
			userOp('changeType', byId('id', SEED_IDS.ownerId), { userType: 'user' }),
		);
		expect(owner.error?.message).toMatch(
			/^User: the type of the portal owner \(olivia@example.com\) cannot be changed/,
		);
		const badType = await run(
			ctx.emulator,
			userOp('changeType', byId('id', SEED_IDS.bobId), { userType: '={{ "superuser" }}' }),
		);
		expect(badType.error?.message).toMatch(/^Type: "superuser" is not a user type/);
		const badReassign = await run(
			ctx.emulator,
			userOp('changeType', byId('id', SEED_IDS.janeId), { userType: 'user', reassignTo: 'x' }),
		);
		expect(badReassign.error?.message).toMatch(/^Hand Rooms Over To: "x" is not a user ID/);
		expect(writes(ctx.emulator)).toEqual([]);
		ctx.emulator.reset(SEED_WITH_ADMIN);
		const byAdmin = await run(
			ctx.emulator,
			userOp('changeType', byId('id', SEED_IDS.bobId), { userType: 'admin' }),
			{ credentials: credentialsFor(ctx.emulator, ADMIN_TOKEN) },
		);
		expect(byAdmin.error?.message).toBe(
			`DocSpace did not let this account change type user ${SEED_IDS.bobId} [item 0]`,
		);
	});
});
