/**
 * Hostile and broken portals on n8n's engine (issue 11): redirects, answers that are not
 * DocSpace's, echoed secrets, stalls, trickles, oversized answers, endless paging, and bounds
 * set by expressions. Nothing leaves the portal, nothing passes for a success, nothing runs unbounded.
 */
import type { IDataObject, IPairedItemData } from 'n8n-workflow';

import { testCredential } from '../../../harness/credentialTest';
import {
	SEED_IDS,
	fileShare,
	roomLinkSet,
	run,
	useEmulator,
	writes,
} from '../../../harness/docspace';
import { type HostilePortal, envelope, startHostilePortal, trickle } from './hostilePortal';

const ctx = useEmulator({ latencyMs: 5 });
const KEY = SEED_IDS.apiKey;
const PASSWORD = 'Leak#Check42';

let portal: HostilePortal;
let elsewhere: HostilePortal;
beforeAll(async () => {
	portal = await startHostilePortal({ answerEntryReads: true });
	elsewhere = await startHostilePortal();
});
afterAll(async () => {
	await portal.stop();
	await elsewhere.stop();
});

const credentials = () => ({ credentials: { baseUrl: portal.baseUrl, authKey: KEY } });
const withPassword = (overrides: IDataObject = {}) =>
	roomLinkSet({ password: PASSWORD, ...overrides });

/** What n8n keeps of a run, but the node's own parameters (where the user typed the password). */
function expectNoSecrets(value: unknown): void {
	const text = JSON.stringify(value, (key, item: unknown) =>
		key === 'node' || key === 'nodeExecutionStack' ? undefined : item,
	);
	expect(text).not.toContain(KEY);
	expect(text).not.toContain(PASSWORD);
}

describe('redirects: no credential leaves the portal', () => {
	it.each([301, 302, 307, 308])(
		'a %i is not followed and names where it pointed',
		async (status) => {
			elsewhere.handle((_request, response) => response.end(envelope({ sharedLink: { id: 'x' } })));
			portal.handle((_request, response) => {
				response.writeHead(status, {
					Location: `${elsewhere.baseUrl}/api/2.0/files/rooms/101/links?key=${KEY}`,
				});
				response.end();
			});
			const result = await run(ctx.emulator, withPassword(), credentials());
			expect(elsewhere.requests).toHaveLength(0);
			expect(portal.requests).toHaveLength(1);
			expect(result.items).toHaveLength(0);
			expect(result.error?.message).toBe(
				`The DocSpace address redirected the request for room 101 to ${elsewhere.baseUrl}/api/2.0/files/rooms/101/links (${status}) [item 0]`,
			);
			expect(result.error?.description).toMatch(
				/did not follow it and sent nothing to the other address/,
			);
			expectNoSecrets(result.run);
		},
	);

	it('the credential Test does not follow a redirect either', async () => {
		portal.handle((_request, response) => {
			response.writeHead(302, { Location: `${elsewhere.baseUrl}/api/2.0/keys/@self` });
			response.end();
		});
		elsewhere.handle((_request, response) => response.end(envelope({ id: 'k' })));
		const outcome = await testCredential({ baseUrl: portal.baseUrl, authKey: KEY });
		expect(outcome.status).toBe('Error');
		expect(outcome.message).toMatch(/redirect/i);
		expect(elsewhere.requests).toHaveLength(0);
	});
});

describe("answers that are not DocSpace's never pass for a success", () => {
	const cases: Array<[string, (response: import('node:http').ServerResponse) => void, RegExp]> = [
		[
			'an HTML page (captive portal, a room address as Base URL)',
			(response) => {
				response.writeHead(200, { 'Content-Type': 'text/html' });
				response.end(`<html><body><h1>Sign in</h1><p>token=${KEY}</p></body></html>`);
			},
			/is not DocSpace's \(not JSON; text\/html: "<html><body><h1>Sign in<\/h1><p>token="\[redacted\]"/,
		],
		[
			'an empty 200',
			(response) => response.end(),
			/is not DocSpace's \(an empty answer; no content type, empty\)/,
		],
		[
			'a 204',
			(response) => {
				response.writeHead(204);
				response.end();
			},
			/is not DocSpace's \(an empty answer/,
		],
		[
			'{}',
			(response) => {
				response.writeHead(200, { 'Content-Type': 'application/json' });
				response.end('{}');
			},
			/is not DocSpace's \(JSON without DocSpace's envelope; application\/json: "\{\}"\)/,
		],
		[
			'an envelope without the link',
			(response) => {
				response.writeHead(200, { 'Content-Type': 'application/json' });
				response.end(JSON.stringify({ count: 0, status: 0, statusCode: 200 }));
			},
			/DocSpace's envelope with no object in its "response"/,
		],
	];

	it.each(cases)(
		'Room Link: Set on %s is an item error naming what came back',
		async (_name, answer, message) => {
			portal.handle((_request, response) => answer(response));
			const result = await run(ctx.emulator, withPassword(), {
				...credentials(),
				items: [{}, {}],
				continueOnFail: true,
			});
			expect(result.items).toHaveLength(2);
			expect(result.items.map((item) => (item.pairedItem as IPairedItemData).item)).toEqual([0, 1]);
			expect(String(result.items[0].json.error)).toMatch(message);
			expect(String(result.items[1].json.error)).toMatch(/\[item 1\]$/);
			expectNoSecrets(result.run);
		},
	);

	it('File: Share on {} is an error, not "recipient not active"', async () => {
		portal.handle((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end('{}');
		});
		const result = await run(ctx.emulator, fileShare(), credentials());
		expect(result.items).toHaveLength(0);
		expect(result.error?.message).toMatch(/The answer for file \d+ is not DocSpace's/);
	});

	it('the credential Test fails on an HTML page', async () => {
		portal.handle((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'text/html' });
			response.end('<html><body>Welcome</body></html>');
		});
		const outcome = await testCredential({ baseUrl: portal.baseUrl, authKey: KEY });
		expect(outcome).toEqual({
			status: 'Error',
			message: expect.stringMatching(/not with DocSpace's API/),
		});
	});
});

