import type { IDataObject } from 'n8n-workflow';

import { SEED_IDS, seedMany } from '../../../../emulator';
import { credentialsFor, run, useEmulator } from '../../../../harness/docspace';

const ctx = useEmulator();

function getRooms(overrides: IDataObject = {}): IDataObject {
	return { resource: 'room', operation: 'getAll', ...overrides };
}

const roomReads = () =>
	ctx.emulator.requests.filter((request) => request.path === '/api/2.0/files/rooms');

describe('Room: Get Many — requests and paging', () => {
	it('asks for one page of up to Limit rooms and returns one item per room', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getRooms({ limit: 3 }));
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/api/2.0/files/rooms', { startIndex: '0', count: '3' }]]);
		expect(result.items.map((item) => item.json.title)).toEqual([
			'Client Projects',
			'Press Kit',
			'Applications',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
	});

	it('Limit above a page pages in steps of 100 and stops at the limit', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ rooms: 350 }));
		const result = await run(emulator, getRooms({ limit: 250 }));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(250);
		expect(roomReads().map((request) => [request.query.startIndex, request.query.count])).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '50'],
		]);
	});

	it('Return All reads every page of a 358-room portal, each room once', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ rooms: 350 }));
		const result = await run(emulator, getRooms({ returnAll: true }));
		expect(result.error).toBeUndefined();
		const ids = result.items.map((item) => String(item.json.id));
		expect(ids).toHaveLength(358);
		expect(new Set(ids).size).toBe(358);
		expect(ids).toContain('1350');
		expect(roomReads().map((request) => request.query.startIndex)).toEqual([
			'0',
			'100',
			'200',
			'300',
		]);
	});

	it('searches by title and filters by room type, sent as DocSpace integers', async () => {
		const { emulator } = ctx;
		const search = await run(emulator, getRooms({ returnAll: true, filters: { search: 'press' } }));
		expect(search.items.map((item) => item.json.title)).toEqual(['Press Kit']);
		expect(emulator.requests[0].query).toEqual({
			startIndex: '0',
			count: '100',
			filterValue: 'press',
		});

		emulator.requests.length = 0;
		const typed = await run(
			emulator,
			getRooms({ returnAll: true, filters: { roomTypes: ['public', 'formFilling'] } }),
		);
		expect(typed.items.map((item) => [item.json.title, item.json.roomType])).toEqual([
			['Press Kit', 'public'],
			['Applications', 'formFilling'],
		]);
		expect(emulator.requests[0].query).toEqual({ type: ['6', '1'], startIndex: '0', count: '100' });
	});

	it('combines search and type, and returns nothing (no error) when nothing matches', async () => {
		const { emulator } = ctx;
		const custom = await run(
			emulator,
			getRooms({ returnAll: true, filters: { search: 'o', roomTypes: ['custom'] } }),
		);
		expect(custom.items.map((item) => item.json.title)).toEqual([
			'Client Projects',
			'Busy Room',
			'Box Archive',
		]);
		const none = await run(
			emulator,
			getRooms({ returnAll: true, filters: { search: 'no such room' } }),
		);
		expect(none.error).toBeUndefined();
		expect(none.items).toEqual([]);
	});

	it('refuses an unknown room type given by expression before sending anything', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			getRooms({ filters: { roomTypes: '={{ ["public", "meeting"] }}' } }),
		);
		expect(result.error?.message).toMatch(/^Room Types: "meeting" is not a room type \[item 0\]/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('lists only the rooms the account can see', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getRooms({ returnAll: true }), {
			credentials: credentialsFor(emulator, SEED_IDS.janeToken),
		});
		expect(result.items.map((item) => item.json.id)).toEqual([101]);
	});
});

describe('Room: Get Many — output', () => {
	it('simplifies each room to what people map', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getRooms({ returnAll: true }));
		const byTitle = Object.fromEntries(result.items.map((item) => [item.json.title, item.json]));
		expect(byTitle['Client Projects']).toEqual({
			id: 101,
			title: 'Client Projects',
			roomType: 'custom',
			roomTypeLabel: 'Custom room',
			url: `${emulator.baseUrl}/rooms/shared/101/filter?folder=101`,
			createdBy: 'Olivia Owner',
			createdById: SEED_IDS.ownerId,
			created: expect.any(String),
			updated: expect.any(String),
			filesCount: 1,
			foldersCount: 0,
			hasExternalLinks: false,
			denyDownload: false,
			tags: [],
			pinned: false,
			connectedStorage: null,
		});
		expect(byTitle['Press Kit']).toMatchObject({
			roomType: 'public',
			roomTypeLabel: 'Public room',
			hasExternalLinks: true,
		});
		expect(byTitle['Box Archive']).toMatchObject({
			id: 'sbox-42',
			connectedStorage: 'Box',
			url: expect.stringContaining('/rooms/shared/sbox-42/'),
		});
		const labels = new Set(result.items.map((item) => item.json.roomTypeLabel));
		expect(labels).toEqual(
			new Set([
				'Custom room',
				'Public room',
				'Form filling room',
				'Collaboration room',
				'Virtual data room',
				'AI room',
			]),
		);
	});

	it('returns DocSpace’s room objects unchanged with Simplify off', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getRooms({ limit: 1, simplify: false }));
		expect(result.items[0].json).toMatchObject({
			id: 101,
			title: 'Client Projects',
			roomType: 5,
			rootFolderType: 14,
			createdBy: { displayName: 'Olivia Owner' },
		});
		expect(result.items[0].json).not.toHaveProperty('roomTypeLabel');
	});
});

describe('Room: Get Many — failures', () => {
	it('explains a key without the rooms:read permission', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getRooms(), {
			credentials: credentialsFor(emulator, SEED_IDS.filesOnlyApiKey),
		});
		expect(result.error?.message).toMatch(
			/not allowed to Room: Get Many \(missing permission rooms:read\)/,
		);
	});
});
