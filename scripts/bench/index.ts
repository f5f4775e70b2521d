/**
 * `npm run bench`: the node on n8n's engine against the DocSpace emulator enforcing DocSpace's
 * limits (15 parallel writes per user, 30 ms per request), side by side with an ideal raw client
 * (the floor the limits set) and with a plain declarative node without our limiter.
 */
import { fork, execFileSync } from 'child_process';
import os from 'os';
import path from 'path';
import { Expression, NodeHelpers } from 'n8n-workflow';
import type { IDataObject, INode, INodeParameters, INodeProperties, INodeType } from 'n8n-workflow';

import { SEED_IDS } from '../../test/emulator/seed';
import { loadNodeType, runDocSpaceNode } from '../../test/harness/engine';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const MEMORY_ITEMS = Number(process.env.BENCH_MEMORY_ITEMS ?? 10_000);
const LATENCY_MS = 30;
const WRITE_LIMIT = 15;

// ---- the emulator process -------------------------------------------------------------------
const child = fork(path.join(__dirname, 'emulatorProcess.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
let nextId = 1;
const pending = new Map<number, (result: unknown) => void>();
const ready = new Promise<string>((resolve) => {
	child.on('message', (message: { ready?: boolean; baseUrl?: string; id?: number; result?: unknown }) => {
		if (message.ready) resolve(String(message.baseUrl));
		else if (message.id !== undefined) {
			pending.get(message.id)?.(message.result);
			pending.delete(message.id);
		}
	});
});
function emulator<T>(command: IDataObject): Promise<T> {
	const id = nextId++;
	return new Promise<T>((resolve) => {
		pending.set(id, resolve as (result: unknown) => void);
		child.send({ ...command, id });
	});
}
const limits = (extra: IDataObject = {}) => ({ latencyMs: LATENCY_MS, rateLimits: { concurrentWrites: WRITE_LIMIT, concurrentReads: 50, perMinute: 1500, dailyWrites: 10_000, ...extra } });

// ---- workloads --------------------------------------------------------------------------------
const shareParameters: INodeParameters = {
	resource: 'file',
	operation: 'share',
	file: { __rl: true, mode: 'id', value: SEED_IDS.myDocxId },
	recipientsFrom: 'rows',
	recipients: { recipient: [{ id: '={{ $json.user }}', access: '={{ $json.access }}' }] },
	notify: false,
};
const shareItems = (count: number) =>
	Array.from({ length: count }, (_, n) => ({ user: n % 2 ? SEED_IDS.bobId : SEED_IDS.janeId, access: n % 3 ? 2 : 10 }));
const roomIds = Array.from({ length: ITEMS }, (_, n) => String(1001 + n));
const linkParameters: INodeParameters = {
	resource: 'roomLink',
	operation: 'set',
	room: { __rl: true, mode: 'id', value: '={{ $json.room }}' },
	linkType: 'external',
	access: 2,
	title: '={{ "Client " + $json.room }}',
};
const linkItems = roomIds.map((room) => ({ room }));

/** The same node, but requests sent the plain declarative way: no limiter, no retries. */
function plainDeclarativeNode(): INodeType {
	const nodeType = loadNodeType();
	const strip = (property: INodeProperties): INodeProperties => ({
		...property,
		options: (property.options as Array<INodeProperties & { routing?: IDataObject }> | undefined)?.map((option) =>
			option.routing?.operations
				? { ...option, routing: { ...option.routing, operations: undefined, send: { ...(option.routing.send as IDataObject), paginate: false } } }
				: option,
		) as INodeProperties['options'],
	});
	nodeType.description.properties = nodeType.description.properties.map((property) => (property.name === 'operation' ? strip(property) : property));
	return nodeType;
}

/**
 * The same node with only the properties the given parameters show: what the size of the
 * description costs, since n8n resolves every property for every item (diagnostic row).
 */
function trimmedNode(parameters: INodeParameters): () => INodeType {
	return () => {
		const nodeType = loadNodeType();
		const shown = (property: INodeProperties) =>
			property.name === 'requestOptions' ||
			NodeHelpers.displayParameter(parameters, property, { typeVersion: 1 } as INode, nodeType.description, parameters);
		nodeType.description.properties = nodeType.description.properties.filter(shown);
		return nodeType;
	};
}

// Counts the expressions n8n evaluates (each one builds a data proxy and a sandbox: the bulk of
// n8n's per-item preparation).
let expressionsEvaluated = 0;
const evaluate = Expression.prototype.resolveSimpleParameterValue;
Expression.prototype.resolveSimpleParameterValue = function (this: Expression, ...args: Parameters<typeof evaluate>) {
	if (typeof args[0] === 'string' && args[0].startsWith('=')) expressionsEvaluated++;
	return evaluate.apply(this, args);
};

interface Measure {
	label: string;
	items: number;
	failed: number;
	duplicates?: number;
	wallMs: number;
	/** The longest time the event loop was blocked: n8n preparing every item before sending any. */
	blockedMs: number;
	expressionsPerItem: number;
	cpuMsPerItem: number;
	statuses?: Record<string, number>;
}

async function measure(label: string, count: number, task: () => Promise<number>): Promise<Measure> {
	let lastTick = performance.now();
	let blockedMs = 0;
	const ticker = setInterval(() => {
		const now = performance.now();
		blockedMs = Math.max(blockedMs, now - lastTick);
		lastTick = now;
	}, 1);
	expressionsEvaluated = 0;
	const cpu = process.cpuUsage();
	const started = performance.now();
	const failed = await task();
	const wallMs = performance.now() - started;
	const used = process.cpuUsage(cpu);
	clearInterval(ticker);
	return { label, items: count, failed, wallMs, blockedMs, expressionsPerItem: expressionsEvaluated / count, cpuMsPerItem: (used.user + used.system) / 1000 / count };
}

async function viaNode(baseUrl: string, parameters: INodeParameters, items: IDataObject[], nodeType?: () => INodeType): Promise<number> {
	const result = await runDocSpaceNode({
		parameters,
		items,
		credentials: { baseUrl, authKey: SEED_IDS.apiKey },
		continueOnFail: true,
		nodeType,
	});
	if (result.error) return items.length;
	return result.items.filter((item) => item.json.error !== undefined || item.error !== undefined).length;
}

/** What the limits allow at best: a pool of 15 workers sending the same requests. */
async function viaRawClient(baseUrl: string, requests: Array<{ url: string; body: IDataObject }>): Promise<number> {
	let next = 0;
	let failed = 0;
	const worker = async () => {
		while (next < requests.length) {
			const { url, body } = requests[next++];
			const response = await fetch(`${baseUrl}${url}`, {
				method: 'PUT',
				headers: { Authorization: `Bearer ${SEED_IDS.apiKey}`, 'Content-Type': 'application/json', Accept: 'application/json' },
				body: JSON.stringify(body),
			});
			await response.arrayBuffer();
			if (!response.ok) failed++;
		}
	};
	await Promise.all(Array.from({ length: WRITE_LIMIT }, worker));
	return failed;
}

async function phase(label: string, setup: IDataObject, count: number, task: () => Promise<number>) {
	await emulator({ type: 'reset', ...setup });
	const result = await measure(label, count, task);
	const stats = await emulator<{ statuses: Record<string, number>; emulatorCpuMs: number }>({ type: 'stats' });
	console.log(`  ${label}: emulator CPU ${(stats.emulatorCpuMs / count).toFixed(2)} ms/request`);
	return { ...result, statuses: stats.statuses };
}

function packageFacts() {
	execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
	const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	return pack;
}

/** Expressions n8n evaluates per item for each operation, its fields filled from `$json` as users do. */
async function expressionsPerOperation(baseUrl: string): Promise<void> {
	const room = { __rl: true, mode: 'id', value: '={{ $json.room }}' };
	const items = Array.from({ length: 20 }, (_, n) => ({ room: SEED_IDS.customRoomId, title: `Room ${n}`, tag: `tag${n}`, email: SEED_IDS.ownerEmail.replace('olivia', `client${n}`) }));
	const operations: Array<[string, INodeParameters]> = [
		['File: Share', shareParameters],
		['Room Link: Set', linkParameters],
		['Room: Create', { resource: 'room', operation: 'create', roomTitle: '={{ $json.title }}', roomType: 'custom' }],
		['Room: Update', { resource: 'room', operation: 'update', room, updateFields: { title: '={{ $json.title }}' } }],
		['Room: Pin', { resource: 'room', operation: 'pin', room }],
		['Room: Add Tags', { resource: 'room', operation: 'addTags', room, tagNames: '={{ $json.tag }}' }],
		['Room Member: Add', { resource: 'roomMember', operation: 'add', room, membersFrom: 'list', memberList: '={{ $json.email }}', listAccess: 2, notifyMembers: false }],
		['Room Member: Get Many', { resource: 'roomMember', operation: 'getAll', room, limit: 10 }],
		['Room Member: Change Access', { resource: 'roomMember', operation: 'changeAccess', room, member: { __rl: true, mode: 'email', value: 'jane@example.com' }, memberAccess: '={{ 11 }}' }],
		['Room Member: Remove', { resource: 'roomMember', operation: 'remove', room, member: { __rl: true, mode: 'email', value: '={{ $json.email }}' } }],
	];
	console.log('| operation (20 items, fields from $json) | expressions per item | failed |');
	console.log('|---|---:|---:|');
	for (const [label, parameters] of operations) {
		await emulator({ type: 'reset', rooms: items.length, options: limits() });
		const input = label === 'File: Share' ? shareItems(items.length) : label === 'Room Link: Set' ? linkItems.slice(0, items.length) : items;
		const row = await measure(label, input.length, () => viaNode(baseUrl, parameters, input));
		console.log(`| ${label} | ${row.expressionsPerItem.toFixed(0)} | ${row.failed} |`);
	}
	console.log('');
}

async function main() {
	const baseUrl = await ready;
	await expressionsPerOperation(baseUrl);
	if (process.env.BENCH_EXPRESSIONS_ONLY) {
		await emulator({ type: 'stop' });
		return;
	}
	console.log(`DocSpace emulator: ${LATENCY_MS} ms per request, ${WRITE_LIMIT} parallel writes per user, 1500 requests/min; ${ITEMS} items per run.\n`);
	const rows: Measure[] = [];

	const shareRequests = shareItems(ITEMS).map((item) => ({ url: `/api/2.0/files/file/${SEED_IDS.myDocxId}/share`, body: { share: [{ shareTo: item.user, access: item.access }], notify: false } }));
	const shareFloor = await phase('File: Share — ideal raw client (floor)', { options: limits() }, ITEMS, () => viaRawClient(baseUrl, shareRequests));
	const shareNode = await phase('File: Share — this node on n8n’s engine', { options: limits() }, ITEMS, () => viaNode(baseUrl, shareParameters, shareItems(ITEMS)));
	const sharePlain = await phase('File: Share — plain declarative (no limiter)', { options: limits() }, ITEMS, () => viaNode(baseUrl, shareParameters, shareItems(ITEMS), plainDeclarativeNode));
	rows.push(shareFloor, shareNode, sharePlain);

	const linkRequests = roomIds.map((room) => ({ url: `/api/2.0/files/rooms/${room}/links`, body: { linkType: 1, access: 2, title: `Client ${room}` } }));
	const linkFloor = await phase('Room Link: Set — ideal raw client (floor)', { rooms: ITEMS, options: limits() }, ITEMS, () => viaRawClient(baseUrl, linkRequests));
	const linkNode = await phase('Room Link: Set — this node on n8n’s engine', { rooms: ITEMS, options: limits() }, ITEMS, () => viaNode(baseUrl, linkParameters, linkItems));
	linkNode.duplicates = (await emulator<number>({ type: 'countLinks', roomIds })) - (ITEMS - linkNode.failed);
	const linkPlain = await phase('Room Link: Set — plain declarative (no limiter)', { rooms: ITEMS, options: limits() }, ITEMS, () => viaNode(baseUrl, linkParameters, linkItems, plainDeclarativeNode));
	const linkTrimmed = await phase('Room Link: Set — node trimmed to the fields Set shows (diagnostic)', { rooms: ITEMS, options: limits() }, ITEMS, () => viaNode(baseUrl, linkParameters, linkItems, trimmedNode(linkParameters)));
	rows.push(linkFloor, linkNode, linkPlain, linkTrimmed);

	// Faults: 3% of answers lost after DocSpace applied the change, 2% 503s; retries must not duplicate.
	const faulty = await phase('Room Link: Set — node, 5% lost answers / 503s', { rooms: ITEMS, options: limits() }, ITEMS, async () => {
		await emulator({ type: 'inject', fault: { path: '^/api/2.0/files/rooms/\\d+/links$', kind: 'reset', afterProcessing: true, times: Math.round(ITEMS * 0.03) } });
		await emulator({ type: 'inject', fault: { path: '^/api/2.0/files/rooms/\\d+/links$', kind: 'status', status: 503, times: Math.round(ITEMS * 0.02) } });
		return await viaNode(baseUrl, linkParameters, linkItems);
	});
	faulty.duplicates = (await emulator<number>({ type: 'countLinks', roomIds })) - (ITEMS - faulty.failed);
	rows.push(faulty);

	console.log('| run | items | failed | duplicate links | wall time | × floor | n8n preparing before sending | expressions per item | CPU per item | answers |');
	console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
	const floorOf = (row: Measure) => (row.label.startsWith('File') ? shareFloor.wallMs : linkFloor.wallMs);
	for (const row of rows) {
		console.log(
			`| ${row.label} | ${row.items} | ${row.failed} | ${row.duplicates ?? '–'} | ${(row.wallMs / 1000).toFixed(2)} s | ${(row.wallMs / floorOf(row)).toFixed(2)} | ${(row.blockedMs / 1000).toFixed(2)} s | ${row.expressionsPerItem.toFixed(0)} | ${row.cpuMsPerItem.toFixed(2)} ms | ${Object.entries(row.statuses ?? {}).map(([status, n]) => `${status}×${n}`).join(' ')} |`,
		);
	}

	await emulator({ type: 'reset', options: { latencyMs: 0, rateLimits: { concurrentWrites: WRITE_LIMIT, perMinute: 1e9, dailyWrites: 1e9 } } });
	global.gc?.();
	const heapBefore = process.memoryUsage().heapUsed;
	let peakHeap = heapBefore;
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		const usage = process.memoryUsage();
		peakHeap = Math.max(peakHeap, usage.heapUsed);
		peakRss = Math.max(peakRss, usage.rss);
	}, 20);
	const memoryFailed = await viaNode(baseUrl, shareParameters, shareItems(MEMORY_ITEMS));
	clearInterval(sampler);
	const pack = packageFacts();
	console.log(`\nPeak memory, File: Share with ${MEMORY_ITEMS} items: heap +${((peakHeap - heapBefore) / 2 ** 20).toFixed(0)} MiB over ${(heapBefore / 2 ** 20).toFixed(0)} MiB, process RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB (${memoryFailed} failed).`);
	console.log(`Package: ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.entryCount} files.`);
	console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`);

	const ok = [shareNode, linkNode, faulty].every((row) => row.failed === 0 && (row.duplicates ?? 0) === 0) && linkNode.duplicates === 0;
	const ratios = [shareNode.wallMs / shareFloor.wallMs, linkNode.wallMs / linkFloor.wallMs];
	console.log(`\nTargets: 0 failed, 0 duplicated: ${ok ? 'met' : 'MISSED'}; ≤ 1.15 × floor: ${ratios.every((r) => r <= 1.15) ? 'met' : 'MISSED'} (${ratios.map((r) => r.toFixed(2)).join(', ')}).`);
	// n8n's RoutingNode prepares every item before it sends the first request, so no request can
	// start during that time: the wall time cannot go below preparation + floor.
	const bound = (node: Measure, floor: Measure) => ((node.blockedMs + floor.wallMs) / floor.wallMs).toFixed(2);
	console.log(`Lower bound set by n8n's preparation (preparation + floor) / floor: File: Share ${bound(shareNode, shareFloor)}, Room Link: Set ${bound(linkNode, linkFloor)}, trimmed node ${bound(linkTrimmed, linkFloor)}.`);
	await emulator({ type: 'stop' });
}

main().catch((error) => {
	console.error(error);
	child.kill();
	process.exit(1);
});
