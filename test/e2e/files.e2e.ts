/**
 * File transfer in a real n8n 2.41.1: n8n's own Read/Write Files node reads two files from disk (one
 * small, one larger than the single-request limit, so it goes through an upload session), File:
 * Upload sends them to the DocSpace emulator, File: Download brings them back and Read/Write Files
 * writes them to disk again; the bytes must be equal.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DocSpaceEmulator, SEED_IDS } from '../emulator';
import { log } from '../../scripts/e2e/runtime';
import { createN8nHome, parseRunOutput, plain, type N8nHome } from '../../scripts/e2e/n8n';
import { freePort } from '../../scripts/e2e/ports';
import {
	CREDENTIAL_ID,
	CREDENTIAL_NAME,
	credentialFor,
	loadExampleWorkflows,
} from '../../scripts/e2e/workflows';

const CHUNK = 4 * 1024 * 1024;
const WORKFLOW_ID = 'e2eFileRoundTrip';

let emu: DocSpaceEmulator;
let home: N8nHome;
let filesDir: string;

const credentials = { docSpaceApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };

function roundTripWorkflow(inputDir: string, outputDir: string): object {
	const node = (
		name: string,
		type: string,
		typeVersion: number,
		x: number,
		parameters: object,
		extra: object = {},
	) => ({
		id: `${WORKFLOW_ID}-${x}`,
		name,
		type,
		typeVersion,
		position: [x, 0],
		parameters,
		...extra,
	});
	const names = ['Start', 'Read files', 'Upload', 'Download', 'Write files'];
	return {
		id: WORKFLOW_ID,
		name: 'e2e: file round trip',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node(names[0], 'n8n-nodes-base.manualTrigger', 1, 0, {}),
			node(names[1], 'n8n-nodes-base.readWriteFile', 1, 200, {
				operation: 'read',
				fileSelector: `${inputDir}/*.bin`,
				options: {},
			}),
			node(
				names[2],
				'n8n-nodes-docspace.docSpace',
				1,
				400,
				{
					resource: 'file',
					operation: 'upload',
					destinationFolder: { __rl: true, mode: 'id', value: SEED_IDS.customRoomId },
					binaryPropertyName: 'data',
					ifFileExists: 'keepBoth',
					options: {},
				},
				{ credentials },
			),
			node(
				names[3],
				'n8n-nodes-docspace.docSpace',
				1,
				600,
				{
					resource: 'file',
					operation: 'download',
					file: { __rl: true, mode: 'id', value: '={{ $json.id }}' },
					outputBinaryPropertyName: 'data',
					options: {},
				},
				{ credentials },
			),
			node(names[4], 'n8n-nodes-base.readWriteFile', 1, 800, {
				operation: 'write',
				fileName: `=${outputDir}/{{ $json.fileName }}`,
				dataPropertyName: 'data',
				options: {},
			}),
		],
		connections: Object.fromEntries(
			names
				.slice(0, -1)
				.map((name, index) => [
					name,
					{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
				]),
		),
	};
}

function exampleWorkflow(): { id: string } {
	const example = loadExampleWorkflows().find((candidate) => candidate.key === 'file-upload-share');
	if (!example) throw new Error('examples/file-upload-share.json not found');
	return example.workflow;
}

beforeAll(async () => {
	emu = await DocSpaceEmulator.start({ chunkUploadSize: CHUNK });
	log(`DocSpace emulator on ${emu.baseUrl}`);
	home = await createN8nHome({
		prefix: 'n8n-docspace-files-e2e-',
		env: {
			N8N_PORT: String(await freePort()),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
			N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		},
	});
	// Read/Write Files may only touch the folders n8n is told about.
	filesDir = join(home.userFolder, 'files');
	home.env.N8N_RESTRICT_FILE_ACCESS_TO = filesDir;
	mkdirSync(join(filesDir, 'in'), { recursive: true });
	mkdirSync(join(filesDir, 'out'), { recursive: true });
	const imports = [
		[
			'import:credentials',
			`--input=${home.writeJson('credentials.json', credentialFor(emu.baseUrl, SEED_IDS.apiKey))}`,
		],
		[
			'import:workflow',
			`--input=${home.writeJson('workflows.json', [roundTripWorkflow(join(filesDir, 'in'), join(filesDir, 'out')), exampleWorkflow()])}`,
		],
	];
	for (const args of imports) {
		const result = await home.cli(args);
		if (result.code !== 0)
			throw new Error(
				`n8n ${args[0]} failed: ${plain(result.stdout + result.stderr).slice(-3000)}`,
			);
	}
});

afterAll(async () => {
	await emu?.stop();
	home?.cleanup();
});

test('a file read by Read/Write Files is uploaded, downloaded back and written again with the same bytes', async () => {
	const small = randomBytes(64 * 1024);
	const large = randomBytes(10 * 1024 * 1024 + CHUNK / 2);
	writeFileSync(join(filesDir, 'in', 'small.bin'), small);
	writeFileSync(join(filesDir, 'in', 'large.bin'), large);

	const started = Date.now();
	const result = await home.cli(['execute', `--id=${WORKFLOW_ID}`, '--rawOutput']);
	log(
		`n8n execute --id=${WORKFLOW_ID}: exit ${result.code} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
	if (result.code !== 0)
		throw new Error(
			`round trip failed: ${plain(result.stdout).slice(-5000)}\n${plain(result.stderr).slice(-2000)}`,
		);
	const run = parseRunOutput(result.stdout);
	const uploaded = run.data.resultData.runData.Upload[0].data.main[0].map(
		(item: { json: { title: string } }) => item.json.title,
	);
	expect(uploaded.sort()).toEqual(['large.bin', 'small.bin']);

	// The small file went in one request, the large one through a session in the portal's chunk size.
	const writes = emu.requests
		.filter((request) => request.method === 'POST')
		.map((request) => `${request.path} → ${request.status}`);
	log(`DocSpace writes: ${writes.join(', ')}`);
	expect(writes).toContain(`/api/2.0/files/${SEED_IDS.customRoomId}/upload → 200`);
	expect(writes).toContain(`/api/2.0/files/${SEED_IDS.customRoomId}/upload/create_session → 200`);
	expect(writes.filter((line) => line.startsWith('/ChunkedUploader.ashx'))).toHaveLength(
		Math.ceil(large.length / CHUNK),
	);
	expect(
		emu.requests
			.filter((request) => request.path === '/filehandler.ashx')
			.map((request) => request.status),
	).toEqual([200, 200]);

	expect(readFileSync(join(filesDir, 'out', 'small.bin')).equals(small)).toBe(true);
	expect(readFileSync(join(filesDir, 'out', 'large.bin')).equals(large)).toBe(true);
	expect(emu.openApiViolations()).toEqual([]);
});

test('a portal on external storage: downloads follow the redirect to the storage origin, which never sees a credential, and the bytes are equal', async () => {
	const storage = await emu.useExternalStorage();
	emu.requests.length = 0;
	const small = randomBytes(32 * 1024);
	const large = randomBytes(3 * 1024 * 1024);
	for (const folder of ['in', 'out']) {
		rmSync(join(filesDir, folder), { recursive: true, force: true });
		mkdirSync(join(filesDir, folder), { recursive: true });
	}
	writeFileSync(join(filesDir, 'in', 'small.bin'), small);
	writeFileSync(join(filesDir, 'in', 'large.bin'), large);

	const result = await home.cli(['execute', `--id=${WORKFLOW_ID}`, '--rawOutput']);
	if (result.code !== 0)
		throw new Error(
			`round trip via storage failed: ${plain(result.stdout).slice(-5000)}\n${plain(result.stderr).slice(-2000)}`,
		);
	expect(
		emu.requests
			.filter((request) => request.path === '/filehandler.ashx')
			.map((request) => request.status),
	).toEqual([302, 302]);
	log(
		`storage requests: ${storage.requests.map((request) => `${request.status} ${request.url.split('?')[0]}`).join(', ')}`,
	);
	expect(storage.requests.map((request) => request.status)).toEqual([200, 200]);
	for (const request of storage.requests) {
		expect(request.headers.authorization).toBeUndefined();
		expect(request.headers.cookie).toBeUndefined();
		expect(JSON.stringify(request.headers)).not.toContain(SEED_IDS.apiKey);
	}
	const written = readdirSync(join(filesDir, 'out')).map((name) =>
		readFileSync(join(filesDir, 'out', name)),
	);
	expect(written).toHaveLength(2);
	expect(written.some((bytes) => bytes.equals(small))).toBe(true);
	expect(written.some((bytes) => bytes.equals(large))).toBe(true);
	emu.reset();
});

test('file-upload-share: the example turns a text into a file, uploads it into room 101 and creates a link to it', async () => {
	emu.reset();
	const { id } = exampleWorkflow();
	const result = await home.cli(['execute', `--id=${id}`, '--rawOutput']);
	if (result.code !== 0)
		throw new Error(
			`example failed: ${plain(result.stdout).slice(-5000)}\n${plain(result.stderr).slice(-2000)}`,
		);
	const writes = emu.requests.filter((request) => request.method !== 'GET');
	expect(writes.map((request) => `${request.method} ${request.path} → ${request.status}`)).toEqual([
		`POST /api/2.0/files/${SEED_IDS.customRoomId}/upload → 200`,
		expect.stringMatching(/^PUT \/api\/2\.0\/files\/file\/\d+\/links → 200$/),
	]);
	const run = parseRunOutput(result.stdout);
	const link = run.data.resultData.runData['Link for the client'][0].data.main[0][0].json;
	expect(link).toMatchObject({
		title: 'For the client: Contract Acme Corp.txt',
		accessName: 'Viewer',
	});
	expect(emu.openApiViolations()).toEqual([]);
});
