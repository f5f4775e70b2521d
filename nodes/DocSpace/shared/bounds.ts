import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

/**
 * Every bound the node keeps on its work (docs/docspace/transport.md §3): settings under each
 * operation's Options, clamped to these ranges however they are set (typed, or by an expression),
 * so no value can take the node past DocSpace's own limits or run without end.
 */
export const BOUNDS = {
	/** DocSpace rejects the 16th parallel write and the 51st parallel read of a user. */
	maxParallelWrites: { min: 1, max: 15, default: 15 },
	maxParallelReads: { min: 1, max: 50, default: 50 },
	maxRetries: { min: 0, max: 10, default: 5 },
	/** All waits between the retries of one request, together. */
	maxRetryWaitSeconds: { min: 0, max: 600, default: 120 },
	/** Whole attempt: connecting, waiting and reading the answer, however slowly it arrives. */
	timeoutSeconds: { min: 1, max: 300, default: 60 },
	maxResponseMb: { min: 1, max: 200, default: 20 },
} as const;

export type BoundName = keyof typeof BOUNDS;

/** A single retry never waits longer than this; DocSpace's daily write cap asks for up to a day. */
export const MAX_SINGLE_RETRY_WAIT_MS = 60_000;

/** DocSpace's largest page (`count` is limited to 1–100). */
export const MAX_PAGE_SIZE = 100;

/**
 * Return All reads at most this many entries per item. n8n's engine spreads a node's items into
 * an array call, which overflows the stack somewhere above 100,000 items.
 */
export const MAX_LIST_ENTRIES = 50_000;

export const MAX_PAGES = Math.ceil(MAX_LIST_ENTRIES / MAX_PAGE_SIZE);

export interface RequestBounds {
	maxParallelWrites: number;
	maxParallelReads: number;
	maxRetries: number;
	maxRetryWaitSeconds: number;
	timeoutSeconds: number;
	maxResponseMb: number;
}

/** `value` as a whole number within the bound's range; the default when it is not a number. */
export function clampBound(name: BoundName, value: unknown): number {
	const bound = BOUNDS[name];
	const number = typeof value === 'string' && value.trim() === '' ? NaN : Number(value);
	if (
		value === undefined ||
		value === null ||
		typeof value === 'boolean' ||
		!Number.isFinite(number)
	)
		return bound.default;
	return Math.min(bound.max, Math.max(bound.min, Math.floor(number)));
}

export function boundsFromOptions(options: IDataObject | undefined): RequestBounds {
	const source = options ?? {};
	return {
		maxParallelWrites: clampBound('maxParallelWrites', source.maxParallelWrites),
		maxParallelReads: clampBound('maxParallelReads', source.maxParallelReads),
		maxRetries: clampBound('maxRetries', source.maxRetries),
		maxRetryWaitSeconds: clampBound('maxRetryWaitSeconds', source.maxRetryWaitSeconds),
		timeoutSeconds: clampBound('timeoutSeconds', source.timeoutSeconds),
		maxResponseMb: clampBound('maxResponseMb', source.maxResponseMb),
	};
}

export const DEFAULT_BOUNDS: RequestBounds = boundsFromOptions({});

/**
 * THE per-request options every DocSpace request carries, whoever sends it (the routing, the
 * lookups, a custom runner):
 * - no redirect is followed (DocSpace does not redirect API calls; a redirect becomes an error
 *   naming where it pointed) and credentials are never sent to another origin;
 * - the socket idle timeout follows the attempt's timeout (the whole-attempt deadline is kept by
 *   `withDocSpaceLimits` and `readDocSpaceAnswer`);
 * - the answer is handed over as a stream, so `readDocSpaceAnswer` can stop it at the size cap
 *   and at the deadline (n8n's HTTP helper buffers any size and has no overall deadline);
 * - every HTTP status is returned, never thrown, so the error table sees it.
 * Call `readDocSpaceAnswer` on the full response before looking at its body.
 */
type PolicyFields =
	| 'disableFollowRedirect'
	| 'maxRedirects'
	| 'sendCredentialsOnCrossOriginRedirect'
	| 'timeout'
	| 'encoding'
	| 'returnFullResponse'
	| 'ignoreHttpStatusErrors'
	| 'json';

export function applyDocSpaceRequestPolicy<
	T extends Partial<Pick<IHttpRequestOptions, PolicyFields>>,
>(options: T, bounds: RequestBounds = DEFAULT_BOUNDS): T {
	options.disableFollowRedirect = true;
	options.maxRedirects = 0;
	options.sendCredentialsOnCrossOriginRedirect = false;
	// A little later than the node's own deadline, so that its clearer message wins.
	options.timeout = bounds.timeoutSeconds * 1000 + 1000;
	options.encoding = 'stream';
	options.returnFullResponse = true;
	options.ignoreHttpStatusErrors = true;
	options.json = true;
	return options;
}
