import { DocSpaceEmulator, SEED_IDS } from './index';
import { call, roomLinksPath } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

describe('envelope and errors (§1.2, §2)', () => {
	it('wraps results in {response, count, links, status, statusCode} without null fields', async () => {
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 2 },
		});
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toContain('application/json');
		expect(answer.json).toMatchObject({ count: 1, status: 0, statusCode: 200 });
		expect(answer.json.links).toEqual([
			{ href: `${emulator.baseUrl}${roomLinksPath(SEED_IDS.customRoomId)}`, action: 'PUT' },
		]);
		expect(answer.json).not.toHaveProperty('total');
		expect(answer.text).not.toContain('null');
		expect(answer.json.response.sharedLink).not.toHaveProperty('password');
		expect(answer.json.response.sharedLink).not.toHaveProperty('expirationDate');
	});

	it('omits response when the action returns null (link deleted)', async () => {
		const created = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 2 },
		});
		const linkId = created.json.response.sharedLink.id;
		const deleted = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkId, linkType: 1, access: 0 },
		});
		expect(deleted.json).toEqual({
			count: 0,
			links: expect.any(Array),
			status: 0,
			statusCode: 200,
		});
	});

	it('answers 404 ItemNotFound with the error body of §2.2', async () => {
		const answer = await call(emulator, 'PUT', roomLinksPath('999'), {
			body: { linkType: 1, access: 2 },
		});
		expect(answer.status).toBe(404);
		expect(answer.json).toEqual({
			error: {
				message: 'The required folder was not found',
				type: expect.any(String),
				stack: expect.any(String),
				hresult: expect.any(Number),
			},
			status: 1,
			statusCode: 404,
		});
	});

	it('answers 403 "Access denied" for security errors and 403 with the message for InvalidOperation', async () => {
		const denied = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.publicRoomId), {
			authorization: SEED_IDS.janeToken,
			body: { linkType: 1, access: 2 },
		});
		expect(denied.status).toBe(403);
		expect(denied.json.error.message).toBe('Access denied');
		const role = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 9 },
		});
		expect(role.status).toBe(403);
		expect(role.json.error).toMatchObject({
			message: 'The role is not available for this user type',
			type: 'System.InvalidOperationException',
		});
	});

	it('answers 400 ArgumentException with the message', async () => {
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 2, password: 'short' },
		});
		expect(answer.status).toBe(400);
		expect(answer.json.error.type).toBe('System.ArgumentException');
		expect(answer.json.statusCode).toBe(400);
	});

	it('can answer 402 through an injected status (payment filters)', async () => {
		emulator.inject({
			path: roomLinksPath(SEED_IDS.customRoomId),
			kind: 'status',
			status: 402,
			body: { error: { message: 'Payment required' }, status: 1, statusCode: 402 },
		});
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 2 },
		});
		expect(answer.status).toBe(402);
		expect(answer.json.error.message).toBe('Payment required');
	});
});

