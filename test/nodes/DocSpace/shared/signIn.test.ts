import { Readable } from 'stream';

import type { IHttpRequestHelper, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	checkOAuthAudience,
	sessionFingerprint,
	sessionFromLogin,
	signInWithPassword,
	usableSessionToken,
} from '../../../../nodes/DocSpace/shared/signIn';

const answer = (statusCode: number, body: unknown): IN8nHttpFullResponse => ({
	statusCode,
	body: body as IN8nHttpFullResponse['body'],
	headers: {},
});
const NOW = Date.parse('2026-11-23T12:00:00Z');
const credentials = {
	baseUrl: 'https://portal.example.com/',
	userName: 'a@example.com',
	password: 'secret-pass',
};
const fingerprint = sessionFingerprint(
	'https://portal.example.com',
	'a@example.com',
	'secret-pass',
);

describe("password sign-in: reading DocSpace's answer", () => {
	it("stores the token with its expiry and this credential's fingerprint; a session-only token is kept an hour", () => {
		const stored = sessionFromLogin(
			answer(200, {
				response: { token: 'tok', expires: '2027-11-23T12:00:00.0000000Z', tfa: false, sms: false },
			}),
			fingerprint,
			NOW,
		);
		expect(stored).toBe(`${fingerprint}|${Date.parse('2027-11-23T12:00:00Z')}|tok`);
		const session = sessionFromLogin(
			answer(200, { response: { token: 'tok', expires: '0001-01-01T00:00:00' } }),
			fingerprint,
			NOW,
		);
		expect(session).toBe(`${fingerprint}|${NOW + 3600_000}|tok`);
	});

	it('uses a stored session only for the same address, email and password, and before it expires', () => {
		const sessionToken = `${fingerprint}|${NOW + 1000}|tok`;
		expect(usableSessionToken({ ...credentials, sessionToken }, NOW)).toBe('tok');
		expect(
			usableSessionToken({ ...credentials, sessionToken, password: 'other' }, NOW),
		).toBeUndefined();
		expect(
			usableSessionToken({ ...credentials, sessionToken, userName: 'b@example.com' }, NOW),
		).toBeUndefined();
		expect(usableSessionToken({ ...credentials, sessionToken }, NOW + 1000)).toBeUndefined();
		expect(usableSessionToken({ ...credentials, sessionToken: '' }, NOW)).toBeUndefined();
	});

	it.each([
		[
			answer(401, { error: { message: 'User authentication failed' } }),
			/did not accept the email or password/,
		],
		[answer(403, { error: { message: 'User disabled' } }), /is disabled/],
		[answer(403, { error: { message: 'Too many login attempts' } }), /blocked signing in/],
		[
			answer(200, { response: { tfa: true, confirmUrl: 'x' } }),
			/two-factor authentication \(an authenticator app\)/,
		],
		[
			answer(200, { response: { sms: true, confirmUrl: 'x' } }),
			/two-factor authentication \(a code by SMS\)/,
		],
		[answer(200, { response: {} }), /without a token/],
		[answer(500, ''), /refused the sign-in \(status 500\)/],
	])('explains a failed sign-in (%#)', (response, message) => {
		expect(() => sessionFromLogin(response, fingerprint, NOW)).toThrow(message);
	});
});

describe('password sign-in: the request', () => {
	const signIn = async (reply: IN8nHttpFullResponse) => {
		const sent: IHttpRequestOptions[] = [];
		const helper = {
			helpers: { httpRequest: async (options: IHttpRequestOptions) => (sent.push(options), reply) },
		} as unknown as IHttpRequestHelper;
		const outcome = await signInWithPassword
			.call(helper, credentials)
			.catch((error: Error) => error);
		return { sent, outcome };
	};

	it('follows the request policy (no redirect, deadline) and reads the streamed answer', async () => {
		const body = Readable.from([
			Buffer.from(
				JSON.stringify({
					response: { token: 'tok', expires: '2099-01-01T00:00:00Z' },
					status: 0,
					statusCode: 200,
				}),
			),
		]);
		const { sent, outcome } = await signIn({
			statusCode: 200,
			headers: {},
			body: body as unknown as IN8nHttpFullResponse['body'],
		});
		expect(sent[0]).toMatchObject({
			method: 'POST',
			disableFollowRedirect: true,
			maxRedirects: 0,
			encoding: 'stream',
			ignoreHttpStatusErrors: true,
		});
		expect(sent[0].timeout).toBeGreaterThan(0);
		expect(
			String((outcome as { sessionToken?: string }).sessionToken)
				.split('|')
				.pop(),
		).toBe('tok');
	});

	it('does not follow a redirect of the sign-in, and names where it pointed without its query', async () => {
		const { outcome } = await signIn({
			statusCode: 307,
			headers: { Location: 'https://elsewhere.example.com/login?next=secret-pass' },
			body: undefined as unknown as IN8nHttpFullResponse['body'],
		});
		expect((outcome as Error).message).toMatch(
			/redirect to https:\/\/elsewhere\.example\.com\/login, which was not followed/,
		);
		expect(JSON.stringify(outcome)).not.toContain('secret-pass');
		expect((outcome as Error).message).not.toContain('secret-pass');
	});
});

describe("OAuth2: the token's portal (aud) against the Base URL", () => {
	const jwt = (aud: unknown) =>
		`e30.${Buffer.from(JSON.stringify({ aud })).toString('base64url')}.sig`;
	it('accepts the same portal (any trailing slash or case), refuses another one', async () => {
		await expect(
			checkOAuthAudience({
				baseUrl: 'https://Portal.example.com/',
				oauthTokenData: { access_token: jwt(['https://portal.example.com']) },
			}),
		).resolves.toEqual({});
		await expect(
			checkOAuthAudience({
				baseUrl: 'https://other.example.com',
				oauthTokenData: { access_token: jwt(['https://portal.example.com']) },
			}),
		).rejects.toThrow(
			'The OAuth2 connection was made for the portal https://portal.example.com, not for the Base URL https://other.example.com',
		);
		// Not a JWT, or no aud: nothing to compare, DocSpace decides.
		await expect(
			checkOAuthAudience({
				baseUrl: 'https://x.example.com',
				oauthTokenData: { access_token: 'opaque' },
			}),
		).resolves.toEqual({});
	});
});
