import type { INodeParameters } from 'n8n-workflow';

import { SEED_IDS, credentialsFor, useEmulator } from '../../harness/docspace';
import { TriggerHarness } from '../../harness/trigger';

const HOOKS = '/api/2.0/settings/webhook';
const ctx = useEmulator({ allowPrivateWebhookUrls: true, webhookRetryDelaysMs: [5, 5, 5, 5, 5] });

const started: TriggerHarness[] = [];
afterEach(async () => {
	await Promise.all(started.splice(0).map((harness) => harness.stop()));
});

async function trigger(
	parameters: INodeParameters,
	options: { authKey?: string; isTest?: boolean } = {},
): Promise<TriggerHarness> {
	const harness = await TriggerHarness.start({
		parameters: { events: ['file.uploaded'], target: 'none', simplify: true, ...parameters },
		credentials: credentialsFor(ctx.emulator, options.authKey),
		isTest: options.isTest,
	});
	started.push(harness);
	return harness;
}

const registrations = () =>
	ctx.emulator.requests.filter((request) => request.path === HOOKS && request.method === 'POST');

describe('DocSpace Trigger: activation and deactivation', () => {
	it('registers an enabled webhook with a fresh secret, the events as a summed mask, after answering the HEAD check', async () => {
		const node = await trigger({ events: ['file.uploaded', 'file.created'] });
		await node.activate();

		const [post] = registrations();
		expect(post.status).toBe(200);
		expect(post.body).toEqual({
			name: 'n8n: Contracts inbox / DocSpace Trigger',
			uri: node.webhookUrl,
			secretKey: expect.stringMatching(/^[\x21-\x7E]{30}$/),
			enabled: true,
			ssl: false,
			triggers: 384,
		});
		expect(node.webhookUrl).toMatch(
			/^http:\/\/127\.0\.0\.1:\d+\/webhook\/5d1c8e0a-7a3b-4c55-9e0f-trigger00001\/docspace$/,
		);
		expect(node.answered).toEqual([{ method: 'HEAD', status: 200 }]);
		const [config] = ctx.emulator.webhookConfigs();
		expect(node.staticData).toMatchObject({
			webhookId: config.id,
			secret: ctx.emulator.webhookSecret(config.id),
			seen: [],
		});
		const secret = (post.body as { secretKey: string }).secretKey;
		for (const kind of [/[A-Z]/, /[a-z]/, /\d/, /[^A-Za-z0-9]/]) expect(secret).toMatch(kind);
	});

	it('adds flag values up to 2^35 without 32-bit truncation, and expands "Any … Event" groups', async () => {
		const node = await trigger({
			events: ['file.downloaded', 'folder.downloaded', 'agent.created', 'user.deleted'],
		});
		await node.activate();
		expect((registrations()[0].body as { triggers: number }).triggers).toBe(
			17179869184 + 34359738368 + 2147483648 + 8,
		);
		expect(ctx.emulator.webhookConfigs()[0].triggers).toBe(53687091208);

		ctx.emulator.reset();
		const all = await trigger({ events: ['*'] });
		await all.activate();
		expect((registrations()[0].body as { triggers: number }).triggers).toBe(0);

		ctx.emulator.reset();
		const files = await trigger({ events: ['file.*'] });
		await files.activate();
		expect((registrations()[0].body as { triggers: number }).triggers).toBe(
			128 + 256 + 512 + 1024 + 2048 + 4096 + 8192 + 16384 + 17179869184,
		);
	});

	it('uses the test URL when n8n listens for a test event', async () => {
		const node = await trigger({}, { isTest: true });
		await node.activate();
		expect((registrations()[0].body as { uri: string }).uri).toContain('/webhook-test/');
	});

	it('finds its own registration again, and replaces one DocSpace disabled or deleted', async () => {
		const node = await trigger({});
		await node.activate();
		await node.activate();
		expect(registrations()).toHaveLength(1);

		// DocSpace disables a hook that failed for 3 days (docs/docspace/webhooks.md §7).
		const id = node.staticData.webhookId as number;
		await fetch(`${ctx.emulator.baseUrl}${HOOKS}/enable`, {
			method: 'PUT',
			headers: { Authorization: `Bearer ${SEED_IDS.apiKey}`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ id, name: 'x', uri: node.webhookUrl, enabled: false }),
		});
		await node.activate();
		expect(registrations()).toHaveLength(2);
		expect(
			ctx.emulator.requests.some(
				(request) => request.method === 'DELETE' && request.path === `${HOOKS}/${id}`,
			),
		).toBe(true);
		expect(ctx.emulator.webhookConfigs()).toEqual([
			expect.objectContaining({ enabled: true, id: node.staticData.webhookId }),
		]);
	});

	it('replaces a registration left behind under the same name and address', async () => {
		const node = await trigger({});
		await node.activate();
		const first = node.staticData.webhookId;
		expect(await node.runMethod('create')).toBe(true);
		expect(ctx.emulator.webhookConfigs()).toEqual([
			expect.objectContaining({ id: node.staticData.webhookId }),
		]);
		expect(node.staticData.webhookId).not.toBe(first);
	});

	it('deletes the webhook on deactivation, and treats one already gone as deleted', async () => {
		const node = await trigger({});
		await node.activate();
		const id = node.staticData.webhookId;
		expect(await node.deactivate()).toBe(true);
		expect(
			ctx.emulator.requests
				.filter((request) => request.method === 'DELETE')
				.map((request) => `${request.path} ${request.status}`),
		).toEqual([`${HOOKS}/${id} 200`]);
		expect(ctx.emulator.webhookConfigs()).toEqual([]);
		expect(node.staticData.secret).toBeUndefined();

		await node.activate();
		await fetch(`${ctx.emulator.baseUrl}${HOOKS}/${node.staticData.webhookId}`, {
			method: 'DELETE',
			headers: { Authorization: `Bearer ${SEED_IDS.apiKey}` },
		});
		expect(await node.deactivate()).toBe(true);
	});

	it('registers a room target with the room events only, as DocSpace matches the target against the item itself', async () => {
		const node = await trigger({
			events: ['*'],
			target: 'room',
			targetRoom: { __rl: true, mode: 'id', value: SEED_IDS.customRoomId },
		});
		await node.activate();
		expect(registrations()[0].body).toMatchObject({
			targetId: '101',
			triggers:
				4194304 +
				8388608 +
				16777216 +
				33554432 +
				67108864 +
				134217728 +
				2147483648 +
				4294967296 +
				8589934592,
		});
	});

	it('refuses a target that none of the chosen events can match, before sending anything', async () => {
		const node = await trigger({
			events: ['file.uploaded'],
			target: 'room',
			targetRoom: { __rl: true, mode: 'id', value: '101' },
		});
		await expect(node.activate()).rejects.toThrow(
			'None of the chosen events is about a room, so a room target would never deliver anything',
		);
		expect(ctx.emulator.requests).toEqual([]);
	});
});

