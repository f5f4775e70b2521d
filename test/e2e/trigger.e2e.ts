/**
 * The DocSpace Trigger in a real n8n 2.41.1 (`n8n start`): activating the workflow registers the
 * webhook in the emulated DocSpace (which checks the address with HEAD), signed deliveries start
 * executions with the event's data, a forged signature and a replayed event start nothing, and
 * deactivating deletes the webhook. The emulator accepts n8n's loopback address through its test
 * switch; a real portal refuses private addresses (the trigger's error says so).
 */
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SEED_IDS } from '../emulator';
import { startEditor, OWNER, type Editor } from '../../scripts/e2e/editor';
import { plain } from '../../scripts/e2e/n8n';
import { freePort } from '../../scripts/e2e/ports';
import { log } from '../../scripts/e2e/runtime';
import { CREDENTIAL_ID, CREDENTIAL_NAME } from '../../scripts/e2e/workflows';

const WORKFLOW_ID = 'e2eDocSpaceTrigger';
const WEBHOOK_ID = '0c1f5c9e-2d7a-4f3b-9a61-e2etrigger001';
const HOOKS = '/api/2.0/settings/webhook';
const BROWSER_ID = 'docspace-trigger-e2e';
/** Every wait in this file is bounded by this. */
const WAIT_MS = 60_000;

