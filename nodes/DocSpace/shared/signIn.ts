import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { DocSpaceFailureError, readDocSpaceAnswer } from './answers';
import { DEFAULT_BOUNDS, applyDocSpaceRequestPolicy } from './bounds';
import { normalizeBaseUrl } from './credentialValues';
import { safeUrl } from './redaction';

/**
 * A failed sign-in, with a message a user can act on. It never carries the password, the request
 * or DocSpace's raw answer. The session layer recognises it by name after n8n has wrapped it.
 */
export class DocSpaceSignInError extends Error {
	override name = 'DocSpaceSignInError';

	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
	}
}

/** Preauthentication runs without a node, so no NodeApiError: the session layer turns this into one. */
export function signInError(message: string, description: string): DocSpaceSignInError {
	return new DocSpaceSignInError(message, description);
}

/** The DocSpaceSignInError in an error's cause chain (n8n wraps what preAuthentication throws). */
export function signInErrorIn(error: unknown): DocSpaceSignInError | undefined {
	let current = error as
		{ name?: unknown; cause?: unknown; description?: unknown; message?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (current instanceof DocSpaceSignInError) return current;
		if (current.name === 'DocSpaceSignInError' && typeof current.message === 'string') {
			return new DocSpaceSignInError(current.message, String(current.description ?? ''));
		}
		current = current.cause as typeof current;
	}
	return undefined;
}

const OTHER_CREDENTIALS =
	'In the DocSpace node set Authentication to "API Key or Personal Token" (an admin creates keys under Settings → Developer Tools → API keys) or to "OAuth2".';

/**
 * A cheap fingerprint of what the session was obtained with. A session stored for another
 * address, email or password is not used: changing the password in the credential signs in anew.
 * Not a password hash for storage: the credential itself holds the password, encrypted by n8n.
 */
