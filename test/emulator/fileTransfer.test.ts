import { DocSpaceEmulator, SEED_IDS } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());
afterEach(() => expect(emulator.openApiViolations()).toEqual([]));

const MY_FOLDER = '10';
const auth = { Authorization: `Bearer ${SEED_IDS.apiKey}` };

function multipart(fileName: string, data: Buffer, field = 'File') {
	const boundary = `----emulator${Math.random().toString(16).slice(2)}`;
	const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
	return {
		body: Buffer.concat([Buffer.from(head), data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

async function post(
	path: string,
	fileName: string,
	data: Buffer,
	headers: Record<string, string> = auth,
) {
	const { body, contentType } = multipart(fileName, data);
	const response = await fetch(`${emulator.baseUrl}${path}`, {
		method: 'POST',
		headers: { ...headers, 'Content-Type': contentType },
		body,
	});
	return { status: response.status, json: JSON.parse(await response.text()) };
}

async function download(query: string, headers: Record<string, string> = auth) {
	const response = await fetch(`${emulator.baseUrl}/filehandler.ashx?${query}`, { headers });
	return {
		status: response.status,
		headers: response.headers,
		bytes: Buffer.from(await response.arrayBuffer()),
	};
}

describe('POST files/{folderId}/upload', () => {
	it('stores the one file part under its file name and answers FileDto[]', async () => {
		const answer = await post(
			`/api/2.0/files/${SEED_IDS.customRoomId}/upload`,
			'Offer.pdf',
			Buffer.from('%PDF-1.7 offer'),
		);
		expect(answer.status).toBe(200);
		expect(answer.json.response).toEqual([
			expect.objectContaining({
				title: 'Offer.pdf',
				folderId: 101,
				pureContentLength: 14,
				version: 1,
				fileType: 10,
			}),
		]);
		const got = await download(`action=download&fileid=${answer.json.response[0].id}`);
		expect(got.bytes.toString()).toBe('%PDF-1.7 offer');
	});

	it('overwrites a same-named file as a new version unless createNewIfExist=true, which keeps both', async () => {
		const first = await post(
			`/api/2.0/files/${MY_FOLDER}/upload`,
			'Contract.docx',
			Buffer.from('v2'),
		);
		expect(first.json.response[0]).toMatchObject({
			id: Number(SEED_IDS.myDocxId),
			title: 'Contract.docx',
			version: 2,
		});
		const both = await post(
			`/api/2.0/files/${MY_FOLDER}/upload?createNewIfExist=true`,
			'Contract.docx',
			Buffer.from('v3'),
		);
		expect(both.json.response[0]).toMatchObject({ title: 'Contract (1).docx', version: 1 });
		expect(both.json.response[0].id).not.toBe(Number(SEED_IDS.myDocxId));
	});

	it("takes @my for the caller's My documents (upload, session, create)", async () => {
		const uploaded = await post('/api/2.0/files/@my/upload', 'Mine.txt', Buffer.from('mine'));
		expect(uploaded.json.response[0]).toMatchObject({
			title: 'Mine.txt',
			folderId: Number(MY_FOLDER),
		});
		const session = await call(emulator, 'POST', '/api/2.0/files/@my/upload/create_session', {
			body: { fileName: 'S.bin', fileSize: 1 },
		});
		expect(session.json.response.data.path).toEqual([Number(MY_FOLDER)]);
		const created = await call(emulator, 'POST', '/api/2.0/files/@my/file', {
			body: { title: 'Plan.pptx' },
		});
		expect(created.json.response).toMatchObject({
			title: 'Plan.pptx',
			fileType: 6,
			folderId: Number(MY_FOLDER),
		});
	});

	it("refuses the Rooms section, other users' folders and unknown folders", async () => {
		expect((await post('/api/2.0/files/2/upload', 'a.txt', Buffer.from('a'))).status).toBe(403);
		expect((await post('/api/2.0/files/11/upload', 'a.txt', Buffer.from('a'))).status).toBe(403);
		const unknown = await post('/api/2.0/files/999999/upload', 'a.txt', Buffer.from('a'));
		expect(unknown).toMatchObject({
			status: 404,
			json: { error: { message: 'The required folder was not found' } },
		});
	});
});

describe('chunked upload session', () => {
	it('creates a session, takes chunks in order (200, then 201 with the file) and stores the joined bytes', async () => {
		emulator.configure({ chunkUploadSize: 4 });
		const session = await call(
			emulator,
			'POST',
			`/api/2.0/files/${SEED_IDS.customRoomId}/upload/create_session`,
			{
				body: { fileName: 'Big.bin', fileSize: 10, createNewIfExist: true },
			},
		);
		expect(session.status).toBe(200);
		const { id, location, bytes_total } = session.json.response.data;
		expect(session.json.response.success).toBe(true);
		expect(bytes_total).toBe(10);
		expect(location).toBe(`${emulator.baseUrl}/ChunkedUploader.ashx?uid=${id}`);
		const path = new URL(location).pathname + new URL(location).search;
		const one = await post(path, 'blob', Buffer.from('0123'));
		expect(one).toMatchObject({
			status: 200,
			json: { success: true, data: { bytes_uploaded: 4 } },
		});
		await post(path, 'blob', Buffer.from('4567'));
		const last = await post(path, 'blob', Buffer.from('89'));
		expect(last.status).toBe(201);
		expect(last.json).toMatchObject({
			success: true,
			data: { uploaded: true, title: 'Big.bin', file: { title: 'Big.bin', pureContentLength: 10 } },
		});
		expect((await download(`action=download&fileid=${last.json.data.id}`)).bytes.toString()).toBe(
			'0123456789',
		);
	});

	it('answers failures with HTTP 200 and success:false: oversized chunk, too many bytes, unknown session, abort', async () => {
		emulator.configure({ chunkUploadSize: 4 });
		const create = async () => {
			const answer = await call(
				emulator,
				'POST',
				`/api/2.0/files/${MY_FOLDER}/upload/create_session`,
				{ body: { fileName: 'x.bin', fileSize: 6 } },
			);
			return `/ChunkedUploader.ashx?uid=${answer.json.response.data.id}`;
		};
		const path = await create();
		expect(await post(path, 'blob', Buffer.from('12345'))).toMatchObject({
			status: 200,
			json: { success: false },
		});
		await post(path, 'blob', Buffer.from('1234'));
		expect(await post(path, 'blob', Buffer.from('567'))).toMatchObject({
			status: 200,
			json: { success: false },
		});
		expect(await post(path, 'blob', Buffer.from('56'))).toMatchObject({
			status: 200,
			json: { success: false, message: expect.stringMatching(/not found/) },
		});
		const aborted = await create();
		expect(await post(`${aborted}&abort=true`, 'blob', Buffer.alloc(0))).toMatchObject({
			status: 200,
			json: { success: true },
		});
		expect(await post(aborted, 'blob', Buffer.from('1'))).toMatchObject({
			json: { success: false },
		});
		// another user cannot use the session
		const other = await create();
		expect(
			await post(other, 'blob', Buffer.from('1'), {
				Authorization: `Bearer ${SEED_IDS.janeToken}`,
			}),
		).toMatchObject({ json: { success: false } });
	});

	it('validates the session request like the server', async () => {
		const missing = await call(
			emulator,
			'POST',
			`/api/2.0/files/${MY_FOLDER}/upload/create_session`,
			{ body: { fileSize: 3 } },
		);
		expect(missing.status).toBe(400);
		// the request above breaks the OpenAPI document on purpose
		emulator.reset();
	});
});

describe('GET filehandler.ashx?action=download', () => {
	it('answers the bytes with a file name and MIME type; a files-only key works (no scope check)', async () => {
		const got = await download(`action=download&fileid=${SEED_IDS.myTxtId}`, {
			Authorization: `Bearer ${SEED_IDS.filesOnlyApiKey}`,
		});
		expect(got.status).toBe(200);
		expect(got.headers.get('content-type')).toBe('text/plain');
		expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''notes.txt`);
		expect(got.bytes.length).toBe(24_576);
	});

	it('converts to a supported outputtype (inside the request) and silently ignores an unsupported one', async () => {
		emulator.configure({ conversionMs: 50 });
		const started = Date.now();
		const pdf = await download(`action=download&fileid=${SEED_IDS.myDocxId}&outputtype=.pdf`);
		expect(Date.now() - started).toBeGreaterThanOrEqual(45);
		expect(pdf.headers.get('content-disposition')).toContain('Contract.pdf');
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const ignored = await download(`action=download&fileid=${SEED_IDS.myDocxId}&outputtype=.xlsx`);
		expect(ignored.headers.get('content-disposition')).toContain('Contract.docx');
	});

	it('answers 404 with no body for a missing file, 403 for a file the caller cannot read, 401 without credentials', async () => {
		expect((await download('action=download&fileid=999999')).status).toBe(404);
		expect(
			(
				await download(`action=download&fileid=${SEED_IDS.myTxtId}`, {
					Authorization: `Bearer ${SEED_IDS.janeToken}`,
				})
			).status,
		).toBe(403);
		expect((await download(`action=download&fileid=${SEED_IDS.myTxtId}`, {})).status).toBe(401);
	});

	it('on external storage redirects a plain download to a pre-signed address of a second origin, which records the headers it got and refuses a request carrying Authorization', async () => {
		const storage = await emulator.useExternalStorage();
		const redirect = await fetch(
			`${emulator.baseUrl}/filehandler.ashx?action=download&fileid=${SEED_IDS.myTxtId}`,
			{ headers: auth, redirect: 'manual' },
		);
		expect(redirect.status).toBe(302);
		const location = redirect.headers.get('location') ?? '';
		expect(location.startsWith(`${storage.baseUrl}/bucket/`)).toBe(true);
		expect(location).toContain('X-Amz-Signature=');
		expect(storage.baseUrl).not.toBe(emulator.baseUrl);

		const withKey = await fetch(location, { headers: auth });
		expect(withKey.status).toBe(400);
		const plain = await fetch(location);
		expect(plain.status).toBe(200);
		expect(plain.headers.get('content-disposition')).toContain(`filename*=UTF-8''notes.txt`);
		expect(Buffer.from(await plain.arrayBuffer()).length).toBe(24_576);
		expect(
			storage.requests.map((request) => [request.status, request.headers.authorization]),
		).toEqual([
			[400, auth.Authorization],
			[200, undefined],
		]);

		storage.expireAll();
		expect((await fetch(location)).status).toBe(403);
		// A conversion is never redirected: it is made inside the request.
		const pdf = await download(`action=download&fileid=${SEED_IDS.myDocxId}&outputtype=.pdf`);
		expect(pdf.status).toBe(200);
		emulator.reset();
		const direct = await download(`action=download&fileid=${SEED_IDS.myTxtId}`);
		expect(direct.status).toBe(200);
		expect(storage.requests).toEqual([]);
	});

	it('GET files/settings gives chunkUploadSize and extsConvertible', async () => {
		const answer = await call(emulator, 'GET', '/api/2.0/files/settings');
		expect(answer.json.response).toMatchObject({
			chunkUploadSize: 10 * 1024 * 1024,
			extsConvertible: { '.docx': expect.arrayContaining(['.pdf']) },
		});
	});
});

describe('create, rename, primary link', () => {
	it("creates a blank file from the title's extension; unknown or missing extensions silently become .docx", async () => {
		const create = (title: string) =>
			call(emulator, 'POST', `/api/2.0/files/${SEED_IDS.customRoomId}/file`, { body: { title } });
		expect((await create('Budget.xlsx')).json.response).toMatchObject({
			title: 'Budget.xlsx',
			fileType: 5,
			folderId: 101,
		});
		expect((await create('Form.pdf')).json.response).toMatchObject({
			title: 'Form.pdf',
			isForm: true,
		});
		expect((await create('Old.doc')).json.response.title).toBe('Old.docx');
		expect((await create('notes.txt')).json.response.title).toBe('notes.txt.docx');
		expect((await create('Plan')).json.response.title).toBe('Plan.docx');
		expect((await create('Plan')).json.response.title).toBe('Plan (1).docx');
		expect(
			(await call(emulator, 'POST', '/api/2.0/files/2/file', { body: { title: 'a.docx' } })).status,
		).toBe(403);
	});

	it('renames keeping the original extension (another extension is appended)', async () => {
		const rename = (title: string) =>
			call(emulator, 'PUT', `/api/2.0/files/file/${SEED_IDS.myDocxId}`, { body: { title } });
		expect((await rename('Signed')).json.response.title).toBe('Signed.docx');
		expect((await rename('Final.docx')).json.response.title).toBe('Final.docx');
		expect((await rename('Final.pdf')).json.response.title).toBe('Final.pdf.docx');
		expect(
			(await call(emulator, 'PUT', '/api/2.0/files/file/999999', { body: { title: 'x' } })).status,
		).toBe(404);
		expect(
			(
				await call(emulator, 'PUT', `/api/2.0/files/file/${SEED_IDS.myDocxId}`, {
					body: { title: 'x' },
					authorization: `Bearer ${SEED_IDS.janeToken}`,
				})
			).status,
		).toBe(403);
	});

	it('GET files/file/{id}/link returns the primary external link, creating a Viewer one when missing', async () => {
		const first = await call(emulator, 'GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}/link`);
		expect(first.json.response).toMatchObject({
			access: 2,
			sharedLink: { primary: true, linkType: 1 },
		});
		const again = await call(emulator, 'GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}/link`);
		expect(again.json.response.sharedLink.id).toBe(first.json.response.sharedLink.id);
	});
});
