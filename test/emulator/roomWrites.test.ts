import { DocSpaceEmulator, SEED_IDS } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());
afterEach(() => expect(emulator.openApiViolations()).toEqual([]));

const ROOMS = '/api/2.0/files/rooms';
const create = (body: unknown, authorization?: string) =>
	call(emulator, 'POST', ROOMS, { body, authorization });

describe('POST files/rooms', () => {
	it('creates a room of every type, answering a FolderDto with roomType and the settings sent', async () => {
		const types: Array<[number, number]> = [
			[1, 1],
			[2, 2],
			[5, 5],
			[6, 6],
			[8, 8],
			[9, 9],
		];
		for (const [roomType, expected] of types) {
			const answer = await create({ title: `Room ${roomType}`, roomType });
			expect([roomType, answer.status, answer.json.response.roomType]).toEqual([
				roomType,
				200,
				expected,
			]);
		}
		const vdr = await create({
			title: 'Deal 42',
			roomType: 8,
			tags: ['client', 'client', '2027'],
			quota: 1048576,
			indexing: true,
			denyDownload: true,
			color: 'FF6F3D',
			cover: 'cover1',
			lifetime: { enabled: true, value: 30, period: 0, deletePermanently: false },
			watermark: { enabled: true, text: 'Confidential', additions: 3, rotate: -45 },
		});
		expect(vdr.json.response).toMatchObject({
			title: 'Deal 42',
			roomType: 8,
			tags: ['client', '2027'],
			quotaLimit: 1048576,
			indexing: true,
			denyDownload: true,
			logo: { color: 'FF6F3D', cover: { id: 'cover1' } },
			lifetime: { enabled: true, value: 30, period: 0 },
			watermark: { enabled: true, text: 'Confidential', additions: 3 },
			createdBy: { id: SEED_IDS.ownerId },
		});
		expect(emulator.portal.rooms.get(String(vdr.json.response.id))?.folderType).toBe(29);
	});

	it('gives public and form filling rooms their primary external link at once', async () => {
		const pub = await create({ title: 'Press', roomType: 6 });
		const form = await create({ title: 'Forms', roomType: 1 });
		const custom = await create({ title: 'Plain', roomType: 5 });
		const primary = (id: number) =>
			emulator.portal.rooms
				.get(String(id))
				?.links.map((link) => [link.linkType, link.primary, link.access]);
		expect(primary(pub.json.response.id)).toEqual([[1, true, 2]]);
		expect(primary(form.json.response.id)).toEqual([[1, true, 7]]);
		expect(primary(custom.json.response.id)).toEqual([]);
	});

	it('trap: a colour with "#" is longer than 6 characters and refused with 400, like a title over 170', async () => {
		const color = await create({ title: 'Red', roomType: 5, color: '#FF0000' });
		expect(color.json).toMatchObject({
			status: 1,
			statusCode: 400,
			response: { errors: { Color: [expect.stringContaining('maximum length of 6')] } },
		});
		const title = await create({ title: 'x'.repeat(171), roomType: 5 });
		expect(title.json.response.errors.Title).toBeDefined();
		const missing = await create({ roomType: 5 });
		expect(missing.json.response.errors.Title).toEqual(['The Title field is required.']);
		// Trap: roomType also takes DocSpace's names (the OpenAPI document says integer only).
		const byName = await create({ title: 'Named', roomType: 'VirtualDataRoom' });
		expect(byName.json.response.roomType).toBe(8);
		const badType = await create({ title: 'T', roomType: 3 });
		expect(badType.json.statusCode).toBe(400);
		const lifetime = await create({
			title: 'T',
			roomType: 8,
			lifetime: { enabled: true, value: 1000, period: 0 },
		});
		expect(lifetime.json.response.errors.Value).toBeDefined();
		expect(emulator.portal.rooms.size).toBe(9);
		emulator.reset();
	});

	it('only room admins and DocSpace admins create rooms; a quota above the portal’s is refused', async () => {
		const jane = await create({ title: 'Jane’s', roomType: 5 }, `Bearer ${SEED_IDS.janeToken}`);
		expect(jane.status).toBe(200);
		emulator.portal.users.get(SEED_IDS.janeId)!.role = 'user';
		const user = await create({ title: 'User’s', roomType: 5 }, `Bearer ${SEED_IDS.janeToken}`);
		expect([user.status, user.json.error.message]).toEqual([403, 'Access denied']);
		const quota = await create({ title: 'Huge', roomType: 5, quota: 1024 ** 4 });
		expect(quota.status).toBe(403);
	});
});

