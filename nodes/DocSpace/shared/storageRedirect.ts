import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { DocSpaceFailureError, failureOf, readRawAnswer } from './answers';
import { credentialTypeOf } from './authentication';
import { normalizeBaseUrl } from './credentialValues';
import { safeUrl } from './redaction';
import { attemptLimitsOf } from './transport';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|\[::1\]|localhost)$/i;

function header(response: IN8nHttpFullResponse, name: string): string | undefined {
	const entry = Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === name);
	return entry === undefined ? undefined : String(entry[1]);
}

async function portalAddress(context: IExecuteSingleFunctions): Promise<URL | undefined> {
	try {
		const credentials = await context.getCredentials(credentialTypeOf(context));
		return new URL(normalizeBaseUrl(credentials.baseUrl));
	} catch {
		return undefined;
	}
}

function refused(url: string, problem: string): DocSpaceFailureError {
	return new DocSpaceFailureError({ storage: { url, problem } });
}

/**
 * Where a download may be redirected (docs/docspace/files.md §3): an https address without user
 * name or password in it; plain http only from a loopback portal to a loopback address (the
 * emulator's storage in tests), never from a real portal.
 */
export async function storageTarget(
	context: IExecuteSingleFunctions,
	location: string | undefined,
): Promise<URL> {
	const portal = await portalAddress(context);
	let target: URL;
	try {
		target = new URL(location ?? '', portal);
	} catch {
		throw refused('an address that is not a valid URL', 'is not a valid address');
	}
	const shown = safeUrl(target.href);
	if (!location) throw refused('no address', 'was not given (a redirect without Location)');
	if (target.username || target.password)
		throw refused(shown, 'carries a user name or password in the address');
	const loopbackTest =
		target.protocol === 'http:' &&
		LOOPBACK.test(target.hostname) &&
		portal !== undefined &&
		LOOPBACK.test(portal.hostname);
	if (target.protocol !== 'https:' && !loopbackTest)
		throw refused(shown, 'is not an https address');
	return target;
}

/**
 * First post-receive step of File: Download: the file's bytes, read like every `raw` answer within
 * the attempt's deadline and size cap. A redirect (DocSpace on S3-like storage answers one with a
 * pre-signed address) is followed once, within the same deadline and size cap, with nothing of
 * the credential: no Authorization header, no cookie, nothing but the address DocSpace gave.
 * API requests never follow redirects (shared/bounds.ts).
 */
export async function expectDownloadAnswer(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const limits = attemptLimitsOf(this);
	await readRawAnswer(response, limits);
	if (response.statusCode >= 300 && response.statusCode < 400) {
		const target = await storageTarget(this, header(response, 'location'));
		const request: IHttpRequestOptions = {
			method: 'GET',
			url: target.href,
			headers: { Accept: '*/*' },
			disableFollowRedirect: true,
			maxRedirects: 0,
			sendCredentialsOnCrossOriginRedirect: false,
			timeout: Math.max(1, limits.deadlineAt - Date.now()) + 1000,
			encoding: 'stream',
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		};
		// helpers.httpRequest, not the authenticated request: n8n adds no credential to it.
		const stored = (await this.helpers.httpRequest(request)) as IN8nHttpFullResponse;
		await readRawAnswer(stored, limits);
		const shown = safeUrl(target.href);
		if (stored.statusCode >= 300 && stored.statusCode < 400)
			throw refused(shown, 'redirected again (the node follows one redirect only)');
		if (stored.statusCode >= 400)
			throw refused(shown, `answered ${stored.statusCode} instead of the file`);
		response.statusCode = stored.statusCode;
		response.headers = stored.headers;
		response.body = stored.body;
	}
	const failure = failureOf(response, 'raw');
	if (failure) throw new DocSpaceFailureError(failure);
	return items;
}
