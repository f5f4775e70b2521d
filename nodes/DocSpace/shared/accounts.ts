import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { failureOf, readDocSpaceAnswer } from './answers';
import { DEFAULT_BOUNDS, applyDocSpaceRequestPolicy } from './bounds';
import { normalizeAuthKey } from './credentialValues';
import { BoundedCache, otherLimitersOn } from './limiter';

type AnyContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions;

// The account behind a credential, per portal and credential; looked up only when another
// credential works on the same portal at the same time (DocSpace counts per user, docs/docspace/transport.md §3).
const accounts = new BoundedCache<Promise<string | undefined>>(100, 10 * 60_000);

/** For tests: forget the accounts looked up so far. */
export function forgetAccounts(): void {
	accounts.clear();
}

async function lookupAccount(
	context: AnyContext,
	credentialType: string,
	baseUrl: string,
): Promise<string | undefined> {
	try {
		const credentials = await context.getCredentials(credentialType);
		const isApiKey = normalizeAuthKey(credentials.authKey).startsWith('sk-');
		const options = applyDocSpaceRequestPolicy<IHttpRequestOptions>({
			method: 'GET',
			baseURL: baseUrl,
			url: isApiKey ? '/api/2.0/keys/@self' : '/api/2.0/people/@self',
			headers: { Accept: 'application/json' },
		});
		const full = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			credentialType,
			options,
		)) as IN8nHttpFullResponse;
		await readDocSpaceAnswer(full, {
			deadlineAt: Date.now() + DEFAULT_BOUNDS.timeoutSeconds * 1000,
			timeoutSeconds: DEFAULT_BOUNDS.timeoutSeconds,
			maxResponseMb: 1,
		});
		if (failureOf(full, 'object')) return undefined;
		const dto = (full.body as IDataObject).response as IDataObject;
		const id = isApiKey ? (dto.createBy as IDataObject | undefined)?.id : dto.id;
		return typeof id === 'string' && id !== '' ? id.toLowerCase() : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The limiter key of a request: per portal and DocSpace user once the user is known, else per
 * portal and n8n credential. The user is looked up (once per credential and portal, cached for
 * 10 minutes, at most 100 entries) only when other limiters are active on the same portal, so a
 * lone credential costs no extra request.
 */
export async function limiterKeyFor(
	context: AnyContext,
	credentialType: string,
	baseUrl: string,
	kind: 'read' | 'write',
): Promise<string> {
	const credentialId = context.getNode().credentials?.[credentialType]?.id ?? 'default';
	const cacheKey = `${baseUrl}|${credentialId}`;
	let account = accounts.get(cacheKey);
	if (
		!account &&
		otherLimitersOn(baseUrl, [
			`${baseUrl}|cred:${credentialId}|read`,
			`${baseUrl}|cred:${credentialId}|write`,
		])
	) {
		account = lookupAccount(context, credentialType, baseUrl);
		accounts.set(cacheKey, account);
	}
	const user = account ? await account : undefined;
	return user ? `${baseUrl}|user:${user}|${kind}` : `${baseUrl}|cred:${credentialId}|${kind}`;
}