describe('server text is redacted', () => {
	const echo =
		(status: number) =>
		(
			request: { headers: IDataObject; body: string },
			response: import('node:http').ServerResponse,
		) => {
			response.writeHead(status, { 'Content-Type': 'application/json' });
			const text = `Bad request. Authorization: ${String(request.headers.authorization)}; body ${request.body}`;
			response.end(JSON.stringify({ error: { message: text }, status: 1, statusCode: status }));
		};

	it.each([400, 403, 500])(
		'a %i echoing the request shows neither the key nor the link password',
		async (status) => {
			portal.handle((request, response) => echo(status)(request as never, response));
			const result = await run(
				ctx.emulator,
				withPassword({ options: { maxRetries: 0 } }),
				credentials(),
			);
			expect(portal.requests[0].body).toContain(PASSWORD);
			expect(result.error?.message).toMatch(/\[item 0\]$/);
			expect(`${result.error?.message} ${result.error?.description}`).toMatch(/\[redacted\]/);
			expectNoSecrets(result.run);
		},
	);
});

describe('bounds', () => {
	it('a body trickling a byte at a time stops at the Timeout, with a message saying so', async () => {
		portal.handle((_request, response) =>
			trickle(response, envelope({ sharedLink: { id: 'x' } }), 200),
		);
		const started = Date.now();
		const result = await run(
			ctx.emulator,
			withPassword({ options: { timeoutSeconds: 1 } }),
			credentials(),
		);
		expect(Date.now() - started).toBeLessThan(4000);
		expect(result.error?.message).toBe(
			"DocSpace's answer for room 101 did not arrive in full within 1 s [item 0]",
		);
		expect(result.error?.description).toMatch(/Timeout \(Seconds\)/);
		expect(result.error?.description).toMatch(/creates another link/);
	});

	it('a portal that never answers stops at the Timeout', async () => {
		portal.handle(() => undefined);
		const started = Date.now();
		const result = await run(
			ctx.emulator,
			roomLinkSet({
				link: 'createOrUpdate',
				linkId: SEED_IDS.fullRoomInvitationLinkId,
				options: { timeoutSeconds: 1 },
			}),
			credentials(),
		);
		expect(portal.requests).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(4000);
		expect(result.error?.message).toMatch(
			/^DocSpace did not answer in time for room 101.* \[item 0\]$/,
		);
		expect(result.error?.description).toMatch(/running it again is safe/);
	});

	it('an answer above Max Response Size stops with a clear error', async () => {
		const big = envelope(
			Array.from({ length: 30_000 }, (_, n) => ({ id: `user-${n}`, displayName: 'x'.repeat(40) })),
		);
		portal.handle((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(big);
		});
		const result = await run(
			ctx.emulator,
			{ resource: 'user', operation: 'getAll', returnAll: true, options: { maxResponseMb: 1 } },
			credentials(),
		);
		expect(big.length).toBeGreaterThan(1024 * 1024);
		expect(result.error?.message).toBe(
			"DocSpace's answer for the users list is larger than 1 MB, the node's limit [item 0]",
		);
	});

	it('Return All against a portal that ignores startIndex stops at the repeated page', async () => {
		const page = Array.from({ length: 100 }, (_, n) => ({
			id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
			displayName: `User ${n}`,
		}));
		portal.handle((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(envelope(page));
		});
		const result = await run(
			ctx.emulator,
			{ resource: 'user', operation: 'getAll', returnAll: true },
			credentials(),
		);
		expect(portal.requests).toHaveLength(2);
		expect(result.error?.message).toBe(
			'DocSpace sent the same page twice for the users list: the portal ignores paging [item 0]',
		);
	});

	it('Remove Sharing from everyone against a portal that ignores startIndex: stops, removes nothing', async () => {
		const page = Array.from({ length: 100 }, (_, n) => ({
			access: 2,
			subjectType: 0,
			sharedToUser: { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` },
		}));
		portal.handle((_request, response) => {
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(envelope(page));
		});
		const result = await run(
			ctx.emulator,
			{
				resource: 'file',
				operation: 'removeSharing',
				file: { __rl: true, mode: 'id', value: '201' },
				removeFrom: 'everyone',
			},
			credentials(),
		);
		expect(result.error?.message).toBe(
			'DocSpace sent the same page twice: the portal ignores paging, so the node stopped reading [item 0]',
		);
		expect(portal.requests.map((request) => request.method)).toEqual(['GET', 'GET']);
	});

	it("Return All stops at DocSpace's total", async () => {
		const page = (start: number) =>
			Array.from({ length: 100 }, (_, n) => ({
				id: `00000000-0000-4000-8000-${String(start + n).padStart(12, '0')}`,
				displayName: 'U',
			}));
		portal.handle((request, response) => {
			const start = Number(new URL(request.url, portal.baseUrl).searchParams.get('startIndex'));
			response.writeHead(200, { 'Content-Type': 'application/json' });
			response.end(envelope(page(start), { total: 200 }));
		});
		const result = await run(
			ctx.emulator,
			{ resource: 'user', operation: 'getAll', returnAll: true },
			credentials(),
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(200);
		expect(portal.requests).toHaveLength(2);
	});

	it("Max Parallel Writes from an expression is clamped to DocSpace's 15", async () => {
		const { emulator } = ctx;
		emulator.configure({ latencyMs: 20 });
		const items = Array.from({ length: 60 }, () => ({ parallel: 100 }));
		const result = await run(
			emulator,
			fileShare({ options: { maxParallelWrites: '={{ $json.parallel }}', maxRetries: 0 } }),
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(60);
		expect(emulator.stats.rejected429).toBe(0);
		expect(emulator.stats.maxConcurrentWrites).toBeLessThanOrEqual(15);
	});

	it('Max Retry Wait bounds the waiting between retries', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: /\/links$/,
			kind: 'status',
			status: 429,
			headers: { 'Retry-After': '2' },
			times: Infinity,
		});
		const started = Date.now();
		const result = await run(emulator, roomLinkSet({ options: { maxRetryWaitSeconds: 1 } }));
		expect(Date.now() - started).toBeLessThan(1500);
		expect(writes(emulator)).toHaveLength(1);
		expect(result.error?.message).toMatch(/too many requests \(429\) \[item 0\]/);
		expect(result.error?.description).toMatch(/Max Parallel Writes/);
	});

	it('a refused connection is retried (nothing was sent) and keeps the item number', async () => {
		const result = await run(ctx.emulator, roomLinkSet({ options: { maxRetries: 2 } }), {
			credentials: { baseUrl: 'http://127.0.0.1:9', authKey: KEY },
		});
		expect(result.error?.message).toBe(
			'Could not reach DocSpace for room 101: the portal address did not answer [item 0]',
		);
		expect(result.error?.description).toMatch(/tried 3 times/);
	});

	it('repeated connection resets keep our message and the item number', async () => {
		const { emulator } = ctx;
		emulator.inject({ path: /\/links$/, kind: 'reset', times: Infinity });
		const result = await run(
			emulator,
			roomLinkSet({
				link: 'createOrUpdate',
				linkId: SEED_IDS.fullRoomInvitationLinkId,
				options: { maxRetries: 2 },
			}),
		);
		expect(result.error?.message).toBe(
			'The connection to DocSpace broke for Client Projects (room 101) (connection reset) [item 0]',
		);
	});
});

describe('Base URL', () => {
	it.each([
		['a user name (userinfo)', (url: string) => url.replace('http://', `http://${KEY}@`)],
		['a query', (url: string) => `${url}/?key=${KEY}`],
		['a fragment', (url: string) => `${url}#${KEY}`],
		['a key in its path', (url: string) => `${url}/${KEY}`],
	])('with %s is refused before anything is sent, without repeating it', async (_name, variant) => {
		const { emulator } = ctx;
		const result = await run(emulator, roomLinkSet(), {
			credentials: { baseUrl: variant(emulator.baseUrl), authKey: 'sk-other-key-0000' },
		});
		expect(result.error?.message).toMatch(/Base URL in your DocSpace credential/);
		expect(emulator.requests).toHaveLength(0);
		expectNoSecrets(result.run);
	});

	it('http://a@b would go to b: refused', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, roomLinkSet(), {
			credentials: { baseUrl: `http://example.com@${emulator.baseUrl.slice(7)}`, authKey: KEY },
		});
		expect(result.error?.message).toMatch(/user name or password before the host/);
		expect(emulator.requests).toHaveLength(0);
	});
});

describe('Update an Existing Link never creates one', () => {
	const unknownId = '5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b';

	it('Room Link: Set refuses an ID the room does not have, before anything changes', async () => {
		const { emulator } = ctx;
		const before = emulator.roomLinks(SEED_IDS.customRoomId).length;
		const result = await run(emulator, roomLinkSet({ link: 'update', linkId: unknownId }));
		expect(result.error?.message).toBe(
			`Link ID: room ${SEED_IDS.customRoomId} has no link ${unknownId} [item 0]`,
		);
		expect(result.error?.description).toMatch(/Create or Update by ID/);
		expect(writes(emulator)).toHaveLength(0);
		expect(emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /api/2.0/files/rooms/${SEED_IDS.customRoomId}/links`,
		]);
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(before);
	});

	it('Room Link: Set updates a link the room has', async () => {
		const { emulator } = ctx;
		const created = await run(emulator, roomLinkSet({ title: 'First' }));
		const linkId = String(created.items[0].json.linkId);
		const result = await run(emulator, roomLinkSet({ link: 'update', linkId, title: 'Renamed' }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ linkId, title: 'Renamed' });
	});

	it('Create or Update by ID creates the link under the given ID when missing', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			roomLinkSet({ link: 'createOrUpdate', linkId: unknownId, title: 'Upserted' }),
		);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ linkId: unknownId, title: 'Upserted' });
		expect((writes(emulator)[0].body as IDataObject).linkId).toBe(unknownId);
	});

	it('File Link: Set refuses an unknown ID too', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'fileLink',
			operation: 'set',
			file: { __rl: true, mode: 'id', value: SEED_IDS.myDocxId },
			link: 'update',
			linkId: unknownId,
			fileLinkAccess: 2,
		});
		expect(result.error?.message).toBe(
			`Link ID: file ${SEED_IDS.myDocxId} has no link ${unknownId} [item 0]`,
		);
		expect(writes(emulator)).toHaveLength(0);
	});
});

describe('secret-leak sweep: every failure path, whole runs serialised', () => {
	const modes: Array<
		[
			string,
			(
				request: { headers: IDataObject; body: string },
				response: import('node:http').ServerResponse,
			) => void,
		]
	> = [
		[
			'redirect',
			(_q, r) => {
				r.writeHead(307, { Location: `http://127.0.0.1:9/x?key=${KEY}` });
				r.end();
			},
		],
		[
			'html',
			(q, r) => {
				r.writeHead(200, { 'Content-Type': 'text/html' });
				r.end(`<html>${String(q.headers.authorization)} ${q.body}</html>`);
			},
		],
		[
			'echo 400',
			(q, r) => {
				r.writeHead(400, { 'Content-Type': 'application/json' });
				r.end(
					JSON.stringify({
						error: { message: `${String(q.headers.authorization)} ${q.body}` },
						status: 1,
						statusCode: 400,
					}),
				);
			},
		],
		[
			'echo 500 text',
			(q, r) => {
				r.writeHead(500, { 'Content-Type': 'text/plain' });
				r.end(`${String(q.headers.authorization)} ${q.body}`);
			},
		],
		[
			'echo 200 envelope without link',
			(q, r) => {
				r.writeHead(200, { 'Content-Type': 'application/json' });
				r.end(
					JSON.stringify({
						status: 0,
						statusCode: 200,
						echo: `${String(q.headers.authorization)} ${q.body}`,
					}),
				);
			},
		],
		[
			'malformed JSON echo',
			(q, r) => {
				r.writeHead(200, { 'Content-Type': 'application/json' });
				r.end(`{"response": "${String(q.headers.authorization)} ${q.body.replace(/"/g, '')}`);
			},
		],
		['reset', (_q, r) => r.socket?.destroy()],
	];

	it.each(modes)('%s', async (_name, mode) => {
		portal.handle((request, response) => mode(request as never, response));
		for (const continueOnFail of [false, true]) {
			const result = await run(
				ctx.emulator,
				withPassword({ options: { maxRetries: 1, maxRetryWaitSeconds: 1 } }),
				{ ...credentials(), continueOnFail, items: [{}, {}] },
			);
			expect(result.items.length + (result.error ? 1 : 0)).toBeGreaterThan(0);
			expectNoSecrets(result.run);
		}
	});
});
