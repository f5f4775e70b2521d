import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';
import { fileParts } from '../../../../emulator/multipart';
import { startHostilePortal } from '../../shared/hostilePortal';

const ctx = useEmulator();

function binaryItem(
	data: Buffer,
	fileName = 'Offer.pdf',
	mimeType = 'application/pdf',
	json: IDataObject = {},
): INodeExecutionData {
	return { json, binary: { data: { data: data.toString('base64'), mimeType, fileName } } };
}

function upload(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'file',
		operation: 'upload',
		destinationFolder: byId('id', SEED_IDS.customRoomId),
		...overrides,
	};
}

function download(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'file',
		operation: 'download',
		file: byId('id', SEED_IDS.myDocxId),
		...overrides,
	};
}

const bytesOf = (item: INodeExecutionData, field = 'data') =>
	Buffer.from(String(item.binary?.[field]?.data ?? ''), 'base64');

describe('File: Upload', () => {
	it("sends a small file in one multipart request (the binary's name and bytes; keep both by default)", async () => {
		const { emulator } = ctx;
		const data = Buffer.from('%PDF-1.7 the offer');
		const result = await run(emulator, upload(), { items: [binaryItem(data)] });
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['POST', '/api/2.0/files/101/upload', { createNewIfExist: 'true' }]]);
		const [part] = fileParts(
			emulator.requests[0].bytes!,
			emulator.requests[0].headers['content-type'],
		);
		expect(part).toMatchObject({
			fieldName: 'File',
			fileName: 'Offer.pdf',
			contentType: 'application/pdf',
		});
		expect(part.data.equals(data)).toBe(true);
		expect(result.items).toEqual([
			expect.objectContaining({
				json: expect.objectContaining({
					title: 'Offer.pdf',
					extension: '.pdf',
					fileType: 'pdf',
					sizeBytes: data.length,
					folderId: 101,
					skipped: false,
				}),
				pairedItem: { item: 0 },
			}),
		]);
	});

	it("sends a large file through an upload session in chunks of the portal's size, the last one as the operation's request", async () => {
		const { emulator } = ctx;
		emulator.configure({ chunkUploadSize: 4 * 1024 * 1024 });
		const data = Buffer.alloc(11 * 1024 * 1024 + 5, 7);
		data.write('start', 0);
		const result = await run(emulator, upload({ options: { fileName: 'Video.mp4' } }), {
			items: [binaryItem(data)],
		});
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.status]),
		).toEqual([
			['GET', '/api/2.0/files/settings', 200],
			['POST', '/api/2.0/files/101/upload/create_session', 200],
			['POST', '/ChunkedUploader.ashx', 200],
			['POST', '/ChunkedUploader.ashx', 200],
			['POST', '/ChunkedUploader.ashx', 201],
		]);
		expect(emulator.requests[1].body).toEqual({
			fileName: 'Video.mp4',
			fileSize: data.length,
			createNewIfExist: true,
		});
		const sizes = emulator.requests
			.slice(2)
			.map((request) => fileParts(request.bytes!, request.headers['content-type'])[0].data.length);
		expect(sizes).toEqual([4 * 1024 * 1024, 4 * 1024 * 1024, 3 * 1024 * 1024 + 5]);
		expect(result.items[0].json).toMatchObject({
			title: 'Video.mp4',
			sizeBytes: data.length,
			skipped: false,
		});
		const back = await run(
			emulator,
			download({ file: byId('id', String(result.items[0].json.id)) }),
		);
		expect(bytesOf(back.items[0]).equals(data)).toBe(true);
	});

	it('Overwrite makes a new version of the same-named file; Skip uploads nothing and returns the existing file', async () => {
		const { emulator } = ctx;
		const my = byId('id', '10');
		const overwrite = await run(
			emulator,
			upload({ destinationFolder: my, ifFileExists: 'overwrite' }),
			{ items: [binaryItem(Buffer.from('v2'), 'Contract.docx')] },
		);
		expect(emulator.requests[0].query).toEqual({ createNewIfExist: 'false' });
		expect(overwrite.items[0].json).toMatchObject({
			id: Number(SEED_IDS.myDocxId),
			version: 2,
			skipped: false,
		});
		emulator.requests.length = 0;
		const skip = await run(emulator, upload({ destinationFolder: my, ifFileExists: 'skip' }), {
			items: [binaryItem(Buffer.from('v3'), 'contract.DOCX')],
		});
		expect(emulator.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', '/api/2.0/files/10'],
			['GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}`],
		]);
		expect(emulator.requests[0].query).toMatchObject({
			filterValue: 'contract.DOCX',
			withSubFolders: 'false',
		});
		expect(skip.items[0].json).toMatchObject({
			id: Number(SEED_IDS.myDocxId),
			version: 2,
			skipped: true,
		});
		emulator.requests.length = 0;
		const fresh = await run(emulator, upload({ destinationFolder: my, ifFileExists: 'skip' }), {
			items: [binaryItem(Buffer.from('n'), 'New.txt')],
		});
		expect(writes(emulator).map((request) => [request.path, request.query])).toEqual([
			['/api/2.0/files/10/upload', { createNewIfExist: 'false' }],
		]);
		expect(fresh.items[0].json).toMatchObject({ title: 'New.txt', skipped: false });
	});

	it("one upload per item, each output paired with its input; Simplify off gives DocSpace's file object", async () => {
		const { emulator } = ctx;
		const items = [
			binaryItem(Buffer.from('one'), 'One.txt', 'text/plain'),
			binaryItem(Buffer.from('two'), 'Two.txt', 'text/plain'),
		];
		const result = await run(emulator, upload({ simplify: false }), { items });
		expect(writes(emulator)).toHaveLength(2);
		expect(
			result.items.map((item) => [
				item.json.title,
				item.json.pureContentLength,
				item.json.skipped,
				item.pairedItem,
			]),
		).toEqual([
			['One.txt', 3, false, { item: 0 }],
			['Two.txt', 3, false, { item: 1 }],
		]);
	});

	it("takes the destination by URL (a sub-folder's ?folder= wins over the room) and @my", async () => {
		const { emulator } = ctx;
		const url = `${emulator.baseUrl}/rooms/shared/filter?folder=${SEED_IDS.customRoomId}`;
		await run(emulator, upload({ destinationFolder: byId('url', url) }), {
			items: [binaryItem(Buffer.from('a'))],
		});
		await run(
			emulator,
			upload({
				destinationFolder: byId(
					'url',
					`${emulator.baseUrl}/rooms/shared/102/filter?folder=101&count=100`,
				),
			}),
			{ items: [binaryItem(Buffer.from('b'))] },
		);
		await run(
			emulator,
			upload({ destinationFolder: byId('url', `${emulator.baseUrl}/rooms/shared/102`) }),
			{ items: [binaryItem(Buffer.from('b'))] },
		);
		await run(emulator, upload({ destinationFolder: byId('id', '@my') }), {
			items: [binaryItem(Buffer.from('c'))],
		});
		expect(writes(emulator).map((request) => request.path)).toEqual([
			'/api/2.0/files/101/upload',
			'/api/2.0/files/101/upload',
			'/api/2.0/files/102/upload',
			'/api/2.0/files/@my/upload',
		]);
	});

	it('refuses bad input before sending: no binary field, empty file, a name DocSpace would change, no destination', async () => {
		const { emulator } = ctx;
		const items = [
			{ json: {} },
			binaryItem(Buffer.alloc(0)),
			binaryItem(Buffer.from('x'), 'a:b.pdf'),
			binaryItem(Buffer.from('x')),
		];
		const result = await run(
			emulator,
			upload({ destinationFolder: byId('id', '={{ $itemIndex === 3 ? "" : "101" }}') }),
			{ items, continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'Input Binary Field: the item has no binary field "data" [item 0]',
			'Input Binary Field: the file "Offer.pdf" is empty [item 1]',
			expect.stringMatching(/^File Name: "a:b\.pdf" contains a character DocSpace does not allow/),
			'Destination Folder or Room: no folder or room given [item 3]',
		]);
		expect(emulator.requests).toEqual([]);
	});

	it('reports DocSpace failures: a chunk refused with HTTP 200 aborts the session; a folder that does not exist', async () => {
		const { emulator } = ctx;
		emulator.configure({ chunkUploadSize: 1024 * 1024 });
		emulator.inject({
			path: '/ChunkedUploader.ashx',
			method: 'POST',
			kind: 'status',
			status: 200,
			body: { success: false, message: 'The file cannot be uploaded to this room.' },
		});
		const refused = await run(emulator, upload(), {
			items: [binaryItem(Buffer.alloc(11 * 1024 * 1024, 1))],
			continueOnFail: true,
		});
		expect(refused.items[0].json.error).toBe(
			'DocSpace rejected a value for folder 101: The file cannot be uploaded to this room. [item 0]',
		);
		expect(emulator.requests.slice(-1)[0].query).toMatchObject({ abort: 'true' });
		const missing = await run(emulator, upload({ destinationFolder: byId('id', '999999') }), {
			items: [binaryItem(Buffer.from('x'))],
			continueOnFail: true,
		});
		expect(missing.items[0].json.error).toBe('Folder 999999 was not found in DocSpace [item 0]');
		const denied = await run(emulator, upload({ destinationFolder: byId('id', '2') }), {
			items: [binaryItem(Buffer.from('x'))],
			continueOnFail: true,
		});
		expect(denied.items[0].json.error).toBe('You do not have access to folder 2 [item 0]');
	});
});

