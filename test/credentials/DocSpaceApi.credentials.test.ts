import { testCredential } from '../harness/credentialTest';
import { SEED_IDS, credentialsFor, roomLinkSet, run, useEmulator } from '../harness/docspace';

const ctx = useEmulator();

/** A harmless read through the node: File: Share on a bad recipient is refused before sending, so use Room Link: Set. */
const setLinkParameters = () => roomLinkSet({ title: 'Credential check' });

describe('DocSpace credential: authentication on the engine', () => {
	it.each([
		['an API key', SEED_IDS.apiKey, `Bearer ${SEED_IDS.apiKey}`],
		['an API key pasted with "Bearer "', `Bearer ${SEED_IDS.apiKey}`, `Bearer ${SEED_IDS.apiKey}`],
		['an API key with spaces around it', `  ${SEED_IDS.apiKey}\n`, `Bearer ${SEED_IDS.apiKey}`],
		['a personal access token (header form)', SEED_IDS.token, SEED_IDS.token],
		['a token pasted with "Bearer "', `Bearer ${SEED_IDS.token}`, SEED_IDS.token],
		[
			'a token copied as the asc_auth_key cookie',
			`asc_auth_key=${SEED_IDS.token};`,
			SEED_IDS.token,
		],
		['an OAuth access token (JWT)', SEED_IDS.jwt, `Bearer ${SEED_IDS.jwt}`],
	])('authenticates %s', async (_name, authKey, expectedHeader) => {
		const { emulator } = ctx;
		const result = await run(emulator, setLinkParameters(), {
			credentials: credentialsFor(emulator, authKey),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		// The room is read once (nodes/DocSpace/shared/entryChecks.ts), then the link is set.
		expect(emulator.requests.map((request) => request.method)).toEqual(['GET', 'PUT']);
		for (const request of emulator.requests) {
			expect(request.headers.authorization).toBe(expectedHeader);
			expect(request.status).toBe(200);
		}
	});

	it.each([
		['a trailing slash', (url: string) => `${url}/`],
		['an /api/2.0 suffix', (url: string) => `${url}/api/2.0/`],
		['surrounding whitespace', (url: string) => `  ${url}  `],
	])('normalises a base URL with %s', async (_name, variant) => {
		const { emulator } = ctx;
		const result = await run(emulator, setLinkParameters(), {
			credentials: { baseUrl: variant(emulator.baseUrl), authKey: SEED_IDS.apiKey },
		});
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => request.path)).toEqual([
			`/api/2.0/files/rooms/${SEED_IDS.customRoomId}`,
			`/api/2.0/files/rooms/${SEED_IDS.customRoomId}/links`,
		]);
	});

	it('refuses a base URL that is not an http(s) address, before sending anything', async () => {
		const { emulator } = ctx;
		for (const baseUrl of ['ftp://portal.example.com', 'not a url', '']) {
			const result = await run(emulator, setLinkParameters(), {
				credentials: { baseUrl, authKey: SEED_IDS.apiKey },
			});
			expect(result.error?.message).toMatch(/Base URL .* is not a web address/);
		}
		expect(emulator.requests).toHaveLength(0);
	});

	it('explains a wrong key without showing it', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, setLinkParameters(), {
			credentials: credentialsFor(emulator, 'sk-wrong-key-123'),
		});
		expect(result.error?.message).toMatch(/did not accept the credential \(401/);
		expect(result.error?.description).toMatch(/Developer Tools → API keys/);
		expect(JSON.stringify(result.run)).not.toContain('sk-wrong-key-123');
	});

	it('names the missing permission of a scoped key', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, setLinkParameters(), {
			credentials: credentialsFor(emulator, SEED_IDS.filesOnlyApiKey),
		});
		expect(result.error?.message).toMatch(/missing permission rooms:write/);
	});
});

describe('DocSpace credential: the "Test" button', () => {
	it.each([
		['a full API key', SEED_IDS.apiKey],
		['an API key limited to rooms (no accounts.self:read)', SEED_IDS.roomsOnlyApiKey],
		['an API key limited to files', SEED_IDS.filesOnlyApiKey],
		['an API key with "Bearer "', `Bearer ${SEED_IDS.roomsOnlyApiKey}`],
		['a personal access token', SEED_IDS.token],
		['a token in cookie form', `asc_auth_key=${SEED_IDS.token}`],
	])('succeeds for %s', async (_name, authKey) => {
		const { emulator } = ctx;
		await expect(testCredential(credentialsFor(emulator, authKey))).resolves.toEqual({
			status: 'OK',
			message: 'Connection tested successfully',
		});
		expect(emulator.requests.every((request) => request.status === 200)).toBe(true);
	});

	it.each([
		['a wrong API key', 'sk-not-a-real-key'],
		['an expired API key', SEED_IDS.expiredApiKey],
		['a wrong token', 'not-a-valid-session-token'],
	])('fails with what to fix for %s', async (_name, authKey) => {
		const { emulator } = ctx;
		const result = await testCredential(credentialsFor(emulator, authKey));
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/did not accept the API key or token.*create a new API key/i);
	});

	it('completes a base URL typed without https://, in the Test too', async () => {
		const { emulator } = ctx;
		const result = await testCredential({
			baseUrl: emulator.baseUrl.replace(/^http:\/\//, ''),
			authKey: SEED_IDS.apiKey,
		});
		// https:// is added: the Test goes out (to an emulator that speaks plain HTTP) instead of
		// being refused as "not a web address".
		expect(result.status).toBe('Error');
		expect(result.message).not.toMatch(/not a web address/);
	});

	it('says the base URL is not an address', async () => {
		const result = await testCredential({ baseUrl: 'not a url', authKey: SEED_IDS.apiKey });
		expect(result).toMatchObject({ status: 'Error' });
		expect(result.message).toMatch(
			/^The Base URL in your DocSpace credential is not a web address/,
		);
	});

	it('works with the base URL variants', async () => {
		const { emulator } = ctx;
		for (const baseUrl of [
			`${emulator.baseUrl}/`,
			`${emulator.baseUrl}/api/2.0`,
			` ${emulator.baseUrl} `,
		]) {
			await expect(testCredential({ baseUrl, authKey: SEED_IDS.apiKey })).resolves.toMatchObject({
				status: 'OK',
			});
		}
	});
});
