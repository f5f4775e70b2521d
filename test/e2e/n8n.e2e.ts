/**
 * The packed package inside a real n8n 2.41.1: installed the way n8n installs community
 * packages, the credential and the example workflows imported with the n8n CLI, each run with
 * `n8n execute` against the DocSpace emulator on loopback.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DocSpaceEmulator, SEED_IDS } from '../emulator';
import { log } from '../../scripts/e2e/runtime';
import {
	createN8nHome,
	parseRunOutput,
	plain,
	PACKAGE_NAME,
	type CliResult,
	type N8nHome,
} from '../../scripts/e2e/n8n';
import { freePort } from '../../scripts/e2e/ports';
import {
	credentialFor,
	docSpaceNode,
	loadExampleWorkflows,
	variant,
	type ExampleWorkflow,
} from '../../scripts/e2e/workflows';

const MISSING_ROOM = '999999';

let emu: DocSpaceEmulator;
let home: N8nHome;
let examples: ExampleWorkflow[];
let continueOnFail: any;
let stopOnFail: any;
let roomArchive: any;

function byKey(key: string): ExampleWorkflow {
	const found = examples.find((e) => e.key === key);
	if (!found)
		throw new Error(`example ${key}.json not found (have: ${examples.map((e) => e.key)})`);
	return found;
}

function describeResult(result: CliResult): string {
	return `exit ${result.code}\n--- stdout ---\n${plain(result.stdout).slice(-6000)}\n--- stderr ---\n${plain(result.stderr).slice(-3000)}`;
}

async function execute(workflowId: string): Promise<CliResult> {
	emu.reset();
	const started = Date.now();
	const result = await home.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
	log(
		`n8n execute --id=${workflowId}: exit ${result.code} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
	);
	return result;
}

/** Runs a workflow that must succeed and returns the DocSpace node's output items. */
async function executeOk(workflow: any): Promise<any[]> {
	const result = await execute(workflow.id);
	if (result.code !== 0)
		throw new Error(`workflow "${workflow.name}" failed: ${describeResult(result)}`);
	const run = parseRunOutput(result.stdout);
	const nodeName = docSpaceNode(workflow).name;
	const nodeRuns = run.data.resultData.runData[nodeName];
	expect(nodeRuns).toHaveLength(1);
	expect(nodeRuns[0].executionStatus).toBe('success');
	return nodeRuns[0].data.main[0];
}

function writes() {
	return emu.requests.filter((r) => r.method !== 'GET');
}

beforeAll(async () => {
	emu = await DocSpaceEmulator.start();
	log(`DocSpace emulator on ${emu.baseUrl}`);
	home = await createN8nHome({
		env: {
			// Free ports, so a running `npm run n8n` (5678/5679) does not get in the way.
			N8N_PORT: String(await freePort()),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		},
	});
	examples = loadExampleWorkflows();
	log(`Example workflows: ${examples.map((e) => e.file).join(', ')}`);

	const roomLinkSet = byKey('room-link-set').workflow;
	const setMissingRoom = (node: any) => {
		const room = node.parameters.room;
		node.parameters.room =
			room && typeof room === 'object' ? { ...room, value: MISSING_ROOM } : MISSING_ROOM;
	};
	continueOnFail = variant(
		roomLinkSet,
		'e2eContinueOnFail',
		'e2e: missing room, continue on fail',
		(node) => {
			setMissingRoom(node);
			node.onError = 'continueRegularOutput';
		},
	);
	stopOnFail = variant(roomLinkSet, 'e2eStopOnFail', 'e2e: missing room, stop on fail', (node) => {
		setMissingRoom(node);
		delete node.onError;
		delete node.continueOnFail;
	});

	// An asynchronous operation: the node starts it and waits for DocSpace inside the real n8n.
	roomArchive = variant(roomLinkSet, 'e2eRoomArchive', 'e2e: archive a room and wait', (node) => {
		node.parameters = {
			resource: 'room',
			operation: 'archive',
			room: { __rl: true, mode: 'id', value: SEED_IDS.customRoomId },
		};
	});

	const credentials = home.writeJson(
		'credentials.json',
		credentialFor(emu.baseUrl, SEED_IDS.apiKey),
	);
	const workflows = home.writeJson('workflows.json', [
		...examples.map((e) => e.workflow),
		continueOnFail,
		stopOnFail,
		roomArchive,
	]);
	for (const args of [
		['import:credentials', `--input=${credentials}`],
		['import:workflow', `--input=${workflows}`],
	]) {
		const result = await home.cli(args);
		if (result.code !== 0) throw new Error(`n8n ${args[0]} failed: ${describeResult(result)}`);
		log(`n8n ${args[0]}: ${plain(result.stdout).trim().split('\n').pop()}`);
	}
});

