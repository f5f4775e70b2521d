import { DocSpaceEmulator, SEED_IDS } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());
afterEach(() => expect(emulator.openApiViolations()).toEqual([]));

const sharePath = (roomId: string) => `/api/2.0/files/rooms/${roomId}/share`;
const invite = (roomId: string, invitations: unknown[], authorization?: string) =>
	call(emulator, 'PUT', sharePath(roomId), { body: { invitations, notify: false }, authorization });
const members = async (roomId: string, query = '') =>
	(await call(emulator, 'GET', `${sharePath(roomId)}${query}`)).json;
const ROLE_MESSAGE = 'The role is not available for this user type';

describe('GET files/rooms/{id}/share', () => {
	it('lists the owner first (isOwner), then the members, paged with total, filtered by kind and text', async () => {
		await invite('101', [
			{ id: SEED_IDS.bobId, access: 10 },
			{ id: SEED_IDS.legalGroupId, access: 2 },
		]);
		const all = await members('101');
		expect(all.total).toBe(4);
		expect(
			all.response.map((entry: { access: number; isOwner: boolean; subjectType: number }) => [
				entry.subjectType,
				entry.access,
				entry.isOwner,
			]),
		).toEqual([
			[0, 1, true],
			[0, 9, false],
			[0, 10, false],
			[2, 2, false],
		]);
		expect(
			(await members('101', '?filterType=32')).response.map(
				(entry: { sharedToGroup: { name: string } }) => entry.sharedToGroup.name,
			),
		).toEqual(['Legal']);
		expect((await members('101', '?filterType=16')).total).toBe(3);
		expect((await members('101', '?filterValue=bob')).total).toBe(1);
		expect((await members('101', '?startIndex=2&count=1')).response).toHaveLength(1);
		expect((await call(emulator, 'GET', `${sharePath('101')}?count=101`)).json.statusCode).toBe(
			400,
		);
		expect((await call(emulator, 'GET', sharePath('424242'))).status).toBe(404);
		expect(
			(
				await call(emulator, 'GET', sharePath('102'), {
					authorization: `Bearer ${SEED_IDS.janeToken}`,
				})
			).status,
		).toBe(403);
		emulator.reset();
	});
});

describe('PUT files/rooms/{id}/share', () => {
	const rooms: Record<string, [string, number[]]> = {
		custom: [SEED_IDS.customRoomId, [9, 11, 10, 5, 6, 2]],
		public: [SEED_IDS.publicRoomId, [9, 11]],
		form: [SEED_IDS.formRoomId, [9, 11, 7]],
		collab: [SEED_IDS.collabRoomId, [9, 11, 10, 2]],
		vdr: [SEED_IDS.vdrRoomId, [9, 11, 10, 2, 7]],
		ai: [SEED_IDS.aiRoomId, [9, 11, 2]],
	};
	for (const [name, [roomId, allowed]] of Object.entries(rooms)) {
		it(`${name} room: users take exactly ${allowed.join(',')}, groups the same without 9`, async () => {
			for (const access of [1, 2, 3, 5, 6, 7, 8, 9, 10, 11]) {
				emulator.reset();
				const user = await invite(roomId, [{ id: SEED_IDS.janeId, access }]);
				const group = await invite(roomId, [{ id: SEED_IDS.salesGroupId, access }]);
				expect([access, user.status, group.status]).toEqual([
					access,
					allowed.includes(access) ? 200 : 403,
					allowed.includes(access) && access !== 9 ? 200 : 403,
				]);
				if (user.status === 403) expect(user.json.error.message).toBe(ROLE_MESSAGE);
			}
		});
	}

	it('gives Room manager only to room admins and DocSpace admins', async () => {
		const bob = await invite('101', [{ id: SEED_IDS.bobId, access: 9 }]);
		const guest = await invite('101', [{ id: SEED_IDS.guestId, access: 9 }]);
		const jane = await invite('104', [{ id: SEED_IDS.janeId, access: 9 }]);
		expect([bob.status, guest.status, jane.status]).toEqual([403, 403, 200]);
		expect(emulator.portal.canManageRoom(SEED_IDS.janeId, emulator.portal.rooms.get('104')!)).toBe(
			true,
		);
	});

	it('invites an unknown email as a pending guest, finds a known one, answers only the subjects applied', async () => {
		const answer = await invite('101', [
			{ email: 'new.client@acme.example', access: 2 },
			{ email: 'BOB@example.com', access: 10 },
			{ id: SEED_IDS.disabledUserId, access: 2 },
			{ id: '0e0e0e0e-0000-4e00-8e00-999999999999', access: 2 },
		]);
		expect(answer.status).toBe(200);
		const applied = answer.json.response.members;
		expect(
			applied.map(
				(entry: {
					sharedToUser: { email: string; activationStatus: number; isVisitor: boolean };
				}) => [
					entry.sharedToUser.email,
					entry.sharedToUser.activationStatus,
					entry.sharedToUser.isVisitor,
				],
			),
		).toEqual([
			['new.client@acme.example', 2, true],
			['bob@example.com', 1, false],
		]);
		expect(answer.json.response.error).toBe(0);
		expect(emulator.portal.findUserByEmail('new.client@acme.example')?.role).toBe('guest');
	});

	it('access 0 removes; the owner cannot be changed or removed; only room managers may change members', async () => {
		await invite('101', [{ id: SEED_IDS.bobId, access: 10 }]);
		const removed = await invite('101', [
			{ id: SEED_IDS.bobId, access: 0 },
			{ id: SEED_IDS.ownerId, access: 0 },
		]);
		expect(removed.json.response.members).toEqual([]);
		const list = await members('101');
		expect(
			list.response.map((entry: { sharedToUser: { id: string } }) => entry.sharedToUser.id),
		).toEqual([SEED_IDS.ownerId, SEED_IDS.janeId]);
		const jane = await invite(
			'102',
			[{ id: SEED_IDS.bobId, access: 11 }],
			`Bearer ${SEED_IDS.janeToken}`,
		);
		expect([jane.status, jane.json.error.message]).toEqual([403, 'Access denied']);
		expect((await invite('424242', [{ id: SEED_IDS.bobId, access: 2 }])).status).toBe(404);
	});

	it('binds access like FileShareConverter: an unknown name becomes 0 and removes', async () => {
		await invite('101', [{ id: SEED_IDS.bobId, access: 10 }]);
		await invite('101', [{ id: SEED_IDS.bobId, access: 'editor' }]);
		expect((await members('101')).total).toBe(2);
		emulator.reset();
	});
});
