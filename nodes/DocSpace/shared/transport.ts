import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { credentialIdOf, credentialTypeOf } from './authentication';
import { normalizeBaseUrl } from './credentialValues';
import { type DocSpaceFailure, type FailureContext, docSpaceNodeError, retryAfterMs } from './errors';
import { failureContextFor } from './failureContext';
import { runLimited } from './limiter';
import { authenticatedRequest } from './session';

export const CREDENTIAL_TYPE = 'docSpaceApi';

/** DocSpace's own limits per user (docspace-api.md §8); lowered under the node's Options. */
export const DEFAULT_LIMITS = { maxParallelWrites: 15, maxParallelReads: 50, maxRetries: 5 };

/** A retry never waits longer than this; DocSpace's daily write cap asks for up to a day. */
const MAX_RETRY_WAIT_MS = 60_000;
const RETRYABLE_STATUS = new Set([429, 502, 503, 504]);
const RETRYABLE_NETWORK = new Set(['ECONNRESET', 'EPIPE']);

/** Thrown inside a request attempt; the retry loop decides whether to try again. */
export class DocSpaceFailureError extends Error {
	constructor(readonly failure: DocSpaceFailure) {
		super(`DocSpace request failed (${failure.statusCode ?? failure.networkCode ?? 'no answer'})`);
	}
}

function headerValue(headers: IDataObject | undefined, name: string): string {
	const entry = Object.entries(headers ?? {}).find(([key]) => key.toLowerCase() === name);
	return entry ? String(entry[1]) : '';
}

