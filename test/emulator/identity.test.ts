import { createHash } from 'node:crypto';

import { DocSpaceEmulator, SEED_IDS } from './index';
import { EMULATOR_OAUTH_CLIENT } from './identity';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start({ rateLimits: false });
});
beforeEach(() => emulator.reset());
afterAll(async () => emulator.stop());

const login = (userName: string, password: string) =>
	call(emulator, 'POST', '/api/2.0/authentication', {
		authorization: null,
		body: { userName, password },
	});

const REDIRECT = EMULATOR_OAUTH_CLIENT.redirectUris[0];
const VERIFIER = 'a-code-verifier-of-enough-length-0123456789-abcdefghijklmnop';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

async function form(path: string, fields: Record<string, string>) {
	const response = await fetch(`${emulator.baseUrl}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	});
	const text = await response.text();
	return {
		status: response.status,
		location: response.headers.get('location') ?? '',
		text,
		json: text.startsWith('{') ? JSON.parse(text) : undefined,
	};
}

const authorizeFields = (overrides: Record<string, string> = {}) => ({
	response_type: 'code',
	client_id: EMULATOR_OAUTH_CLIENT.clientId,
	redirect_uri: REDIRECT,
	scope: 'rooms:write files:read',
	state: 'state-123',
	code_challenge: CHALLENGE,
	code_challenge_method: 'S256',
	...overrides,
});

async function authorizationCode(overrides: Record<string, string> = {}): Promise<string> {
	const answer = await form('/oauth2/authorize', {
		...authorizeFields(overrides),
		email: SEED_IDS.ownerEmail,
		password: SEED_IDS.ownerPassword,
		consent: 'allow',
	});
	expect(answer.status).toBe(302);
	const location = new URL(answer.location);
	expect(location.searchParams.get('state')).toBe('state-123');
	return location.searchParams.get('code') ?? '';
}

const clientFields = {
	client_id: EMULATOR_OAUTH_CLIENT.clientId,
	client_secret: EMULATOR_OAUTH_CLIENT.clientSecret,
};

async function tokens() {
	const code = await authorizationCode();
	const answer = await form('/oauth2/token', {
		grant_type: 'authorization_code',
		code,
		redirect_uri: REDIRECT,
		code_verifier: VERIFIER,
		...clientFields,
	});
	expect(answer.status).toBe(200);
	return answer.json as {
		access_token: string;
		refresh_token: string;
		expires_in: number;
		scope: string;
	};
}

describe('emulator: password login (POST api/2.0/authentication)', () => {
	it('returns a session token with its expiry that then authenticates requests', async () => {
		const answer = await login(SEED_IDS.ownerEmail, SEED_IDS.ownerPassword);
		expect(answer.status).toBe(200);
		expect(answer.json.response).toMatchObject({ sms: false, tfa: false });
		expect(Date.parse(answer.json.response.expires)).toBeGreaterThan(
			Date.now() + 300 * 24 * 3600_000,
		);
		const self = await call(emulator, 'GET', '/api/2.0/people/@self', {
			authorization: answer.json.response.token,
		});
		expect(self.status).toBe(200);
		expect(self.json.response.email).toBe(SEED_IDS.ownerEmail);
	});

	it('answers 401 without a token for a wrong password or an unknown user, and 403 once blocked', async () => {
		for (let attempt = 0; attempt < 5; attempt++) {
			const wrong = await login(SEED_IDS.ownerEmail, 'not-the-password');
			expect(wrong.status).toBe(401);
			expect(wrong.json).toEqual({
				error: { message: 'User authentication failed' },
				status: 1,
				statusCode: 401,
			});
		}
		// The sixth attempt in a minute is blocked, even with the right password (brute-force protection).
		const blocked = await login(SEED_IDS.ownerEmail, SEED_IDS.ownerPassword);
		expect(blocked.status).toBe(403);
		expect(blocked.json.response).toBeUndefined();
		expect((await login('nobody@example.com', 'x')).status).toBe(401);
		expect((await login('', '')).status).toBe(401);
	});

	it('asks for a second factor instead of issuing a token', async () => {
		emulator.identity.twoFactor.set(SEED_IDS.ownerId, 'app');
		const app = await login(SEED_IDS.ownerEmail, SEED_IDS.ownerPassword);
		expect(app.status).toBe(200);
		expect(app.json.response).toMatchObject({ tfa: true });
		expect(app.json.response.token).toBeUndefined();
		emulator.identity.twoFactor.set(SEED_IDS.ownerId, 'sms');
		const sms = await login(SEED_IDS.ownerEmail, SEED_IDS.ownerPassword);
		expect(sms.json.response).toMatchObject({ sms: true });
		expect(sms.json.response.token).toBeUndefined();
	});

	it('rejects an expired session token with an empty 401', async () => {
		const { token } = (await login(SEED_IDS.ownerEmail, SEED_IDS.ownerPassword)).json.response;
		emulator.identity.expireTokens();
		const answer = await call(emulator, 'GET', '/api/2.0/people/@self', { authorization: token });
		expect(answer.status).toBe(401);
		expect(answer.text).toBe('');
	});
});

describe('emulator: OAuth2 server', () => {
	it('shows a consent page naming the scopes, and refuses unknown clients, redirect URIs and scopes', async () => {
		const page = await fetch(
			`${emulator.baseUrl}/oauth2/authorize?${new URLSearchParams(authorizeFields())}`,
		);
		expect(page.status).toBe(200);
		const html = await page.text();
		expect(html).toContain('<li>rooms:write</li>');
		expect(html).toContain(`value="${CHALLENGE}"`);
		expect(
			(
				await fetch(
					`${emulator.baseUrl}/oauth2/authorize?${new URLSearchParams(authorizeFields({ client_id: 'other' }))}`,
				)
			).status,
		).toBe(400);
		expect(
			(
				await fetch(
					`${emulator.baseUrl}/oauth2/authorize?${new URLSearchParams(authorizeFields({ redirect_uri: 'http://evil.example/cb' }))}`,
				)
			).status,
		).toBe(400);
		const badScope = await form('/oauth2/authorize', {
			...authorizeFields({ scope: '*:write' }),
			email: SEED_IDS.ownerEmail,
			password: SEED_IDS.ownerPassword,
			consent: 'allow',
		});
		expect(new URL(badScope.location).searchParams.get('error')).toBe('invalid_scope');
	});

	it('redirects with access_denied when the user denies, and asks again after a wrong password', async () => {
		const denied = await form('/oauth2/authorize', { ...authorizeFields(), consent: 'deny' });
		expect(new URL(denied.location).searchParams.get('error')).toBe('access_denied');
		const wrong = await form('/oauth2/authorize', {
			...authorizeFields(),
			email: SEED_IDS.ownerEmail,
			password: 'nope',
			consent: 'allow',
		});
		expect(wrong.status).toBe(401);
		expect(wrong.text).toContain('Wrong email or password');
	});

	it('exchanges a code once, only with the right PKCE verifier, for a JWT whose aud is the portal', async () => {
		const code = await authorizationCode();
		const badVerifier = await form('/oauth2/token', {
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT,
			code_verifier: 'wrong',
			...clientFields,
		});
		expect(badVerifier.status).toBe(400);
		expect(badVerifier.json.error).toBe('invalid_grant');
		// The code is spent by the failed attempt, as a one-time code should be.
		const reused = await form('/oauth2/token', {
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT,
			code_verifier: VERIFIER,
			...clientFields,
		});
		expect(reused.json.error).toBe('invalid_grant');
		const issued = await tokens();
		expect(issued.expires_in).toBe(3600);
		expect(issued.scope).toBe('rooms:write files:read');
		const claims = JSON.parse(
			Buffer.from(issued.access_token.split('.')[1], 'base64url').toString('utf8'),
		);
		expect(claims).toMatchObject({
			aud: [emulator.baseUrl],
			iss: `${emulator.baseUrl}/oauth2`,
			sub: SEED_IDS.ownerId,
			scope: ['rooms:write', 'files:read'],
		});
	});

	it('refuses a wrong client secret at the token endpoint', async () => {
		const code = await authorizationCode();
		const answer = await form('/oauth2/token', {
			grant_type: 'authorization_code',
			code,
			redirect_uri: REDIRECT,
			code_verifier: VERIFIER,
			client_id: EMULATOR_OAUTH_CLIENT.clientId,
			client_secret: 'wrong',
		});
		expect(answer.status).toBe(401);
		expect(answer.json.error).toBe('invalid_client');
	});

	it('rotates the refresh token on every refresh: the old one is dead afterwards', async () => {
		const issued = await tokens();
		const refreshed = await form('/oauth2/token', {
			grant_type: 'refresh_token',
			refresh_token: issued.refresh_token,
			...clientFields,
		});
		expect(refreshed.status).toBe(200);
		expect(refreshed.json.refresh_token).not.toBe(issued.refresh_token);
		expect(refreshed.json.access_token).not.toBe(issued.access_token);
		const again = await form('/oauth2/token', {
			grant_type: 'refresh_token',
			refresh_token: issued.refresh_token,
			...clientFields,
		});
		expect(again.status).toBe(400);
		expect(again.json.error).toBe('invalid_grant');
		const next = await form('/oauth2/token', {
			grant_type: 'refresh_token',
			refresh_token: refreshed.json.refresh_token,
			...clientFields,
		});
		expect(next.status).toBe(200);
		expect(emulator.identity.refreshes).toBe(2);
	});

	it('authorises OAuth tokens per scope (empty 403 outside them) and rejects them once expired', async () => {
		const { access_token: token } = await tokens();
		const bearer = `Bearer ${token}`;
		expect(
			(await call(emulator, 'GET', '/api/2.0/files/rooms', { authorization: bearer })).status,
		).toBe(200);
		expect(
			(
				await call(emulator, 'GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}/share`, {
					authorization: bearer,
				})
			).status,
		).toBe(200);
		const people = await call(emulator, 'GET', '/api/2.0/people/filter', { authorization: bearer });
		expect(people.status).toBe(403);
		expect(people.text).toBe('');
		// OAuth tokens never carry *:read/*:write, so settings/* stays closed (webhooks included).
		expect(
			(
				await call(emulator, 'GET', '/api/2.0/settings/security/password', {
					authorization: bearer,
				})
			).status,
		).toBe(403);
		emulator.identity.expireTokens();
		const expired = await call(emulator, 'GET', '/api/2.0/files/rooms', { authorization: bearer });
		expect(expired.status).toBe(401);
	});
});
