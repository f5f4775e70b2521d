import type { IDataObject } from 'n8n-workflow';

import { SEED_IDS, credentialsFor, run, useEmulator, writes } from '../../../../harness/docspace';

const ctx = useEmulator();

const createRoom = (overrides: IDataObject = {}) => ({
	resource: 'room',
	operation: 'create',
	roomTitle: 'Acme Corp',
	roomType: 'custom',
	...overrides,
});

describe('Room: Create', () => {
	it('sends the title, the integer room type and every setting as DocSpace expects; returns the simplified room', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			createRoom({
				roomType: 'virtualDataRoom',
				additionalFields: {
					tags: 'client, 2027, client',
					quotaMb: 512,
					indexing: true,
					denyDownload: true,
					color: '#ff6f3d',
					cover: 'cover1',
					lifetimeValue: 6,
					lifetimePeriod: 'months',
					lifetimeDeletePermanently: true,
					watermarkText: 'Confidential',
					watermarkAdditions: [1, 8],
					watermarkRotate: 0,
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[
				[
					'POST',
					'/api/2.0/files/rooms',
					{
						title: 'Acme Corp',
						roomType: 8,
						color: 'FF6F3D',
						cover: 'cover1',
						denyDownload: true,
						indexing: true,
						quota: 512 * 1024 * 1024,
						lifetime: { enabled: true, value: 6, period: 1, deletePermanently: true },
						watermark: { enabled: true, text: 'Confidential', additions: 9, rotate: 0 },
						tags: ['client', '2027'],
					},
				],
			],
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			title: 'Acme Corp',
			roomType: 'virtualDataRoom',
			roomTypeLabel: 'Virtual data room',
			denyDownload: true,
			tags: ['client', '2027'],
			url: expect.stringMatching(/\/rooms\/shared\/\d+\/filter\?folder=\d+$/),
		});
	});

	it.each([
		['custom', 5],
		['public', 6],
		['formFilling', 1],
		['collaboration', 2],
		['virtualDataRoom', 8],
		['ai', 9],
		['Public room', 6],
		['8', 8],
	])('room type %s is sent as %i', async (roomType, expected) => {
		const { emulator } = ctx;
		const result = await run(emulator, createRoom({ roomType }));
		expect(result.error).toBeUndefined();
		expect((writes(emulator)[0].body as IDataObject).roomType).toBe(expected);
	});

	it('one room per item (not retried: a repeat would create a second room), continue-on-fail keeps going', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: '/api/2.0/files/rooms',
			method: 'POST',
			kind: 'status',
			status: 503,
			times: 1,
		});
		const result = await run(emulator, createRoom({ roomTitle: '={{ $json.name }}' }), {
			items: [{ name: 'First' }, { name: '' }, { name: 'Third' }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.title ?? item.json.error)).toEqual([
			expect.stringMatching(/^DocSpace failed with 503/),
			'Title: is empty [item 1]',
			'Third',
		]);
		expect(writes(emulator)).toHaveLength(2);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});

	it('refuses bad input before sending anything', async () => {
		const { emulator } = ctx;
		const cases: Array<[IDataObject, string]> = [
			[
				createRoom({ roomTitle: 'x'.repeat(171) }),
				'Title: is 171 characters long; DocSpace accepts at most 170 [item 0]',
			],
			[createRoom({ roomType: 'private' }), 'Room Type: "private" is not a room type [item 0]'],
			[createRoom({ additionalFields: { color: 'red' } }), 'Color: "red" is not a colour [item 0]'],
			[createRoom({ additionalFields: { quotaMb: 0 } }), 'Storage Quota (MB): is 0 [item 0]'],
			[
				createRoom({ additionalFields: { lifetimeValue: 1000 } }),
				'File Lifetime: number 1000 is not a whole number from 1 to 999 [item 0]',
			],
			[
				createRoom({ additionalFields: { watermarkRotate: -45 } }),
				'Watermark Text: is empty and no Watermark Details are chosen [item 0]',
			],
			[
				createRoom({ additionalFields: { tags: ['ok', 'x'.repeat(256)] } }),
				'Tags: is 256 characters long; DocSpace accepts at most 255 [item 0]',
			],
		];
		for (const [parameters, message] of cases) {
			const result = await run(emulator, parameters);
			expect(result.error?.message).toBe(message);
		}
		expect(emulator.requests).toHaveLength(0);
	});

	it('explains DocSpace’s refusals: an account that may not create rooms, a quota above the portal’s, a missing permission', async () => {
		const { emulator } = ctx;
		emulator.portal.users.get(SEED_IDS.janeId)!.role = 'user';
		const user = await run(emulator, createRoom(), {
			credentials: credentialsFor(emulator, SEED_IDS.janeToken),
		});
		expect(user.error?.message).toBe(
			'The account behind the credential may not create rooms [item 0]',
		);
		expect(user.error?.description).toMatch(/only room admins and DocSpace admins create rooms/);
		const quota = await run(emulator, createRoom({ additionalFields: { quotaMb: 1024 * 1024 } }));
		expect(quota.error?.message).toMatch(
			/^DocSpace refused the request for room: The room quota cannot exceed the portal quota/,
		);
		const scope = await run(emulator, createRoom(), {
			credentials: credentialsFor(emulator, SEED_IDS.filesOnlyApiKey),
		});
		expect(scope.error?.message).toBe(
			'The API key is not allowed to Room: Create (missing permission rooms:write) [item 0]',
		);
	});
});

