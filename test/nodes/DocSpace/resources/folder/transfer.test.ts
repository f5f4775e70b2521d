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

const id = (value: string) => byId('id', value);
const EMPTY_POLL = {
	kind: 'status' as const,
	status: 200,
	body: { response: [], count: 0, links: [], status: 0, statusCode: 200 },
};

describe('File and Folder: Copy and Move (asynchronous, docs/docspace/folders.md §1, §2)', () => {
	it('Max Wait, not Timeout, bounds the whole wait: an operation running longer than Timeout finishes, each status read within Timeout', async () => {
		const { emulator } = ctx;
		emulator.configure({ fileOperationReads: 4 });
		const started = Date.now();
		const result = await run(emulator, {
			resource: 'file',
			operation: 'copy',
			file: id(F.budgetFileId),
			destinationFolder: id(F.nestedFolderId),
			options: { timeoutSeconds: 1, maxWaitSeconds: 30 },
		});
		expect(result.error).toBeUndefined();
		// Pauses of 0.2 + 0.4 + 0.8 + 1.6 s: longer than Timeout in all.
		expect(Date.now() - started).toBeGreaterThan(1_500);
		expect(
			emulator.requests.filter((request) => request.path === '/api/2.0/files/fileops'),
		).toHaveLength(4);
		expect(result.items[0].json).toMatchObject({ title: 'Budget.xlsx', skipped: false });
	}, 15_000);

	it('File: Copy sends one BatchRequestDto, polls the operation by its id and returns the new file', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'file',
			operation: 'copy',
			file: id(F.budgetFileId),
			destinationFolder: id(F.nestedFolderId),
		});
		expect(result.error).toBeUndefined();
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[
				[
					'PUT',
					'/api/2.0/files/fileops/copy',
					{
						fileIds: [311],
						folderIds: [],
						destFolderId: 403,
						conflictResolveType: 'Duplicate',
						deleteAfter: false,
						content: false,
						returnSingleOperation: true,
					},
				],
			],
		);
		const polls = emulator.requests.filter((request) => request.path === '/api/2.0/files/fileops');
		expect(polls.map((request) => request.query)).toEqual([{ id: expect.any(String) }]);
		expect(result.items).toEqual([
			{
				json: {
					operation: 'copy',
					sourceId: 311,
					destinationFolderId: 403,
					skipped: false,
					resultReported: true,
					id: expect.any(Number),
					title: 'Budget.xlsx',
					type: 'file',
					parentId: 403,
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(result.items[0].json.id).not.toBe(311);
	});

	it('waits over several reads; Skip reports a skipped entry; Overwrite keeps the existing file', async () => {
		const { emulator } = ctx;
		emulator.configure({ fileOperationReads: 4 });
		const skipped = await run(emulator, {
			resource: 'file',
			operation: 'copy',
			file: id(SEED_IDS.myDocxId),
			destinationFolder: id(F.contractsFolderId),
			conflictResolution: 'skip',
		});
		expect(skipped.items[0].json).toMatchObject({ skipped: true, resultReported: true });
		expect(
			emulator.requests.filter((request) => request.path === '/api/2.0/files/fileops'),
		).toHaveLength(4);
		const overwritten = await run(emulator, {
			resource: 'file',
			operation: 'copy',
			file: id(SEED_IDS.myDocxId),
			destinationFolder: id(F.contractsFolderId),
			conflictResolution: 'overwrite',
		});
		expect(overwritten.items[0].json).toMatchObject({
			skipped: false,
			id: 314,
			title: 'Contract.docx',
		});
		expect(
			writes(emulator).map(
				(request) => (request.body as { conflictResolveType: string }).conflictResolveType,
			),
		).toEqual(['Skip', 'Overwrite']);
	});

	it('Folder: Move moves the folder with its contents; the destination DocSpace lists is not mistaken for the result', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'folder',
			operation: 'move',
			folder: id(F.nestedFolderId),
			destinationFolder: byId('url', `${emulator.baseUrl}/rooms/shared/102/filter?folder=102`),
		});
		expect(result.items[0].json).toMatchObject({
			operation: 'move',
			id: 403,
			title: '2026',
			type: 'folder',
			parentId: 102,
			destinationFolderId: 102,
		});
		expect(writes(emulator)[0].body).toMatchObject({
			fileIds: [],
			folderIds: [403],
			destFolderId: 102,
		});
		expect(emulator.portal.files.get(F.planFileId)?.roomId).toBe(SEED_IDS.publicRoomId);
	});

	it('Folder: Copy into a folder with the same name keeps both', async () => {
		const { emulator } = ctx;
		const first = await run(emulator, {
			resource: 'folder',
			operation: 'copy',
			folder: id(F.nestedFolderId),
			destinationFolder: id(F.draftsFolderId),
		});
		expect(first.items[0].json).toMatchObject({ title: '2026 (1)', parentId: 402 });
	});

	it('a result another reader took: a move is confirmed from the entry, a copy says the result was not reported', async () => {
		const { emulator } = ctx;
		emulator.inject({ method: 'GET', path: '/api/2.0/files/fileops', times: 2, ...EMPTY_POLL });
		const moved = await run(emulator, {
			resource: 'file',
			operation: 'move',
			file: id(F.budgetFileId),
			destinationFolder: id(F.nestedFolderId),
		});
		expect(moved.items[0].json).toMatchObject({
			resultReported: false,
			confirmed: true,
			id: 311,
			parentId: 403,
		});
		const copied = await run(emulator, {
			resource: 'file',
			operation: 'copy',
			file: id(F.budgetFileId),
			destinationFolder: id(F.contractsFolderId),
		});
		expect(copied.items[0].json).toEqual({
			operation: 'copy',
			sourceId: 311,
			destinationFolderId: 401,
			skipped: false,
			resultReported: false,
			confirmed: false,
		});
	});

	it('DocSpace’s failures: a per-entry error inside the operation, a refused destination, an unknown file', async () => {
		const { emulator } = ctx;
		const locked = await run(emulator, {
			resource: 'file',
			operation: 'move',
			file: id(F.lockedFileId),
			destinationFolder: id(F.contractsFolderId),
		});
		expect(locked.error?.message).toBe(
			'DocSpace could not finish File: Move for file 313: The file is currently locked by another user [item 0]',
		);
		expect(locked.error?.description).toMatch(/locked/);
		const rooms = await run(emulator, {
			resource: 'folder',
			operation: 'move',
			folder: id(F.draftsFolderId),
			destinationFolder: id('2'),
		});
		expect(rooms.error?.message).toBe(
			"DocSpace refused the request for folder 402: You don't have permission to move to this folder [item 0]",
		);
		const unknown = await run(emulator, {
			resource: 'file',
			operation: 'copy',
			file: id('999999'),
			destinationFolder: id(F.nestedFolderId),
		});
		expect(unknown.error?.message).toBe('File 999999 was not found in DocSpace [item 0]');
	});

	it('gives up after Max Wait with the progress in the error, without starting the operation again', async () => {
		const { emulator } = ctx;
		emulator.configure({ fileOperationReads: 1000 });
		const result = await run(emulator, {
			resource: 'folder',
			operation: 'copy',
			folder: id(F.nestedFolderId),
			destinationFolder: id(F.contractsFolderId),
			options: { maxWaitSeconds: 1 },
		});
		expect(result.error?.message).toMatch(
			/^DocSpace had not finished Folder: Copy for folder 403 after [01] s \(progress 50%\) \[item 0\]$/,
		);
		expect(result.error?.description).toMatch(/Max Wait/);
		expect(writes(emulator)).toHaveLength(1);
	});

	it('never repeats a start request whose answer was lost, and says so', async () => {
		const { emulator } = ctx;
		emulator.inject({
			method: 'PUT',
			path: '/api/2.0/files/fileops/copy',
			kind: 'html502',
			afterProcessing: true,
		});
		const result = await run(emulator, {
			resource: 'file',
			operation: 'copy',
			file: id(F.budgetFileId),
			destinationFolder: id(F.nestedFolderId),
		});
		expect(result.error?.message).toMatch(/failed with 502/);
		expect(result.error?.description).toMatch(/may have started: check the destination/);
		expect(writes(emulator)).toHaveLength(1);
	});

	it('refuses bad input before sending: the folder into itself, a bad destination, an unknown conflict choice', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			{
				resource: 'folder',
				operation: 'copy',
				folder: id('={{ $json.folder }}'),
				destinationFolder: id('={{ $json.to }}'),
				conflictResolution: '={{ $json.conflict ?? "duplicate" }}',
			},
			{
				items: [
					{ folder: '403', to: '403' },
					{ folder: '403', to: '' },
					{ folder: '403', to: '401', conflict: 'merge' },
				],
				continueOnFail: true,
			},
		);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'Destination Folder: is the folder itself [item 0]',
			'Destination Folder: "" is not a folder ID [item 1]',
			'If the Name Exists: is not one of Keep Both, Overwrite, Skip [item 2]',
		]);
		expect(writes(emulator)).toHaveLength(0);
	});
});

