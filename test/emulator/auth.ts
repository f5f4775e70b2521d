// Authentication scheme selection (docs/docspace/api.md §6.1) and API-key / OAuth scope checks (§6.3).

import type { PortalState } from './state';
import type { SeedApiKey } from './types';

export type CredentialKind = 'cookie' | 'basic' | 'jwt' | 'apiKey';

export interface Principal {
	userId: string;
	kind: CredentialKind;
	/** Scopes of API keys and JWTs; undefined = no scope restriction (cookie/session, Basic). */
	scopes?: string[];
	apiKey?: SeedApiKey;
}

export type AuthenticationResult =
	| { outcome: 'authenticated'; principal: Principal }
	| { outcome: 'anonymous' }
	/** Credentials were sent but rejected; `basicChallenge` adds `WWW-Authenticate: Basic`. */
	| { outcome: 'failed'; basicChallenge: boolean };

const FAILED: AuthenticationResult = { outcome: 'failed', basicChallenge: false };

function looksLikeJwt(token: string): boolean {
	const parts = token.split('.');
	if (parts.length !== 3 || parts.some((part) => !/^[A-Za-z0-9_-]+$/.test(part))) return false;
	try {
		const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString('utf8'));
		return typeof header === 'object' && header !== null && 'alg' in header;
	} catch {
		return false;
	}
}

function readCookie(cookieHeader: string | undefined, name: string): string | undefined {
	for (const pair of (cookieHeader ?? '').split(';')) {
		const [key, ...rest] = pair.trim().split('=');
		if (key === name) return decodeURIComponent(rest.join('='));
	}
	return undefined;
}

function isActiveUser(state: PortalState, userId: string): boolean {
	return state.users.get(userId)?.status === 1;
}

function sessionPrincipal(state: PortalState, token: string | undefined): AuthenticationResult {
	const userId = token ? state.sessionTokens.get(token) : undefined;
	if (userId === undefined || !isActiveUser(state, userId) || state.identity.isExpired(token ?? ''))
		return FAILED;
	return { outcome: 'authenticated', principal: { userId, kind: 'cookie' } };
}

function basicPrincipal(state: PortalState, encoded: string): AuthenticationResult {
	const decoded = Buffer.from(encoded.trim(), 'base64').toString('utf8');
	const separator = decoded.indexOf(':');
	const user = separator > 0 ? state.findUserByEmail(decoded.slice(0, separator)) : undefined;
	if (
		!user ||
		user.password === undefined ||
		user.password !== decoded.slice(separator + 1) ||
		user.status !== 1
	) {
		return { outcome: 'failed', basicChallenge: true };
	}
	return { outcome: 'authenticated', principal: { userId: user.id, kind: 'basic' } };
}

function apiKeyPrincipal(state: PortalState, token: string): AuthenticationResult {
	const apiKey = state.apiKeys.get(token);
	if (
		!apiKey ||
		(apiKey.expiresAt && Date.parse(apiKey.expiresAt) <= Date.now()) ||
		!isActiveUser(state, apiKey.userId)
	)
		return FAILED;
	// §6.3: a key created with "*" or with no list gets *:write.
	const scopes =
		apiKey.permissions.length === 0 || apiKey.permissions.includes('*')
			? ['*:write']
			: apiKey.permissions;
	return {
		outcome: 'authenticated',
		principal: { userId: apiKey.userId, kind: 'apiKey', scopes, apiKey },
	};
}

function jwtPrincipal(state: PortalState, token: string): AuthenticationResult {
	const jwt = state.jwts.get(token);
	if (!jwt || !isActiveUser(state, jwt.userId) || state.identity.isExpired(token)) return FAILED;
	return {
		outcome: 'authenticated',
		principal: { userId: jwt.userId, kind: 'jwt', scopes: jwt.scopes },
	};
}

/** ForwardDefaultSelector of BaseStartup (§6.1). */
export function authenticate(
	state: PortalState,
	headers: Record<string, string>,
): AuthenticationResult {
	const authorization = headers['authorization'];
	const cookie = readCookie(headers['cookie'], 'asc_auth_key');
	if (authorization === undefined) {
		return cookie === undefined ? { outcome: 'anonymous' } : sessionPrincipal(state, cookie);
	}
	if (authorization.startsWith('Basic ')) return basicPrincipal(state, authorization.slice(6));
	if (authorization.startsWith('Bearer ')) {
		const token = authorization.slice(7);
		if (looksLikeJwt(token)) return jwtPrincipal(state, token);
		if (token.startsWith('sk-')) return apiKeyPrincipal(state, token);
	}
	// Cookie handler: the cookie, or else the raw Authorization value minus a leading "Bearer ".
	// A raw "sk-…" value without Bearer lands here and fails (§6.2).
	return sessionPrincipal(state, cookie ?? authorization.replace(/^Bearer /, ''));
}

/**
 * Scopes that satisfy a route (AuthorizationExtension route table, §6.3); `null` = no scope needed.
 * An empty list means only the global scopes (*:read / *:write) match.
 */
export function requiredScopes(method: string, path: string): string[] | null {
	// filehandler.ashx and ChunkedUploader.ashx are middleware, not API actions: no scope check (docs/docspace/files.md §5).
	if (!/^\/api\/2\.0\//.test(path)) return null;
	const route = path.replace(/^\/api\/2\.0\//, '').toLowerCase();
	const isRead = method === 'GET';
	const area = (name: string) => (isRead ? [`${name}:read`, `${name}:write`] : [`${name}:write`]);
	if (route === 'keys/@self' || route.startsWith('keys/@self/')) return null;
	if (route.startsWith('files/rooms')) return area('rooms');
	if (route.startsWith('files')) return area('files');
	if (route === 'people/@self' && isRead) return area('accounts.self');
	// Reading groups takes accounts:read itself: accounts:write alone is refused (docs/docspace/people.md §5).
	if (route.startsWith('group') && isRead) return ['accounts:read'];
	if (route.startsWith('people') || route.startsWith('group')) return area('accounts');
	return [];
}

export function hasScope(principal: Principal, method: string, path: string): boolean {
	if (principal.scopes === undefined) return true;
	const required = requiredScopes(method, path);
	if (required === null) return true;
	const granted = principal.scopes;
	if (granted.includes('*:write') || (method === 'GET' && granted.includes('*:read'))) return true;
	return required.some((scope) => granted.includes(scope));
}
