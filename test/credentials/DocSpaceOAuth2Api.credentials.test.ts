import type { IDataObject } from 'n8n-workflow';

import { SEED_IDS, byId, roomLinkSet, run, useEmulator } from '../harness/docspace';
import { oauth2CredentialType } from '../harness/engine';
import { listSearch } from '../harness/loadOptionsContext';
import { connectOAuth, oauthCredentialsFor } from '../harness/signIn';

const ctx = useEmulator({ rateLimits: false });

const setLink = () => roomLinkSet({ authentication: 'oAuth2', title: 'OAuth2' });
const getRoom = () => ({
	authentication: 'oAuth2',
	resource: 'room',
	operation: 'get',
	room: byId('id', SEED_IDS.customRoomId),
});
const tokenRequests = () =>
	ctx.emulator.requests.filter((request) => request.path === '/oauth2/token');

describe('OAuth2 credential on the engine', () => {
	it('sends the access token as a Bearer JWT', async () => {
		const { emulator } = ctx;
		const tokens = await connectOAuth(emulator);
		emulator.requests.length = 0;
		const result = await run(emulator, setLink(), {
			credentials: oauthCredentialsFor(emulator, tokens),
		});
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => request.method)).toEqual(['GET', 'PUT']);
		for (const request of emulator.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${tokens.access_token}`);
		}
	});

	it('refreshes an expired token once for parallel items and stores the rotated refresh token', async () => {
		const { emulator } = ctx;
		const tokens = await connectOAuth(emulator);
		const credentials = oauthCredentialsFor(emulator, tokens);
		emulator.identity.expireTokens();
		emulator.requests.length = 0;
		const result = await run(emulator, getRoom(), { credentials, items: [{}, {}, {}, {}, {}] });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(5);
		expect(
			emulator.requests
				.filter((request) => request.path.endsWith(`/rooms/${SEED_IDS.customRoomId}`))
				.map((request) => request.status)
				.sort(),
		).toEqual([200, 200, 200, 200, 200, 401, 401, 401, 401, 401]);
		expect(tokenRequests()).toHaveLength(1);
		expect(tokenRequests()[0].rawBody).toContain('grant_type=refresh_token');
		expect(tokenRequests()[0].rawBody).toContain(`client_secret=${credentials.clientSecret}`);
		const stored = credentials.oauthTokenData as IDataObject;
		expect(stored.refresh_token).not.toBe(tokens.refresh_token);
		expect(stored.access_token).not.toBe(tokens.access_token);
		// The next expiry is renewed with the stored (rotated) refresh token: the old one is dead.
		emulator.identity.expireTokens();
		const again = await run(emulator, setLink(), { credentials });
		expect(again.error).toBeUndefined();
		expect(emulator.identity.refreshes).toBe(2);
	});

	it('asks to reconnect when the refresh token no longer works', async () => {
		const { emulator } = ctx;
		const tokens = await connectOAuth(emulator);
		const credentials = oauthCredentialsFor(emulator, {
			...tokens,
			refresh_token: 'revoked-refresh-token',
		});
		emulator.identity.expireTokens();
		emulator.requests.length = 0;
		const result = await run(emulator, setLink(), {
			credentials,
			items: [{}, {}],
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error)).toEqual([
			'The OAuth2 connection to DocSpace has expired or was revoked [item 0]',
			'The OAuth2 connection to DocSpace has expired or was revoked [item 1]',
		]);
		expect(tokenRequests()).toHaveLength(1);
	});

	it('names the missing scope of a token limited to some scopes, like a scoped API key', async () => {
		const { emulator } = ctx;
		const tokens = await connectOAuth(emulator, 'files:write');
		const result = await run(emulator, setLink(), {
			credentials: oauthCredentialsFor(emulator, tokens, 'files:write'),
		});
		expect(result.error?.message).toBe(
			'The OAuth2 connection is not allowed to Room Link: Set (missing scope rooms:write) [item 0]',
		);
		expect(result.error?.description).toMatch(
			/Add rooms:write to Scope in the DocSpace OAuth2 credential/,
		);
	});

	it('refuses a token issued for another portal before sending anything', async () => {
		const { emulator } = ctx;
		const tokens = await connectOAuth(emulator);
		const credentials = { ...oauthCredentialsFor(emulator, tokens), baseUrl: 'http://127.0.0.1:1' };
		emulator.requests.length = 0;
		const result = await run(emulator, setLink(), { credentials });
		expect(result.error?.message).toBe(
			`The OAuth2 connection was made for the portal ${emulator.baseUrl}, not for the Base URL http://127.0.0.1:1 [item 0]`,
		);
		expect(emulator.requests).toHaveLength(0);
	});

	it('fills the pickers with the OAuth2 credential', async () => {
		const { emulator } = ctx;
		const credentials = oauthCredentialsFor(emulator, await connectOAuth(emulator));
		const rooms = await listSearch(credentials, 'searchRooms', undefined, undefined, {
			authentication: 'oAuth2',
		});
		expect(rooms.results.map((room) => room.value)).toContain(SEED_IDS.customRoomId);
	});

	it('declares authorization code with PKCE against the portal, secret in the body, and default scopes for every operation', () => {
		const defaults = Object.fromEntries(
			oauth2CredentialType.properties.map((property) => [property.name, property.default]),
		);
		expect(oauth2CredentialType.extends).toEqual(['oAuth2Api']);
		expect(defaults).toMatchObject({
			grantType: 'pkce',
			authentication: 'body',
			scope: 'rooms:write files:write accounts:read accounts.self:read',
		});
		expect(String(defaults.authUrl)).toMatch(
			/^=\{\{ \(\(String\(\$self\["baseUrl"\]\).*\}\}\/oauth2\/authorize$/,
		);
		expect(String(defaults.accessTokenUrl)).toMatch(/\}\}\/oauth2\/token$/);
	});

	it('runs a Room picker-backed operation by ID with OAuth2', async () => {
		const { emulator } = ctx;
		const credentials = oauthCredentialsFor(emulator, await connectOAuth(emulator));
		const result = await run(
			emulator,
			{
				authentication: 'oAuth2',
				resource: 'room',
				operation: 'get',
				room: byId('id', SEED_IDS.customRoomId),
			},
			{ credentials },
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.url).toContain(emulator.baseUrl);
	});
});