/** Reads a full HTTP answer; returns the failure it represents, if any. */
export function failureOf(response: IN8nHttpFullResponse): DocSpaceFailure | undefined {
	const { statusCode, body, headers } = response;
	const lowerHeaders = Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const failed = statusCode >= 400 || (typeof body === 'object' && body !== null && (body as IDataObject).status === 1);
	if (failed) return { statusCode: statusCode >= 400 ? statusCode : 400, body, headers: lowerHeaders };
	const isJson = /json/i.test(headerValue(headers, 'content-type'));
	if (typeof body === 'string' && body.trim() !== '' && (isJson || /^\s*[[{]/.test(body))) {
		return { statusCode, body, headers: lowerHeaders, malformedJson: true };
	}
	if (Buffer.isBuffer(body)) return { statusCode, headers: lowerHeaders, malformedJson: true };
	return undefined;
}

/** First post-receive step of every operation: a DocSpace failure stops the item here. */
export async function throwOnDocSpaceError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const failure = failureOf(response);
	if (failure) throw new DocSpaceFailureError(failure);
	return items;
}

function networkCodeOf(error: unknown): string | undefined {
	let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && /^E[A-Z_]+$/.test(current.code)) return current.code;
		if (typeof current.message === 'string') {
			const match = /\b(E[A-Z]{4,}[A-Z_]*)\b/.exec(current.message);
			if (match) return match[1];
			if (/socket hang up/i.test(current.message)) return 'ECONNRESET';
			if (/timeout of \d+ms exceeded|timed out/i.test(current.message)) return 'ETIMEDOUT';
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

function isRetryable(failure: DocSpaceFailure, method: string): boolean {
	// Only PUT/GET are sent by this node; both are idempotent here: shares set absolute levels and
	// room links carry their id (client-generated on create), so a repeat never duplicates.
	if (method === 'POST') return false;
	if (failure.networkCode) return RETRYABLE_NETWORK.has(failure.networkCode);
	return failure.malformedJson === true || RETRYABLE_STATUS.has(failure.statusCode ?? 0);
}

function backoffMs(attempt: number, failure: DocSpaceFailure): number {
	const asked = retryAfterMs(failure.headers);
	const exponential = Math.min(8_000, 250 * 2 ** attempt);
	const jitter = Math.random() * exponential;
	return asked !== undefined ? asked + Math.random() * 250 : jitter;
}

/**
 * Our own errors pass through; anything else is rebuilt from its message alone, so that an
 * HTTP library error (which carries the request, Authorization header included) never reaches
 * the execution data.
 */
function unexpectedError(node: INode, error: unknown, context: FailureContext): Error {
	if (error instanceof NodeOperationError || (error instanceof NodeApiError && !(error.cause as { config?: unknown })?.config)) {
		return error;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeApiError(node, { message } as JsonObject, {
		message: `DocSpace request failed for ${context.target}: ${message} [item ${context.itemIndex}]`,
		itemIndex: context.itemIndex,
	});
}

export interface RequestSettings {
	key: string;
	method: string;
	limit: number;
	maxRetries: number;
	signal?: AbortSignal;
}

/** Runs one DocSpace request with a concurrency slot, retrying what is safe to retry. */
export async function withDocSpaceLimits<T>(
	settings: RequestSettings,
	context: () => FailureContext,
	node: INode,
	attempt: () => Promise<T>,
): Promise<T> {
	for (let tries = 1; ; tries++) {
		let failure: DocSpaceFailure;
		try {
			return await runLimited(settings.key, settings.limit, attempt, settings.signal);
		} catch (error) {
			if (error instanceof DocSpaceFailureError) failure = error.failure;
			else {
				const networkCode = networkCodeOf(error);
				if (!networkCode) throw unexpectedError(node, error, context());
				failure = { networkCode };
			}
		}
		const wait = backoffMs(tries, failure);
		if (!isRetryable(failure, settings.method) || tries > settings.maxRetries || wait > MAX_RETRY_WAIT_MS) {
			throw docSpaceNodeError(node, failure, { ...context(), attempts: tries });
		}
		await sleep(wait);
	}
}

function limitOptions(context: IExecuteSingleFunctions | ILoadOptionsFunctions, isWrite: boolean) {
	let options: IDataObject = {};
	try {
		options = (context.getNodeParameter('options', {}) ?? {}) as IDataObject;
	} catch {
		options = {};
	}
	const read = (name: keyof typeof DEFAULT_LIMITS, min: number) => {
		const value = Number(options[name]);
		return Number.isFinite(value) && value >= min ? Math.floor(value) : DEFAULT_LIMITS[name];
	};
	return {
		limit: read(isWrite ? 'maxParallelWrites' : 'maxParallelReads', 1),
		maxRetries: read('maxRetries', 0),
	};
}

function requestSettings(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	method: string,
	rawBaseUrl: unknown,
	itemIndex: number,
): { settings: RequestSettings; baseUrl: string } {
	let baseUrl: string;
	try {
		baseUrl = normalizeBaseUrl(rawBaseUrl);
	} catch (error) {
		throw new NodeOperationError(context.getNode(), (error as Error).message, {
			itemIndex,
			description: 'Open the DocSpace credential and correct it. Nothing was sent.',
		});
	}
	const isWrite = method !== 'GET';
	// One limiter per portal and credential (DocSpace counts per user), separately for writes and reads.
	const credentialId = credentialIdOf(context);
	const settings: RequestSettings = {
		key: `${baseUrl}|${credentialId}|${isWrite ? 'write' : 'read'}`,
		method,
		...limitOptions(context, isWrite),
		signal: 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined,
	};
	return { settings, baseUrl };
}

/**
 * The declarative routing hook every operation uses (`routing.operations.pagination`): n8n hands
 * over the assembled request, we send it through the limiter and the retry loop. The
 * post-receive steps run inside `makeRoutingRequest`, once per attempt.
 */
export async function sendDocSpaceRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const method = String(requestData.options.method ?? 'GET').toUpperCase();
	const itemIndex = this.getItemIndex();
	// The base URL n8n resolved from the credential (requestDefaults), checked and normalised here.
	const { settings, baseUrl } = requestSettings(this, method, requestData.options.baseURL, itemIndex);
	requestData.options.baseURL = baseUrl;
	return await withDocSpaceLimits(settings, () => failureContextFor(this, method, itemIndex), this.getNode(), async () =>
		await this.makeRoutingRequest(requestData),
	);
}

/** DocSpace's largest page (`count` is limited to 1–100, docspace-api.md §7). */
export const MAX_PAGE_SIZE = 100;

/**
 * Routing hook of list operations: pages through `startIndex`/`count` until Return All is done
 * or Limit is reached, each page sent like any other request. The operation's post-receive must
 * turn a page into one item per entry.
 */
export async function sendDocSpaceListRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : Math.max(1, Number(this.getNodeParameter('limit', 50)) || 50);
	const results: INodeExecutionData[] = [];
	for (let startIndex = 0; results.length < limit; ) {
		const count = Math.min(MAX_PAGE_SIZE, limit - results.length);
		const page = await sendDocSpaceRequest.call(this, {
			...requestData,
			options: { ...requestData.options, qs: { ...requestData.options.qs, startIndex, count } },
		});
		results.push(...page);
		if (page.length < count) break;
		startIndex += count;
	}
	return results.slice(0, limit);
}

/** For code outside the routing (pickers, lookups): one request, same limits, unwrapped envelope. */
export async function docSpaceApiRequest(
	this: IExecuteSingleFunctions | ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	url: string,
	qs: IDataObject = {},
	body?: IDataObject,
): Promise<{ response: unknown; total?: number; count?: number }> {
	const itemIndex = 'getItemIndex' in this ? this.getItemIndex() : 0;
	const credentials = await this.getCredentials(credentialTypeOf(this));
	const { settings, baseUrl } = requestSettings(this, method, credentials.baseUrl, itemIndex);
	const options: IHttpRequestOptions = {
		method,
		baseURL: baseUrl,
		url,
		qs,
		body,
		json: true,
		headers: { Accept: 'application/json' },
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	return await withDocSpaceLimits(settings, () => failureContextFor(this, method, itemIndex), this.getNode(), async () => {
		const full = await authenticatedRequest(this, options);
		const failure = failureOf(full);
		if (failure) throw new DocSpaceFailureError(failure);
		const envelope = (full.body ?? {}) as IDataObject;
		return { response: envelope.response, total: envelope.total as number | undefined, count: envelope.count as number | undefined };
	});
}
