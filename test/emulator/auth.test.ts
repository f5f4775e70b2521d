import { DocSpaceEmulator, SEED_IDS } from './index';
import { call, fileSharePath, roomLinksPath } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const basic = (email: string, password: string) =>
	`Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
const self = '/api/2.0/people/@self';

describe('authentication scheme selection (§6.1)', () => {
	it.each([
		['API key with Bearer', `Bearer ${SEED_IDS.apiKey}`],
		['raw session token', SEED_IDS.token],
		['Bearer session token (non-JWT, non-sk)', `Bearer ${SEED_IDS.token}`],
		['JWT', `Bearer ${SEED_IDS.jwt}`],
		['Basic', basic(SEED_IDS.ownerEmail, SEED_IDS.ownerPassword)],
	])('accepts %s', async (_name, authorization) => {
		const answer = await call(emulator, 'GET', self, { authorization });
		expect(answer.status).toBe(200);
		expect(answer.json.response).toMatchObject({
			id: SEED_IDS.ownerId,
			displayName: 'Olivia Owner',
			email: SEED_IDS.ownerEmail,
		});
	});

	it('accepts the asc_auth_key cookie when there is no Authorization header', async () => {
		const answer = await call(emulator, 'GET', self, {
			authorization: null,
			headers: { Cookie: `other=1; asc_auth_key=${SEED_IDS.janeToken}` },
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response.id).toBe(SEED_IDS.janeId);
	});

	it('prefers the cookie over the Authorization value on the cookie path', async () => {
		const answer = await call(emulator, 'GET', self, {
			authorization: 'garbage-token',
			headers: { Cookie: `asc_auth_key=${SEED_IDS.janeToken}` },
		});
		expect(answer.json.response.id).toBe(SEED_IDS.janeId);
	});

	it.each([
		['no credentials', null],
		['raw sk- key without Bearer (cookie path)', SEED_IDS.apiKey],
		['unknown API key', 'Bearer sk-unknown-000'],
		['expired API key', `Bearer ${SEED_IDS.expiredApiKey}`],
		['unknown session token', 'Bearer not-a-real-token'],
		['unseeded JWT', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'],
	])('answers 401 with an empty body for %s', async (_name, authorization) => {
		const answer = await call(emulator, 'GET', self, { authorization });
		expect(answer.status).toBe(401);
		expect(answer.text).toBe('');
		expect(answer.headers.get('www-authenticate')).toBeNull();
	});

	it('adds WWW-Authenticate: Basic for failed Basic credentials', async () => {
		const answer = await call(emulator, 'GET', self, {
			authorization: basic(SEED_IDS.ownerEmail, 'wrong'),
		});
		expect(answer.status).toBe(401);
		expect(answer.text).toBe('');
		expect(answer.headers.get('www-authenticate')).toBe('Basic');
	});

	it('GET authentication is anonymous-allowed: true when authenticated, false otherwise', async () => {
		expect((await call(emulator, 'GET', '/api/2.0/authentication')).json.response).toBe(true);
		expect(
			(await call(emulator, 'GET', '/api/2.0/authentication', { authorization: null })).json
				.response,
		).toBe(false);
	});
});

describe('scopes of API keys and JWTs (§6.3)', () => {
	it('rooms-only key: room link write allowed, file share and people/@self are an empty 403', async () => {
		const authorization = `Bearer ${SEED_IDS.roomsOnlyApiKey}`;
		expect(
			(
				await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
					authorization,
					body: { linkType: 1, access: 2 },
				})
			).status,
		).toBe(200);
		for (const [method, path, body] of [
			['PUT', fileSharePath(SEED_IDS.myDocxId), { share: [] }],
			['GET', self, undefined],
			['GET', '/api/2.0/authentication', undefined],
			['GET', '/api/2.0/people', undefined],
		] as const) {
			const answer = await call(emulator, method, path, { authorization, body });
			expect([path, answer.status, answer.text]).toEqual([path, 403, '']);
		}
	});

	it('files-only key: file share allowed, rooms forbidden', async () => {
		const authorization = `Bearer ${SEED_IDS.filesOnlyApiKey}`;
		expect(
			(
				await call(emulator, 'PUT', fileSharePath(SEED_IDS.myDocxId), {
					authorization,
					body: { share: [] },
				})
			).status,
		).toBe(200);
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}`, { authorization }))
				.status,
		).toBe(200);
		expect((await call(emulator, 'GET', '/api/2.0/files/rooms', { authorization })).status).toBe(
			403,
		);
	});

	it('keys/@self needs no scope and describes the key', async () => {
		const answer = await call(emulator, 'GET', '/api/2.0/keys/@self', {
			authorization: `Bearer ${SEED_IDS.roomsOnlyApiKey}`,
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response).toMatchObject({
			name: 'Rooms only',
			permissions: ['rooms:read', 'rooms:write'],
			isActive: true,
		});
		expect(answer.json.response.key).toMatch(/^sk-\*\*\*/);
	});

	it('JWT scopes: rooms:write, files:write, accounts.self:read, accounts:read', async () => {
		const authorization = `Bearer ${SEED_IDS.jwt}`;
		expect((await call(emulator, 'GET', self, { authorization })).status).toBe(200);
		expect((await call(emulator, 'GET', '/api/2.0/people', { authorization })).status).toBe(200);
		expect((await call(emulator, 'GET', '/api/2.0/files/rooms', { authorization })).status).toBe(
			200,
		);
		expect(
			(
				await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
					authorization,
					body: { linkType: 1, access: 2 },
				})
			).status,
		).toBe(200);
		const global = await call(emulator, 'GET', '/api/2.0/authentication', { authorization });
		expect([global.status, global.text]).toEqual([403, '']);
	});

	it('session tokens and Basic are not scope-restricted', async () => {
		expect(
			(
				await call(emulator, 'GET', '/api/2.0/settings/security/password', {
					authorization: SEED_IDS.token,
				})
			).status,
		).toBe(200);
		expect(
			(
				await call(emulator, 'GET', '/api/2.0/authentication', {
					authorization: basic(SEED_IDS.ownerEmail, SEED_IDS.ownerPassword),
				})
			).status,
		).toBe(200);
	});
});
