import { DocSpaceEmulator, FOLDER_SEED_IDS as F, SEED_IDS, seedWithFolders } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset(seedWithFolders()));
afterEach(() => expect(emulator.openApiViolations()).toEqual([]));

const poll = (id: string) => call(emulator, 'GET', `/api/2.0/files/fileops?id=${id}`);

describe('asynchronous file operations (docs/docspace/folders.md §1)', () => {
	it('copy: running on the start answer, finished on the next read, then gone (the one-read quirk)', async () => {
		const start = await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
			body: {
				fileIds: [Number(F.budgetFileId)],
				folderIds: [],
				destFolderId: Number(F.nestedFolderId),
				conflictResolveType: 'Duplicate',
				deleteAfter: false,
				returnSingleOperation: true,
			},
		});
		expect(start.status).toBe(200);
		const [operation] = start.json.response;
		expect(operation).toMatchObject({
			Operation: 1,
			finished: false,
			progress: 50,
			error: '',
			status: 1,
		});
		const finished = await poll(operation.id);
		expect(finished.json.response).toEqual([
			expect.objectContaining({
				id: operation.id,
				finished: true,
				progress: 100,
				status: 2,
				files: [expect.objectContaining({ title: 'Budget.xlsx', folderId: 403 })],
			}),
		]);
		// folders[] lists the destination.
		expect(finished.json.response[0].folders).toEqual([
			expect.objectContaining({ id: 403, title: '2026' }),
		]);
		expect((await poll(operation.id)).json.response).toEqual([]);
		expect(finished.json.response[0].files[0].id).not.toBe(Number(F.budgetFileId));
	});

	it('keeps the result running for as many reads as configured; a read without id consumes it', async () => {
		emulator.configure({ fileOperationReads: 3 });
		const start = await call(emulator, 'PUT', '/api/2.0/files/fileops/move', {
			body: {
				fileIds: [F.budgetFileId],
				destFolderId: F.nestedFolderId,
				returnSingleOperation: true,
			},
		});
		const { id } = start.json.response[0];
		expect((await poll(id)).json.response[0].finished).toBe(false);
		expect((await poll(id)).json.response[0].finished).toBe(false);
		expect((await call(emulator, 'GET', '/api/2.0/files/fileops')).json.response).toEqual([
			expect.objectContaining({ id, finished: true }),
		]);
		expect((await poll(id)).json.response).toEqual([]);
	});

	it('a second client reading without id (consumeFileOperations) takes the finished result', async () => {
		const start = await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
			body: {
				fileIds: [F.budgetFileId],
				destFolderId: F.nestedFolderId,
				returnSingleOperation: true,
			},
		});
		// The start answer was the one read that sees it running; the next read sees it finished.
		expect(emulator.consumeFileOperations(SEED_IDS.ownerId)).toBe(1);
		expect((await poll(start.json.response[0].id)).json.response).toEqual([]);
	});

	it('deleteAfter: true: the finished operation is never reported', async () => {
		const start = await call(emulator, 'PUT', '/api/2.0/files/fileops/delete', {
			body: {
				fileIds: [F.budgetFileId],
				deleteAfter: true,
				immediately: false,
				returnSingleOperation: true,
			},
		});
		expect((await poll(start.json.response[0].id)).json.response).toEqual([]);
	});

	it('without returnSingleOperation the start answer lists every operation of the user, consuming finished ones', async () => {
		emulator.configure({ fileOperationReads: 0 });
		await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
			body: {
				fileIds: [F.budgetFileId],
				destFolderId: F.nestedFolderId,
				returnSingleOperation: true,
			},
		});
		emulator.configure({ fileOperationReads: 1 });
		const second = await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
			body: { fileIds: [F.budgetFileId], destFolderId: F.contractsFolderId },
		});
		expect(
			second.json.response.map((operation: { finished: boolean }) => operation.finished),
		).toEqual([false]);
	});

	it('conflicts: Skip (the default) silently skips, Duplicate renames, Overwrite replaces', async () => {
		const copy = async (conflictResolveType?: string | number) => {
			const start = await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
				body: {
					fileIds: [SEED_IDS.myDocxId],
					destFolderId: F.contractsFolderId,
					conflictResolveType,
					returnSingleOperation: true,
				},
			});
			return (await poll(start.json.response[0].id)).json.response[0];
		};
		expect((await copy()).files).toEqual([]);
		expect((await copy('duplicate')).files).toEqual([
			expect.objectContaining({ title: 'Contract (1).docx' }),
		]);
		expect((await copy(1)).files).toEqual([
			expect.objectContaining({ id: Number(F.contractCopyFileId), title: 'Contract.docx' }),
		]);
		const bad = await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
			body: {
				fileIds: [SEED_IDS.myDocxId],
				destFolderId: F.contractsFolderId,
				conflictResolveType: 'KeepBoth',
			},
		});
		expect(bad.json.response.status).toBe(400);
		// Lower-case names and integers bind on the server although OpenAPI lists only the three names.
		expect(emulator.openApiViolations()).toHaveLength(3);
		emulator.reset(seedWithFolders());
	});

	it('checks before it starts: unknown destination 404, Rooms section 403, folder into its own sub-folder 403', async () => {
		const body = (fields: object) => ({ body: { returnSingleOperation: true, ...fields } });
		expect(
			(
				await call(
					emulator,
					'PUT',
					'/api/2.0/files/fileops/copy',
					body({ fileIds: [F.budgetFileId], destFolderId: 999999 }),
				)
			).status,
		).toBe(404);
		const rooms = await call(
			emulator,
			'PUT',
			'/api/2.0/files/fileops/move',
			body({ folderIds: [F.draftsFolderId], destFolderId: 2 }),
		);
		expect([rooms.status, rooms.json.error.message]).toEqual([
			403,
			"You don't have permission to move to this folder",
		]);
		const own = await call(
			emulator,
			'PUT',
			'/api/2.0/files/fileops/move',
			body({ folderIds: [F.draftsFolderId], destFolderId: F.nestedFolderId }),
		);
		expect([own.status, own.json.error.message]).toEqual([
			403,
			'You cannot copy the folder to its subfolder',
		]);
		expect(
			(
				await call(
					emulator,
					'PUT',
					'/api/2.0/files/fileops/copy',
					body({ fileIds: [999999], destFolderId: F.nestedFolderId }),
				)
			).status,
		).toBe(404);
		const jane = await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
			...body({ fileIds: [SEED_IDS.roomFileId], destFolderId: 10 }),
			authorization: SEED_IDS.janeToken,
		});
		expect(jane.status).toBe(404);
	});

	it('moves a folder with its contents into another room; a locked file fails inside the operation', async () => {
		const start = await call(emulator, 'PUT', '/api/2.0/files/fileops/move', {
			body: {
				folderIds: [F.nestedFolderId],
				destFolderId: SEED_IDS.publicRoomId,
				returnSingleOperation: true,
			},
		});
		const done = (await poll(start.json.response[0].id)).json.response[0];
		expect(done.folders.map((folder: { id: number }) => folder.id)).toEqual([403, 102]);
		expect(emulator.portal.files.get(F.planFileId)?.roomId).toBe(SEED_IDS.publicRoomId);
		const locked = await call(emulator, 'PUT', '/api/2.0/files/fileops/move', {
			body: {
				fileIds: [F.lockedFileId],
				destFolderId: F.contractsFolderId,
				returnSingleOperation: true,
			},
		});
		expect((await poll(locked.json.response[0].id)).json.response[0]).toMatchObject({
			finished: true,
			error: 'The file is currently locked by another user',
			status: 4,
		});
	});

	it('delete: to the Trash, then for good; DELETE files/file/{id} reads returnSingleOperation from the query', async () => {
		const trash = await call(
			emulator,
			'DELETE',
			`/api/2.0/files/file/${F.budgetFileId}?returnSingleOperation=true`,
			{ body: { deleteAfter: false, immediately: false } },
		);
		expect(trash.json.response).toHaveLength(1);
		await poll(trash.json.response[0].id);
		const file = await call(emulator, 'GET', `/api/2.0/files/file/${F.budgetFileId}`);
		expect(file.json.response).toMatchObject({ rootFolderType: 3, folderId: 900010 });
		expect((await call(emulator, 'GET', '/api/2.0/files/900010')).json.response.files).toEqual([
			expect.objectContaining({ id: 311 }),
		]);
		await call(
			emulator,
			'DELETE',
			`/api/2.0/files/file/${F.budgetFileId}?returnSingleOperation=true`,
			{ body: { immediately: false } },
		);
		expect((await call(emulator, 'GET', `/api/2.0/files/file/${F.budgetFileId}`)).status).toBe(404);
		const folder = await call(emulator, 'PUT', '/api/2.0/files/fileops/delete', {
			body: { folderIds: [F.nestedFolderId], immediately: true, returnSingleOperation: true },
		});
		expect((await poll(folder.json.response[0].id)).json.response[0]).toMatchObject({
			Operation: 2,
			finished: true,
			error: '',
		});
		expect(emulator.portal.folders.has(F.nestedFolderId)).toBe(false);
		expect(emulator.portal.files.has(F.planFileId)).toBe(false);
		const locked = await call(emulator, 'PUT', '/api/2.0/files/fileops/delete', {
			body: { fileIds: [F.lockedFileId], returnSingleOperation: true },
		});
		expect((await poll(locked.json.response[0].id)).json.response[0].error).toBe(
			'The file is currently locked by another user',
		);
		const bob = await call(emulator, 'PUT', '/api/2.0/files/fileops/delete', {
			body: { fileIds: [SEED_IDS.myDocxId], returnSingleOperation: true },
			authorization: `Basic ${Buffer.from('jane@example.com:jane-password').toString('base64')}`,
		});
		expect([bob.status, bob.json.error.message]).toEqual([
			403,
			"You don't have enough permission to delete the file",
		]);
	});
});

