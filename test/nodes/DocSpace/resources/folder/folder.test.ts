import { FOLDER_SEED_IDS as F, seedWithFolders } from '../../../../emulator';
import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';

const ctx = useEmulator();
beforeEach(() => ctx.emulator.reset(seedWithFolders()));

const folder = (value: string, mode: 'id' | 'url' | 'list' = 'id') => byId(mode, value);

describe('Folder: Create and Rename', () => {
	it('creates a folder in a room and returns it simplified, with an address the Folder field takes back', async () => {
		const { emulator } = ctx;
		const created = await run(emulator, {
			resource: 'folder',
			operation: 'create',
			destinationFolder: folder(SEED_IDS.customRoomId),
			folderName: '  Contracts 2026 ',
		});
		expect(created.error).toBeUndefined();
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[['POST', '/api/2.0/files/folder/101', { title: 'Contracts 2026' }]],
		);
		const json = created.items[0].json;
		expect(json).toMatchObject({
			type: 'folder',
			title: 'Contracts 2026',
			parentId: 101,
			section: 'rooms',
			isRoom: false,
			filesCount: 0,
			createdBy: 'Olivia Owner',
		});
		expect(json.url).toBe(`${emulator.baseUrl}/rooms/shared/filter?folder=${json.id}`);
		const again = await run(emulator, {
			resource: 'folder',
			operation: 'get',
			folder: folder(String(json.url), 'url'),
		});
		expect(again.items[0].json.id).toBe(json.id);
	});

	it('renames a folder (PUT files/folder/{id}); Simplify off gives DocSpace’s FolderDto', async () => {
		const { emulator } = ctx;
		const renamed = await run(emulator, {
			resource: 'folder',
			operation: 'rename',
			folder: folder(F.nestedFolderId),
			folderName: 'Archive 2026',
			simplify: false,
		});
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[['PUT', '/api/2.0/files/folder/403', { title: 'Archive 2026' }]],
		);
		expect(renamed.items[0].json).toMatchObject({
			id: 403,
			title: 'Archive 2026',
			parentId: 402,
			rootFolderType: 14,
		});
	});

	it('refuses an empty or too long name and a bad parent before sending anything', async () => {
		const { emulator } = ctx;
		const items = [{ name: '' }, { name: 'x'.repeat(166) }, { name: 'ok' }];
		const result = await run(
			emulator,
			{
				resource: 'folder',
				operation: 'create',
				destinationFolder: folder('={{ $json.parent ?? "101" }}'),
				folderName: '={{ $json.name }}',
			},
			{ items: [...items, { name: 'ok', parent: 'x y' }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error ?? item.json.title)).toEqual([
			'Name: is empty [item 0]',
			'Name: is 166 characters long; DocSpace accepts at most 165 [item 1]',
			'ok',
			'Destination Folder or Room: "x y" is not a folder ID [item 3]',
		]);
		expect(writes(emulator)).toHaveLength(1);
	});

	it('explains DocSpace’s refusals: the Rooms section, an unknown folder', async () => {
		const { emulator } = ctx;
		const rooms = await run(emulator, {
			resource: 'folder',
			operation: 'create',
			destinationFolder: folder('2'),
			folderName: 'A',
		});
		expect(rooms.error?.message).toBe(
			"DocSpace refused the request for folder: You don't have enough permission to create [item 0]",
		);
		const unknown = await run(emulator, {
			resource: 'folder',
			operation: 'rename',
			folder: folder('999999'),
			folderName: 'A',
		});
		expect(unknown.error?.message).toBe('Folder 999999 was not found in DocSpace [item 0]');
	});
});

