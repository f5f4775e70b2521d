/**
 * The bulk operations run through `customOperations` (shared/runner). Each case runs twice on
 * n8n's engine against the same fresh emulator state: once through n8n's own RoutingNode (the
 * node without customOperations) and once through the runner, with the same execution id. Both
 * must send the same requests and give the same items and errors.
 */
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import type { DocSpaceEmulator } from '../../../emulator';
import {
	SEED_IDS,
	byId,
	fileShare,
	roomLinkSet,
	run,
	useEmulator,
} from '../../../harness/docspace';
import { type RunOptions, loadNodeType } from '../../../harness/engine';

const ctx = useEmulator({ latencyMs: 2 });

/** The same node with every operation left to n8n's RoutingNode. */
function routedOnly(): INodeType {
	const nodeType = loadNodeType();
	delete nodeType.customOperations;
	return nodeType;
}

type Failure =
	(Error & { description?: string; httpCode?: string; context?: IDataObject }) | undefined;

function failure(error: Failure) {
	if (!error) return undefined;
	return {
		type: error.constructor.name,
		message: error.message,
		description: error.description,
		httpCode: error.httpCode,
		itemIndex: error.context?.itemIndex,
	};
}

function outcome(
	emulator: DocSpaceEmulator,
	result: { items: INodeExecutionData[]; error?: Failure },
) {
	// The room or file each operation reads once before writing (shared/entryChecks.ts), kept apart.
	const isEntryRead = ({ method, path }: { method: string; path: string }) =>
		method === 'GET' && /^\/api\/2\.0\/files\/(rooms|file)\/[\w-]+$/.test(path);
	const requests = emulator.requests.map((request) => {
		const { method, path, query, headers, rawBody, status } = request;
		const { host: _host, ...sameHeaders } = headers;
		return {
			entryRead: isEntryRead(request),
			text: JSON.stringify({ method, path, query, headers: sameHeaders, rawBody, status }),
		};
	});
	return {
		// Requests of different items overlap; their order is not part of the contract.
		requests: requests
			.filter((request) => !request.entryRead)
			.map((request) => request.text)
			.sort(),
		entryReads: requests
			.filter((request) => request.entryRead)
			.map((request) => request.text)
			.sort(),
		// The emulator draws each new link's share key at random.
		items: result.items.map((item) => ({
			json: JSON.parse(JSON.stringify(item.json).replace(/\/s\/\w+/g, '/s/KEY')) as IDataObject,
			pairedItem: item.pairedItem,
			error: failure(item.error as Failure),
		})),
		error: failure(result.error),
	};
}

let evaluated = 0;
const evaluate = Expression.prototype.resolveSimpleParameterValue;
beforeAll(() => {
	Expression.prototype.resolveSimpleParameterValue = function (
		this: Expression,
		...args: Parameters<typeof evaluate>
	) {
		if (typeof args[0] === 'string' && args[0].startsWith('=')) evaluated++;
		return evaluate.apply(this, args);
	};
});
afterAll(() => {
	Expression.prototype.resolveSimpleParameterValue = evaluate;
});

/** Runs both paths; returns the (identical) outcome and how many expressions each evaluated. */
async function bothPaths(
	parameters: IDataObject,
	options: Partial<RunOptions> & { setup?: (emulator: DocSpaceEmulator) => void } = {},
) {
	const { emulator } = ctx;
	const { setup, ...runOptions } = options;
	const outcomes = [];
	const expressions: number[] = [];
	for (const nodeType of [routedOnly, loadNodeType]) {
		emulator.reset();
		setup?.(emulator);
		evaluated = 0;
		const result = await run(emulator, parameters, {
			executionId: 'exec-equivalence',
			...runOptions,
			nodeType,
		});
		expressions.push(evaluated);
		outcomes.push(outcome(emulator, result));
	}
	expect(outcomes[1]).toEqual(outcomes[0]);
	return { ...outcomes[0], routedExpressions: expressions[0], runnerExpressions: expressions[1] };
}

const rooms = [
	{ room: SEED_IDS.customRoomId, name: 'A' },
	{ room: SEED_IDS.publicRoomId, name: 'B' },
	{ room: SEED_IDS.customRoomId, name: 'C' },
];

