import type { IAuthenticateRuleResponseCode, ICredentialDataDecryptedObject } from 'n8n-workflow';

const JWT_PATTERN = /^[\w-]+\.[\w-]+\.[\w-]*$/;

function looksLikeSecret(segment: string): boolean {
	let text = segment;
	try {
		text = decodeURIComponent(segment);
	} catch {
		text = segment;
	}
	return (
		/^(bearer\s|sk-|asc_auth_key)/i.test(text) ||
		(JWT_PATTERN.test(text) && text.length > 30) ||
		/^[\w+/=-]{40,}$/.test(text)
	);
}

/**
 * `yourportal.onlyoffice.com` → `https://yourportal.onlyoffice.com`; an address with `://` is kept.
 * The declared expressions over the Base URL do the same without a regular expression (n8n runs
 * each one in a sandbox with a time limit).
 */
export function withScheme(address: string): string {
	return address === '' || address.includes('://') ? address : `https://${address}`;
}

/**
 * What a user may paste as the portal address, reduced to `https://host[:port][/path]`
 * (docs/docspace/transport.md §1). An address carrying a user name, a query or a fragment is
 * refused: a key pasted there would otherwise travel in every URL the node builds and shows, and
 * `http://a@b` would send the key to host b. The refusal never repeats what was pasted.
 */
// Every request normalises the credential's Base URL (several times); the last answer is kept.
let lastNormalized: { raw: string; url: string } | undefined;

export function normalizeBaseUrl(raw: unknown): string {
	if (typeof raw === 'string' && lastNormalized?.raw === raw) return lastNormalized.url;
	const url = checkedBaseUrl(raw);
	if (typeof raw === 'string') lastNormalized = { raw, url };
	return url;
}

function checkedBaseUrl(raw: unknown): string {
	// An address typed without its scheme (yourportal.onlyoffice.com) is completed, as a browser does.
	const trimmed = withScheme(String(raw ?? '').trim());
	const withoutSuffix = trimmed
		.replace(/\/+$/, '')
		.replace(/\/api\/2\.0$/i, '')
		.replace(/\/+$/, '');
	let url: URL | undefined;
	try {
		url = new URL(withoutSuffix);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
		throw new Error(
			'The Base URL in your DocSpace credential is not a web address. ' +
				'Enter the address of your portal as you open it in the browser, e.g. https://yourportal.onlyoffice.com',
		);
	}
	if (
		url.username ||
		url.password ||
		/@/.test(trimmed.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? '')
	) {
		throw new Error(
			'The Base URL in your DocSpace credential contains a user name or password before the host (…@host). ' +
				'Remove it: enter only the portal address, e.g. https://yourportal.onlyoffice.com, and put the key into API Key or Token.',
		);
	}
	if (url.search || url.hash || /[?#]/.test(withoutSuffix)) {
		throw new Error(
			'The Base URL in your DocSpace credential contains a query (?…) or a fragment (#…). ' +
				'Enter only the portal address, e.g. https://yourportal.onlyoffice.com; keys belong in API Key or Token, never in the address.',
		);
	}
	const path = url.pathname.replace(/\/+$/, '');
	if (path.split('/').some(looksLikeSecret)) {
		throw new Error(
			'The Base URL in your DocSpace credential contains something that looks like a key in its path. ' +
				'Enter only the portal address, e.g. https://yourportal.onlyoffice.com, and put the key into API Key or Token.',
		);
	}
	return `${url.protocol}//${url.host}${path}`;
}

/**
 * The key as DocSpace expects it, whatever form the user pasted: a leading `Bearer `, or the
 * whole cookie `asc_auth_key=…;` copied from the browser, is removed.
 */
export function normalizeAuthKey(raw: unknown): string {
	return String(raw ?? '')
		.trim()
		.replace(/^bearer\s+/i, '')
		.replace(/^asc_auth_key=/i, '')
		.replace(/;\s*$/, '')
		.trim();
}

/**
 * DocSpace picks the authentication handler from the Authorization header (docs/docspace/api.md §6.1):
 * `Bearer sk-…` → API key, `Bearer <JWT>` → OAuth token; any other value goes to the cookie
 * handler, which accepts a raw personal access token / session token. `Bearer <token>` would
 * also reach it, but the raw form is the one DocSpace documents.
 */
export function authorizationHeaderFor(authKey: string): string {
	return authKey.startsWith('sk-') || JWT_PATTERN.test(authKey) ? `Bearer ${authKey}` : authKey;
}

export function docSpaceCredentialValues(credentials: ICredentialDataDecryptedObject) {
	const authKey = normalizeAuthKey(credentials.authKey);
	if (!authKey) {
		throw new Error(
			'The API Key or Token in your DocSpace credential is empty. Paste an API key (sk-…) or a personal access token.',
		);
	}
	return { baseUrl: normalizeBaseUrl(credentials.baseUrl), authKey };
}

/**
 * The credential Test's rules for redirects: DocSpace's API never redirects, and the Test does not
 * follow one, so the user is told to enter the address the portal ends up at.
 */
export function redirectRules(sent: 'key' | 'session'): IAuthenticateRuleResponseCode[] {
	return [301, 302, 303, 307, 308].map((value) => ({
		type: 'responseCode',
		properties: {
			value,
			message: `The Base URL answered with a redirect; DocSpace's API does not redirect, so the ${sent} was not sent on. Open the Base URL in a browser and enter the portal address it ends up at (e.g. https://yourportal.onlyoffice.com).`,
		},
	}));
}