describe('PUT files/rooms/{id}, pin, unpin, tags', () => {
	it('update changes only the fields sent and switches lifetime and watermark off', async () => {
		const { json } = await create({
			title: 'Deal',
			roomType: 8,
			denyDownload: true,
			lifetime: { enabled: true, value: 2, period: 1 },
			watermark: { text: 'X', additions: 1 },
		});
		const id = json.response.id;
		const updated = await call(emulator, 'PUT', `${ROOMS}/${id}`, {
			body: { title: 'Deal (closed)', lifetime: { enabled: false }, watermark: { enabled: false } },
		});
		expect(updated.json.response).toMatchObject({
			title: 'Deal (closed)',
			denyDownload: true,
			roomType: 8,
		});
		expect(updated.json.response.lifetime).toBeUndefined();
		expect(updated.json.response.watermark).toBeUndefined();
		const other = await call(emulator, 'PUT', `${ROOMS}/${SEED_IDS.publicRoomId}`, {
			body: { title: 'Mine' },
			authorization: `Bearer ${SEED_IDS.janeToken}`,
		});
		expect(other.status).toBe(403);
		const missing = await call(emulator, 'PUT', `${ROOMS}/424242`, { body: { title: 'Nope' } });
		expect(missing.status).toBe(404);
	});

	it('pinning is per user and stops at 10 rooms', async () => {
		const pinned = await call(emulator, 'PUT', `${ROOMS}/101/pin`);
		expect(pinned.json.response.pinned).toBe(true);
		const asJane = await call(emulator, 'GET', `${ROOMS}/101`, {
			authorization: `Bearer ${SEED_IDS.janeToken}`,
		});
		expect(asJane.json.response.pinned).toBe(false);
		for (const id of ['102', '103', '104', '105', '106', '107', 'sbox-42', '101'])
			await call(emulator, 'PUT', `${ROOMS}/${id}/pin`);
		const ninth = (await create({ title: 'Ninth', roomType: 5 })).json.response.id;
		const extra = (await create({ title: 'Tenth', roomType: 5 })).json.response.id;
		const tenth = (await create({ title: 'Eleventh', roomType: 5 })).json.response.id;
		expect((await call(emulator, 'PUT', `${ROOMS}/${ninth}/pin`)).status).toBe(200);
		expect((await call(emulator, 'PUT', `${ROOMS}/${extra}/pin`)).status).toBe(200);
		const refused = await call(emulator, 'PUT', `${ROOMS}/${tenth}/pin`);
		expect([refused.status, refused.json.error.message]).toEqual([403, "You can't pin a room"]);
		const unpinned = await call(emulator, 'PUT', `${ROOMS}/101/unpin`);
		expect(unpinned.json.response.pinned).toBe(false);
		expect((await call(emulator, 'PUT', `${ROOMS}/${tenth}/pin`)).status).toBe(200);
	});

	it('tags are added (created if missing) and removed; names are required', async () => {
		const added = await call(emulator, 'PUT', `${ROOMS}/101/tags`, {
			body: { names: ['client', 'vip'] },
		});
		expect(added.json.response.tags).toEqual(['client', 'vip']);
		const removed = await call(emulator, 'DELETE', `${ROOMS}/101/tags`, {
			body: { names: ['vip', 'unknown'] },
		});
		expect(removed.json.response.tags).toEqual(['client']);
		const none = await call(emulator, 'PUT', `${ROOMS}/101/tags`, { body: {} });
		expect(none.json).toMatchObject({
			statusCode: 400,
			response: { errors: { Names: ['The Names field is required.'] } },
		});
		emulator.reset();
	});
});
