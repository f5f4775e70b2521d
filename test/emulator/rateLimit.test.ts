import { DocSpaceEmulator, SEED_IDS } from './index';
import { call, roomLinksPath } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const write = (authorization?: string) =>
	call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
		body: { linkType: 0, access: 2 },
		authorization,
	});
const read = (authorization?: string) =>
	call(emulator, 'GET', '/api/2.0/people/@self', { authorization });

function expectRateLimited(
	answer: Awaited<ReturnType<typeof call>>,
	limit: number,
	maxRetryAfter: number,
) {
	expect(answer.status).toBe(429);
	expect(answer.text).toBe('');
	expect(answer.headers.get('x-ratelimit-limit')).toBe(String(limit));
	expect(answer.headers.get('x-ratelimit-remaining')).toBe('0');
	const retryAfter = Number(answer.headers.get('retry-after'));
	expect(retryAfter).toBeGreaterThanOrEqual(1);
	expect(retryAfter).toBeLessThanOrEqual(maxRetryAfter);
	const reset = Number(answer.headers.get('x-ratelimit-reset'));
	expect(reset).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
	expect(reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + maxRetryAfter + 1);
}

describe('rate limits per user (§8)', () => {
	it('rejects concurrent writes above the limit immediately; latency is spent inside the slot', async () => {
		emulator.configure({ latencyMs: 150, rateLimits: { concurrentWrites: 3 } });
		const answers = await Promise.all(Array.from({ length: 5 }, () => write()));
		const statuses = answers.map((answer) => answer.status).sort();
		expect(statuses.filter((status) => status === 429)).toHaveLength(2);
		answers
			.filter((answer) => answer.status === 429)
			.forEach((answer) => expectRateLimited(answer, 3, 60));
		expect(emulator.stats).toEqual({
			maxConcurrentWrites: 3,
			maxConcurrentReads: 0,
			rejected429: 2,
		});
		expect(emulator.requests.filter((request) => request.status === 429)).toHaveLength(2);
	});

	it('counts reads separately from writes', async () => {
		emulator.configure({ latencyMs: 150, rateLimits: { concurrentReads: 2, concurrentWrites: 1 } });
		const answers = await Promise.all([read(), read(), read(), write()]);
		expect(
			answers
				.slice(0, 3)
				.map((answer) => answer.status)
				.sort(),
		).toEqual([200, 200, 429]);
		expect(answers[3].status).toBe(200);
		expect(emulator.stats).toMatchObject({
			maxConcurrentReads: 2,
			maxConcurrentWrites: 1,
			rejected429: 1,
		});
	});

	it('applies DocSpace defaults: 15 concurrent writes', async () => {
		emulator.configure({ latencyMs: 200 });
		const answers = await Promise.all(
			Array.from({ length: 16 }, () =>
				call(emulator, 'PUT', '/api/2.0/files/file/201/share', { body: { share: [] } }),
			),
		);
		expect(answers.filter((answer) => answer.status === 429)).toHaveLength(1);
		expect(emulator.stats.maxConcurrentWrites).toBe(15);
	});

	it('limits requests per sliding minute with Retry-After ≤ 60', async () => {
		emulator.configure({ rateLimits: { perMinute: 3 } });
		for (let n = 0; n < 3; n++) expect((await read()).status).toBe(200);
		expectRateLimited(await read(), 3, 60);
		expect((await read(SEED_IDS.janeToken)).status).toBe(200); // per user
	});

	it('caps POST+PUT per day with Retry-After up to 86400', async () => {
		emulator.configure({ rateLimits: { dailyWrites: 2 } });
		expect((await write()).status).toBe(200);
		expect((await write()).status).toBe(403); // second invitation link: limit of links, not of requests
		expectRateLimited(await write(), 2, 86400);
		expect((await read()).status).toBe(200);
	});

	it('rateLimits: false disables every limit', async () => {
		emulator.configure({ latencyMs: 100, rateLimits: false });
		const answers = await Promise.all(
			Array.from({ length: 20 }, () =>
				call(emulator, 'PUT', '/api/2.0/files/file/201/share', { body: { share: [] } }),
			),
		);
		expect(answers.every((answer) => answer.status === 200)).toBe(true);
		expect(emulator.stats).toMatchObject({ maxConcurrentWrites: 20, rejected429: 0 });
	});

	it('reset() restores start options and clears counters', async () => {
		emulator.configure({ rateLimits: { perMinute: 1 } });
		await read();
		expect((await read()).status).toBe(429);
		emulator.reset();
		expect((await read()).status).toBe(200);
		expect(emulator.stats.rejected429).toBe(0);
	});
});
