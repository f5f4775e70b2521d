import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	type Authentication,
	authenticationOf,
	credentialIdOf,
	credentialTypeOf,
} from './authentication';
import { applyDocSpaceRequestPolicy } from './bounds';
import { normalizeBaseUrl } from './credentialValues';
import { DocSpaceSignInError, signInErrorIn } from './signIn';

/**
 * Session renewal for the User and Password and the OAuth2 credentials (docs/docspace/auth.md §2).
 * The node reads DocSpace's answers itself (ignoreHttpStatusErrors), so n8n never sees a 401 and
 * would never renew. On a 401 one request per credential (a probe that lets n8n sign in again or
 * refresh the OAuth2 token, then stores the result) renews; the others wait for it; then each
 * request is sent once more. A failed sign-in is remembered for the execution, so that items do
 * not each try again and run into DocSpace's brute-force block.
 */
interface SessionState {
	generation: number;
	renewing?: Promise<void>;
	/** The first request of a password credential in an execution, which signs in; the others wait. */
	first?: Promise<unknown>;
	failure?: DocSpaceSignInError;
}

const MAX_SESSIONS = 200;
const sessions = new Map<string, SessionState>();

type Context = IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions;

function stateFor(context: Context): SessionState {
	const execution = isExecution(context) ? context.getExecutionId() : 'editor';
	const key = `${credentialTypeOf(context)}|${credentialIdOf(context)}|${execution}`;
	let state = sessions.get(key);
	if (!state) {
		if (sessions.size >= MAX_SESSIONS) sessions.delete(sessions.keys().next().value as string);
		state = { generation: 0 };
		sessions.set(key, state);
	}
	return state;
}

/** Pickers in the editor remember no failure: the user may have just corrected the credential. */
function isExecution(context: Context): context is IExecuteSingleFunctions {
	return 'getItemIndex' in context;
}

function itemIndexOf(context: Context): number {
	return 'getItemIndex' in context ? context.getItemIndex() : 0;
}

function signInNodeError(context: Context, error: DocSpaceSignInError): NodeOperationError {
	const itemIndex = itemIndexOf(context);
	return new NodeOperationError(context.getNode(), `${error.message} [item ${itemIndex}]`, {
		description: error.description,
		itemIndex,
	});
}

const OAUTH_RECONNECT = new DocSpaceSignInError(
	'The OAuth2 connection to DocSpace has expired or was revoked',
	'Open the DocSpace OAuth2 credential and press Connect again. DocSpace issues a new refresh token on every renewal; if two n8n instances share the credential, give each its own.',
);

/** Closes an answer nobody reads (a probe's, a rejected attempt's), so that its socket is freed. */
function discardAnswer(response: { body?: unknown; data?: unknown } | undefined): void {
	for (const body of [response?.body, response?.data]) {
		if (
			body &&
			typeof body === 'object' &&
			typeof (body as { destroy?: unknown }).destroy === 'function'
		)
			(body as { destroy(): void }).destroy();
	}
}

/** Lets n8n renew the session on a 401: a small read without ignoreHttpStatusErrors. */
async function probe(
	context: Context,
	authentication: Authentication,
	baseUrl: string,
): Promise<void> {
	try {
		// The request policy (no redirect, deadline, streamed answer), but HTTP errors thrown: a
		// thrown 401 is what makes n8n sign in again or refresh the token.
		const options = applyDocSpaceRequestPolicy<IHttpRequestOptions>({
			method: 'GET',
			url: `${baseUrl}/api/2.0/people/@self`,
			headers: { Accept: 'application/json' },
		});
		options.ignoreHttpStatusErrors = false;
		const full = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialTypeOf(context),
			options,
		)) as IN8nHttpFullResponse;
		discardAnswer(full);
	} catch (error) {
		discardAnswer((error as { response?: { data?: unknown } } | undefined)?.response);
		const signIn = signInErrorIn(error);
		if (signIn) throw signIn;
		const message = String((error as Error)?.message ?? '');
		if (
			authentication === 'oAuth2' &&
			/reconnect|refresh token|invalid_grant|invalid_client/i.test(message)
		)
			throw OAUTH_RECONNECT;
		// Any other answer (e.g. 403 for a token without accounts scopes): the request itself tells.
	}
}

async function renew(
	state: SessionState,
	generation: number,
	run: () => Promise<void>,
): Promise<void> {
	if (state.generation !== generation) return;
	state.renewing ??= run().finally(() => {
		state.generation++;
		state.renewing = undefined;
	});
	await state.renewing;
}

/**
 * Sends `attempt`; on a 401 (a thrown 401 error, or an answer `rejected` says is one) renews the
 * session once and sends it again. API keys pass straight through.
 */
export async function withRenewedSession<T>(
	context: Context,
	baseUrl: string,
	attempt: () => Promise<T>,
	rejected: (result: T) => boolean = () => false,
): Promise<T> {
	const authentication = authenticationOf(context);
	if (authentication === 'apiKey') return await attempt();
	const state = stateFor(context);
	const run = async (): Promise<T> => {
		if (state.failure) throw signInNodeError(context, state.failure);
		const generation = state.generation;
		const outcome = await attempt().then(
			(result) => ({ result }),
			(error: unknown) => ({ error }),
		);
		if ('result' in outcome)
			return rejected(outcome.result) ? await renewAndRepeat(generation) : outcome.result;
		const signIn = signInErrorIn(outcome.error);
		if (signIn) {
			if (isExecution(context)) state.failure = signIn;
			throw signInNodeError(context, signIn);
		}
		if (String((outcome.error as { httpCode?: unknown }).httpCode) !== '401') throw outcome.error;
		return await renewAndRepeat(generation);
	};
	const renewAndRepeat = async (generation: number): Promise<T> => {
		try {
			await renew(state, generation, async () => await probe(context, authentication, baseUrl));
		} catch (error) {
			const signIn = signInErrorIn(error) ?? OAUTH_RECONNECT;
			if (isExecution(context)) state.failure = signIn;
			throw signInNodeError(context, signIn);
		}
		return await attempt();
	};
	if (authentication === 'password' && !state.first) {
		state.first = run();
		return (await state.first) as T;
	}
	if (state.first) await state.first.catch(() => undefined);
	return await run();
}

/** For pickers and lookups: one authenticated request with the node's credential, renewed on a 401. */
export async function authenticatedRequest(
	context: Context,
	options: IHttpRequestOptions,
): Promise<IN8nHttpFullResponse> {
	const send = async () =>
		(await context.helpers.httpRequestWithAuthentication.call(context, credentialTypeOf(context), {
			...options,
		})) as IN8nHttpFullResponse;
	return await withRenewedSession(context, String(options.baseURL ?? ''), send, (response) => {
		if (response.statusCode !== 401) return false;
		// Sent again after the renewal; this answer (a stream under the request policy) is not read.
		discardAnswer(response);
		return true;
	});
}

type RoutingHook = (
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
) => Promise<INodeExecutionData[]>;

/** Wraps an operation's routing hook (docSpaceRouting) with the session renewal above. */
export function renewingSession(send: RoutingHook): RoutingHook {
	return async function (this: IExecutePaginationFunctions, requestData) {
		let baseUrl = '';
		try {
			baseUrl = normalizeBaseUrl(requestData.options.baseURL);
		} catch {
			// the hook itself refuses the address with its own message
		}
		return await withRenewedSession(this, baseUrl, async () => await send.call(this, requestData));
	};
}
