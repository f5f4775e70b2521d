import { createHmac } from 'node:crypto';

import type { INodeParameters } from 'n8n-workflow';

import { MAX_REMEMBERED_EVENTS } from '../../../nodes/DocSpaceTrigger/delivery';
import { SEED_IDS, credentialsFor, useEmulator } from '../../harness/docspace';
import { TriggerHarness } from '../../harness/trigger';

const ctx = useEmulator({ allowPrivateWebhookUrls: true, webhookRetryDelaysMs: [5, 5, 5, 5, 5] });

const started: TriggerHarness[] = [];
afterEach(async () => {
	await Promise.all(started.splice(0).map((harness) => harness.stop()));
});

async function activeTrigger(parameters: INodeParameters = {}): Promise<TriggerHarness> {
	const harness = await TriggerHarness.start({
		parameters: {
			events: ['file.uploaded', 'room.archived'],
			target: 'none',
			simplify: true,
			...parameters,
		},
		credentials: credentialsFor(ctx.emulator),
	});
	started.push(harness);
	await harness.activate();
	return harness;
}

const UPLOADED = {
	id: 301,
	parentId: 101,
	rootId: 2,
	title: 'Vertrag «Müller» <v2> & co+.docx',
	fileEntryType: 2,
	createBy: SEED_IDS.janeId,
};

/** A delivery signed like DocSpace signs it, sent straight to the trigger. */
async function post(node: TriggerHarness, body: string, signature?: string): Promise<number> {
	const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' };
	if (signature !== undefined) headers['x-docspace-signature-256'] = signature;
	return (await fetch(node.webhookUrl, { method: 'POST', headers, body })).status;
}

function sign(body: string, secret: string): string {
	return `sha256=${createHmac('sha256', secret).update(body).digest('hex').toUpperCase()}`;
}