describe('runner and RoutingNode: Room Link: Set', () => {
	it('send the same external links and give the same items, evaluating fewer expressions', async () => {
		const result = await bothPaths(
			roomLinkSet({
				room: byId('id', '={{ $json.room }}'),
				title: '={{ "Client " + $json.name }}',
				expirationDate: '2027-06-30T18:00:00',
				password: 'Str0ng!pass',
				denyDownload: true,
				options: { includePassword: true },
			}),
			{ items: rooms, timezone: 'Europe/Berlin' },
		);
		expect(result.requests).toHaveLength(3);
		expect(result.items.map((item) => item.json.title)).toEqual([
			'Client A',
			'Client B',
			'Client C',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		// The runner evaluates the title once per item and reads the room, a plain field of the item,
		// from the item (shared/runner/fieldRead.ts); RoutingNode evaluates every declaration twice.
		expect(result.runnerExpressions).toBe(rooms.length);
		expect(result.routedExpressions).toBeGreaterThan(result.runnerExpressions);
	});

	it('send the same invitation link update', async () => {
		const result = await bothPaths(
			// The invitation link belongs to the full room: an ID the room does not have is refused (transport.md §5).
			roomLinkSet({
				room: byId('id', SEED_IDS.fullRoomId),
				linkType: 'invitation',
				link: 'update',
				linkId: SEED_IDS.fullRoomInvitationLinkId,
				access: 2,
				maxUseCount: 7,
			}),
		);
		// Both paths read the room's links first (checkLinkToUpdate), then send the update.
		const sent = result.requests.map(
			(request) => JSON.parse(request) as { method: string; path: string; rawBody: string },
		);
		expect(sent.map((request) => [request.method, request.path])).toEqual([
			['GET', `/api/2.0/files/rooms/${SEED_IDS.fullRoomId}/links`],
			['PUT', `/api/2.0/files/rooms/${SEED_IDS.fullRoomId}/links`],
		]);
		expect(sent[1].rawBody).toContain('"maxUseCount":7');
		expect(result.error).toBeUndefined();
	});

	it('give the same items and errors with continue-on-fail: a missing room, bad input, a success', async () => {
		const items = [
			{ room: '999999', access: 2 },
			{ room: SEED_IDS.customRoomId, access: 0 },
			{ room: SEED_IDS.customRoomId, access: 2 },
		];
		const parameters = roomLinkSet({
			room: byId('id', '={{ $json.room }}'),
			access: '={{ $json.access }}',
		});
		const result = await bothPaths(parameters, { items, continueOnFail: true });
		expect(result.items).toHaveLength(3);
		expect(result.items[0].error?.message).toMatch(/room/i);
		expect(result.items[1].error?.message).toMatch(/Access/);
		expect(result.items[2].error).toBeUndefined();
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		// The bad item is refused before sending: two requests.
		expect(result.requests).toHaveLength(2);
	});

	it('stop with the same error without continue-on-fail, after sending the same requests', async () => {
		const items = [
			{ room: SEED_IDS.customRoomId },
			{ room: '999999' },
			{ room: SEED_IDS.customRoomId },
		];
		const result = await bothPaths(roomLinkSet({ room: byId('id', '={{ $json.room }}') }), {
			items,
		});
		expect(result.error?.itemIndex).toBe(1);
		expect(result.requests).toHaveLength(3);
	});

	it('stop with the same error for a parameter expression that fails', async () => {
		const result = await bothPaths(
			roomLinkSet({ title: '={{ $("No such node").item.json.title }}' }),
			{ items: [{}] },
		);
		expect(result.error?.message).toBeDefined();
		expect(result.requests).toHaveLength(0);
	});

	it('retry the same way after 503s and lost answers', async () => {
		const result = await bothPaths(roomLinkSet({ room: byId('id', '={{ $json.room }}') }), {
			items: rooms,
			setup: (emulator) => {
				emulator.inject({ path: /\/links$/, kind: 'status', status: 503, times: 1 });
				emulator.inject({ path: /\/links$/, kind: 'reset', afterProcessing: true, times: 1 });
			},
		});
		expect(result.items.every((item) => item.error === undefined)).toBe(true);
		expect(result.requests.length).toBe(5);
	});

	it('apply the same Request Options: batching, timeout, an invalid proxy', async () => {
		const batched = await bothPaths(
			roomLinkSet({
				requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 20 } }, timeout: 5000 },
			}),
			{
				items: rooms,
			},
		);
		expect(batched.requests).toHaveLength(3);
		const proxy = await bothPaths(roomLinkSet({ requestOptions: { proxy: 'not a proxy' } }), {
			items: rooms,
			continueOnFail: true,
		});
		expect(proxy.items.map((item) => item.error?.message)).toEqual(
			Array(3).fill('The proxy is not valid'),
		);
		expect(proxy.requests).toHaveLength(0);
	});
});

