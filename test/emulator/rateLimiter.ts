// Global rate limits per user (docs/docspace/api.md §8): concurrency (GET / non-GET, no queueing),
// a sliding 1-minute window and a fixed daily window for POST+PUT.

import type { EmulatorStats, RateLimitOptions } from './types';

export const DOCSPACE_RATE_LIMITS: Required<RateLimitOptions> = {
	concurrentWrites: 15,
	concurrentReads: 50,
	perMinute: 1500,
	dailyWrites: 10000,
};

const WINDOW_MS = 60_000;

export interface Rejection {
	headers: Record<string, string>;
}

export type AcquireResult =
	{ granted: true; release: () => void } | { granted: false; rejection: Rejection };

interface InFlight {
	reads: number;
	writes: number;
}

function rejection(
	limit: number,
	retryAfterSeconds: number,
): { granted: false; rejection: Rejection } {
	const retryAfter = Math.max(1, Math.ceil(retryAfterSeconds));
	return {
		granted: false,
		rejection: {
			headers: {
				'X-RateLimit-Limit': String(limit),
				'X-RateLimit-Remaining': '0',
				'X-RateLimit-Reset': String(Math.ceil(Date.now() / 1000) + retryAfter),
				'Retry-After': String(retryAfter),
			},
		},
	};
}

function secondsToNextUtcMidnight(now: number): number {
	const next = new Date(now);
	next.setUTCHours(24, 0, 0, 0);
	return (next.getTime() - now) / 1000;
}

export class RateLimiter {
	readonly stats: EmulatorStats = { maxConcurrentWrites: 0, maxConcurrentReads: 0, rejected429: 0 };
	private readonly inFlight = new Map<string, InFlight>();
	private readonly total: InFlight = { reads: 0, writes: 0 };
	private readonly windows = new Map<string, number[]>();
	private readonly dailyWrites = new Map<string, { day: string; count: number }>();

	constructor(private limits: Required<RateLimitOptions> | false) {}

	configure(limits: Required<RateLimitOptions> | false): void {
		this.limits = limits;
	}

	/** Takes a concurrency slot (held until `release`) and counts the request in the windows. */
	acquire(partition: string, method: string): AcquireResult {
		const isRead = method === 'GET';
		const flight = this.inFlight.get(partition) ?? { reads: 0, writes: 0 };
		this.inFlight.set(partition, flight);
		const limits = this.limits;
		if (limits) {
			const denied = this.check(limits, partition, method, flight, isRead);
			if (denied) {
				this.stats.rejected429++;
				return denied;
			}
		}
		const field = isRead ? 'reads' : 'writes';
		flight[field]++;
		this.total[field]++;
		if (isRead)
			this.stats.maxConcurrentReads = Math.max(this.stats.maxConcurrentReads, this.total.reads);
		else
			this.stats.maxConcurrentWrites = Math.max(this.stats.maxConcurrentWrites, this.total.writes);
		let released = false;
		return {
			granted: true,
			release: () => {
				if (released) return;
				released = true;
				flight[field]--;
				this.total[field]--;
			},
		};
	}

	private check(
		limits: Required<RateLimitOptions>,
		partition: string,
		method: string,
		flight: InFlight,
		isRead: boolean,
	) {
		if (isRead && flight.reads >= limits.concurrentReads)
			return rejection(limits.concurrentReads, 1);
		if (!isRead && flight.writes >= limits.concurrentWrites)
			return rejection(limits.concurrentWrites, 1);

		const now = Date.now();
		const window = (this.windows.get(partition) ?? []).filter((time) => time > now - WINDOW_MS);
		this.windows.set(partition, window);
		if (window.length >= limits.perMinute) {
			return rejection(limits.perMinute, (window[0] + WINDOW_MS - now) / 1000);
		}

		const countsDaily = method === 'POST' || method === 'PUT';
		const day = new Date(now).toISOString().slice(0, 10);
		let daily = this.dailyWrites.get(partition);
		if (!daily || daily.day !== day) {
			daily = { day, count: 0 };
			this.dailyWrites.set(partition, daily);
		}
		if (countsDaily && daily.count >= limits.dailyWrites) {
			return rejection(limits.dailyWrites, secondsToNextUtcMidnight(now));
		}
		window.push(now);
		if (countsDaily) daily.count++;
		return undefined;
	}
}
