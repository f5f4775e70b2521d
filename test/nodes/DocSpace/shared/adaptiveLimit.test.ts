/** The adaptive in-flight limit (AIMD) and how the limiter applies it. */
import { ADAPTIVE_LIMIT, AdaptiveLimit } from '../../../../nodes/DocSpace/shared/adaptiveLimit';
import {
	activeLimiterKeys,
	adaptiveLimitOf,
	forgetAdaptiveLimits,
	runLimited,
} from '../../../../nodes/DocSpace/shared/limiter';

const overloaded = new Error('429');
const overloadOf = (retryAfterMs?: number) => (error: unknown) =>
	error === overloaded ? { retryAfterMs } : undefined;

beforeEach(() => forgetAdaptiveLimits());

describe('AdaptiveLimit', () => {
	it('starts unlowered: the configured limit rules', () => {
		const limit = new AdaptiveLimit();
		expect(limit.effective(15)).toBe(15);
		expect(limit.effective(3)).toBe(3);
		expect(limit.settled).toBe(true);
	});

	it('halves on a 429, down to 1 and never below', () => {
		const limit = new AdaptiveLimit();
		const seen: number[] = [];
		for (let n = 0; n < 6; n++) {
			limit.overloaded(limit.epoch, 15, undefined);
			seen.push(limit.effective(15));
		}
		expect(seen).toEqual([7, 3, 1, 1, 1, 1]);
	});

	it('decreases once for the 429s of requests sent under the same limit', () => {
		const limit = new AdaptiveLimit();
		const epoch = limit.epoch;
		expect(limit.overloaded(epoch, 15, undefined)).toBe(true);
		expect(limit.overloaded(epoch, 15, undefined)).toBe(false);
		expect(limit.overloaded(epoch, 15, undefined)).toBe(false);
		expect(limit.effective(15)).toBe(7);
	});

	it('adds one slot back after a run of successes, up to the configured limit', () => {
		const limit = new AdaptiveLimit();
		limit.overloaded(limit.epoch, 15, undefined);
		const ceilings: Array<number | undefined> = [];
		for (let n = 0; n < 200 && limit.ceiling !== undefined; n++) {
			limit.succeeded(limit.epoch, 15);
			ceilings.push(limit.ceiling);
		}
		// 7 successes give the 8th slot, 8 more the 9th, ... until the limit is no longer lowered.
		expect(ceilings.slice(0, 8)).toEqual([7, 7, 7, 7, 7, 7, 8, 8]);
		expect(ceilings.filter((ceiling) => ceiling === 7)).toHaveLength(6);
		expect(ceilings.at(-1)).toBeUndefined();
		expect(ceilings).toHaveLength(7 + 8 + 9 + 10 + 11 + 12 + 13 + 14);
		expect(limit.settled).toBe(true);
	});

	it('ignores successes of requests sent before the last decrease', () => {
		const limit = new AdaptiveLimit();
		const before = limit.epoch;
		limit.overloaded(before, 15, undefined);
		for (let n = 0; n < 50; n++) limit.succeeded(before, 15);
		expect(limit.effective(15)).toBe(7);
	});

	it('pauses for the Retry-After, within its bound', () => {
		const limit = new AdaptiveLimit();
		const started = Date.now();
		limit.overloaded(limit.epoch, 15, 2_000);
		expect(limit.paused()).toBe(true);
		expect(limit.pausedUntil).toBeGreaterThanOrEqual(started + 2_000);
		expect(limit.paused(started + 2_100)).toBe(false);
		// The daily cap's Retry-After (hours) is not waited for: the request fails with it.
		const daily = new AdaptiveLimit();
		daily.overloaded(daily.epoch, 15, ADAPTIVE_LIMIT.maxPauseMs + 1);
		expect(daily.paused()).toBe(false);
		expect(daily.effective(15)).toBe(7);
	});
});

describe('runLimited with an adaptive limit', () => {
	const key = 'https://portal.test|cred:1|write';

	it('lowers the in-flight limit after a 429 and keeps it for the next execution', async () => {
		let inFlight = 0;
		let peak = 0;
		const task = (fail: boolean) => async () => {
			inFlight++;
			peak = Math.max(peak, inFlight);
			await new Promise((resolve) => setTimeout(resolve, 5));
			inFlight--;
			if (fail) throw overloaded;
			return 'ok';
		};
		await expect(runLimited(key, 15, task(true), undefined, overloadOf())).rejects.toBe(overloaded);
		expect(adaptiveLimitOf(key)).toMatchObject({ ceiling: 7 });
		// The limiter itself is idle and dropped; what it learnt is kept.
		expect(activeLimiterKeys()).toEqual([]);
		await Promise.all(
			Array.from(
				{ length: 30 },
				async () => await runLimited(key, 15, task(false), undefined, overloadOf()),
			),
		);
		// 30 successes give back two or three slots (7 + 8 + 9 successes), far from 15.
		expect(peak).toBeGreaterThanOrEqual(7);
		expect(peak).toBeLessThanOrEqual(10);
		expect(adaptiveLimitOf(key)?.ceiling).toBeLessThanOrEqual(10);
	});

	it('holds new requests back until the Retry-After has passed', async () => {
		await expect(
			runLimited(key, 15, async () => await Promise.reject(overloaded), undefined, overloadOf(300)),
		).rejects.toBe(overloaded);
		const started = Date.now();
		await runLimited(key, 15, async () => await Promise.resolve('ok'), undefined, overloadOf());
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
	});

	it('a cancelled execution stops waiting during a pause', async () => {
		await expect(
			runLimited(
				key,
				15,
				async () => await Promise.reject(overloaded),
				undefined,
				overloadOf(5_000),
			),
		).rejects.toBe(overloaded);
		const controller = new AbortController();
		const waiting = runLimited(key, 15, async () => 'sent', controller.signal, overloadOf());
		setTimeout(() => controller.abort(), 50);
		const started = Date.now();
		await expect(waiting).rejects.toThrow(/cancelled/);
		expect(Date.now() - started).toBeLessThan(1_000);
		expect(activeLimiterKeys()).toEqual([]);
	});

	it('without feedback (no 429 classifier) the limit never changes', async () => {
		await expect(runLimited(key, 15, async () => await Promise.reject(overloaded))).rejects.toBe(
			overloaded,
		);
		expect(adaptiveLimitOf(key)).toBeUndefined();
	});

	it('comes back to the configured limit after enough successes and forgets the key', async () => {
		await expect(
			runLimited(key, 4, async () => await Promise.reject(overloaded), undefined, overloadOf()),
		).rejects.toBe(overloaded);
		expect(adaptiveLimitOf(key)).toMatchObject({ ceiling: 2 });
		for (let n = 0; n < 2 + 3; n++)
			await runLimited(key, 4, async () => await Promise.resolve(n), undefined, overloadOf());
		expect(adaptiveLimitOf(key)).toBeUndefined();
	});
});
