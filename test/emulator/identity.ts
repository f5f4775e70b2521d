// Sign-in state of the emulated portal: password logins with 2FA and brute-force blocking, session
// token lifetimes, and DocSpace's OAuth2 server (clients, codes with PKCE, rotating refresh tokens).
// Behaviour as in docs/docspace/auth.md.

import { createHash, randomBytes, randomUUID } from 'node:crypto';

export const OAUTH_SCOPES = [
	'files:read',
	'files:write',
	'rooms:read',
	'rooms:write',
	'accounts:read',
	'accounts:write',
	'accounts.self:read',
	'accounts.self:write',
];

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
	scopes: string[];
	allowPkce: boolean;
}

interface AuthorizationCode {
	clientId: string;
	userId: string;
	scopes: string[];
	redirectUri: string;
	challenge?: string;
	challengeMethod?: string;
	expiresAt: number;
}

interface RefreshGrant {
	clientId: string;
	userId: string;
	scopes: string[];
	active: boolean;
	expiresAt: number;
}

export const EMULATOR_OAUTH_CLIENT: OAuthClient = {
	clientId: 'emu-n8n-client-0001',
	clientSecret: 'emu-n8n-secret-0001',
	redirectUris: ['http://localhost:5678/rest/oauth2-credential/callback'],
	scopes: [...OAUTH_SCOPES],
	allowPkce: true,
};

/** DocSpace's defaults: 5 failures per 60 s block the login for 60 s; tokens as in RegisteredClientConfigurationProperties. */
export const LOGIN_ATTEMPTS = { maxFailures: 5, windowMs: 60_000 };
export const TOKEN_LIFETIMES = {
	sessionMs: 365 * 24 * 3600_000,
	accessTokenMs: 3600_000,
	codeMs: 60_000,
	refreshMs: 60 * 24 * 3600_000,
};

function base64url(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function pkceChallenge(verifier: string, method: string | undefined): string {
	return method === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
}

export class IdentityState {
	readonly clients = new Map<string, OAuthClient>([
		[
			EMULATOR_OAUTH_CLIENT.clientId,
			{ ...EMULATOR_OAUTH_CLIENT, redirectUris: [...EMULATOR_OAUTH_CLIENT.redirectUris] },
		],
	]);
	/** Users (by id) whose sign-in asks for a second factor. */
	readonly twoFactor = new Map<string, 'app' | 'sms'>();
	readonly lifetimes = { ...TOKEN_LIFETIMES };
	/** Expiry (epoch ms) of session tokens issued by the login; seeded tokens never expire. */
	readonly sessionExpiry = new Map<string, number>();
	/** Expiry (epoch ms) of issued OAuth access tokens. */
	readonly accessTokenExpiry = new Map<string, number>();
	readonly codes = new Map<string, AuthorizationCode>();
	readonly refreshTokens = new Map<string, RefreshGrant>();
	/** Failed logins per user name (timestamps), for the brute-force block. */
	private readonly failures = new Map<string, number[]>();
	logins = 0;
	refreshes = 0;

	isBlocked(userName: string, now = Date.now()): boolean {
		const recent = (this.failures.get(userName.toLowerCase()) ?? []).filter(
			(at) => now - at < LOGIN_ATTEMPTS.windowMs,
		);
		this.failures.set(userName.toLowerCase(), recent);
		return recent.length >= LOGIN_ATTEMPTS.maxFailures;
	}

	recordFailure(userName: string): void {
		const key = userName.toLowerCase();
		this.failures.set(key, [...(this.failures.get(key) ?? []), Date.now()]);
	}

	isExpired(token: string): boolean {
		const expiresAt = this.sessionExpiry.get(token) ?? this.accessTokenExpiry.get(token);
		return expiresAt !== undefined && expiresAt <= Date.now();
	}

	/** Makes every issued session and access token expired, as if their lifetime had passed. */
	expireTokens(): void {
		for (const token of this.sessionExpiry.keys()) this.sessionExpiry.set(token, Date.now() - 1);
		for (const token of this.accessTokenExpiry.keys())
			this.accessTokenExpiry.set(token, Date.now() - 1);
	}

	issueSession(): { token: string; expiresAt: number } {
		const token = randomBytes(48).toString('base64');
		const expiresAt = Date.now() + this.lifetimes.sessionMs;
		this.sessionExpiry.set(token, expiresAt);
		this.logins++;
		return { token, expiresAt };
	}

	issueCode(code: Omit<AuthorizationCode, 'expiresAt'>): string {
		const value = randomBytes(24).toString('base64url');
		this.codes.set(value, { ...code, expiresAt: Date.now() + this.lifetimes.codeMs });
		return value;
	}

	/** An ES256-looking JWT with DocSpace's claims (aud = the portal); the signature is not checked. */
	issueAccessToken(
		portalUrl: string,
		grant: { clientId: string; userId: string; scopes: string[] },
	) {
		const now = Math.floor(Date.now() / 1000);
		const expiresIn = Math.max(1, Math.round(this.lifetimes.accessTokenMs / 1000));
		const claims = {
			sub: grant.userId,
			aud: [portalUrl],
			iss: `${portalUrl}/oauth2`,
			cid: grant.clientId,
			tid: 1,
			scope: grant.scopes,
			iat: now,
			nbf: now,
			exp: now + expiresIn,
			jti: randomUUID(),
		};
		const token = `${base64url({ alg: 'ES256', typ: 'JWT', kid: 'emulator' })}.${base64url(claims)}.${randomBytes(32).toString('base64url')}`;
		this.accessTokenExpiry.set(token, Date.now() + this.lifetimes.accessTokenMs);
		const refreshToken = randomBytes(32).toString('base64url');
		this.refreshTokens.set(refreshToken, {
			...grant,
			active: true,
			expiresAt: Date.now() + this.lifetimes.refreshMs,
		});
		return { token, refreshToken, expiresIn };
	}
}
