import { createHmac } from 'node:crypto';

import { DocSpaceEmulator, SEED_IDS } from './index';
import { call } from './testClient';
import { WebhookReceiver } from './webhookReceiver';

const HOOKS = '/api/2.0/settings/webhook';
const SECRET = 'Secret#2024-abcdefghij';
const FAST_RETRIES = [5, 5, 5, 5, 5];

let emulator: DocSpaceEmulator;
let receiver: WebhookReceiver;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(async () => {
	emulator.reset();
	emulator.configure({ allowPrivateWebhookUrls: true, webhookRetryDelaysMs: FAST_RETRIES });
	receiver = await WebhookReceiver.start();
});
afterEach(async () => {
	await receiver.stop();
	expect(emulator.openApiViolations()).toEqual([]);
});

/** Bob (a plain user) and Gary (a guest) have no key in the seed: sign them in with a session token. */
function sessionFor(token: string, userId: string): void {
	(
		emulator as unknown as { state: { sessionTokens: Map<string, string> } }
	).state.sessionTokens.set(token, userId);
}

function register(body: Record<string, unknown> = {}, authorization?: string) {
	return call(emulator, 'POST', HOOKS, {
		body: {
			name: 'n8n',
			uri: receiver.url,
			secretKey: SECRET,
			enabled: true,
			ssl: false,
			triggers: 0,
			...body,
		},
		authorization,
	});
}

describe('settings/webhook registration', () => {
	it('creates a config after a HEAD check, lists it without the secret, and deletes it', async () => {
		const mask = 128 + 256 + 2 ** 34 + 2 ** 35;
		const created = await register({ triggers: mask, targetId: '301' });
		expect(created.status).toBe(200);
		expect(created.json.response).toMatchObject({
			id: 1,
			name: 'n8n',
			uri: receiver.url,
			enabled: true,
			ssl: false,
			triggers: mask,
			targetId: '301',
		});
		expect(created.text).not.toContain(SECRET);
		expect(receiver.received.map((entry) => entry.method)).toEqual(['HEAD']);

		const list = await call(emulator, 'GET', HOOKS);
		expect(list.json.response).toEqual([
			{ configs: expect.objectContaining({ id: 1, triggers: mask }), status: 0 },
		]);
		expect(list.text).not.toContain(SECRET);

		expect((await call(emulator, 'DELETE', `${HOOKS}/1`)).json.response).toMatchObject({ id: 1 });
		expect((await call(emulator, 'DELETE', `${HOOKS}/1`)).status).toBe(404);
		expect((await call(emulator, 'GET', HOOKS)).json.response).toEqual([]);
	});

	it('registers a disabled hook when enabled is omitted, and refuses a second one with the same name and URL', async () => {
		expect((await register({ enabled: undefined })).json.response.enabled).toBe(false);
		const again = await register();
		expect(again.status).toBe(400);
		expect(again.json.error.message).toBe(
			'Webhook with the same name and payload URL already exists',
		);
	});

	it('needs a secret that passes the password policy', async () => {
		expect((await register({ secretKey: undefined })).status).toBe(400);
		const short = await register({ secretKey: 'short' });
		expect(short.status).toBe(400);
		expect(short.json.error.message).toMatch(/Password must contain from 8 to 30 characters/);
	});

	it('refuses private and loopback addresses unless the test switch allows them', async () => {
		emulator.configure({ allowPrivateWebhookUrls: false });
		const refused = await register();
		expect(refused.status).toBe(400);
		expect(refused.json.error.message).toBe('URL host is in the blacklist');
		const byName = await register({ uri: receiver.url.replace('127.0.0.1', 'localhost') });
		expect(byName.json.error.message).toBe('URL resolves to a blacklisted IP address');
		expect(receiver.received).toEqual([]);
	});

	it('refuses an address whose HEAD check is not 2xx, and http with ssl: true', async () => {
		receiver.headStatus = 404;
		const answer = await register();
		expect(answer.status).toBe(400);
		expect(answer.json.error.message).toBe(
			'Webhook URL is not available. HEAD request is not response 200 http status.',
		);
		expect((await register({ ssl: true })).json.error.message).toBe('HTTPS is required');
	});

	it('needs *:write: a key limited to rooms gets an empty 403, a guest "Access denied"', async () => {
		const scoped = await register({}, `Bearer ${SEED_IDS.roomsOnlyApiKey}`);
		expect(scoped.status).toBe(403);
		expect(scoped.text).toBe('');
		sessionFor('guest-session', SEED_IDS.guestId);
		const guest = await register({}, 'guest-session');
		expect(guest.status).toBe(403);
		expect(guest.json.error.message).toBe('Access denied');
	});

	it('refuses admin-only events to a plain user with "Trigger is not available"', async () => {
		sessionFor('bob-session', SEED_IDS.bobId);
		const refused = await register({ triggers: 4194304 }, 'bob-session');
		expect(refused.json.error.message).toBe('Trigger is not available');
		expect((await register({ triggers: 256 }, 'bob-session')).status).toBe(200);
		const triggers = await call(emulator, 'GET', `${HOOKS}/triggers`, {
			authorization: 'bob-session',
		});
		expect(triggers.json.response).toContainEqual({
			name: 'room.created',
			id: 4194304,
			available: false,
		});
		expect(triggers.json.response).toContainEqual({
			name: 'folder.downloaded',
			id: 34359738368,
			available: true,
		});
	});
});

