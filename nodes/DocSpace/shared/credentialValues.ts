import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

/** What a user may paste as the portal address, reduced to `https://host[:port][/path]`. */
export function normalizeBaseUrl(raw: unknown): string {
	const trimmed = String(raw ?? '').trim();
	const withoutSuffix = trimmed.replace(/\/+$/, '').replace(/\/api\/2\.0$/i, '').replace(/\/+$/, '');
	let url: URL | undefined;
	try {
		url = new URL(withoutSuffix);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
		throw new Error(
			`The Base URL "${trimmed}" in your DocSpace credential is not a web address. ` +
				'Enter the address of your portal as you open it in the browser, e.g. https://yourportal.onlyoffice.com',
		);
	}
	return withoutSuffix;
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

const JWT_PATTERN = /^[\w-]+\.[\w-]+\.[\w-]*$/;

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
		throw new Error('The Auth Key in your DocSpace credential is empty. Paste an API key (sk-…) or a personal access token.');
	}
	return { baseUrl: normalizeBaseUrl(credentials.baseUrl), authKey };
}