describe('runner and RoutingNode: File: Share', () => {
	it('send the same shares with expressions, notification and message', async () => {
		const items = [
			{ user: SEED_IDS.bobId, access: 2 },
			{ user: SEED_IDS.janeId, access: 10 },
		];
		const result = await bothPaths(
			fileShare({
				recipients: { recipient: [{ id: '={{ $json.user }}', access: '={{ $json.access }}' }] },
				notify: true,
				sharingMessage: 'Please review',
			}),
			{ items },
		);
		// The file (where it lives, its title for the rows) is read once for both items, before the shares.
		expect(result.entryReads.map((request) => JSON.parse(request).method)).toEqual(['GET']);
		expect(result.requests.map((request) => JSON.parse(request).method)).toEqual(['PUT', 'PUT']);
		expect(JSON.parse(result.requests[0]).rawBody).toContain('"sharingMessage":"Please review"');
		expect(result.items).toHaveLength(2);
	});

	it('give the same items and errors with continue-on-fail: a missing file, a bad access, a success', async () => {
		const items = [
			{ file: '999999', access: 2 },
			{ file: SEED_IDS.myDocxId, access: 99 },
			{ file: SEED_IDS.myDocxId, access: 2 },
		];
		const parameters = fileShare({
			file: byId('id', '={{ $json.file }}'),
			recipients: { recipient: [{ id: SEED_IDS.bobId, access: '={{ $json.access }}' }] },
		});
		const result = await bothPaths(parameters, { items, continueOnFail: true });
		expect(result.items.map((item) => item.error === undefined)).toEqual([false, false, true]);
		expect(result.requests.filter((request) => JSON.parse(request).method === 'PUT')).toHaveLength(
			2,
		);
	});
});

describe('runner and RoutingNode: File Link: Set', () => {
	const fileLinkSet = (overrides: IDataObject = {}): IDataObject => ({
		resource: 'fileLink',
		operation: 'set',
		file: byId('id', SEED_IDS.myDocxId),
		fileLinkAccess: 2,
		...overrides,
	});

	it('send the same new links with expressions, expiry and password', async () => {
		const items = [{ name: 'A' }, { name: 'B' }];
		const result = await bothPaths(
			fileLinkSet({
				title: '={{ "Review " + $json.name }}',
				expirationDate: '2027-01-31T12:00:00',
				password: 'Str0ng!pass',
				internal: true,
			}),
			{ items },
		);
		expect(result.requests).toHaveLength(2);
		expect(result.items.map((item) => item.json.title)).toEqual(['Review A', 'Review B']);
		expect(result.runnerExpressions).toBe(items.length);
	});

	it('give the same items and errors with continue-on-fail: a missing file, None, a success', async () => {
		const items = [
			{ file: '999999', access: 2 },
			{ file: SEED_IDS.myDocxId, access: 0 },
			{ file: SEED_IDS.myDocxId, access: 10 },
		];
		const parameters = fileLinkSet({
			file: byId('id', '={{ $json.file }}'),
			fileLinkAccess: '={{ $json.access }}',
		});
		const result = await bothPaths(parameters, { items, continueOnFail: true });
		expect(result.items.map((item) => item.error === undefined)).toEqual([false, false, true]);
		expect(result.requests).toHaveLength(2);
	});
});