const triggerWorkflow = {
	id: WORKFLOW_ID,
	name: 'e2e: DocSpace Trigger',
	active: false,
	settings: {},
	connections: {},
	nodes: [
		{
			id: '5b0d2c4e-8f1a-4c3b-9d2e-e2etrigger002',
			name: 'DocSpace Trigger',
			type: 'n8n-nodes-docspace.docSpaceTrigger',
			typeVersion: 1,
			position: [0, 0],
			webhookId: WEBHOOK_ID,
			parameters: {
				events: ['file.uploaded', 'room.archived'],
				target: 'none',
				simplify: true,
				options: {},
			},
			credentials: { docSpaceApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
		},
	],
};

let editor: Editor;
let cookie = '';
let flatted: { parse(text: string): any };

async function rest(method: string, path: string, body?: unknown): Promise<any> {
	const response = await fetch(`${editor.url}/rest${path}`, {
		method,
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID, cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok)
		throw new Error(`${method} /rest${path} → ${response.status}: ${text.slice(0, 2000)}`);
	return text ? JSON.parse(text) : undefined;
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
	const deadline = Date.now() + WAIT_MS;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
	throw new Error(`timed out after ${WAIT_MS / 1000} s waiting for ${what}`);
}

async function executions(): Promise<any[]> {
	const answer = await rest(
		'GET',
		`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }))}`,
	);
	return answer.data.results;
}

/** The trigger's output items of one execution. */
async function triggerOutput(executionId: string): Promise<any[]> {
	const { data } = await rest('GET', `/executions/${executionId}`);
	const run = flatted.parse(data.data);
	return run.resultData.runData['DocSpace Trigger'][0].data.main[0].map((item: any) => item.json);
}

function webhookUrl(): string {
	return `${editor.url}/webhook/${WEBHOOK_ID}/docspace`;
}

beforeAll(async () => {
	editor = await startEditor({ port: await freePort(), workflows: [triggerWorkflow] });
	editor.emu.configure({
		allowPrivateWebhookUrls: true,
		webhookRetryDelaysMs: [500, 500, 500, 500, 500],
	});

	flatted = require(join(editor.home.runtime.n8nDir, 'node_modules', 'flatted'));
	const login = await fetch(`${editor.url}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': BROWSER_ID },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
	});
	if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
	cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
});

afterAll(async () => {
	await editor?.stop();
});

test('DocSpace Trigger: activation registers, signed events start executions once, forgeries start nothing, deactivation deletes', async () => {
	const emu = editor.emu;
	emu.requests.length = 0;

	// Activate (publish) the workflow as the editor's toggle does.
	const { data: workflow } = await rest('GET', `/workflows/${WORKFLOW_ID}`);
	const { data: activated } = await rest('POST', `/workflows/${WORKFLOW_ID}/activate`, {
		versionId: workflow.versionId,
	});
	const seen = () =>
		emu.requests
			.map((request) => `${request.method} ${request.path} → ${request.status}`)
			.join(', ');
	log(`activated: active=${activated.active}; DocSpace got: ${seen()}`);
	const config = await waitFor(
		'the webhook registration',
		async () => emu.webhookConfigs()[0],
	).catch((error: Error) => {
		log(
			`DocSpace got: ${seen()}\nn8n log:\n${plain(readFileSync(editor.logFile, 'utf8')).split('\n').slice(-60).join('\n')}`,
		);
		throw error;
	});
	log(`registered webhook ${config.id}: ${config.uri} triggers=${config.triggers}`);
	expect(config).toMatchObject({
		uri: webhookUrl(),
		enabled: true,
		ssl: false,
		triggers: 256 + 16777216,
	});
	const post = emu.requests.find((request) => request.method === 'POST' && request.path === HOOKS);
	expect(post?.status).toBe(200);
	expect(emu.openApiViolations()).toEqual([]);

	// A signed delivery starts one execution with the simplified event.
	const [delivered] = await emu.publishWebhookEvent(
		'file.uploaded',
		{ id: 301, parentId: 101, title: 'Angebot «Straße» & Co.docx', fileEntryType: 2 },
		{ actorId: SEED_IDS.janeId },
	);
	expect(delivered.status).toBe(200);
	const [first] = await waitFor('the first execution', async () => {
		const list = await executions();
		return list.length >= 1 && list[0].status === 'success' ? list : undefined;
	});
	expect(await triggerOutput(first.id)).toEqual([
		expect.objectContaining({
			event: 'file.uploaded',
			eventId: delivered.eventId,
			userId: SEED_IDS.janeId,
			itemType: 'file',
			itemId: '301',
			title: 'Angebot «Straße» & Co.docx',
			parentId: '101',
			webhookId: config.id,
			attempt: 1,
		}),
	]);

	// The same delivery replayed (same event id, valid signature): answered, nothing started.
	const replay = await fetch(webhookUrl(), {
		method: 'POST',
		headers: delivered.headers,
		body: delivered.body,
	});
	expect(replay.status).toBe(200);
	// A forged delivery: wrong signature → 401, nothing started.
	const forgedBody = delivered.body.replace('"id":301', '"id":999');
	const forged = await fetch(webhookUrl(), {
		method: 'POST',
		headers: {
			...delivered.headers,
			'x-docspace-signature-256': `sha256=${createHmac('sha256', 'guessed-secret').update(forgedBody).digest('hex').toUpperCase()}`,
		},
		body: forgedBody,
	});
	expect(forged.status).toBe(401);
	// An event the trigger was not registered for is not even sent; a second real event is.
	await emu.publishWebhookEvent('room.archived', { id: 101, title: 'Client Projects' });
	const list = await waitFor('the second execution', async () => {
		const found = await executions();
		return found.length >= 2 && found.every((execution) => execution.status === 'success')
			? found
			: undefined;
	});
	await new Promise((resolve) => setTimeout(resolve, 1500));
	expect(await executions()).toHaveLength(2);
	expect((await triggerOutput(list[0].id))[0]).toMatchObject({
		event: 'room.archived',
		itemType: 'room',
		itemId: '101',
	});

	// HEAD is answered at any time.
	expect((await fetch(webhookUrl(), { method: 'HEAD' })).status).toBe(200);

	// Deactivate: the webhook is deleted in DocSpace.
	await rest('POST', `/workflows/${WORKFLOW_ID}/deactivate`, {});
	await waitFor('the webhook deletion', async () =>
		emu.requests.some(
			(request) =>
				request.method === 'DELETE' &&
				request.path === `${HOOKS}/${config.id}` &&
				request.status === 200,
		)
			? true
			: undefined,
	);
	expect(emu.webhookConfigs()).toEqual([]);
	expect(emu.openApiViolations()).toEqual([]);
});
