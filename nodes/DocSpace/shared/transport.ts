import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { credentialTypeOf } from './authentication';
import {
	type AnswerLimits,
	type AnswerShape,
	DocSpaceFailureError,
	failureOf,
	readDocSpaceAnswer,
	readRawAnswer,
	totalOf,
} from './answers';
import {
	DEFAULT_BOUNDS,
	type RequestBounds,
	applyDocSpaceRequestPolicy,
	boundsFromOptions,
} from './bounds';
import { normalizeAuthKey, normalizeBaseUrl } from './credentialValues';
import { refusal } from './validation';
import type { FailureContext } from './errors';
import { failureContextFor } from './failureContext';
import { limiterKeyFor } from './accounts';
import { answerWaitOf } from './answerWait';
import { authenticatedRequest } from './session';

export { type AnswerShape, DocSpaceFailureError, failureOf, readDocSpaceAnswer } from './answers';
export {
	BOUNDS,
	DEFAULT_BOUNDS,
	MAX_LIST_ENTRIES,
	MAX_PAGE_SIZE,
	applyDocSpaceRequestPolicy,
	boundsFromOptions,
} from './bounds';
export { forgetAccounts } from './accounts';
export { type AnswerWait, setAnswerWait } from './answerWait';
export { docSpaceApiList, sendDocSpaceListRequest } from './lists';

export const CREDENTIAL_TYPE = 'docSpaceApi';

export { DEFAULT_LIMITS, type RequestSettings, withDocSpaceLimits } from './retries';
import {
	type RepeatPolicy,
	type RequestSettings,
	attemptTimeoutMs,
	withDocSpaceLimits,
} from './retries';

type AnyContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions;

const boundsByContext = new WeakMap<object, RequestBounds>();

/** The operation's bounds (Options, clamped), read once per item. */
export function boundsOf(context: AnyContext): RequestBounds {
	const known = boundsByContext.get(context);
	if (known) return known;
	let options: IDataObject = {};
	try {
		options = ((context as IExecuteSingleFunctions).getNodeParameter('options', {}) ??
			{}) as IDataObject;
	} catch {
		options = {};
	}
	const bounds = typeof options === 'object' ? boundsFromOptions(options) : DEFAULT_BOUNDS;
	boundsByContext.set(context, bounds);
	return bounds;
}

export function answerLimits(bounds: RequestBounds, settings?: RequestSettings): AnswerLimits {
	const timeoutMs = (settings && attemptTimeoutMs(settings)) ?? bounds.timeoutSeconds * 1000;
	return {
		deadlineAt: Date.now() + timeoutMs,
		timeoutSeconds: Math.round(timeoutMs / 1000),
		maxResponseMb: bounds.maxResponseMb,
		...(settings?.waitingFor ? { waitingFor: settings.waitingFor } : {}),
	};
}

/** The limits of the attempt under way for this item's context (its deadline and size cap). */
export function attemptLimitsOf(context: IExecuteSingleFunctions): AnswerLimits {
	return attempts.get(context) ?? answerLimits(boundsOf(context));
}

export async function requestSettings(
	context: AnyContext,
	method: string,
	rawBaseUrl: unknown,
	itemIndex: number,
	bounds: RequestBounds,
): Promise<{ settings: RequestSettings; baseUrl: string }> {
	let baseUrl: string;
	try {
		baseUrl = normalizeBaseUrl(rawBaseUrl);
	} catch (error) {
		// Pickers and dropdowns in the editor have no item and send nothing anyway.
		const inEditor = 'getCurrentNodeParameter' in context && !('getItemIndex' in context);
		throw refusal(
			context.getNode(),
			inEditor ? (error as Error).message : `${(error as Error).message} [item ${itemIndex}]`,
			{
				itemIndex,
				description: `Open the DocSpace credential and correct it.${inEditor ? '' : ' Nothing was sent.'}`,
			},
		);
	}
	const isWrite = method !== 'GET';
	const settings: RequestSettings = {
		key: await limiterKeyFor(
			context,
			credentialTypeOf(context),
			baseUrl,
			isWrite ? 'write' : 'read',
		),
		method,
		limit: isWrite ? bounds.maxParallelWrites : bounds.maxParallelReads,
		maxRetries: bounds.maxRetries,
		timeoutMs: bounds.timeoutSeconds * 1000,
		maxRetryWaitMs: bounds.maxRetryWaitSeconds * 1000,
		signal:
			'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined,
	};
	return { settings, baseUrl };
}

