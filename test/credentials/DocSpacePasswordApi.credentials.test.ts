import { testCredential } from '../harness/credentialTest';
import { SEED_IDS, roomLinkSet, run, useEmulator } from '../harness/docspace';
import { passwordCredentialType } from '../harness/engine';
import { passwordCredentialsFor } from '../harness/signIn';

const ctx = useEmulator({ rateLimits: false });

const setLink = () => roomLinkSet({ authentication: 'password', title: 'Password sign-in' });
const logins = () =>
	ctx.emulator.requests.filter((request) => request.path === '/api/2.0/authentication');

describe('User and Password credential on the engine', () => {
	it('signs in once, stores the session and sends it as DocSpace documents it', async () => {
		const { emulator } = ctx;
		const credentials = passwordCredentialsFor(emulator);
		const result = await run(emulator, setLink(), { credentials, items: [{}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(3);
		expect(logins()).toHaveLength(1);
		expect(logins()[0].body).toEqual({
			userName: SEED_IDS.ownerEmail,
			password: SEED_IDS.ownerPassword,
		});
		const token = String(credentials.sessionToken).split('|').pop();
		expect(token).toBeTruthy();
		const linkRequests = emulator.requests.filter((request) => request.method === 'PUT');
		expect(linkRequests.map((request) => request.headers.authorization)).toEqual([
			token,
			token,
			token,
		]);
		// A second execution reuses the stored session: no new sign-in.
		await run(emulator, setLink(), { credentials });
		expect(logins()).toHaveLength(1);
	});

	it('signs in again once when the session expired, and repeats the requests', async () => {
		const { emulator } = ctx;
		const credentials = passwordCredentialsFor(emulator);
		await run(emulator, setLink(), { credentials });
		const firstSession = credentials.sessionToken;
		emulator.identity.expireTokens();
		emulator.requests.length = 0;
		const result = await run(emulator, setLink(), { credentials, items: [{}, {}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(logins()).toHaveLength(1);
		expect(credentials.sessionToken).not.toBe(firstSession);
		expect(
			emulator.requests.filter((request) => request.method === 'PUT' && request.status === 200),
		).toHaveLength(4);
	});

	it('signs in anew when the password in the credential changed, instead of using the old session', async () => {
		const { emulator } = ctx;
		const credentials = passwordCredentialsFor(emulator);
		await run(emulator, setLink(), { credentials });
		credentials.password = 'changed-but-wrong';
		const result = await run(emulator, setLink(), { credentials });
		expect(result.error?.message).toBe(
			'DocSpace did not accept the email or password of the credential [item 0]',
		);
	});

	it('explains a wrong password without showing it, and tries only once for all items', async () => {
		const { emulator } = ctx;
		const credentials = passwordCredentialsFor(emulator, 'wrong-password-123');
		const result = await run(emulator, setLink(), {
			credentials,
			items: [{}, {}, {}],
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error)).toEqual([
			'DocSpace did not accept the email or password of the credential [item 0]',
			'DocSpace did not accept the email or password of the credential [item 1]',
			'DocSpace did not accept the email or password of the credential [item 2]',
		]);
		expect(logins()).toHaveLength(1);
		expect(emulator.requests.filter((request) => request.method === 'PUT')).toHaveLength(0);
		expect(JSON.stringify(result.run)).not.toContain('wrong-password-123');
	});

	it('says the account is blocked after too many failed sign-ins', async () => {
		const { emulator } = ctx;
		for (let attempt = 0; attempt < 5; attempt++)
			emulator.identity.recordFailure(SEED_IDS.ownerEmail);
		const result = await run(emulator, setLink(), {
			credentials: passwordCredentialsFor(emulator),
		});
		expect(result.error?.message).toBe(
			'DocSpace has blocked signing in to this account for now: too many failed attempts [item 0]',
		);
		expect(result.error?.description).toMatch(/Wait a minute/);
	});

	it.each([
		['app' as const, /authenticator app/],
		['sms' as const, /code by SMS/],
	])(
		'tells a two-factor (%s) account which credential type to use instead',
		async (kind, detail) => {
			const { emulator } = ctx;
			emulator.identity.twoFactor.set(SEED_IDS.ownerId, kind);
			const result = await run(emulator, setLink(), {
				credentials: passwordCredentialsFor(emulator),
			});
			expect(result.error?.message).toMatch(/signs in with two-factor authentication/);
			expect(result.error?.message).toMatch(detail);
			expect(result.error?.description).toMatch(/API Key or Personal Token.*OAuth2/);
			expect(emulator.requests.filter((request) => request.method === 'PUT')).toHaveLength(0);
		},
	);

	it('Test button: succeeds with the right password and explains a wrong one', async () => {
		const { emulator } = ctx;
		expect(await testCredential(passwordCredentialsFor(emulator), passwordCredentialType)).toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		const wrong = await testCredential(
			passwordCredentialsFor(emulator, 'not-it-at-all'),
			passwordCredentialType,
		);
		expect(wrong).toEqual({
			status: 'Error',
			message: 'DocSpace did not accept the email or password of the credential',
		});
	});
});
