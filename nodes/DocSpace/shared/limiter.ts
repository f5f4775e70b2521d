import { sleep } from 'n8n-workflow';

import { ADAPTIVE_LIMIT, AdaptiveLimit } from './adaptiveLimit';

/** A small map whose entries expire and whose oldest entries go first once it is full. */
export class BoundedCache<V> {
	private readonly entries = new Map<string, { value: V; expiresAt: number }>();

	constructor(
		private readonly maxEntries: number,
		private readonly ttlMs: number,
	) {}

	get(key: string): V | undefined {
		const entry = this.entries.get(key);
		if (!entry) return undefined;
		if (entry.expiresAt <= Date.now()) {
			this.entries.delete(key);
			return undefined;
		}
		return entry.value;
	}

	set(key: string, value: V): void {
		this.entries.delete(key);
		this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
		while (this.entries.size > this.maxEntries) {
			const oldest = this.entries.keys().next().value;
			if (oldest === undefined) break;
			this.entries.delete(oldest);
		}
	}

	delete(key: string): void {
		this.entries.delete(key);
	}

	clear(): void {
		this.entries.clear();
	}

	get size(): number {
		return this.entries.size;
	}
}

/**
 * Bounded concurrency per DocSpace portal and user (see `limiterKeyFor` in transport.ts). DocSpace rejects the 16th parallel
 * write (and the 51st parallel read) of a user at once with 429 (docs/docspace/transport.md §3), and n8n's
 * declarative engine starts every item's request at the same time, so requests wait here for a
 * slot instead. The limit adapts to the 429s DocSpace still sends (adaptiveLimit.ts): other
 * processes, such as the workers of n8n's queue mode, share the same user.
 *
 * The registry only holds limiters with requests in flight or waiting: an idle one is dropped,
 * so nothing outlives an execution, whatever happened in it. A learnt limit is kept apart, for
 * a bounded time.
 */
class Semaphore {
	inFlight = 0;

	private readonly waiting: Array<{ limit: number; grant: () => void }> = [];

	private waking = false;

	constructor(readonly adaptive: AdaptiveLimit) {}

	private canStart(limit: number): boolean {
		return !this.adaptive.paused() && this.inFlight < this.adaptive.effective(limit);
	}

	acquire(limit: number, signal?: AbortSignal): Promise<void> {
		if (this.waiting.length === 0 && this.canStart(limit)) {
			this.inFlight++;
			return Promise.resolve();
		}
		return new Promise<void>((resolve, reject) => {
			const entry = {
				limit,
				grant: () => {
					signal?.removeEventListener('abort', onAbort);
					this.inFlight++;
					resolve();
				},
			};
			const onAbort = () => {
				const index = this.waiting.indexOf(entry);
				if (index !== -1) this.waiting.splice(index, 1);
				reject(
					new Error('The execution was cancelled while waiting for a free DocSpace request slot'),
				);
			};
			if (signal?.aborted) return onAbort();
			signal?.addEventListener('abort', onAbort, { once: true });
			this.waiting.push(entry);
			this.drain();
		});
	}

	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		this.drain();
	}

	/** Grants waiting requests while the (adaptive) limit allows; during a pause, wakes at its end. */
	drain(): void {
		for (let next = this.waiting[0]; next; next = this.waiting[0]) {
			if (this.adaptive.paused()) {
				if (!this.waking) {
					// Bounded: a pause never lasts longer than ADAPTIVE_LIMIT.maxPauseMs.
					this.waking = true;
					void sleep(Math.max(1, this.adaptive.pausedUntil - Date.now())).then(() => {
						this.waking = false;
						this.drain();
					});
				}
				return;
			}
			if (this.inFlight >= this.adaptive.effective(next.limit)) return;
			this.waiting.shift();
			next.grant();
		}
	}

	get idle(): boolean {
		return this.inFlight === 0 && this.waiting.length === 0;
	}
}

const registry = new Map<string, Semaphore>();
const learnt = new BoundedCache<AdaptiveLimit>(ADAPTIVE_LIMIT.maxEntries, ADAPTIVE_LIMIT.ttlMs);

/** What runLimited learns from a failed task: a 429, with the Retry-After DocSpace sent. */
export type OverloadOf = (error: unknown) => { retryAfterMs?: number } | undefined;

/**
 * Runs `task` once a slot of `key` is free; the slot is given back however the task ends. With
 * `overloadOf`, the task's outcome adjusts the key's adaptive limit.
 */
export async function runLimited<T>(
	key: string,
	limit: number,
	task: () => Promise<T>,
	signal?: AbortSignal,
	overloadOf?: OverloadOf,
): Promise<T> {
	let semaphore = registry.get(key);
	if (!semaphore) {
		semaphore = new Semaphore(learnt.get(key) ?? new AdaptiveLimit());
		registry.set(key, semaphore);
	}
	const acquiring = semaphore;
	const bounded = Math.max(1, limit);
	await acquiring.acquire(bounded, signal).catch(async (error: Error) => {
		if (acquiring.idle) registry.delete(key);
		return await Promise.reject(error);
	});
	const adaptive = semaphore.adaptive;
	const epoch = adaptive.epoch;
	try {
		const result = await task().catch(async (error: unknown) => {
			const overload = overloadOf?.(error);
			if (overload && adaptive.overloaded(epoch, bounded, overload.retryAfterMs)) {
				learnt.set(key, adaptive);
			}
			return await Promise.reject(error);
		});
		if (overloadOf) adaptive.succeeded(epoch, bounded);
		return result;
	} finally {
		if (adaptive.settled) learnt.delete(key);
		semaphore.release();
		if (semaphore.idle) registry.delete(key);
	}
}

/** For tests and diagnostics: the learnt in-flight limit of `key` (undefined: not lowered). */
export function adaptiveLimitOf(
	key: string,
): { ceiling?: number; pausedUntil: number } | undefined {
	const adaptive = registry.get(key)?.adaptive ?? learnt.get(key);
	return adaptive && { ceiling: adaptive.ceiling, pausedUntil: adaptive.pausedUntil };
}

/** For tests: forget every learnt limit. */
export function forgetAdaptiveLimits(): void {
	learnt.clear();
}

/** For tests and diagnostics: limiters currently holding or awaiting slots. */
export function activeLimiterKeys(): string[] {
	return [...registry.keys()];
}

/** Whether limiters of `portal` other than `ownKey`'s are active (another credential, or the same account). */
export function otherLimitersOn(portal: string, ownKeys: string[]): boolean {
	for (const key of registry.keys()) {
		if (key.startsWith(`${portal}|`) && !ownKeys.includes(key)) return true;
	}
	return false;
}

/** Waits `ms`, or less if `signal` aborts (then rejects): a cancelled execution does not sleep on. */
export async function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new Error('The execution was cancelled');
	let onAbort: () => void = () => {};
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(new Error('The execution was cancelled'));
		signal?.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([sleep(ms), aborted]);
	} finally {
		signal?.removeEventListener('abort', onAbort);
	}
}

/**
 * Calls `callback` after `ms` unless the returned function is called first. Built on
 * AbortSignal.timeout, whose timer does not keep the process alive: use it only while a request
 * is in flight (deadlines), never to wait.
 */
export function afterMs(ms: number, callback: () => void): () => void {
	const signal = AbortSignal.timeout(Math.max(1, Math.ceil(ms)));
	signal.addEventListener('abort', callback, { once: true });
	return () => signal.removeEventListener('abort', callback);
}
