import { DocSpaceEmulator, SEED_IDS } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());
afterEach(() => expect(emulator.openApiViolations()).toEqual([]));

describe('GET files/{folderId}', () => {
	it("lists a room's files, searched by title, with paging", async () => {
		const answer = await call(
			emulator,
			'GET',
			`/api/2.0/files/${SEED_IDS.customRoomId}?filterValue=BRIEF&withSubFolders=true&count=10`,
		);
		expect(answer.status).toBe(200);
		// FolderContentDto carries its own startIndex/count/total (§7); the envelope has none.
		expect(answer.json.total).toBeUndefined();
		expect(answer.json.response).toMatchObject({
			files: [{ id: 301, title: 'Brief.docx', folderId: 101, rootFolderType: 14 }],
			folders: [],
			current: { id: 101, title: 'Client Projects' },
			total: 1,
		});
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/${SEED_IDS.customRoomId}?filterValue=nothing`))
				.json.response.files,
		).toEqual([]);
	});

	it('lists My documents of the caller and the rooms of the Rooms root', async () => {
		const self = await call(emulator, 'GET', '/api/2.0/people/@self');
		const my = await call(emulator, 'GET', '/api/2.0/files/10?count=2');
		expect(self.json.response.id).toBe(SEED_IDS.ownerId);
		expect(my.json.response).toMatchObject({
			current: { title: 'My documents' },
			count: 2,
			total: 3,
		});
		const rooms = await call(emulator, 'GET', '/api/2.0/files/2?filterValue=press');
		expect(rooms.json.response.folders).toEqual([
			expect.objectContaining({ id: 102, title: 'Press Kit' }),
		]);
	});

	it("refuses other people's folders and unknown ones; literal routes still win", async () => {
		expect((await call(emulator, 'GET', '/api/2.0/files/11', {})).status).toBe(403);
		expect(
			(
				await call(emulator, 'GET', `/api/2.0/files/${SEED_IDS.customRoomId}`, {
					authorization: `Bearer ${SEED_IDS.token}`,
				})
			).status,
		).toBe(200);
		expect((await call(emulator, 'GET', '/api/2.0/files/999999')).status).toBe(404);
		expect(
			(await call(emulator, 'GET', '/api/2.0/files/rooms')).json.response.folders.length,
		).toBeGreaterThan(0);
		expect((await call(emulator, 'GET', '/api/2.0/files/@my')).json.response.current.title).toBe(
			'My documents',
		);
	});
});
