/**
 * DocSpace's limits and faults on n8n's engine: nothing lost, nothing duplicated, nothing leaked.
 * The emulator enforces DocSpace's rate limits (15 parallel writes, 50 reads per user) throughout.
 */
import type { IDataObject, IPairedItemData } from 'n8n-workflow';

import { activeLimiterKeys } from '../../../../nodes/DocSpace/shared/limiter';
import {
	SEED_IDS,
	byId,
	credentialsFor,
	roomLinkSet,
	run,
	useEmulator,
	writes,
} from '../../../harness/docspace';

const ctx = useEmulator({ latencyMs: 5 });
const LINKS_PATH = /\/files\/rooms\/[^/]+\/links$/;

const setLink = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'roomLink',
	operation: 'set',
	room: byId('id', SEED_IDS.customRoomId),
	linkType: 'invitation',
	link: 'createOrUpdate',
	linkId: SEED_IDS.fullRoomInvitationLinkId,
	access: 2,
	...overrides,
});
const newExternalLink = roomLinkSet;
const share = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'file',
	operation: 'share',
	file: byId('id', '={{ $json.file }}'),
	recipientsFrom: 'rows',
	recipients: { recipient: [{ id: SEED_IDS.bobId, access: '={{ $json.access }}' }] },
	notify: false,
	...overrides,
});

describe('bounded concurrency', () => {
	it('shares 120 items without a single 429: never more than 15 writes in flight', async () => {
		const { emulator } = ctx;
		emulator.configure({ latencyMs: 20 });
		const items = Array.from({ length: 120 }, (_, n) => ({
			file: SEED_IDS.myDocxId,
			access: n % 2 ? 2 : 10,
		}));
		const result = await run(emulator, share(), { items });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(120);
		expect(result.items.every((item) => item.json.applied === true)).toBe(true);
		expect(result.items.map((item) => (item.pairedItem as IPairedItemData).item)).toEqual(
			items.map((_, n) => n),
		);
		expect(emulator.stats.rejected429).toBe(0);
		expect(emulator.stats.maxConcurrentWrites).toBeLessThanOrEqual(15);
		expect(emulator.stats.maxConcurrentWrites).toBeGreaterThan(1);
		expect(writes(emulator)).toHaveLength(120);
		expect(activeLimiterKeys()).toEqual([]);
	});

	it('honours a lower limit set under Options', async () => {
		const { emulator } = ctx;
		emulator.configure({ latencyMs: 10 });
		const items = Array.from({ length: 20 }, () => ({ file: SEED_IDS.myDocxId, access: 2 }));
		const result = await run(emulator, share({ options: { maxParallelWrites: 3 } }), { items });
		expect(result.items).toHaveLength(20);
		expect(emulator.stats.maxConcurrentWrites).toBeLessThanOrEqual(3);
	});

	it('frees every slot when requests fail, so later executions are not slowed down', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: LINKS_PATH,
			kind: 'status',
			status: 404,
			body: { error: { message: 'The required folder was not found' }, status: 1, statusCode: 404 },
			times: Infinity,
		});
		const items = Array.from({ length: 40 }, () => ({}));
		const result = await run(emulator, newExternalLink(), { items, continueOnFail: true });
		expect(result.items.filter((item) => item.json.error)).toHaveLength(40);
		expect(activeLimiterKeys()).toEqual([]);
	});
});

describe('retries only where safe', () => {
	it('retries a 429 after the Retry-After DocSpace sends', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: LINKS_PATH,
			kind: 'status',
			status: 429,
			headers: { 'Retry-After': '1' },
			times: 1,
		});
		const started = Date.now();
		const result = await run(emulator, setLink());
		expect(result.error).toBeUndefined();
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(writes(emulator).map((request) => request.status)).toEqual([429, 200]);
	});

	it.each([
		['a 503', { kind: 'status', status: 503 }],
		['an HTML 502 from a proxy', { kind: 'html502' }],
		['a 504', { kind: 'status', status: 504 }],
		['malformed JSON', { kind: 'malformedJson' }],
		['a reset connection', { kind: 'reset' }],
	])('retries %s and succeeds', async (_name, fault) => {
		const { emulator } = ctx;
		emulator.inject({ path: LINKS_PATH, times: 2, ...(fault as { kind: 'reset' }) });
		const result = await run(emulator, setLink({ title: 'After a hiccup' }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			linkId: SEED_IDS.fullRoomInvitationLinkId,
			title: 'After a hiccup',
		});
		expect(writes(emulator)).toHaveLength(3);
	});

	it('never creates a second link when a create is retried after the answer was lost', async () => {
		const { emulator } = ctx;
		const before = emulator.roomLinks(SEED_IDS.customRoomId).length;
		emulator.inject({ path: LINKS_PATH, kind: 'reset', afterProcessing: true, times: 2 });
		const result = await run(emulator, newExternalLink({ title: 'Exactly once' }));
		expect(result.error).toBeUndefined();
		const sentIds = writes(emulator).map((request) => (request.body as IDataObject).linkId);
		expect(sentIds).toHaveLength(3);
		expect(new Set(sentIds).size).toBe(1);
		const links = emulator.roomLinks(SEED_IDS.customRoomId);
		expect(links).toHaveLength(before + 1);
		expect(links.filter((dto) => dto.sharedLink?.title === 'Exactly once')).toHaveLength(1);
	});

	it('keeps the same link id when n8n re-runs the same execution (Retry On Fail)', async () => {
		const { emulator } = ctx;
		await run(emulator, newExternalLink(), { executionId: 'exec-42' });
		await run(emulator, newExternalLink(), { executionId: 'exec-42' });
		await run(emulator, newExternalLink(), { executionId: 'exec-43' });
		const ids = writes(emulator).map((request) => (request.body as IDataObject).linkId);
		expect(ids[0]).toBe(ids[1]);
		expect(ids[2]).not.toBe(ids[0]);
	});

	it('creates a link per run when the node runs again in the same execution (a loop)', async () => {
		const { emulator } = ctx;
		const before = emulator.roomLinks(SEED_IDS.customRoomId).length;
		const result = await run(emulator, newExternalLink(), { runs: 2 });
		expect(result.run.data.resultData.runData.DocSpace).toHaveLength(2);
		const ids = writes(emulator).map((request) => (request.body as IDataObject).linkId);
		expect(ids).toHaveLength(2);
		expect(ids[1]).not.toBe(ids[0]);
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(before + 2);
	});

	it('gives up after Max Retries with a message saying what to do', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: LINKS_PATH,
			kind: 'status',
			status: 429,
			headers: { 'Retry-After': '0' },
			times: Infinity,
		});
		const result = await run(emulator, setLink({ options: { maxRetries: 2 } }));
		expect(writes(emulator)).toHaveLength(3);
		expect(result.error?.message).toMatch(
			/kept refusing requests for Client Projects \(room 101\): too many requests \(429\) \[item 0\]/,
		);
		expect(result.error?.description).toMatch(/after 3 attempt\(s\)/);
	});

	it('does not wait a day for the daily write limit: it stops and says when to retry', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: LINKS_PATH,
			kind: 'status',
			status: 429,
			headers: { 'Retry-After': '86400' },
			times: Infinity,
		});
		const result = await run(emulator, setLink());
		expect(writes(emulator)).toHaveLength(1);
		expect(result.error?.description).toMatch(/Try again after \d{4}-\d{2}-\d{2}T/);
	});

	it('does not retry what DocSpace refused for a reason (403, 404, 400)', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, newExternalLink({ room: byId('id', SEED_IDS.fullRoomId) }));
		expect(result.error?.message).toMatch(/already has as many links as DocSpace allows/);
		expect(writes(emulator)).toHaveLength(1);
	});
});