describe('signed deliveries', () => {
	it('signs the exact body with HMAC-SHA256 (uppercase hex) and escapes like .NET', async () => {
		await register({ triggers: 256 });
		const attempts = await emulator.publishWebhookEvent('file.uploaded', {
			id: 301,
			title: 'Vertrag «Müller» <v2> & co+.docx',
			parentId: 101,
			shared: false,
		});
		expect(attempts).toHaveLength(1);
		const [post] = receiver.posts();
		const header = String(post.headers['x-docspace-signature-256']);
		expect(header).toMatch(/^sha256=[0-9A-F]{64}$/);
		expect(header).toBe(
			`sha256=${createHmac('sha256', SECRET).update(post.body).digest('hex').toUpperCase()}`,
		);
		const text = post.body.toString('utf8');
		expect(text).toContain(
			'Vertrag \\u00ABM\\u00FCller\\u00BB \\u003Cv2\\u003E \\u0026 co\\u002B.docx',
		);
		expect(text).not.toContain('shared');
		expect(text).not.toContain('retryCount');
		const body = JSON.parse(text);
		expect(body).toMatchObject({
			event: {
				id: expect.any(Number),
				createBy: SEED_IDS.ownerId,
				trigger: 'file.uploaded',
				triggerId: 256,
			},
			payload: { id: 301, title: 'Vertrag «Müller» <v2> & co+.docx', parentId: 101 },
			webhook: { id: 1, name: 'n8n', url: receiver.url, triggers: ['file.uploaded'] },
		});
		expect(body.event.createOn).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		expect(post.headers['content-type']).toBe('application/json; charset=utf-8');
	});

	it('delivers only subscribed events and only for the target entity', async () => {
		await register({ name: 'room', triggers: 16777216, targetId: '101' });
		await register({ name: 'all' });
		await emulator.publishWebhookEvent('room.archived', { id: 102, title: 'Press Kit' });
		await emulator.publishWebhookEvent('room.archived', { id: 101, title: 'Client Projects' });
		const names = receiver.posts().map((post) => JSON.parse(post.body.toString()).webhook.name);
		expect(names.sort()).toEqual(['all', 'all', 'room']);
	});

	it('retries a failed delivery with the same event id and re-signs each attempt', async () => {
		receiver.postStatuses = [500, 503, 200];
		await register();
		const attempts = await emulator.publishWebhookEvent('file.created', {
			id: 301,
			title: 'a.docx',
		});
		expect(attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
		const bodies = receiver.posts().map((post) => JSON.parse(post.body.toString()));
		expect(new Set(bodies.map((body) => body.event.id)).size).toBe(1);
		expect(bodies.map((body) => body.webhook.retryCount)).toEqual([undefined, 1, 2]);
		for (const post of receiver.posts()) {
			expect(post.headers['x-docspace-signature-256']).toBe(
				`sha256=${createHmac('sha256', SECRET).update(post.body).digest('hex').toUpperCase()}`,
			);
		}
		expect(emulator.webhookConfigs()[0].lastSuccessOn).toEqual(expect.any(String));
	});

	it('gives up after 1 + 5 attempts, and deletes the config when the receiver answers 410', async () => {
		receiver.postStatuses = [410];
		await register();
		const attempts = await emulator.publishWebhookEvent('file.created', { id: 301 });
		expect(attempts).toHaveLength(6);
		expect(emulator.webhookConfigs()).toEqual([]);
	});

	it('deletes a config whose address became private before delivering', async () => {
		await register();
		emulator.configure({ allowPrivateWebhookUrls: false });
		expect(await emulator.publishWebhookEvent('file.created', { id: 301 })).toEqual([]);
		expect(emulator.webhookConfigs()).toEqual([]);
		expect(receiver.posts()).toEqual([]);
	});

	it('sends nothing to disabled configs', async () => {
		await register({ enabled: false });
		expect(await emulator.publishWebhookEvent('file.created', { id: 301 })).toEqual([]);
	});
});