describe('File and Folder: Delete (docs/docspace/folders.md §3)', () => {
	it('File: Delete moves to the Trash through DELETE files/file/{id}?returnSingleOperation=true', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'file',
			operation: 'delete',
			file: id(F.budgetFileId),
		});
		expect(
			writes(emulator).map((request) => [
				request.method,
				request.path,
				request.query,
				request.body,
			]),
		).toEqual([
			[
				'DELETE',
				'/api/2.0/files/file/311',
				{ returnSingleOperation: 'true' },
				{ deleteAfter: false, immediately: false },
			],
		]);
		expect(result.items[0].json).toEqual({
			id: 311,
			type: 'file',
			deleted: true,
			permanently: false,
			resultReported: true,
		});
		expect(emulator.portal.files.get(F.budgetFileId)?.trashedBy).toBe(SEED_IDS.ownerId);
	});

	it('Folder: Delete Permanently uses PUT files/fileops/delete with returnSingleOperation', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'folder',
			operation: 'delete',
			folder: id(F.nestedFolderId),
			deletePermanently: true,
		});
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[
				[
					'PUT',
					'/api/2.0/files/fileops/delete',
					{
						folderIds: [403],
						fileIds: [],
						deleteAfter: false,
						immediately: true,
						returnSingleOperation: true,
					},
				],
			],
		);
		expect(result.items[0].json).toMatchObject({
			id: 403,
			type: 'folder',
			deleted: true,
			permanently: true,
		});
		expect(emulator.portal.folders.has(F.nestedFolderId)).toBe(false);
	});

	it('a result another reader took is confirmed by reading the entry (in the Trash)', async () => {
		const { emulator } = ctx;
		emulator.inject({ method: 'GET', path: '/api/2.0/files/fileops', times: 1, ...EMPTY_POLL });
		const result = await run(emulator, {
			resource: 'file',
			operation: 'delete',
			file: id(F.budgetFileId),
		});
		expect(result.items[0].json).toEqual({
			id: 311,
			type: 'file',
			deleted: true,
			permanently: false,
			resultReported: false,
		});
	});

	it('DocSpace’s failures: a locked file, no right to delete, a key without files:write', async () => {
		const { emulator } = ctx;
		const locked = await run(emulator, {
			resource: 'file',
			operation: 'delete',
			file: id(F.lockedFileId),
		});
		expect(locked.error?.message).toBe(
			'DocSpace could not finish File: Delete for file 313: The file is currently locked by another user [item 0]',
		);
		const jane = await run(
			emulator,
			{ resource: 'file', operation: 'delete', file: id(SEED_IDS.myDocxId) },
			{ credentials: credentialsFor(emulator, SEED_IDS.janeToken) },
		);
		expect(jane.error?.message).toBe(
			"DocSpace refused the request for file 201: You don't have enough permission to delete the file [item 0]",
		);
		const rooms = await run(
			emulator,
			{ resource: 'folder', operation: 'delete', folder: id(F.nestedFolderId) },
			{ credentials: credentialsFor(emulator, SEED_IDS.roomsOnlyApiKey) },
		);
		expect(rooms.error?.message).toBe(
			'The API key is not allowed to Folder: Delete (missing permission files:write) [item 0]',
		);
	});

	it('refuses a bad ID and a non-boolean Delete Permanently before sending', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			{
				resource: 'file',
				operation: 'delete',
				file: id('={{ $json.file }}'),
				deletePermanently: '={{ $json.now }}',
			},
			{
				items: [
					{ file: 'abc', now: false },
					{ file: '311', now: 'soon' },
				],
				continueOnFail: true,
			},
		);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'File: "abc" is not a file ID [item 0]',
			'Delete Permanently: expected true or false, got "soon" [item 1]',
		]);
		expect(writes(emulator)).toHaveLength(0);
	});
});