describe('File: Download', () => {
	it("puts the file into the binary field with DocSpace's file name and MIME type", async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			download({ file: byId('id', SEED_IDS.myTxtId), outputBinaryPropertyName: 'file' }),
		);
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/filehandler.ashx', { action: 'download', fileid: SEED_IDS.myTxtId }]]);
		const [item] = result.items;
		expect(item.json).toEqual({
			fileId: SEED_IDS.myTxtId,
			fileName: 'notes.txt',
			mimeType: 'text/plain',
			sizeBytes: 24_576,
			convertedTo: null,
		});
		expect(item.binary?.file).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
		expect(bytesOf(item, 'file').subarray(0, 10).toString()).toBe('notes.txt\n');
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('converts (outputtype with the dot) and waits for it; a format DocSpace ignores stops the item', async () => {
		const { emulator } = ctx;
		emulator.configure({ conversionMs: 100 });
		const pdf = await run(emulator, download({ convertTo: 'pdf' }));
		expect(emulator.requests[0].query).toEqual({
			action: 'download',
			fileid: SEED_IDS.myDocxId,
			outputtype: '.pdf',
		});
		expect(pdf.items[0].json).toMatchObject({
			fileName: 'Contract.pdf',
			mimeType: 'application/pdf',
			convertedTo: 'pdf',
		});
		const ignored = await run(emulator, download({ convertTo: 'xlsx' }), { continueOnFail: true });
		expect(ignored.items[0].json.error).toBe(
			'Convert To: DocSpace cannot convert "Contract.docx" to XLSX [item 0]',
		);
	});

	it('bounds the wait: a conversion longer than Max Wait fails with a timeout message', async () => {
		const { emulator } = ctx;
		emulator.inject({ path: '/filehandler.ashx', kind: 'timeout' });
		const result = await run(
			emulator,
			download({ options: { maxWaitSeconds: 10, maxRetries: 0 } }),
			{ continueOnFail: true },
		);
		expect(result.items[0].json.error).toBe(
			`DocSpace did not answer in time for file ${SEED_IDS.myDocxId} (10 s) [item 0]`,
		);
	}, 20_000);

	it('stays bounded: a file larger than Max Response Size stops the item', async () => {
		const { emulator } = ctx;
		const big = await run(emulator, upload({ options: { fileName: 'Big.bin' } }), {
			items: [binaryItem(Buffer.alloc(2 * 1024 * 1024 + 1, 3))],
		});
		const tooLarge = await run(
			emulator,
			download({ file: byId('id', String(big.items[0].json.id)), options: { maxResponseMb: 1 } }),
			{ continueOnFail: true },
		);
		expect(tooLarge.items[0].json.error).toBe(
			`DocSpace's answer for file ${String(big.items[0].json.id)} is larger than 1 MB, the node's limit [item 0]`,
		);
	});

	it("follows one redirect to the portal's storage with no credential: the bytes arrive, no key or cookie reaches the storage", async () => {
		const { emulator } = ctx;
		const direct = await run(emulator, download({ file: byId('id', SEED_IDS.myTxtId) }));
		emulator.requests.length = 0;
		const storage = await emulator.useExternalStorage();
		const stored = await run(emulator, download({ file: byId('id', SEED_IDS.myTxtId) }));
		expect(stored.error).toBeUndefined();
		expect(bytesOf(stored.items[0]).equals(bytesOf(direct.items[0]))).toBe(true);
		expect(bytesOf(stored.items[0]).length).toBe(24_576);
		expect(stored.items[0].json).toMatchObject({ fileName: 'notes.txt', mimeType: 'text/plain' });
		expect(storage.requests).toHaveLength(1);
		const [seen] = storage.requests;
		expect(seen.status).toBe(200);
		expect(seen.url).toMatch(/^\/bucket\/.*X-Amz-Signature=/);
		expect(seen.headers.authorization).toBeUndefined();
		expect(seen.headers.cookie).toBeUndefined();
		expect(JSON.stringify(seen.headers)).not.toContain(SEED_IDS.apiKey);
		// The portal got the one download request, with the key.
		expect(emulator.requests.map((request) => [request.path, request.status])).toEqual([
			['/filehandler.ashx', 302],
		]);
		// A second redirect is not followed.
		storage.requests.length = 0;
		storage.redirectAgainTo = `${storage.baseUrl}/bucket/elsewhere`;
		const again = await run(emulator, download({ file: byId('id', SEED_IDS.myTxtId) }), {
			continueOnFail: true,
		});
		expect(again.items[0].json.error).toBe(
			`DocSpace sent the download of file ${SEED_IDS.myTxtId} to its storage at ${storage.baseUrl}/bucket/${encodeURIComponent(`${SEED_IDS.myTxtId}/notes.txt`)}, which redirected again (the node follows one redirect only) [item 0]`,
		);
		expect(storage.requests.map((request) => request.url.split('?')[0])).toEqual([
			`/bucket/${encodeURIComponent(`${SEED_IDS.myTxtId}/notes.txt`)}`,
		]);
		// An expired address: the storage's refusal is named.
		storage.redirectAgainTo = undefined;
		storage.lifetimeMs = 0;
		const expired = await run(emulator, download({ file: byId('id', SEED_IDS.myTxtId) }), {
			continueOnFail: true,
		});
		expect(String(expired.items[0].json.error)).toMatch(
			/, which answered 403 instead of the file \[item 0\]$/,
		);
	});

	it('follows no redirect to a plain http address, one with a password in it, or of an API call', async () => {
		const { emulator } = ctx;
		const portal = await startHostilePortal();
		const storage = await startHostilePortal();
		try {
			const targets = [
				[
					'http://storage.example.com/bucket/Contract.docx?X-Amz-Signature=abc',
					'http://storage.example.com/bucket/Contract.docx',
					'is not an https address',
				],
				[
					`http://user:secret@127.0.0.1:${new URL(storage.baseUrl).port}/bucket/a`,
					`${storage.baseUrl}/bucket/a`,
					'carries a user name or password in the address',
				],
			];
			for (const [location, shown, problem] of targets) {
				portal.handle((_request, response) => {
					response.writeHead(302, { Location: location });
					response.end();
				});
				const redirected = await run(emulator, download(), {
					continueOnFail: true,
					credentials: { baseUrl: portal.baseUrl, authKey: SEED_IDS.apiKey },
				});
				expect(redirected.items[0].json.error).toBe(
					`DocSpace sent the download of file ${SEED_IDS.myDocxId} to its storage at ${shown}, which ${problem} [item 0]`,
				);
				expect(portal.requests).toHaveLength(1);
			}
			// A file read through the API (File: Get) is never redirected anywhere.
			portal.handle((_request, response) => {
				response.writeHead(302, { Location: `${storage.baseUrl}/bucket/a` });
				response.end();
			});
			const api = await run(
				emulator,
				{ resource: 'file', operation: 'get', file: byId('id', SEED_IDS.myDocxId) },
				{
					continueOnFail: true,
					credentials: { baseUrl: portal.baseUrl, authKey: SEED_IDS.apiKey },
				},
			);
			expect(String(api.items[0].json.error)).toMatch(
				/^The DocSpace address redirected the request/,
			);
			expect(storage.requests).toHaveLength(0);
		} finally {
			await portal.stop();
			await storage.stop();
		}
	});

	it('Max Wait, not Timeout, bounds a conversion: it finishes beyond Timeout, and running out names the wait and what was received', async () => {
		const { emulator } = ctx;
		emulator.configure({ conversionMs: 2_500 });
		const slow = await run(
			emulator,
			download({
				convertTo: 'pdf',
				options: { timeoutSeconds: 1, maxWaitSeconds: 10, maxRetries: 0 },
			}),
		);
		expect(slow.error).toBeUndefined();
		expect(slow.items[0].json).toMatchObject({ fileName: 'Contract.pdf', convertedTo: 'pdf' });

		emulator.configure({ conversionMs: 5_000 });
		const started = Date.now();
		const tooLong = await run(
			emulator,
			download({ convertTo: 'pdf', options: { timeoutSeconds: 60, maxWaitSeconds: 1 } }),
			{ continueOnFail: true },
		);
		expect(Date.now() - started).toBeLessThan(4_000);
		expect(tooLong.items[0].json.error).toBe(
			`DocSpace had not finished the conversion to PDF for file ${SEED_IDS.myDocxId} after 1 s (Max Wait): nothing received yet [item 0]`,
		);
		// Without conversion, Timeout still bounds each request.
		emulator.inject({ path: '/filehandler.ashx', kind: 'timeout' });
		const plain = await run(
			emulator,
			download({ options: { timeoutSeconds: 1, maxWaitSeconds: 30, maxRetries: 0 } }),
			{ continueOnFail: true },
		);
		expect(plain.items[0].json.error).toBe(
			`DocSpace did not answer in time for file ${SEED_IDS.myDocxId} (1 s) [item 0]`,
		);
	}, 20_000);

	it('reports a missing file and one the account cannot read; refuses a bad file ID before sending', async () => {
		const { emulator } = ctx;
		const items = [{ id: '999999' }, { id: SEED_IDS.myTxtId }, { id: 'not an id' }];
		const result = await runAs(emulator, download({ file: byId('id', '={{ $json.id }}') }), items);
		expect(result.items.map((item) => item.json.error)).toEqual([
			'File 999999 was not found in DocSpace [item 0]',
			'You do not have access to file 203 [item 1]',
			'File: "not an id" is not a file ID [item 2]',
		]);
		expect(emulator.requests).toHaveLength(2);
	});
});

async function runAs(emulator: typeof ctx.emulator, parameters: IDataObject, items: IDataObject[]) {
	return await run(emulator, parameters, {
		items,
		continueOnFail: true,
		credentials: credentialsFor(emulator, `Bearer ${SEED_IDS.janeToken}`),
	});
}