describe('ProblemDetails for binding and validation failures (§2.3)', () => {
	const cases: Array<[string, Record<string, unknown> | string, string]> = [
		['title longer than 255', { linkType: 1, access: 2, title: 'x'.repeat(256) }, 'Title'],
		['maxUseCount above 1000', { linkType: 0, access: 2, maxUseCount: 1001 }, 'MaxUseCount'],
		['maxUseCount below 1', { linkType: 0, access: 2, maxUseCount: 0 }, 'MaxUseCount'],
		['password longer than 255', { linkType: 1, access: 2, password: 'p'.repeat(256) }, 'Password'],
		['malformed JSON', '{"linkType": 1, "access":', '$'],
		['a name string for linkType', { linkType: 'External', access: 2 }, '$.linkType'],
		['a string for a boolean', { linkType: 1, access: 2, denyDownload: 'true' }, '$.denyDownload'],
		[
			'an object for expirationDate',
			{ linkType: 1, access: 2, expirationDate: { utcTime: '2027-01-01T00:00:00Z' } },
			'$.expirationDate',
		],
		['an invalid uuid for linkId', { linkId: 'nope', linkType: 1, access: 2 }, '$.linkId'],
	];
	it.each(cases)('%s → 400 wrapped in the success envelope', async (_name, body, key) => {
		const rawBody = typeof body === 'string' ? body : JSON.stringify(body);
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), { rawBody });
		expect(answer.status).toBe(400);
		expect(answer.json).toMatchObject({
			status: 1,
			statusCode: 400,
			count: 1,
			links: expect.any(Array),
		});
		expect(answer.json.response).toMatchObject({
			title: 'One or more validation errors occurred.',
			status: 400,
			type: expect.stringContaining('rfc9110'),
		});
		expect(answer.json.response.errors[key]).toEqual([expect.any(String)]);
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(0);
	});

	it('reports sharingMessage over 255 characters', async () => {
		const answer = await call(emulator, 'PUT', `/api/2.0/files/file/${SEED_IDS.myDocxId}/share`, {
			body: { share: [{ shareTo: SEED_IDS.bobId, access: 2 }], sharingMessage: 'm'.repeat(256) },
		});
		expect(answer.status).toBe(400);
		expect(answer.json.response.errors.SharingMessage).toEqual([
			'The field SharingMessage must be a string with a maximum length of 255.',
		]);
	});

	it('reports a query count outside 1–100', async () => {
		for (const count of ['0', '101']) {
			const answer = await call(emulator, 'GET', `/api/2.0/files/rooms?count=${count}`);
			expect(answer.status).toBe(400);
			expect(answer.json.response.errors.Count).toEqual([
				'The field Count must be between 1 and 100.',
			]);
		}
	});
});

describe('enum and type binding (§1.3, §1.4)', () => {
	it.each([
		[2, 2],
		['2', 2],
		['Read', 2],
		['Editing', 10],
	])('accepts access %p as %p', async (access, expected) => {
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access },
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response.access).toBe(expected);
	});

	it.each(['read', 'Reader', true, { value: 2 }])(
		'silently turns access %p into None (0), deleting the link',
		async (access) => {
			const linkId = '4a4a4a4a-1111-4222-8333-444455556666';
			await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
				body: { linkId, linkType: 1, access: 2 },
			});
			const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
				body: { linkId, linkType: 1, access },
			});
			expect(answer.status).toBe(200);
			expect(answer.json).not.toHaveProperty('response');
			expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(0);
		},
	);

	it('reads a numeric string for linkType (AllowReadingFromString) and matches property names case-insensitively', async () => {
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { LinkType: '1', Access: 2, Title: 'Case' },
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response.sharedLink).toMatchObject({ linkType: 1, title: 'Case' });
	});

	it('ignores unknown properties', async () => {
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 2, roomLink: { x: 1 }, advancedSettings: {} },
		});
		expect(answer.status).toBe(200);
	});

	it('turns an unparseable expirationDate string into "no date"', async () => {
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 2, expirationDate: 'next tuesday' },
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response.sharedLink).not.toHaveProperty('expirationDate');
	});
});

describe('recording (rule 11)', () => {
	it('records every request with lower-cased headers, parsed body, query and status, including rejected ones', async () => {
		await call(emulator, 'PUT', `${roomLinksPath(SEED_IDS.customRoomId)}?x=1&x=2`, {
			body: { linkType: 1, access: 2 },
			headers: { 'X-Trace': 'abc' },
		});
		await call(emulator, 'GET', '/api/2.0/people/@self', { authorization: null });
		await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), { rawBody: 'not json' });
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.status]),
		).toEqual([
			['PUT', roomLinksPath(SEED_IDS.customRoomId), 200],
			['GET', '/api/2.0/people/@self', 401],
			['PUT', roomLinksPath(SEED_IDS.customRoomId), 400],
		]);
		const [first, , third] = emulator.requests;
		expect(first.query).toEqual({ x: ['1', '2'] });
		expect(first.headers['x-trace']).toBe('abc');
		expect(first.headers.authorization).toBe(`Bearer ${SEED_IDS.apiKey}`);
		expect(first.body).toEqual({ linkType: 1, access: 2 });
		expect(first.rawBody).toBe('{"linkType":1,"access":2}');
		expect(third.body).toBe('not json');
	});

	it('reset() forgets recorded requests and state', async () => {
		await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 2 },
		});
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(1);
		emulator.reset();
		expect(emulator.requests).toHaveLength(0);
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(0);
	});
});
