import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { DocSpaceFailureError } from './answers';
import { MAX_SINGLE_RETRY_WAIT_MS } from './bounds';
import {
	type DocSpaceFailure,
	type FailureContext,
	docSpaceNodeError,
	keepMessage,
	retryAfterMs,
} from './errors';
import { abortableSleep, afterMs, runLimited } from './limiter';
import { redactText } from './redaction';

/*
 * One DocSpace request within the user's limits: a concurrency slot (shared/limiter.ts), a
 * deadline, and retries of what is safe to repeat (docs/docspace/transport.md §3).
 */

/** DocSpace's own limits per user (docs/docspace/transport.md §3); lowered under the node's Options. */
export const DEFAULT_LIMITS = { maxParallelWrites: 15, maxParallelReads: 50, maxRetries: 5 };

const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
// A refused connection sent nothing, so repeating it is always safe.
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'EPIPE', 'ECONNREFUSED']);

function networkCodeOf(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (
			typeof current.code === 'string' &&
			/^E[A-Z_]+$/.test(current.code) &&
			current.code !== 'ERR_CANCELED'
		)
			return current.code;
		if (typeof current.message === 'string') {
			const match = /\b(E[A-Z]{4,}[A-Z_]*)\b/.exec(current.message);
			if (match) return match[1];
			if (/socket hang up|aborted/i.test(current.message)) return 'ECONNRESET';
			if (/timeout of \d+ms exceeded|timed out/i.test(current.message)) return 'ETIMEDOUT';
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

/**
 * When a failed request may be sent again. Only a 429 is certain to have been refused before
 * DocSpace did anything. `byMethod`: GET and PUT are idempotent here (shares set absolute levels,
 * room links carry their client-generated id), a POST (an upload, a new room) is repeated only
 * after a 429. `onlyRefused`: a request that starts an asynchronous file operation (copy, move,
 * delete) must not run twice. `always`: a POST DocSpace applies once however often it gets it (an
 * invitation: an invited address gets no second email, docs/docspace/people.md §2).
 */
export type RepeatPolicy = 'byMethod' | 'onlyRefused' | 'always';

function isRetryable(
	failure: DocSpaceFailure,
	method: string,
	repeat: RepeatPolicy = 'byMethod',
): boolean {
	const refusedFirst = failure.statusCode === 429 && !failure.networkCode;
	if (repeat === 'onlyRefused' || (method === 'POST' && repeat !== 'always')) return refusedFirst;
	if (failure.networkCode) return RETRYABLE_NETWORK.has(failure.networkCode);
	if (failure.redirectTo || failure.notDocSpace || failure.tooLargeMb || failure.deadline)
		return false;
	return failure.malformedJson === true || RETRYABLE_STATUS.has(failure.statusCode ?? 0);
}

function backoffMs(attempt: number, failure: DocSpaceFailure): number {
	const asked = retryAfterMs(failure.headers);
	const exponential = Math.min(8_000, 250 * 2 ** attempt);
	const jitter = Math.random() * exponential;
	return asked !== undefined ? asked + Math.random() * 250 : jitter;
}

/**
 * Our own errors pass through; anything else is rebuilt from its message alone (redacted), so
 * that an HTTP library error (which carries the request, Authorization header included) never
 * reaches the execution data.
 */
function unexpectedError(node: INode, error: unknown, context: FailureContext): Error {
	if (
		error instanceof NodeOperationError ||
		(error instanceof NodeApiError && !(error.cause as { config?: unknown })?.config)
	) {
		return error;
	}
	const text = redactText(error instanceof Error ? error.message : String(error), context.secrets);
	const message = `DocSpace request failed for ${context.target}: ${text} [item ${context.itemIndex}]`;
	return keepMessage(
		new NodeApiError(node, { message: text } as JsonObject, {
			message,
			itemIndex: context.itemIndex,
		}),
		message,
	);
}

export interface RequestSettings {
	key: string;
	method: string;
	limit: number;
	maxRetries: number;
	signal?: AbortSignal;
	/** When a failure is sent again (byMethod when left out). */
	repeat?: RepeatPolicy;
	/** Whole-attempt deadline; none when left out. */
	timeoutMs?: number;
	/** All waits between retries together; 10 minutes when left out. */
	maxRetryWaitMs?: number;
	/** Epoch ms by which every attempt and retry must be over (an operation's Max Wait). */
	totalDeadlineAt?: number;
	/** What DocSpace does inside the request while the node waits (a conversion), for the message. */
	waitingFor?: string;
}

/** This attempt's deadline: the request's own, within what is left of the total wait. */
export function attemptTimeoutMs(settings: RequestSettings): number | undefined {
	if (settings.totalDeadlineAt === undefined) return settings.timeoutMs;
	const left = Math.max(1, settings.totalDeadlineAt - Date.now());
	return settings.timeoutMs ? Math.min(settings.timeoutMs, left) : left;
}

function withDeadline<T>(
	task: () => Promise<T>,
	timeoutMs: number | undefined,
	waitingFor?: string,
): Promise<T> {
	if (!timeoutMs) return task();
	let cancel: () => void = () => {};
	const expired = new Promise<never>((_resolve, reject) => {
		// A little later than the answer reader's own deadline, whose message is more precise.
		cancel = afterMs(timeoutMs + 250, () =>
			reject(
				new DocSpaceFailureError({
					deadline: {
						seconds: Math.round(timeoutMs / 1000),
						bodyStarted: false,
						...(waitingFor ? { waitingFor, receivedBytes: 0 } : {}),
					},
				}),
			),
		);
	});
	return Promise.race([task(), expired]).finally(() => cancel());
}

/** A 429: DocSpace refused the request for the user's limits, before doing anything. */
function overloadOf(error: unknown): { retryAfterMs?: number } | undefined {
	if (!(error instanceof DocSpaceFailureError)) return undefined;
	const failure = error.failure;
	if (failure.statusCode !== 429 || failure.networkCode) return undefined;
	return { retryAfterMs: retryAfterMs(failure.headers) };
}

/** Runs one DocSpace request with a concurrency slot and a deadline, retrying what is safe to retry. */
export async function withDocSpaceLimits<T>(
	settings: RequestSettings,
	context: () => FailureContext | Promise<FailureContext>,
	node: INode,
	attempt: () => Promise<T>,
): Promise<T> {
	let waited = 0;
	const maxWait = settings.maxRetryWaitMs ?? 600_000;
	for (let tries = 1; ; tries++) {
		let failure: DocSpaceFailure;
		try {
			return await runLimited(
				settings.key,
				settings.limit,
				async () => await withDeadline(attempt, attemptTimeoutMs(settings), settings.waitingFor),
				settings.signal,
				overloadOf,
			);
		} catch (error) {
			if (error instanceof DocSpaceFailureError) failure = error.failure;
			else {
				const networkCode = settings.signal?.aborted ? undefined : networkCodeOf(error);
				if (!networkCode) throw unexpectedError(node, error, await context());
				failure = { networkCode };
			}
		}
		const wait = backoffMs(tries, failure);
		if (
			!isRetryable(failure, settings.method, settings.repeat) ||
			tries > settings.maxRetries ||
			wait > MAX_SINGLE_RETRY_WAIT_MS ||
			waited + wait > maxWait ||
			(settings.totalDeadlineAt !== undefined && Date.now() + wait >= settings.totalDeadlineAt) ||
			settings.signal?.aborted
		) {
			throw docSpaceNodeError(node, failure, { ...(await context()), attempts: tries });
		}
		waited += wait;
		await abortableSleep(wait, settings.signal);
	}
}