describe('Folder: Get and Get Contents', () => {
	it('gets a folder by ID and lists its contents: folders first, then files, simplified', async () => {
		const { emulator } = ctx;
		const got = await run(emulator, {
			resource: 'folder',
			operation: 'get',
			folder: folder(F.draftsFolderId),
		});
		expect(got.items[0].json).toMatchObject({
			id: 402,
			title: 'Drafts',
			filesCount: 2,
			foldersCount: 1,
			section: 'rooms',
		});
		const contents = await run(emulator, {
			resource: 'folder',
			operation: 'getContents',
			folder: folder(F.draftsFolderId),
			returnAll: true,
		});
		expect(contents.items.map((item) => [item.json.type, item.json.title])).toEqual([
			['folder', '2026'],
			['file', 'Locked.docx'],
			['file', 'Budget.xlsx'],
		]);
		expect(contents.items[2].json).toMatchObject({
			id: 311,
			extension: '.xlsx',
			sizeBytes: 4096,
			folderId: 402,
		});
		expect(emulator.requests.at(-1)?.query).toEqual({
			withSubFolders: 'false',
			sortBy: 'DateAndTime',
			sortOrder: '1',
			startIndex: '0',
			count: '100',
		});
	});

	it('sends search, type, sub-folder search and sort as DocSpace reads them', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'folder',
			operation: 'getContents',
			folder: folder(SEED_IDS.customRoomId),
			returnAll: true,
			contentFilters: {
				search: ' plan ',
				entryType: 'documents',
				withSubfolders: true,
				sortBy: 'name',
				sortOrder: 'ascending',
			},
		});
		expect(result.items.map((item) => item.json.title)).toEqual(['Plan.docx']);
		expect(emulator.requests.at(-1)?.query).toEqual({
			filterValue: 'plan',
			withSubFolders: 'true',
			filterType: '3',
			sortBy: 'AZ',
			sortOrder: '0',
			startIndex: '0',
			count: '100',
		});
	});

	it('Limit and Return All page through DocSpace’s 100-entry pages', async () => {
		const { emulator } = ctx;
		const seed = seedWithFolders();
		for (let n = 0; n < 130; n++)
			seed.files.push({
				id: String(7000 + n),
				title: `Scan ${n}.pdf`,
				location: { folderId: F.contractsFolderId },
				createdBy: SEED_IDS.ownerId,
			});
		emulator.reset(seed);
		const all = await run(emulator, {
			resource: 'folder',
			operation: 'getContents',
			folder: folder(F.contractsFolderId),
			returnAll: true,
		});
		expect(all.items).toHaveLength(131);
		expect(new Set(all.items.map((item) => item.json.id)).size).toBe(131);
		expect(emulator.requests.map((request) => request.query.startIndex)).toEqual(['0', '100']);
		const limited = await run(emulator, {
			resource: 'folder',
			operation: 'getContents',
			folder: folder(F.contractsFolderId),
			limit: 5,
		});
		expect(limited.items).toHaveLength(5);
		expect(emulator.requests.at(-1)?.query.count).toBe('5');
	});

	it('an unknown folder, another user’s folder and a bad ID each fail their item', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			{
				resource: 'folder',
				operation: 'getContents',
				folder: folder('={{ $json.id }}'),
				returnAll: true,
			},
			{
				items: [{ id: '999999' }, { id: 'a/b' }, { id: F.contractsFolderId }],
				continueOnFail: true,
				credentials: credentialsFor(emulator, SEED_IDS.janeToken),
			},
		);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'Folder 999999 was not found in DocSpace [item 0]',
			'Folder: "a/b" is not a folder ID [item 1]',
			'You are not allowed to open folder 401 [item 2]',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});
});

describe('Folder: Get History', () => {
	it('pages by DocSpace’s total, not by page length (grouped events make short pages)', async () => {
		const { emulator } = ctx;
		const seed = seedWithFolders();
		emulator.reset(seed);
		// 120 grouped events from one copy of a folder holding 119 files, plus one folder creation.
		for (let n = 0; n < 119; n++)
			emulator.portal.files.set(String(8000 + n), {
				...emulator.portal.files.get(F.planFileId)!,
				id: String(8000 + n),
				title: `P${n}.docx`,
			});
		const copy = await run(emulator, {
			resource: 'folder',
			operation: 'copy',
			folder: folder(F.nestedFolderId),
			destinationFolder: folder(SEED_IDS.customRoomId),
		});
		expect(copy.error).toBeUndefined();
		await run(emulator, {
			resource: 'folder',
			operation: 'create',
			destinationFolder: folder(SEED_IDS.customRoomId),
			folderName: 'Late',
		});
		emulator.requests.length = 0;
		const history = await run(emulator, {
			resource: 'folder',
			operation: 'getHistory',
			folder: folder(SEED_IDS.customRoomId),
			returnAll: true,
		});
		expect(history.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [
				request.path,
				request.query.startIndex,
				request.query.count,
			]),
		).toEqual([
			['/api/2.0/files/folder/101/log', '0', '100'],
			['/api/2.0/files/folder/101/log', '100', '100'],
		]);
		expect(history.items.map((item) => item.json.action)).toEqual([
			'FolderCreated',
			'FileCopied',
			'FileCopied',
		]);
		expect(history.items[0].json).toMatchObject({
			initiator: 'Olivia Owner',
			initiatorId: SEED_IDS.ownerId,
			data: { title: 'Late' },
			relatedCount: 0,
		});
	});

	it('sends From/To as ISO dates read in the workflow’s time zone and refuses a reversed range', async () => {
		const { emulator } = ctx;
		await run(
			emulator,
			{
				resource: 'folder',
				operation: 'getHistory',
				folder: folder(F.draftsFolderId),
				historyFilters: { fromDate: '2026-01-01T00:00:00', toDate: '2026-02-01T00:00:00Z' },
			},
			{ timezone: 'Europe/Berlin' },
		);
		expect(emulator.requests[0].query).toMatchObject({
			fromDate: '2025-12-31T23:00:00.000Z',
			toDate: '2026-02-01T00:00:00.000Z',
		});
		const reversed = await run(emulator, {
			resource: 'folder',
			operation: 'getHistory',
			folder: folder(F.draftsFolderId),
			historyFilters: { fromDate: '2026-03-01', toDate: '2026-02-01' },
		});
		expect(reversed.error?.message).toBe('From: is later than To [item 0]');
		expect(emulator.requests).toHaveLength(1);
	});
});