export function sessionFingerprint(baseUrl: string, userName: string, password: string): string {
	let hash = 0x811c9dc5;
	for (const char of `${baseUrl}\u0000${userName.toLowerCase()}\u0000${password}`) {
		hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

/** What the hidden Session field stores: `fingerprint|expires (epoch ms)|token`. */
export function encodeSession(fingerprint: string, expiresAt: number, token: string): string {
	return `${fingerprint}|${expiresAt}|${token}`;
}

/** The token of a stored session, if it belongs to these credentials and has not expired. */
export function usableSessionToken(
	credentials: ICredentialDataDecryptedObject,
	now = Date.now(),
): string | undefined {
	const [fingerprint, expiresAt, ...rest] = String(credentials.sessionToken ?? '').split('|');
	const token = rest.join('|');
	if (!token) return undefined;
	let baseUrl: string;
	try {
		baseUrl = normalizeBaseUrl(credentials.baseUrl);
	} catch {
		return undefined;
	}
	if (
		fingerprint !==
		sessionFingerprint(
			baseUrl,
			String(credentials.userName ?? '').trim(),
			String(credentials.password ?? ''),
		)
	)
		return undefined;
	const expires = Number(expiresAt);
	return Number.isFinite(expires) && expires > now ? token : undefined;
}

interface LoginAnswer {
	token?: string;
	expires?: string;
	tfa?: boolean;
	sms?: boolean;
}

/** Reads DocSpace's answer to `POST api/2.0/authentication` (docs/docspace/auth.md §1). */
export function sessionFromLogin(
	response: IN8nHttpFullResponse,
	fingerprint: string,
	now = Date.now(),
): string {
	const body = (
		typeof response.body === 'object' && response.body !== null ? response.body : {}
	) as IDataObject;
	const errorText = String((body.error as IDataObject | undefined)?.message ?? '');
	if (response.statusCode >= 300 && response.statusCode < 400) {
		// Never followed: a 307/308 would send the email and password on to wherever it points.
		const location = Object.entries(response.headers ?? {}).find(
			([name]) => name.toLowerCase() === 'location',
		)?.[1];
		throw new DocSpaceSignInError(
			`DocSpace's sign-in address answered with a redirect to ${location ? safeUrl(String(location)) : 'another address'}, which was not followed`,
			'Enter the portal address exactly as it opens in the browser (e.g. https://yourportal.onlyoffice.com, with https) as Base URL in the DocSpace credential. The password was not sent on.',
		);
	}
	if (response.statusCode === 401) {
		throw new DocSpaceSignInError(
			'DocSpace did not accept the email or password of the credential',
			'Check Email and Password in the DocSpace credential (User and Password) and save it. After 5 wrong attempts within a minute DocSpace blocks signing in for a minute.',
		);
	}
	if (response.statusCode === 403 && /disabled/i.test(errorText)) {
		throw new DocSpaceSignInError(
			'The DocSpace account of the credential is disabled',
			'Ask a DocSpace admin to enable the account, or use another account.',
		);
	}
	if (response.statusCode === 403 || response.statusCode === 429) {
		throw new DocSpaceSignInError(
			'DocSpace has blocked signing in to this account for now: too many failed attempts',
			'DocSpace blocks a login for a minute after 5 failed attempts. Wait a minute, check the password in the credential, and run again. If DocSpace then asks for a CAPTCHA, sign in once in the browser.',
		);
	}
	if (response.statusCode >= 400) {
		throw new DocSpaceSignInError(
			`DocSpace refused the sign-in (status ${response.statusCode})`,
			'Check the Base URL of the credential (e.g. https://yourportal.onlyoffice.com) and try again later.',
		);
	}
	const answer = (body.response ?? {}) as LoginAnswer;
	if (answer.tfa || answer.sms) {
		throw new DocSpaceSignInError(
			`This DocSpace account signs in with two-factor authentication (${answer.sms ? 'a code by SMS' : 'an authenticator app'}), which a workflow cannot complete`,
			`Use another way to sign in: ${OTHER_CREDENTIALS}`,
		);
	}
	if (typeof answer.token !== 'string' || answer.token === '') {
		throw new DocSpaceSignInError(
			'DocSpace answered the sign-in without a token',
			'Check the Base URL of the credential: it must be the address of your DocSpace portal.',
		);
	}
	// A session-only token reports year 1 as its expiry; such a token is kept for an hour.
	const expires = Date.parse(String(answer.expires ?? '').replace(/(T[\d:.]+)$/, '$1Z'));
	const expiresAt = Number.isFinite(expires) && expires > now ? expires : now + 3600_000;
	return encodeSession(fingerprint, expiresAt, answer.token);
}

/** DocSpace's answer to a sign-in is a few hundred bytes. */
const SIGN_IN_ANSWER_MB = 1;

/** `preAuthentication` of the User and Password credential: signs in and returns the session to store. */
export async function signInWithPassword(
	this: IHttpRequestHelper,
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	let baseUrl: string;
	try {
		baseUrl = normalizeBaseUrl(credentials.baseUrl);
	} catch (error) {
		throw signInError(
			(error as Error).message,
			'Open the DocSpace credential and correct the Base URL.',
		);
	}
	const userName = String(credentials.userName ?? '').trim();
	const password = String(credentials.password ?? '');
	if (!userName || !password) {
		throw new DocSpaceSignInError(
			'The DocSpace credential has no email or no password',
			'Fill in Email and Password in the DocSpace credential (User and Password).',
		);
	}
	// The request policy of every DocSpace request: no redirect followed (the body holds the
	// password), a deadline, and an answer read as a stream within a size cap.
	const options = applyDocSpaceRequestPolicy<IHttpRequestOptions>({
		method: 'POST',
		url: `${baseUrl}/api/2.0/authentication`,
		body: { userName, password },
		headers: { Accept: 'application/json' },
	});
	const timeoutSeconds = DEFAULT_BOUNDS.timeoutSeconds;
	let response: IN8nHttpFullResponse;
	try {
		response = (await this.helpers.httpRequest(options)) as IN8nHttpFullResponse;
		await readDocSpaceAnswer(response, {
			deadlineAt: Date.now() + timeoutSeconds * 1000,
			timeoutSeconds,
			maxResponseMb: SIGN_IN_ANSWER_MB,
		});
	} catch (error) {
		// The library error holds the request body (the password): none of it is passed on.
		const failure = error instanceof DocSpaceFailureError ? error.failure : undefined;
		if (failure?.deadline) {
			throw signInError(
				`DocSpace did not answer the sign-in at ${baseUrl} within ${timeoutSeconds} s`,
				'Check that the portal is online and try again later.',
			);
		}
		if (failure?.tooLargeMb) {
			throw signInError(
				`The sign-in address at ${baseUrl} answered with more than ${failure.tooLargeMb} MB, which is not DocSpace's answer`,
				'Check the Base URL in the DocSpace credential (e.g. https://yourportal.onlyoffice.com).',
			);
		}
		throw signInError(
			`Could not reach DocSpace at ${baseUrl} to sign in`,
			'Check the Base URL in the DocSpace credential (e.g. https://yourportal.onlyoffice.com) and that the portal is online.',
		);
	}
	return {
		sessionToken: sessionFromLogin(response, sessionFingerprint(baseUrl, userName, password)),
	};
}

/** The claims of a JWT, or undefined when it is not one. */
function jwtClaims(token: unknown): IDataObject | undefined {
	const payload = String(token ?? '').split('.')[1];
	if (!payload) return undefined;
	try {
		return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as IDataObject;
	} catch {
		return undefined;
	}
}

/**
 * `preAuthentication` of the OAuth2 credential, run by n8n before every request: DocSpace names the
 * portal a token is for in `aud` (docs/docspace/auth.md §3). A token for another portal is refused
 * before anything is sent, with both addresses named.
 */
export async function checkOAuthAudience(
	credentials: ICredentialDataDecryptedObject,
): Promise<IDataObject> {
	const claims = jwtClaims((credentials.oauthTokenData as IDataObject | undefined)?.access_token);
	const audience = [claims?.aud]
		.flat()
		.filter((value): value is string => typeof value === 'string');
	if (audience.length === 0) return {};
	const baseUrl = normalizeBaseUrl(credentials.baseUrl);
	const portals = audience.map((value) => value.replace(/\/+$/, '').toLowerCase());
	if (!portals.includes(baseUrl.toLowerCase())) {
		throw new DocSpaceSignInError(
			`The OAuth2 connection was made for the portal ${audience[0]}, not for the Base URL ${baseUrl}`,
			'Open the DocSpace OAuth2 credential, correct the Base URL to the portal you connected to (or connect again to this portal) and save it.',
		);
	}
	return {};
}
