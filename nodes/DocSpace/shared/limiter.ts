import { sleep } from 'n8n-workflow';

/**
 * Bounded concurrency per DocSpace portal and user (see `limiterKeyFor` in transport.ts). DocSpace rejects the 16th parallel
 * write (and the 51st parallel read) of a user at once with 429 (docs/docspace/transport.md §3), and n8n's
 * declarative engine starts every item's request at the same time, so requests wait here for a
 * slot instead.
 *
 * The registry only holds limiters with requests in flight or waiting: an idle one is dropped,
 * so nothing outlives an execution, whatever happened in it.
 */
class Semaphore {
	inFlight = 0;

	private readonly waiting: Array<{ limit: number; grant: () => void }> = [];

	acquire(limit: number, signal?: AbortSignal): Promise<void> {
		if (this.inFlight < limit && this.waiting.length === 0) {
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
		});
	}

	release(): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		const next = this.waiting[0];
		if (next && this.inFlight < next.limit) {
			this.waiting.shift();
			next.grant();
		}
	}

	get idle(): boolean {
		return this.inFlight === 0 && this.waiting.length === 0;
	}
}

const registry = new Map<string, Semaphore>();

/** Runs `task` once a slot of `key` is free; the slot is given back however the task ends. */
export async function runLimited<T>(
	key: string,
	limit: number,
	task: () => Promise<T>,
	signal?: AbortSignal,
): Promise<T> {
	let semaphore = registry.get(key);
	if (!semaphore) {
		semaphore = new Semaphore();
		registry.set(key, semaphore);
	}
	const acquiring = semaphore;
	await acquiring.acquire(Math.max(1, limit), signal).catch(async (error: Error) => {
		if (acquiring.idle) registry.delete(key);
		return await Promise.reject(error);
	});
	try {
		return await task();
	} finally {
		semaphore.release();
		if (semaphore.idle) registry.delete(key);
	}
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
