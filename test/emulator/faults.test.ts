import { DocSpaceEmulator, SEED_IDS } from './index';
import { call, roomLinksPath } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const path = roomLinksPath(SEED_IDS.customRoomId);
const createLink = () => call(emulator, 'PUT', path, { body: { linkType: 1, access: 2 } });

describe('fault injection (rule 9)', () => {
	it('latency delays the answer', async () => {
		emulator.inject({ path, kind: 'latency', ms: 150 });
		const started = Date.now();
		expect((await createLink()).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('reset destroys the socket before processing', async () => {
		emulator.inject({ path, kind: 'reset' });
		await expect(createLink()).rejects.toThrow();
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(0);
		expect(emulator.requests[0]).toMatchObject({
			path,
			status: 0,
			body: { linkType: 1, access: 2 },
		});
	});

	it('reset with afterProcessing: the request takes effect, the answer is lost', async () => {
		emulator.inject({ path, kind: 'reset', afterProcessing: true });
		await expect(createLink()).rejects.toThrow();
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(1);
		expect(emulator.requests[0].status).toBe(0);
	});

	it('timeout never answers (the socket stays open until reset)', async () => {
		emulator.inject({ path, kind: 'timeout' });
		const hanging = fetch(`${emulator.baseUrl}${path}`, {
			method: 'PUT',
			headers: { Authorization: `Bearer ${SEED_IDS.apiKey}`, 'Content-Type': 'application/json' },
			body: '{"linkType":1,"access":2}',
			signal: AbortSignal.timeout(200),
		});
		await expect(hanging).rejects.toThrow();
		expect(emulator.requests[0].status).toBe(0);
		emulator.reset();
		expect((await createLink()).status).toBe(200);
	});

	it('html502 answers an nginx HTML page', async () => {
		emulator.inject({ path, method: 'PUT', kind: 'html502' });
		const answer = await createLink();
		expect(answer.status).toBe(502);
		expect(answer.headers.get('content-type')).toBe('text/html');
		expect(answer.text).toContain('<center>nginx</center>');
	});

	it('malformedJson answers 200 with a truncated JSON body', async () => {
		emulator.inject({ path, kind: 'malformedJson', afterProcessing: true });
		const answer = await createLink();
		expect(answer.status).toBe(200);
		expect(answer.headers.get('content-type')).toContain('application/json');
		expect(() => JSON.parse(answer.text)).toThrow();
		expect(answer.text.startsWith('{"response":')).toBe(true);
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(1);
	});

	it('status answers a canned response with headers', async () => {
		emulator.inject({ path, kind: 'status', status: 429, headers: { 'Retry-After': '2' } });
		emulator.inject({
			path,
			kind: 'status',
			status: 503,
			body: 'Service Unavailable',
			headers: { 'Content-Type': 'text/plain' },
		});
		const first = await createLink();
		expect([first.status, first.headers.get('retry-after'), first.text]).toEqual([429, '2', '']);
		const second = await createLink();
		expect([second.status, second.text]).toEqual([503, 'Service Unavailable']);
		expect((await createLink()).status).toBe(200);
	});

	it('counts down times, matches method and RegExp paths, supports Infinity', async () => {
		emulator.inject({
			path: /\/rooms\/\d+\/links$/,
			method: 'PUT',
			kind: 'status',
			status: 503,
			times: 2,
		});
		expect((await call(emulator, 'GET', path)).status).toBe(200);
		expect((await createLink()).status).toBe(503);
		expect((await createLink()).status).toBe(503);
		expect((await createLink()).status).toBe(200);
		emulator.inject({ path, kind: 'html502', times: Infinity });
		for (let n = 0; n < 5; n++) expect((await createLink()).status).toBe(502);
		emulator.reset();
		expect((await createLink()).status).toBe(200);
	});

	it('faults apply after authentication: a 401 does not consume them', async () => {
		emulator.inject({ path, kind: 'html502' });
		const unauthorized = await call(emulator, 'PUT', path, {
			authorization: null,
			body: { linkType: 1, access: 2 },
		});
		expect(unauthorized.status).toBe(401);
		expect((await createLink()).status).toBe(502);
		expect(emulator.requests.map((request) => request.status)).toEqual([401, 502]);
	});
});