/** The failure context plus what its message must never show: the key and the link password sent. */
async function contextWithSecrets(
	context: AnyContext,
	method: string,
	itemIndex: number,
	body: unknown,
	base?: FailureContext,
): Promise<FailureContext> {
	const secrets: unknown[] = [];
	// Link passwords, and the trigger's webhook secret.
	if (body && typeof body === 'object')
		secrets.push((body as IDataObject).password, (body as IDataObject).secretKey);
	try {
		const credentials = await context.getCredentials(credentialTypeOf(context));
		const tokens = credentials.oauthTokenData as IDataObject | undefined;
		// The stored session is `fingerprint|expires|token`; the token alone is what is sent.
		const sessionToken = String(credentials.sessionToken ?? '')
			.split('|')
			.pop();
		secrets.push(
			credentials.password,
			credentials.sessionToken,
			sessionToken,
			tokens?.access_token,
			tokens?.refresh_token,
			credentials.clientSecret,
		);
		if (credentials.authKey)
			secrets.push(credentials.authKey, normalizeAuthKey(credentials.authKey));
	} catch {
		// No credential, nothing of it to hide.
	}
	return {
		...(base ??
			failureContextFor(
				context as IExecuteSingleFunctions | ILoadOptionsFunctions,
				method,
				itemIndex,
			)),
		secrets,
	};
}

// What the answer reader of the current attempt needs, per item context: the post-receive step
// runs with the item's context, the pagination hook with an object created from it.
const attempts = new WeakMap<object, AnswerLimits>();
const totals = new WeakMap<object, number | undefined>();

/** `total` of the last answer read for this item's context (paged lists stop there). */
export function lastTotal(context: object): number | undefined {
	return contextsOf(context)
		.map((owner) => totals.get(owner))
		.find((value) => value !== undefined);
}

function contextsOf(context: object): object[] {
	return Object.prototype.hasOwnProperty.call(context, 'makeRoutingRequest')
		? [context, Object.getPrototypeOf(context) as object]
		: [context];
}

/** First post-receive step of an operation: reads the answer and stops the item unless it is DocSpace's, shaped as expected. */
export function expectDocSpaceAnswer(shape: AnswerShape) {
	return async function (
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		await (shape === 'raw' ? readRawAnswer : readDocSpaceAnswer)(
			response,
			attempts.get(this) ?? answerLimits(boundsOf(this)),
		);
		const failure = failureOf(response, shape);
		if (failure) throw new DocSpaceFailureError(failure);
		totals.set(this, totalOf(response.body));
		return items;
	};
}

/** The envelope check without a shape (kept for callers of the earlier name). */
export const throwOnDocSpaceError = expectDocSpaceAnswer('any');