describe('DocSpace Trigger: deliveries', () => {
	it('starts the workflow once per signed delivery, with the simplified event', async () => {
		const node = await activeTrigger();
		const [attempt] = await ctx.emulator.publishWebhookEvent('file.uploaded', UPLOADED, {
			actorId: SEED_IDS.janeId,
		});
		expect(attempt.status).toBe(200);
		expect(node.executions).toHaveLength(1);
		expect(node.executions[0]).toEqual([
			{
				json: {
					event: 'file.uploaded',
					eventId: attempt.eventId,
					time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
					userId: SEED_IDS.janeId,
					itemType: 'file',
					itemId: '301',
					title: 'Vertrag «Müller» <v2> & co+.docx',
					parentId: '101',
					url: `${ctx.emulator.baseUrl}/doceditor?fileId=301`,
					webhookId: node.staticData.webhookId,
					attempt: 1,
				},
			},
		]);
	});

	it('returns the delivery as DocSpace sent it when Simplify is off', async () => {
		const node = await activeTrigger({ simplify: false });
		const [attempt] = await ctx.emulator.publishWebhookEvent('room.archived', {
			id: 101,
			title: 'Client Projects',
		});
		expect(node.executions[0][0].json).toEqual(JSON.parse(attempt.body));
		expect(node.executions[0][0].json).toMatchObject({
			event: { trigger: 'room.archived', triggerId: 16777216 },
			payload: { id: 101 },
		});
	});

	it('simplifies user and group events with their names', async () => {
		const node = await activeTrigger({ events: ['user.*', 'group.created'] });
		await ctx.emulator.publishWebhookEvent('user.invited', {
			id: SEED_IDS.bobId,
			firstName: 'Bob',
			lastName: 'Stone',
			email: 'bob@example.com',
			status: 4,
		});
		await ctx.emulator.publishWebhookEvent('group.created', {
			id: SEED_IDS.salesGroupId,
			name: 'Sales',
		});
		expect(node.executions.map((items) => items[0].json)).toEqual([
			expect.objectContaining({
				event: 'user.invited',
				itemType: 'user',
				itemId: SEED_IDS.bobId,
				name: 'Bob Stone',
				email: 'bob@example.com',
			}),
			expect.objectContaining({
				event: 'group.created',
				itemType: 'group',
				itemId: SEED_IDS.salesGroupId,
				name: 'Sales',
			}),
		]);
	});

	it('never starts twice for one event id: a retry after a lost answer is acknowledged only', async () => {
		const node = await activeTrigger();
		node.dropResponses = 1;
		const attempts = await ctx.emulator.publishWebhookEvent('file.uploaded', UPLOADED);
		expect(attempts.map((attempt) => [attempt.attempt, attempt.status])).toEqual([
			[1, 0],
			[2, 200],
		]);
		expect(new Set(attempts.map((attempt) => JSON.parse(attempt.body).event.id)).size).toBe(1);
		expect(node.executions).toHaveLength(1);

		// A captured delivery replayed later is acknowledged and starts nothing either.
		const replay = attempts[1];
		expect(await post(node, replay.body, replay.headers['x-docspace-signature-256'])).toBe(200);
		expect(node.executions).toHaveLength(1);
	});

	it('remembers a bounded number of event ids', async () => {
		const node = await activeTrigger();
		node.staticData.seen = Array.from(
			{ length: MAX_REMEMBERED_EVENTS },
			(_, index) => `old:${index}`,
		);
		await ctx.emulator.publishWebhookEvent('file.uploaded', UPLOADED);
		const seen = node.staticData.seen as string[];
		expect(seen).toHaveLength(MAX_REMEMBERED_EVENTS);
		expect(seen[0]).toBe('old:1');
		expect(seen.at(-1)).toMatch(new RegExp(`^${node.staticData.webhookId}:\\d+$`));
	});

	it('answers 401 and starts nothing for a missing, forged or stale signature, or a changed body', async () => {
		const node = await activeTrigger();
		const [attempt] = await ctx.emulator.publishWebhookEvent('file.uploaded', UPLOADED);
		node.executions.length = 0;
		const forged = attempt.body
			.replace('"id":301', '"id":302')
			.replace(/"id":(\d+),"createOn"/, (_m, id) => `"id":${Number(id) + 1},"createOn"`);
		const secret = node.staticData.secret as string;

		expect(await post(node, forged)).toBe(401);
		expect(await post(node, forged, attempt.headers['x-docspace-signature-256'])).toBe(401);
		expect(await post(node, forged, sign(forged, 'Another#Secret-123'))).toBe(401);
		expect(
			await post(node, forged, sign(forged, secret).toLowerCase().replace('sha256=', 'sha1=')),
		).toBe(401);
		expect(await post(node, forged, 'sha256=abc')).toBe(401);
		// What a receiver hashing JSON.stringify(parsed body) would sign: not the bytes DocSpace sent.
		const restringified = JSON.stringify(JSON.parse(attempt.body));
		expect(restringified).not.toBe(attempt.body);
		expect(await post(node, attempt.body, sign(restringified, secret))).toBe(401);
		expect(node.executions).toEqual([]);

		// The same forged body with the right secret (lowercase hex is fine too) is accepted.
		expect(
			await post(node, forged, sign(forged, secret).toLowerCase().replace('sha256=', 'sha256=')),
		).toBe(200);
		expect(node.executions).toHaveLength(1);
	});

	it('ignores signed events the trigger did not ask for, and events of another kind matching a target id', async () => {
		const node = await activeTrigger({
			events: ['*'],
			target: 'room',
			targetRoom: { __rl: true, mode: 'id', value: '101' },
		});
		const secret = node.staticData.secret as string;
		const body = JSON.stringify({
			event: {
				id: 9001,
				createOn: '2026-11-23T10:00:00Z',
				createBy: SEED_IDS.ownerId,
				trigger: 'file.created',
				triggerId: 128,
			},
			payload: { id: 101, title: 'File with the room id.docx' },
			webhook: { id: node.staticData.webhookId },
		});
		expect(await post(node, body, sign(body, secret))).toBe(200);
		expect(node.executions).toEqual([]);

		await ctx.emulator.publishWebhookEvent('room.archived', { id: 101, title: 'Client Projects' });
		expect(node.executions.map((items) => items[0].json.event)).toEqual(['room.archived']);
	});

	it('gives dates in UTC with a Z, simplified or not (DocSpace writes entity dates in the portal time zone)', async () => {
		for (const simplify of [true, false]) {
			const node = await activeTrigger({ simplify });
			const body = JSON.stringify({
				event: {
					id: simplify ? 9101 : 9102,
					createOn: '2026-11-23T10:00:00.1234567+03:00',
					createBy: SEED_IDS.ownerId,
					trigger: 'file.uploaded',
					triggerId: 256,
				},
				payload: {
					...UPLOADED,
					createOn: '2026-11-23T09:59:58.0000000+03:00',
					modifiedOn: '2026-11-23T06:59:59Z',
				},
				webhook: { id: node.staticData.webhookId },
			});
			expect(await post(node, body, sign(body, node.staticData.secret as string))).toBe(200);
			const [[item]] = node.executions;
			if (simplify) {
				expect(item.json.time).toBe('2026-11-23T07:00:00.123Z');
			} else {
				expect(item.json).toMatchObject({
					event: { createOn: '2026-11-23T07:00:00.123Z', trigger: 'file.uploaded' },
					payload: {
						id: 301,
						createOn: '2026-11-23T06:59:58.000Z',
						modifiedOn: '2026-11-23T06:59:59Z',
					},
				});
			}
			await node.stop();
			started.splice(started.indexOf(node), 1);
		}
	});

	it('answers the HEAD check with 200 at any time', async () => {
		const node = await activeTrigger();
		expect((await fetch(node.webhookUrl, { method: 'HEAD' })).status).toBe(200);
		expect(node.executions).toEqual([]);
	});

	it('refuses deliveries once deactivated (the secret is gone)', async () => {
		const node = await activeTrigger();
		const secret = node.staticData.secret as string;
		await node.deactivate();
		const body = JSON.stringify({
			event: { id: 1, trigger: 'file.uploaded' },
			payload: { id: 301 },
			webhook: { id: 1 },
		});
		expect(await post(node, body, sign(body, secret))).toBe(401);
		expect(node.executions).toEqual([]);
	});
});