describe('failures a user can meet, in words they can act on', () => {
	it('a proxy 502 that persists: says it may have been applied', async () => {
		const { emulator } = ctx;
		emulator.inject({ path: LINKS_PATH, kind: 'html502', times: Infinity });
		const result = await run(emulator, setLink({ options: { maxRetries: 1 } }));
		expect(result.error?.message).toBe(
			'DocSpace (or a proxy in front of it) failed with 502 for Client Projects (room 101) [item 0]',
		);
		expect(result.error?.description).toMatch(/may already be applied; running it again is safe/);
	});

	it('a timeout: says DocSpace did not answer and the change may be applied', async () => {
		const { emulator } = ctx;
		emulator.inject({ path: LINKS_PATH, kind: 'timeout', times: 1 });
		const result = await run(emulator, setLink({ requestOptions: { timeout: 300 } }));
		expect(result.error?.message).toBe(
			'DocSpace did not answer in time for Client Projects (room 101) (1 s) [item 0]',
		);
		expect(result.error?.description).toMatch(/may already be applied/);
	});

	it('connection refused: points at the Base URL', async () => {
		const result = await run(ctx.emulator, setLink(), {
			credentials: { baseUrl: 'http://127.0.0.1:9', authKey: SEED_IDS.apiKey },
		});
		expect(result.error?.message).toBe(
			'Could not reach DocSpace for room 101: the portal address did not answer [item 0]',
		);
		expect(result.error?.description).toMatch(/Check the Base URL/);
	});

	it('a suspended portal (402)', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: LINKS_PATH,
			kind: 'status',
			status: 402,
			body: { error: { message: 'Payment required' }, status: 1, statusCode: 402 },
		});
		const result = await run(emulator, setLink());
		expect(result.error?.message).toMatch(/portal is suspended or its payment is due/);
	});

	it('malformed JSON that persists', async () => {
		const { emulator } = ctx;
		emulator.inject({ path: LINKS_PATH, kind: 'malformedJson', times: Infinity });
		const result = await run(emulator, setLink({ options: { maxRetries: 0 } }));
		expect(result.error?.message).toBe(
			'DocSpace sent an unreadable answer for Client Projects (room 101) [item 0]',
		);
	});
});

describe('no secret leaks', () => {
	it('the auth key and link passwords appear nowhere in what n8n keeps of the run', async () => {
		const { emulator } = ctx;
		const password = 'Leak#Check42';
		const items = [
			{ pw: password, room: SEED_IDS.customRoomId },
			{ pw: password, room: '424242' },
		];
		const parameters = newExternalLink({
			room: byId('id', '={{ $json.room }}'),
			password: '={{ $json.pw }}',
		});
		for (const continueOnFail of [true, false]) {
			const result = await run(emulator, parameters, { items, continueOnFail });
			const nodeOutput = JSON.stringify({
				items: result.items,
				error: result.error,
				runData: result.run.data.resultData,
			});
			expect(JSON.stringify(result.run)).not.toContain(SEED_IDS.apiKey);
			expect(nodeOutput).not.toContain(password);
		}
		emulator.inject({ path: LINKS_PATH, kind: 'reset', times: Infinity });
		const failed = await run(emulator, { ...parameters, options: { maxRetries: 1 } }, { items });
		expect(JSON.stringify(failed.run)).not.toContain(SEED_IDS.apiKey);
		expect(JSON.stringify(failed.run.data.resultData)).not.toContain(password);
	});

	it('a token credential does not leak either', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, setLink({ room: byId('id', '999') }), {
			credentials: credentialsFor(emulator, SEED_IDS.token),
		});
		expect(result.error).toBeDefined();
		expect(JSON.stringify(result.run)).not.toContain(SEED_IDS.token);
	});
});