describe('runner and RoutingNode: File: Remove Sharing', () => {
	const removeSharing = (overrides: IDataObject = {}): IDataObject => ({
		resource: 'file',
		operation: 'removeSharing',
		file: byId('id', SEED_IDS.myDocxId),
		...overrides,
	});

	it('send the same removals for given subjects (emails looked up first) and for everyone', async () => {
		const given = await bothPaths(removeSharing({ subjects: '={{ $json.who }}' }), {
			items: [{ who: 'jane@example.com' }, { who: SEED_IDS.bobId }],
		});
		expect(given.requests.filter((request) => JSON.parse(request).method === 'PUT')).toHaveLength(
			2,
		);
		expect(given.items).toHaveLength(2);
		const everyone = await bothPaths(removeSharing({ removeFrom: 'everyone' }));
		expect(everyone.requests.length).toBeGreaterThanOrEqual(2);
		expect(everyone.error).toBeUndefined();
	});

	it('give the same errors with continue-on-fail: bad subject, unknown email, missing file', async () => {
		const items = [
			{ who: 'bob', file: SEED_IDS.myDocxId },
			{ who: 'ghost@example.com', file: SEED_IDS.myDocxId },
			{ who: SEED_IDS.bobId, file: '999999' },
		];
		const result = await bothPaths(
			removeSharing({ file: byId('id', '={{ $json.file }}'), subjects: '={{ $json.who }}' }),
			{ items, continueOnFail: true },
		);
		expect(result.items.map((item) => item.error === undefined)).toEqual([false, false, false]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
	});
});

describe('runner: cancellation', () => {
	it('stops sending when the execution is cancelled', async () => {
		const { emulator } = ctx;
		emulator.configure({ latencyMs: 30 });
		const items = Array.from({ length: 60 }, () => ({ room: SEED_IDS.customRoomId }));
		let sentAtCancel = 0;
		const onStart = (cancel: () => void) => {
			const poll = setInterval(() => {
				if (emulator.requests.length < 2) return;
				clearInterval(poll);
				sentAtCancel = emulator.requests.length;
				cancel();
			}, 5);
			setTimeout(() => clearInterval(poll), 10_000);
		};
		await run(
			emulator,
			roomLinkSet({ room: byId('id', '={{ $json.room }}'), options: { maxParallelWrites: 1 } }),
			{ items, onStart },
		);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(sentAtCancel).toBeGreaterThanOrEqual(2);
		// One write at a time at 30 ms each: 60 items take about 1.8 s; the cancel stops the rest.
		expect(emulator.requests.length).toBeGreaterThan(0);
		expect(emulator.requests.length).toBeLessThan(15);
	});
});

describe('runner and RoutingNode: version 1.1 links (Create or Reuse, Existing Link, Revoke)', () => {
	it('send the same reuse-by-title writes, reading each room once', async () => {
		const items = [
			{ room: SEED_IDS.customRoomId, name: 'A' },
			{ room: SEED_IDS.fullRoomId, name: 'Partner link 2' },
			{ room: SEED_IDS.customRoomId, name: 'A' },
		];
		const result = await bothPaths(
			{
				resource: 'roomLink',
				operation: 'set',
				room: byId('id', '={{ $json.room }}'),
				title: '={{ $json.name }}',
			},
			{ items, typeVersion: 1.1 },
		);
		const sent = result.requests.map((request) => JSON.parse(request) as { method: string });
		expect(sent.filter((request) => request.method === 'GET')).toHaveLength(2);
		expect(sent.filter((request) => request.method === 'PUT')).toHaveLength(3);
		expect(result.items[0].json.linkId).toBe(result.items[2].json.linkId);
		expect(result.items[1].json.linkId).toBe('c0ffee00-0107-4c00-a000-000000000012');
	});

	it('send the same revokes and give the same items and errors, version 1 and 1.1', async () => {
		const items = [
			{ id: SEED_IDS.fullRoomInvitationLinkId },
			{ id: 'c0ffee00-0107-4c00-a000-000000000014' },
			{ id: 'c0ffee00-0107-4c00-a000-0000000000ff' },
		];
		const v11 = await bothPaths(
			{
				resource: 'roomLink',
				operation: 'revoke',
				room: byId('id', SEED_IDS.fullRoomId),
				linkId: byId('id', '={{ $json.id }}'),
			},
			{ items, typeVersion: 1.1, continueOnFail: true },
		);
		expect(v11.items.map((item) => item.json.linkType ?? item.error?.message)).toEqual([
			'invitation',
			'external',
			`Link ID: room ${SEED_IDS.fullRoomId} has no link c0ffee00-0107-4c00-a000-0000000000ff [item 2]`,
		]);
		// The link ID is a plain field of the item, read from the item.
		expect(v11.runnerExpressions).toBe(0);
		const v1 = await bothPaths(
			{
				resource: 'roomLink',
				operation: 'revoke',
				room: byId('id', SEED_IDS.fullRoomId),
				linkType: 'external',
				linkId: '={{ $json.id }}',
			},
			{ items, typeVersion: 1, continueOnFail: true },
		);
		expect(v1.items.map((item) => item.error === undefined)).toEqual([false, true, false]);
	});
});

describe('customOperations', () => {
	it('run the bulk write operations, and only those, through the runner', () => {
		const operations = loadNodeType().customOperations ?? {};
		expect(
			Object.fromEntries(
				Object.entries(operations).map(([resource, entries]) => [
					resource,
					Object.keys(entries).sort(),
				]),
			),
		).toEqual({
			roomLink: ['revoke', 'set'],
			file: ['removeSharing', 'share', 'upload'],
			fileLink: ['set'],
			roomMember: ['add'],
			user: ['invite'],
		});
	});
});
