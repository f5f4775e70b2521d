import type { IDataObject } from 'n8n-workflow';

import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';

const ctx = useEmulator();

const file = (id: string = SEED_IDS.myDocxId) => byId('id', id);

function create(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'file',
		operation: 'create',
		destinationFolder: byId('id', SEED_IDS.customRoomId),
		fileType: 'document',
		fileName: 'Minutes',
		...overrides,
	};
}

describe('File: Create', () => {
	it('creates a blank file of the chosen type, adding its extension (POST files/{folderId}/file)', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			create({ fileType: 'spreadsheet', fileName: 'Budget 2026' }),
		);
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.body]),
		).toEqual([['POST', '/api/2.0/files/101/file', { title: 'Budget 2026.xlsx' }]]);
		expect(result.items[0].json).toMatchObject({
			title: 'Budget 2026.xlsx',
			fileType: 'spreadsheet',
			folderId: 101,
			version: 1,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('keeps a matching extension; PDF forms and presentations; My documents by @my', async () => {
		const { emulator } = ctx;
		await run(emulator, create({ fileType: 'pdfForm', fileName: 'Application form.PDF' }));
		await run(
			emulator,
			create({ fileType: 'presentation', fileName: 'Pitch', destinationFolder: byId('id', '@my') }),
		);
		expect(emulator.requests.map((request) => [request.path, request.body])).toEqual([
			['/api/2.0/files/101/file', { title: 'Application form.PDF' }],
			['/api/2.0/files/@my/file', { title: 'Pitch.pptx' }],
		]);
	});

	it('refuses an extension DocSpace would silently turn into .docx, and other bad names, before sending', async () => {
		const { emulator } = ctx;
		const items = [
			{ name: 'notes.txt' },
			{ name: 'Old.doc' },
			{ name: '' },
			{ name: 'x'.repeat(163) },
			{ name: 'Q3 v1.0' },
		];
		const result = await run(emulator, create({ fileName: '={{ $json.name }}' }), {
			items,
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error ?? item.json.title)).toEqual([
			'File Name: "notes.txt" ends in .txt, but a Document is a .docx file; DocSpace would not create a .txt file [item 0]',
			'File Name: "Old.doc" ends in .doc, but a Document is a .docx file; DocSpace would not create a .doc file [item 1]',
			'File Name: is empty [item 2]',
			'File Name: with .docx it is 168 characters long; DocSpace accepts at most 165 [item 3]',
			'Q3 v1.0.docx',
		]);
		expect(writes(emulator)).toHaveLength(1);
	});

	it('reports DocSpace refusals: the Rooms section, an unknown folder', async () => {
		const { emulator } = ctx;
		const items = [{ folder: '2' }, { folder: '999999' }];
		const result = await run(
			emulator,
			create({ destinationFolder: byId('id', '={{ $json.folder }}') }),
			{ items, continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'You do not have access to folder 2 [item 0]',
			'Folder 999999 was not found in DocSpace [item 1]',
		]);
	});
});