afterAll(async () => {
	await emu?.stop();
	home?.cleanup();
});

test('the tarball is installed where n8n installs community packages', () => {
	const dir = join(home.userFolder, '.n8n', 'nodes');
	const pkg = JSON.parse(
		readFileSync(join(dir, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8'),
	);
	expect(pkg.name).toBe(PACKAGE_NAME);
	for (const file of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) {
		expect(existsSync(join(dir, 'node_modules', PACKAGE_NAME, file))).toBe(true);
	}
	expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies).toEqual({
		[PACKAGE_NAME]: pkg.version,
	});
});

/** The body the emulator received for a request. */
function bodyOf(request: { body: unknown; rawBody: string }): any {
	return typeof request.body === 'object' && request.body
		? request.body
		: JSON.parse(request.rawBody);
}

test('room-link-set: the example creates an expiring, password-protected external link', async () => {
	const { workflow } = byKey('room-link-set');
	const items = await executeOk(workflow);

	expect(items).toHaveLength(1);
	expect(items[0].error).toBeUndefined();
	expect(items[0].json.error).toBeUndefined();

	// The example's "Deal closed" step gives room 101, "Acme Corp", a password and 30 days.
	const roomId = SEED_IDS.customRoomId;
	const put = writes().find(
		(r) => r.method === 'PUT' && r.path === `/api/2.0/files/rooms/${roomId}/links`,
	);
	expect(writes().map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual([
		`PUT /api/2.0/files/rooms/${roomId}/links → 200`,
	]);
	expect(put!.headers.authorization).toContain(SEED_IDS.apiKey);
	const body = bodyOf(put!);
	expect(body).toMatchObject({
		linkType: 1,
		access: 2,
		title: 'Client: Acme Corp',
		password: 'Welcome#2027',
		denyDownload: true,
	});
	const days = (Date.parse(body.expirationDate) - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(29);
	expect(days).toBeLessThan(31);

	// The link the node returned is the one the emulator now has on the room.
	const stored = emu
		.roomLinks(roomId)
		.find((l: any) => l.sharedTo?.title === 'Client: Acme Corp') as any;
	expect(stored).toBeDefined();
	expect(JSON.stringify(items[0].json)).toContain(stored.sharedTo.shareLink);
	expect(emu.openApiViolations()).toEqual([]);
});

test('file-share: the example shares the contract with both reviewers and notifies them', async () => {
	const { workflow } = byKey('file-share');
	const items = await executeOk(workflow);

	expect(items.length).toBeGreaterThanOrEqual(1);
	for (const item of items) {
		expect(item.error).toBeUndefined();
		expect(item.json.error).toBeUndefined();
	}
	// The example's "Contract drafted" step gives file 201 and Jane's and Bob's IDs.
	const fileId = SEED_IDS.myDocxId;
	const reviewers = [SEED_IDS.janeId, SEED_IDS.bobId];
	const shares = writes().filter(
		(r) => r.method === 'PUT' && r.path === `/api/2.0/files/file/${fileId}/share`,
	);
	expect(shares.length).toBeGreaterThanOrEqual(1);
	for (const share of shares) expect(share.status).toBe(200);
	const sent = shares.flatMap((r) => bodyOf(r).share);
	for (const id of reviewers) expect(sent).toContainEqual({ shareTo: id, access: 5 });
	expect(bodyOf(shares[0])).toMatchObject({
		notify: true,
		sharingMessage: 'A new contract draft is ready for your review.',
	});
	// The emulator now lists both reviewers on the file, and the output names them.
	const stored = JSON.stringify(emu.fileShares(fileId));
	const output = JSON.stringify(items.map((i) => i.json));
	for (const id of reviewers) {
		expect(stored).toContain(id);
		expect(output).toContain(id);
	}
	expect(emu.openApiViolations()).toEqual([]);
});

test('client-onboarding: creates the room, adds contacts and team with two roles, then one expiring link', async () => {
	const { workflow } = byKey('client-onboarding');
	const result = await execute(workflow.id);
	if (result.code !== 0)
		throw new Error(`workflow "${workflow.name}" failed: ${describeResult(result)}`);
	const runData = parseRunOutput(result.stdout).data.resultData.runData;
	const output = (name: string) => {
		expect(runData[name]).toHaveLength(1);
		expect(runData[name][0].executionStatus).toBe('success');
		return runData[name][0].data.main[0].map((item: any) => item.json);
	};
	const [room] = output('Create client room');
	expect(room).toMatchObject({ title: 'Client: Acme Corp', roomType: 'custom', tags: ['client'] });
	expect(writes().map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual([
		'POST /api/2.0/files/rooms → 200',
		`PUT /api/2.0/files/rooms/${room.id}/share → 200`,
		`PUT /api/2.0/files/rooms/${room.id}/links → 200`,
	]);
	expect(bodyOf(writes()[1]).invitations).toEqual([
		{ email: 'anna@acme.example', access: 2 },
		{ email: 'jane@example.com', access: 10 },
		{ email: 'bob@example.com', access: 10 },
	]);
	expect(
		output('Add contacts and team').map((m: any) => [m.email, m.accessName, m.result]),
	).toEqual([
		['anna@acme.example', 'Viewer', 'invited'],
		['jane@example.com', 'Editor', 'added'],
		['bob@example.com', 'Editor', 'added'],
	]);
	const links = output('Expiring link');
	expect(links).toHaveLength(1);
	const days = (Date.parse(links[0].expirationDate) - Date.now()) / 86_400_000;
	expect(days).toBeGreaterThan(13);
	expect(days).toBeLessThan(15);
	expect(emu.openApiViolations()).toEqual([]);
});

test('continue on fail: a room that does not exist gives an error item', async () => {
	const items = await executeOk(continueOnFail);
	expect(items).toHaveLength(1);
	const message = String(items[0].json.error ?? items[0].error?.message ?? '');
	log(`continue on fail → error item: ${JSON.stringify(items[0].json)}`);
	expect(message).toContain(MISSING_ROOM);
	expect(writes().filter((r) => r.status < 400)).toHaveLength(0);
});

test('stop on fail: a room that does not exist fails the run with a clear error', async () => {
	const result = await execute(stopOnFail.id);
	expect(result.code).not.toBe(0);
	const output = plain(result.stdout + result.stderr);
	expect(output).toContain('Execution was NOT successful');
	const run = parseRunOutput(result.stdout);
	const error = run.data.resultData.error;
	expect(error).toBeDefined();
	log(
		`stop on fail → exit ${result.code}, error: ${error.message} (${error.description ?? 'no description'})`,
	);
	expect(`${error.message} ${error.description ?? ''}`).toContain(MISSING_ROOM);
	expect(run.data.resultData.lastNodeExecuted).toBe(docSpaceNode(stopOnFail).name);
});

test('room archive: the node starts the operation and waits until DocSpace reports it finished', async () => {
	const items = await executeOk(roomArchive);
	expect(items.map((item) => item.json)).toEqual([
		{ roomId: 101, archived: true, resultReported: true },
	]);
	expect(writes().map((r) => `${r.method} ${r.path} → ${r.status}`)).toEqual([
		`PUT /api/2.0/files/rooms/${SEED_IDS.customRoomId}/archive → 200`,
	]);
	expect(
		emu.requests.filter((r) => r.path === '/api/2.0/files/fileops').map((r) => r.query),
	).toEqual([{ id: expect.any(String) }]);
	expect(emu.openApiViolations()).toEqual([]);
});

test('a redirecting portal: the key is not sent to the other origin, the item says where it pointed', async () => {
	const { createServer } = await import('node:http');
	const seen: string[] = [];
	const elsewhere = createServer((request, response) => {
		seen.push(`${request.method} ${request.url} ${String(request.headers.authorization ?? '')}`);
		response.end('{}');
	});
	await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
	const target = `http://127.0.0.1:${(elsewhere.address() as { port: number }).port}/api/2.0/files/rooms/1/links`;
	try {
		emu.reset();
		emu.inject({
			path: /\/links$/,
			kind: 'status',
			status: 307,
			headers: { Location: target },
			times: Infinity,
		});
		let result = await home.cli(['execute', `--id=${continueOnFail.id}`, '--rawOutput']);
		if (result.code !== 0) {
			// Seen once in CI: n8n execute exited 1 right after the previous test's run, and passed
			// when run again. The run is repeated once; the assertions below hold for it.
			log(`redirect run exited ${result.code}, running it once more:\n${describeResult(result)}`);
			result = await home.cli(['execute', `--id=${continueOnFail.id}`, '--rawOutput']);
		}
		expect(result.code).toBe(0);
		const run = parseRunOutput(result.stdout);
		const items = run.data.resultData.runData[docSpaceNode(continueOnFail).name][0].data.main[0];
		log(`redirect → ${JSON.stringify(items[0].json)}`);
		expect(String(items[0].json.error)).toContain(
			`redirected the request for room ${MISSING_ROOM} to ${target}`,
		);
		expect(seen).toEqual([]);
		expect(plain(result.stdout + result.stderr)).not.toContain(SEED_IDS.apiKey);
	} finally {
		await new Promise<void>((resolve) => elsewhere.close(() => resolve()));
	}
});