describe('room archive, unarchive and delete (docs/docspace/folders.md §6)', () => {
	it('archives and unarchives: one operation each; the room leaves and rejoins the room list', async () => {
		const archive = await call(
			emulator,
			'PUT',
			`/api/2.0/files/rooms/${SEED_IDS.customRoomId}/archive`,
			{ body: { deleteAfter: false } },
		);
		expect(archive.json.response).toMatchObject({ Operation: 0, finished: false });
		expect((await poll(archive.json.response.id)).json.response[0].finished).toBe(true);
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.customRoomId}`)).json.response,
		).toMatchObject({ rootFolderType: 20, parentId: 4 });
		expect(
			(await call(emulator, 'GET', '/api/2.0/files/2')).json.response.folders.map(
				(room: { id: number }) => room.id,
			),
		).not.toContain(101);
		expect(
			(await call(emulator, 'GET', '/api/2.0/files/4')).json.response.folders.map(
				(room: { id: number }) => room.id,
			),
		).toEqual([101]);
		expect(
			(
				await call(emulator, 'POST', `/api/2.0/files/folder/${SEED_IDS.customRoomId}`, {
					body: { title: 'New' },
				})
			).status,
		).toBe(403);
		await call(emulator, 'PUT', `/api/2.0/files/rooms/${SEED_IDS.customRoomId}/unarchive`, {
			body: {},
		});
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.customRoomId}`)).json.response
				.rootFolderType,
		).toBe(14);
		expect(
			(await call(emulator, 'PUT', '/api/2.0/files/rooms/424242/archive', { body: {} })).status,
		).toBe(404);
		const jane = await call(
			emulator,
			'PUT',
			`/api/2.0/files/rooms/${SEED_IDS.publicRoomId}/archive`,
			{ body: {}, authorization: SEED_IDS.janeToken },
		);
		expect([jane.status, jane.json.error.message]).toEqual([
			403,
			"You don't have enough permission to archive the room",
		]);
	});

	it('delete answers with the user’s first operation, not necessarily its own, and removes the room for good', async () => {
		const other = await call(emulator, 'PUT', '/api/2.0/files/fileops/copy', {
			body: {
				fileIds: [F.budgetFileId],
				destFolderId: F.contractsFolderId,
				returnSingleOperation: true,
			},
		});
		const deleted = await call(emulator, 'DELETE', `/api/2.0/files/rooms/${SEED_IDS.vdrRoomId}`, {
			body: { deleteAfter: false },
		});
		expect(deleted.json.response.id).toBe(other.json.response[0].id);
		expect((await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.vdrRoomId}`)).status).toBe(
			404,
		);
	});
});