describe('File: Get', () => {
	it("reads one file (simplified, or DocSpace's object)", async () => {
		const { emulator } = ctx;
		const result = await run(emulator, { resource: 'file', operation: 'get', file: file() });
		expect(emulator.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}`],
		]);
		expect(result.items[0].json).toEqual({
			id: Number(SEED_IDS.myDocxId),
			title: 'Contract.docx',
			extension: '.docx',
			fileType: 'document',
			sizeBytes: 24_576,
			size: '24.0 KB',
			version: 1,
			folderId: 10,
			url: `${emulator.baseUrl}/doceditor?fileid=${SEED_IDS.myDocxId}&version=1`,
			downloadUrl: `${emulator.baseUrl}/filehandler.ashx?action=download&fileid=${SEED_IDS.myDocxId}`,
			isForm: false,
			createdBy: 'Olivia Owner',
			created: expect.any(String),
			updated: expect.any(String),
		});
		const full = await run(emulator, {
			resource: 'file',
			operation: 'get',
			file: byId('url', `${emulator.baseUrl}/doceditor?fileId=${SEED_IDS.roomFileId}`),
			simplify: false,
		});
		expect(full.items[0].json).toMatchObject({
			id: Number(SEED_IDS.roomFileId),
			fileExst: '.docx',
			pureContentLength: 24_576,
		});
	});

	it('reports a missing file and a file the account cannot open', async () => {
		const { emulator } = ctx;
		const missing = await run(
			emulator,
			{ resource: 'file', operation: 'get', file: file('999999') },
			{ continueOnFail: true },
		);
		expect(missing.items[0].json.error).toBe('File 999999 was not found in DocSpace [item 0]');
		const other = await run(
			emulator,
			{ resource: 'file', operation: 'get', file: file(SEED_IDS.myTxtId) },
			{
				continueOnFail: true,
				credentials: credentialsFor(emulator, `Bearer ${SEED_IDS.janeToken}`),
			},
		);
		expect(other.items[0].json.error).toBe(
			`You do not have access to file ${SEED_IDS.myTxtId} [item 0]`,
		);
	});
});

describe('File: Rename', () => {
	it('sends the new name without an extension as it is (DocSpace keeps the extension); no extra read', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'file',
			operation: 'rename',
			file: file(),
			newName: '  Contract signed ',
		});
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.body]),
		).toEqual([['PUT', `/api/2.0/files/file/${SEED_IDS.myDocxId}`, { title: 'Contract signed' }]]);
		expect(result.items[0].json).toMatchObject({ title: 'Contract signed.docx' });
	});

	it('checks a name with an extension against the file first: the same one is sent, another is refused', async () => {
		const { emulator } = ctx;
		const same = await run(emulator, {
			resource: 'file',
			operation: 'rename',
			file: file(),
			newName: 'Final.DOCX',
		});
		expect(same.items[0].json.title).toBe('Final.DOCX');
		expect(emulator.requests.map((request) => request.method)).toEqual(['GET', 'PUT']);
		emulator.requests.length = 0;
		const other = await run(
			emulator,
			{ resource: 'file', operation: 'rename', file: file(), newName: 'Final.pdf' },
			{ continueOnFail: true },
		);
		expect(other.items[0].json.error).toBe(
			'New Name: "Final.pdf" ends in .pdf, but the file is a .docx file; DocSpace would name it "Final.pdf.docx" [item 0]',
		);
		expect(writes(emulator)).toEqual([]);
	});

	it('refuses an empty name before sending; reports a file it may not rename', async () => {
		const { emulator } = ctx;
		const empty = await run(
			emulator,
			{ resource: 'file', operation: 'rename', file: file(), newName: ' ' },
			{ continueOnFail: true },
		);
		expect(empty.items[0].json.error).toBe('New Name: is empty [item 0]');
		expect(emulator.requests).toEqual([]);
		const denied = await run(
			emulator,
			{ resource: 'file', operation: 'rename', file: file(), newName: 'Mine' },
			{
				continueOnFail: true,
				credentials: credentialsFor(emulator, `Bearer ${SEED_IDS.janeToken}`),
			},
		);
		expect(denied.items[0].json.error).toBe(
			`You do not have access to file ${SEED_IDS.myDocxId} [item 0]`,
		);
	});
});

describe('File: Get Primary Link', () => {
	it('returns the primary external link as File Link output (created as Viewer by DocSpace when missing)', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'file',
			operation: 'getPrimaryLink',
			file: file(),
		});
		expect(emulator.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}/link`],
		]);
		expect(result.items[0].json).toMatchObject({
			primary: true,
			linkType: 'external',
			access: 2,
			accessName: 'Viewer',
			url: expect.any(String),
		});
		const again = await run(emulator, {
			resource: 'file',
			operation: 'getPrimaryLink',
			file: file(),
		});
		expect(again.items[0].json.linkId).toBe(result.items[0].json.linkId);
	});

	it('reports a missing file', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			{ resource: 'file', operation: 'getPrimaryLink', file: file('999999') },
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toBe('File 999999 was not found in DocSpace [item 0]');
	});
});
