import { SEED_IDS, byId, credentialsFor, run, useEmulator } from '../../../../harness/docspace';

const ctx = useEmulator();

describe('Room: Get', () => {
	it('reads one room by ID and simplifies it', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'room',
			operation: 'get',
			room: byId('id', SEED_IDS.formRoomId),
		});
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/api/2.0/files/rooms/103', {}]]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			id: 103,
			title: 'Applications',
			roomType: 'formFilling',
			roomTypeLabel: 'Form filling room',
			url: `${emulator.baseUrl}/rooms/shared/103/filter?folder=103`,
			createdBy: 'Olivia Owner',
			hasExternalLinks: true,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('takes the room from the picker, its URL (the one the output gives back) and connected-storage IDs', async () => {
		const { emulator } = ctx;
		const first = await run(emulator, {
			resource: 'room',
			operation: 'get',
			room: byId('list', SEED_IDS.aiRoomId),
		});
		const again = await run(emulator, {
			resource: 'room',
			operation: 'get',
			room: byId('url', String(first.items[0].json.url)),
		});
		const box = await run(emulator, {
			resource: 'room',
			operation: 'get',
			room: byId('id', SEED_IDS.thirdPartyRoomId),
		});
		expect(
			[first, again, box].map((result) => [
				result.items[0].json.id,
				result.items[0].json.roomTypeLabel,
			]),
		).toEqual([
			[106, 'AI room'],
			[106, 'AI room'],
			['sbox-42', 'Custom room'],
		]);
	});

	it('returns DocSpace’s room object with Simplify off', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'room',
			operation: 'get',
			room: byId('id', '101'),
			simplify: false,
		});
		expect(result.items[0].json).toMatchObject({
			id: 101,
			roomType: 5,
			parentId: expect.any(Number),
			createdBy: { id: SEED_IDS.ownerId },
		});
	});

	it('one request per item, each output paired with its input; continue-on-fail keeps going', async () => {
		const { emulator } = ctx;
		const items = [{ room: '101' }, { room: '424242' }, { room: 'x y' }, { room: '104' }];
		const result = await run(
			emulator,
			{ resource: 'room', operation: 'get', room: byId('id', '={{ $json.room }}') },
			{ items, continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.title ?? item.json.error)).toEqual([
			'Client Projects',
			'Room 424242 was not found in DocSpace [item 1]',
			'Room: "x y" is not a room ID [item 2]',
			'Team Drafts',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(emulator.requests).toHaveLength(3);
	});

	it('explains an unknown room and a room the account may not open', async () => {
		const { emulator } = ctx;
		const unknown = await run(emulator, {
			resource: 'room',
			operation: 'get',
			room: byId('id', '424242'),
		});
		expect(unknown.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
		const forbidden = await run(
			emulator,
			{ resource: 'room', operation: 'get', room: byId('id', SEED_IDS.publicRoomId) },
			{ credentials: credentialsFor(emulator, SEED_IDS.janeToken) },
		);
		expect(forbidden.error?.message).toMatch(/^You are not allowed to open room 102/);
		expect(forbidden.error?.description).toMatch(/not a member of room 102/);
		expect(forbidden.error?.message).toMatch(/\[item 0\]$/);
	});
});