describe('DocSpace Trigger: registration failures', () => {
	it('names the permission a limited API key lacks', async () => {
		const node = await trigger({}, { authKey: SEED_IDS.roomsOnlyApiKey });
		const error = await node.activate().then(
			() => undefined,
			(failure: Error & { description?: string }) => failure,
		);
		expect(error?.message).toContain('missing permission *:write');
		expect(error?.description).toContain('"All" (*)');
		expect(error?.message).not.toContain(SEED_IDS.roomsOnlyApiKey);
	});

	it('says a tunnel or public address is needed when the portal refuses a private address', async () => {
		ctx.emulator.configure({ allowPrivateWebhookUrls: false });
		const node = await trigger({});
		const error = await node.activate().then(
			() => undefined,
			(failure: Error & { description?: string }) => failure,
		);
		expect(error?.message).toBe(
			"DocSpace refused n8n's webhook address: it is a private or local address [item 0]",
		);
		expect(error?.description).toContain('tunnel');
		expect(error?.description).toContain('WEBHOOK_URL');
		expect(node.staticData.secret).toBeUndefined();
	});

	it('explains that DocSpace could not reach the address when the HEAD check fails', async () => {
		const node = await trigger({});
		await node.stop();
		const error = await node.activate().then(
			() => undefined,
			(failure: Error & { description?: string }) => failure,
		);
		expect(error).toBeDefined();
		expect(ctx.emulator.webhookConfigs()).toEqual([]);
	});
});