async function sendRouted(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	repeat: RepeatPolicy,
): Promise<INodeExecutionData[]> {
	const method = String(requestData.options.method ?? 'GET').toUpperCase();
	const itemIndex = context.getItemIndex();
	// n8n's own Request Options → Timeout, when set, may only shorten the node's Timeout.
	const n8nTimeout = Number(requestData.options.timeout);
	const optionBounds = boundsOf(context);
	let bounds =
		requestData.options.timeout !== undefined &&
		n8nTimeout > 0 &&
		n8nTimeout < optionBounds.timeoutSeconds * 1000
			? { ...optionBounds, timeoutSeconds: Math.max(1, Math.ceil(n8nTimeout / 1000)) }
			: optionBounds;
	const wait = contextsOf(context)
		.map((owner) => answerWaitOf(owner))
		.find(Boolean);
	if (wait?.wholeWaitPerAttempt) bounds = { ...bounds, timeoutSeconds: wait.totalSeconds };
	// The base URL n8n resolved from the credential (requestDefaults), checked and normalised here.
	const { settings, baseUrl } = await requestSettings(
		context,
		method,
		requestData.options.baseURL,
		itemIndex,
		bounds,
	);
	requestData.options.baseURL = baseUrl;
	if (wait?.afterAnswer) {
		settings.timeoutMs =
			(settings.timeoutMs ?? bounds.timeoutSeconds * 1000) + wait.totalSeconds * 1000;
	} else if (wait) {
		settings.totalDeadlineAt = Date.now() + wait.totalSeconds * 1000;
		settings.waitingFor = wait.waitingFor;
	}
	applyDocSpaceRequestPolicy(requestData.options, bounds);
	const owners = contextsOf(context);
	const failureContext = async () => ({
		...(await contextWithSecrets(context, method, itemIndex, requestData.options.body)),
		...(repeat === 'onlyRefused' ? { notRepeatable: true } : {}),
	});
	return await withDocSpaceLimits(
		{ ...settings, repeat },
		failureContext,
		context.getNode(),
		async () => {
			const limits = answerLimits(bounds, wait?.afterAnswer ? undefined : settings);
			for (const owner of owners) attempts.set(owner, limits);
			return await context.makeRoutingRequest(requestData);
		},
	);
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
	return await sendRouted(this, requestData, 'byMethod');
}

/** `sendDocSpaceRequest` with another repeat policy (retries.ts, RepeatPolicy). */
export function sendDocSpaceRequestRepeating(repeat: RepeatPolicy) {
	return async function (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	): Promise<INodeExecutionData[]> {
		return await sendRouted(this, requestData, repeat);
	};
}

/**
 * For code outside the routing (pickers, lookups, the trigger's webhook registration): one request,
 * same limits, unwrapped envelope. `failure` overrides what error messages say about the request.
 */
export async function docSpaceApiRequest(
	this: AnyContext,
	method: IHttpRequestMethods,
	url: string,
	qs: IDataObject = {},
	body?: IDataObject,
	shape: AnswerShape = 'any',
	/** Overrides parts of the failure context, e.g. the permission a follow-up request needs. */
	failureOverrides: Partial<FailureContext> = {},
): Promise<{ response: unknown; total?: number; count?: number }> {
	const itemIndex = 'getItemIndex' in this ? this.getItemIndex() : 0;
	const credentials = await this.getCredentials(credentialTypeOf(this));
	const bounds = boundsOf(this);
	const { settings, baseUrl } = await requestSettings(
		this,
		method,
		credentials.baseUrl,
		itemIndex,
		bounds,
	);
	const options = applyDocSpaceRequestPolicy<IHttpRequestOptions>(
		{ method, baseURL: baseUrl, url, qs, body, headers: { Accept: 'application/json' } },
		bounds,
	);
	// The trigger's registration requests have no item and no resource/operation: they name themselves.
	const base = (): FailureContext | undefined =>
		failureOverrides.operation
			? {
					target: 'the request',
					requiredScope: '',
					isWrite: method !== 'GET',
					itemIndex,
					operation: failureOverrides.operation,
				}
			: undefined;
	const failureContext = async () => ({
		...(await contextWithSecrets(this, method, itemIndex, body, base())),
		...failureOverrides,
	});
	return await withDocSpaceLimits(settings, failureContext, this.getNode(), async () => {
		const full = await authenticatedRequest(this, options);
		await readDocSpaceAnswer(full, answerLimits(bounds));
		const failure = failureOf(full, shape);
		if (failure) throw new DocSpaceFailureError(failure);
		const envelope = full.body as IDataObject;
		return {
			response: envelope.response,
			total: totalOf(envelope),
			count: envelope.count as number | undefined,
		};
	});
}
