import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';

const ctx = useEmulator();
const room = (value: string) => byId('id', value);

describe('Room: Archive, Unarchive and Delete (asynchronous, docs/docspace/folders.md §6)', () => {
	it('archives a room, waits for the operation and unarchives it again', async () => {
		const { emulator } = ctx;
		const archived = await run(emulator, {
			resource: 'room',
			operation: 'archive',
			room: room(SEED_IDS.customRoomId),
		});
		expect(archived.error).toBeUndefined();
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[['PUT', '/api/2.0/files/rooms/101/archive', { deleteAfter: false }]],
		);
		expect(
			emulator.requests.filter((request) => request.path === '/api/2.0/files/fileops'),
		).toHaveLength(1);
		expect(archived.items).toEqual([
			{ json: { roomId: 101, archived: true, resultReported: true }, pairedItem: { item: 0 } },
		]);
		expect(emulator.portal.rooms.get(SEED_IDS.customRoomId)?.archived).toBe(true);
		const restored = await run(emulator, {
			resource: 'room',
			operation: 'unarchive',
			room: room(SEED_IDS.customRoomId),
		});
		expect(restored.items[0].json).toEqual({ roomId: 101, archived: false, resultReported: true });
		expect(writes(emulator).at(-1)?.path).toBe('/api/2.0/files/rooms/101/unarchive');
	});

	it('a result another reader took: the room’s section says whether it is archived', async () => {
		const { emulator } = ctx;
		emulator.inject({
			method: 'GET',
			path: '/api/2.0/files/fileops',
			times: 1,
			kind: 'status',
			status: 200,
			body: { response: [], count: 0, links: [], status: 0, statusCode: 200 },
		});
		const archived = await run(emulator, {
			resource: 'room',
			operation: 'archive',
			room: room(SEED_IDS.customRoomId),
		});
		expect(archived.items[0].json).toEqual({ roomId: 101, archived: true, resultReported: false });
	});

	it('deletes a room and waits until DocSpace answers 404 for it (the answer names the user’s first operation, not this one)', async () => {
		const { emulator } = ctx;
		const deleted = await run(emulator, {
			resource: 'room',
			operation: 'delete',
			room: room(SEED_IDS.vdrRoomId),
		});
		expect(deleted.items).toEqual([
			{ json: { roomId: 105, deleted: true }, pairedItem: { item: 0 } },
		]);
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[['DELETE', '/api/2.0/files/rooms/105', { deleteAfter: false }]],
		);
		expect(
			emulator.requests.filter((request) => request.path === '/api/2.0/files/fileops'),
		).toHaveLength(0);
		expect(emulator.requests.at(-1)).toMatchObject({
			method: 'GET',
			path: '/api/2.0/files/rooms/105',
			status: 404,
		});
	});

	it('DocSpace’s failures: an unknown room, a room the account may not archive, a rooms-only key that cannot poll', async () => {
		const { emulator } = ctx;
		const unknown = await run(emulator, {
			resource: 'room',
			operation: 'archive',
			room: room('424242'),
		});
		expect(unknown.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
		const jane = await run(
			emulator,
			{ resource: 'room', operation: 'delete', room: room(SEED_IDS.publicRoomId) },
			{ credentials: credentialsFor(emulator, SEED_IDS.janeToken) },
		);
		expect(jane.error?.message).toBe(
			"DocSpace refused the request for room 102: You don't have enough permission to delete the room [item 0]",
		);
		const roomsOnly = await run(
			emulator,
			{ resource: 'room', operation: 'archive', room: room(SEED_IDS.customRoomId) },
			{ credentials: credentialsFor(emulator, SEED_IDS.roomsOnlyApiKey) },
		);
		expect(roomsOnly.error?.message).toBe(
			'The API key is not allowed to Room: Archive (missing permission files:read) [item 0]',
		);
	});

	it('bounded wait: a deletion that never shows fails with the time waited; bad input is refused before sending', async () => {
		const { emulator } = ctx;
		emulator.inject({
			method: 'GET',
			path: '/api/2.0/files/rooms/105',
			times: 100,
			kind: 'status',
			status: 200,
			body: { response: { id: 105 }, count: 1, links: [], status: 0, statusCode: 200 },
		});
		const stuck = await run(emulator, {
			resource: 'room',
			operation: 'delete',
			room: room(SEED_IDS.vdrRoomId),
			options: { maxWaitSeconds: 1 },
		});
		expect(stuck.error?.message).toMatch(
			/^DocSpace had not finished Room: Delete for room 105 after [01] s/,
		);
		const bad = await run(
			emulator,
			{
				resource: 'room',
				operation: 'archive',
				room: room('={{ $json.room }}'),
				options: { maxWaitSeconds: '={{ $json.wait }}' },
			},
			{
				items: [
					{ room: 'a b', wait: 5 },
					{ room: '101', wait: 0 },
				],
				continueOnFail: true,
			},
		);
		expect(bad.items.map((item) => item.json.error)).toEqual([
			'Room: "a b" is not a room ID [item 0]',
			'Max Wait (Seconds): number 0 is not a whole number from 1 to 3600 [item 1]',
		]);
		expect(writes(emulator).filter((request) => request.path.endsWith('/archive'))).toHaveLength(0);
	});
});
