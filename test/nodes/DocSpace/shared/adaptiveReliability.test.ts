/**
 * The adaptive limit on n8n's engine: when DocSpace grants this process fewer parallel writes than
 * 15 (another n8n worker, or another app, uses the same DocSpace user), the node converges on what
 * is left and loses or duplicates nothing.
 */
import type { IPairedItemData } from 'n8n-workflow';

import { activeLimiterKeys, adaptiveLimitOf } from '../../../../nodes/DocSpace/shared/limiter';
import { seedMany } from '../../../emulator';
import { byId, fileShare, roomLinkSet, run, useEmulator, writes } from '../../../harness/docspace';

const ctx = useEmulator({ latencyMs: 5 });
const ROOMS = 90;
const roomIds = Array.from({ length: ROOMS }, (_, n) => String(1001 + n));
const writeKey = () => `${ctx.emulator.baseUrl}|cred:docspace-test|write`;

describe('adaptive in-flight limit', () => {
	it('converges when DocSpace grants only 4 parallel writes: every link made once, few 429s', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ rooms: ROOMS }));
		// Slow enough answers that the engine has more than 4 requests out at once, however busy the machine.
		emulator.configure({ latencyMs: 80, rateLimits: { concurrentWrites: 4 } });
		const result = await run(
			emulator,
			roomLinkSet({
				room: byId('id', '={{ $json.room }}'),
				title: '={{ "Client " + $json.room }}',
			}),
			{ items: roomIds.map((room) => ({ room })) },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(ROOMS);
		expect(result.items.filter((item) => item.json.error)).toEqual([]);
		expect(result.items.map((item) => (item.pairedItem as IPairedItemData).item)).toEqual(
			roomIds.map((_, n) => n),
		);
		for (const room of roomIds) {
			expect(emulator.roomLinks(room).map((link) => link.sharedTo)).toEqual([
				expect.objectContaining({ title: `Client ${room}` }),
			]);
		}
		const statuses = writes(emulator).map((request) => request.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(ROOMS);
		// Without adapting, every burst of 15 would see 11 refused; the limit settles at 4 or about.
		const refused = statuses.filter((status) => status === 429).length;
		expect(refused).toBeGreaterThan(0);
		expect(refused).toBeLessThan(ROOMS / 3);
		expect(adaptiveLimitOf(writeKey())?.ceiling).toBeLessThanOrEqual(8);
		expect(activeLimiterKeys()).toEqual([]);
	});

	it('File: Share under 5 parallel writes: each share applied once, in order', async () => {
		const { emulator } = ctx;
		emulator.configure({ latencyMs: 80, rateLimits: { concurrentWrites: 5 } });
		const items = Array.from({ length: 60 }, (_, n) => ({ n }));
		const result = await run(emulator, fileShare(), { items });
		expect(result.items).toHaveLength(60);
		expect(result.items.every((item) => item.json.applied === true)).toBe(true);
		const statuses = writes(emulator).map((request) => request.status);
		expect(statuses.filter((status) => status === 200)).toHaveLength(60);
		expect(statuses.filter((status) => status === 429).length).toBeLessThan(20);
		expect(emulator.stats.maxConcurrentWrites).toBeLessThanOrEqual(5);
	});

	it('leaves the limit alone when DocSpace refuses nothing', async () => {
		const { emulator } = ctx;
		emulator.configure({ latencyMs: 10 });
		const items = Array.from({ length: 45 }, () => ({}));
		const result = await run(emulator, fileShare(), { items });
		expect(result.items).toHaveLength(45);
		expect(emulator.stats.rejected429).toBe(0);
		expect(adaptiveLimitOf(writeKey())).toBeUndefined();
	});
});
