import { DocSpaceEmulator, FOLDER_SEED_IDS as F, SEED_IDS, seedWithFolders } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset(seedWithFolders()));
afterEach(() => expect(emulator.openApiViolations()).toEqual([]));

const titles = (content: {
	folders: Array<{ title: string }>;
	files: Array<{ title: string }>;
}) => [
	...content.folders.map((entry) => entry.title),
	...content.files.map((entry) => entry.title),
];

describe('folders (docs/docspace/folders.md §4, §5)', () => {
	it('creates, reads and renames a folder; invalid characters become underscores', async () => {
		const created = await call(emulator, 'POST', `/api/2.0/files/folder/${F.draftsFolderId}`, {
			body: { title: 'Q1: plan' },
		});
		expect(created.json.response).toMatchObject({
			title: 'Q1_ plan',
			parentId: 402,
			rootFolderType: 14,
			parentRoomType: 19,
			filesCount: 0,
		});
		const id = created.json.response.id;
		expect((await call(emulator, 'GET', `/api/2.0/files/folder/${id}`)).json.response.title).toBe(
			'Q1_ plan',
		);
		const renamed = await call(emulator, 'PUT', `/api/2.0/files/folder/${id}`, {
			body: { title: 'Q1' },
		});
		expect(renamed.json.response).toMatchObject({ id, title: 'Q1' });
		expect((await call(emulator, 'GET', '/api/2.0/files/folder/10')).json.response).toMatchObject({
			title: 'My documents',
			rootFolderType: 5,
			foldersCount: 1,
		});
	});

	it('refuses an empty or too long title (400), the Rooms section (403), unknown parents (404) and other people’s My documents (403)', async () => {
		expect(
			(
				await call(emulator, 'POST', `/api/2.0/files/folder/${F.draftsFolderId}`, {
					body: { title: ' ' },
				})
			).json.response.errors,
		).toEqual({ Title: ['The Title field is required.'] });
		expect(
			(
				await call(emulator, 'POST', `/api/2.0/files/folder/${F.draftsFolderId}`, {
					body: { title: 'x'.repeat(166) },
				})
			).json.response.status,
		).toBe(400);
		const rooms = await call(emulator, 'POST', '/api/2.0/files/folder/2', { body: { title: 'A' } });
		expect([rooms.status, rooms.json.error.message]).toEqual([
			403,
			"You don't have enough permission to create",
		]);
		expect(
			(await call(emulator, 'POST', '/api/2.0/files/folder/999999', { body: { title: 'A' } }))
				.status,
		).toBe(404);
		expect((await call(emulator, 'GET', '/api/2.0/files/folder/11')).status).toBe(403);
		emulator.reset(seedWithFolders());
	});

	it('lists folders first, then files; searches sub-folders unless withSubFolders=false; filters by type; sorts', async () => {
		const drafts = await call(emulator, 'GET', `/api/2.0/files/${F.draftsFolderId}`);
		expect(titles(drafts.json.response)).toEqual(['2026', 'Budget.xlsx', 'Locked.docx']);
		expect(drafts.json.response).toMatchObject({ total: 3, current: { id: 402, title: 'Drafts' } });
		const room = await call(
			emulator,
			'GET',
			`/api/2.0/files/${SEED_IDS.customRoomId}?filterValue=plan`,
		);
		expect(titles(room.json.response)).toEqual(['Plan.docx']);
		expect(
			titles(
				(
					await call(
						emulator,
						'GET',
						`/api/2.0/files/${SEED_IDS.customRoomId}?filterValue=plan&withSubFolders=false`,
					)
				).json.response,
			),
		).toEqual([]);
		expect(
			titles(
				(await call(emulator, 'GET', `/api/2.0/files/${F.draftsFolderId}?filterType=5`)).json
					.response,
			),
		).toEqual(['Budget.xlsx']);
		expect(
			titles(
				(await call(emulator, 'GET', `/api/2.0/files/${F.draftsFolderId}?filterType=2`)).json
					.response,
			),
		).toEqual(['2026']);
		expect(
			titles(
				(await call(emulator, 'GET', `/api/2.0/files/${F.draftsFolderId}?sortBy=az&sortOrder=1`))
					.json.response,
			),
		).toEqual(['2026', 'Locked.docx', 'Budget.xlsx']);
		// An unknown sortBy is no error: default order.
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/${F.draftsFolderId}?sortBy=Colour`)).status,
		).toBe(200);
		const paged = await call(
			emulator,
			'GET',
			`/api/2.0/files/${F.draftsFolderId}?startIndex=1&count=1`,
		);
		expect([titles(paged.json.response), paged.json.response.total]).toEqual([['Budget.xlsx'], 3]);
		const my = await call(emulator, 'GET', '/api/2.0/files/@my');
		expect(titles(my.json.response)).toEqual([
			'Contracts',
			'Contract.docx',
			'Application.pdf',
			'notes.txt',
		]);
	});

	it('history: newest first, grouped events of one operation share an entry while total counts every event', async () => {
		await call(emulator, 'POST', `/api/2.0/files/folder/${F.draftsFolderId}`, {
			body: { title: 'A' },
		});
		await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
			body: {
				folderIds: [F.nestedFolderId],
				destFolderId: SEED_IDS.customRoomId,
				conflictResolveType: 'Duplicate',
				returnSingleOperation: true,
			},
		});
		const log = await call(
			emulator,
			'GET',
			`/api/2.0/files/folder/${SEED_IDS.customRoomId}/log?count=100`,
		);
		expect(log.json.total).toBe(3);
		expect(
			log.json.response.map((entry: { action: { key: string }; related: unknown[] }) => [
				entry.action.key,
				entry.related.length,
			]),
		).toEqual([
			['FileCopied', 1],
			['FolderCreated', 0],
		]);
		const firstPage = await call(
			emulator,
			'GET',
			`/api/2.0/files/folder/${SEED_IDS.customRoomId}/log?count=2`,
		);
		expect([firstPage.json.response.length, firstPage.json.total]).toEqual([1, 3]);
		const range = await call(
			emulator,
			'GET',
			`/api/2.0/files/folder/${SEED_IDS.customRoomId}/log?toDate=2020-01-01T00:00:00Z`,
		);
		expect(range.json.response).toEqual([]);
		expect((await call(emulator, 'GET', '/api/2.0/files/folder/sbox-42/log')).status).toBe(404);
	});
});