describe('Room: Update', () => {
	const update = (updateFields: IDataObject, room: string = SEED_IDS.customRoomId) => ({
		resource: 'room',
		operation: 'update',
		room: { __rl: true, mode: 'id', value: room },
		updateFields,
	});

	it('sends only the fields given; turns file lifetime and watermark off', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			update({
				title: 'Client Projects (2027)',
				denyDownload: false,
				disableLifetime: true,
				disableWatermark: true,
			}),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[
				[
					'PUT',
					'/api/2.0/files/rooms/101',
					{
						title: 'Client Projects (2027)',
						denyDownload: false,
						lifetime: { enabled: false },
						watermark: { enabled: false },
					},
				],
			],
		);
		expect(result.items[0].json).toMatchObject({ id: 101, title: 'Client Projects (2027)' });
	});

	it('refuses an empty update and contradictory fields; explains a room the account may not change', async () => {
		const { emulator } = ctx;
		expect((await run(emulator, update({}))).error?.message).toBe(
			'Update Fields: nothing to change [item 0]',
		);
		expect(
			(await run(emulator, update({ disableLifetime: true, lifetimeValue: 3 }))).error?.message,
		).toBe('Turn Off File Lifetime: is on while a File Lifetime is set [item 0]');
		expect(emulator.requests).toHaveLength(0);
		const forbidden = await run(emulator, update({ title: 'Mine' }, SEED_IDS.publicRoomId), {
			credentials: credentialsFor(emulator, SEED_IDS.janeToken),
		});
		expect(forbidden.error?.message).toBe('You are not allowed to change room 102 [item 0]');
		expect(forbidden.error?.description).toMatch(
			/only the room's owner, its room managers and DocSpace admins/,
		);
		const missing = await run(emulator, update({ title: 'Mine' }, '424242'));
		expect(missing.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
	});
});

describe('Room: Pin, Unpin, Add Tags, Remove Tags', () => {
	const room = { __rl: true, mode: 'id', value: SEED_IDS.customRoomId };

	it('pins and unpins (PUT …/pin, …/unpin, no body) and says so in the output', async () => {
		const { emulator } = ctx;
		const pinned = await run(emulator, { resource: 'room', operation: 'pin', room });
		const unpinned = await run(emulator, { resource: 'room', operation: 'unpin', room });
		expect(
			writes(emulator).map((request) => [request.method, request.path, request.rawBody]),
		).toEqual([
			['PUT', '/api/2.0/files/rooms/101/pin', ''],
			['PUT', '/api/2.0/files/rooms/101/unpin', ''],
		]);
		expect([pinned.items[0].json.pinned, unpinned.items[0].json.pinned]).toEqual([true, false]);
	});

	it('explains the limit of 10 pinned rooms', async () => {
		const { emulator } = ctx;
		for (const record of [...emulator.portal.rooms.values()].slice(1))
			record.pinnedBy = new Set([SEED_IDS.ownerId]);
		for (let n = 0; n < 3; n++)
			emulator.portal.rooms.set(`90${n}`, {
				...emulator.portal.rooms.get('104')!,
				id: `90${n}`,
				pinnedBy: new Set([SEED_IDS.ownerId]),
			});
		const result = await run(emulator, { resource: 'room', operation: 'pin', room });
		expect(result.error?.message).toBe(
			'DocSpace did not pin room 101: the account already has the most pinned rooms allowed [item 0]',
		);
		expect(result.error?.description).toMatch(/at most 10 rooms/);
	});

	it('adds and removes tags given as text or a list', async () => {
		const { emulator } = ctx;
		const added = await run(emulator, {
			resource: 'room',
			operation: 'addTags',
			room,
			tagNames: 'client, vip',
		});
		const removed = await run(emulator, {
			resource: 'room',
			operation: 'removeTags',
			room,
			tagNames: '={{ ["vip"] }}',
		});
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[
				['PUT', '/api/2.0/files/rooms/101/tags', { names: ['client', 'vip'] }],
				['DELETE', '/api/2.0/files/rooms/101/tags', { names: ['vip'] }],
			],
		);
		expect([added.items[0].json.tags, removed.items[0].json.tags]).toEqual([
			['client', 'vip'],
			['client'],
		]);
		const empty = await run(emulator, {
			resource: 'room',
			operation: 'addTags',
			room,
			tagNames: ' , ',
		});
		expect(empty.error?.message).toBe('Tags: no tag given [item 0]');
		expect(emulator.requests).toHaveLength(2);
	});
});
