/**
 * One benchmark pass on one expression engine (BENCH_ENGINE=vm|legacy), started by index.ts:
 * every bulk write operation on n8n's engine against the DocSpace emulator enforcing DocSpace's
 * limits, next to an ideal raw client (the floor). Prints its measures as JSON on the last line.
 */
import { fork } from 'child_process';
import path from 'path';
import { Expression } from 'n8n-workflow';
import type { IDataObject, INodeParameters, INodeType } from 'n8n-workflow';

import { SEED_IDS } from '../../test/emulator/seed';
import { loadNodeType, runDocSpaceNode } from '../../test/harness/engine';
import { viaRawClient } from './rawClient';
import { type Measure, type Workload, workloads } from './workloads';

const ENGINE = process.env.BENCH_ENGINE === 'legacy' ? 'legacy' : 'vm';
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const MEMORY_ITEMS = Number(process.env.BENCH_MEMORY_ITEMS ?? 10_000);
const LATENCY_MS = Number(process.env.BENCH_LATENCY_MS ?? 30);
const WRITE_LIMIT = 15;
// A part of the bench (profiling, `--compare`): the workloads whose name contains one of BENCH_ONLY's
// comma-separated parts (e.g. "Upload,Invite"); phases among floor, node, routed, faults.
const ONLY = (process.env.BENCH_ONLY ?? '')
	.split(',')
	.map((name) => name.trim())
	.filter(Boolean);
const PHASES = (process.env.BENCH_PHASES ?? 'floor,node,routed,faults').split(',');
const EXPRESSIONS = process.env.BENCH_EXPRESSIONS !== '0';
const chosen = (count: number) =>
	workloads(count).filter(
		(workload) => ONLY.length === 0 || ONLY.some((name) => workload.name.includes(name)),
	);

// ---- the emulator process -------------------------------------------------------------------
const child = fork(path.join(__dirname, 'emulatorProcess.ts'), [], {
	execArgv: ['--import', 'tsx'],
	stdio: 'inherit',
});
let nextId = 1;
const pending = new Map<number, (result: unknown) => void>();
const ready = new Promise<string>((resolve) => {
	child.on(
		'message',
		(message: { ready?: boolean; baseUrl?: string; id?: number; result?: unknown }) => {
			if (message.ready) resolve(String(message.baseUrl));
			else if (message.id !== undefined) {
				pending.get(message.id)?.(message.result);
				pending.delete(message.id);
			}
		},
	);
});
export function emulator<T>(command: IDataObject): Promise<T> {
	const id = nextId++;
	return new Promise<T>((resolve) => {
		pending.set(id, resolve as (result: unknown) => void);
		child.send({ ...command, id });
	});
}
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const limits = {
	latencyMs: LATENCY_MS,
	rateLimits: {
		concurrentWrites: WRITE_LIMIT,
		concurrentReads: 50,
		perMinute: 1500,
		dailyWrites: 100_000,
	},
};

/** The same node with every operation left to n8n's RoutingNode (how it ran before customOperations). */
function routedOnly(): INodeType {
	const nodeType = loadNodeType();
	delete nodeType.customOperations;
	return nodeType;
}

// Counts the expressions n8n evaluates (each one builds a data proxy and, on the vm engine, a
// call into the isolate: the bulk of the per-item preparation).
let expressionsEvaluated = 0;
const evaluate = Expression.prototype.resolveSimpleParameterValue;
Expression.prototype.resolveSimpleParameterValue = function (
	this: Expression,
	...args: Parameters<typeof evaluate>
) {
	if (typeof args[0] === 'string' && args[0].startsWith('=')) expressionsEvaluated++;
	return evaluate.apply(this, args);
};

async function measure(
	label: string,
	count: number,
	task: () => Promise<number>,
): Promise<Measure> {
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
	return {
		label,
		items: count,
		failed,
		wallMs,
		blockedMs,
		expressionsPerItem: expressionsEvaluated / count,
		cpuMsPerItem: (used.user + used.system) / 1000 / count,
	};
}

async function viaNode(
	baseUrl: string,
	parameters: INodeParameters,
	items: Workload['items'],
	nodeType?: () => INodeType,
): Promise<number> {
	const result = await runDocSpaceNode({
		parameters,
		items,
		credentials: { baseUrl, authKey: SEED_IDS.apiKey },
		continueOnFail: true,
		nodeType,
	});
	if (result.error) return items.length;
	return result.items.filter((item) => item.json.error !== undefined || item.error !== undefined)
		.length;
}

async function phase(
	label: string,
	workload: Workload,
	task: () => Promise<number>,
	faults: IDataObject[] = [],
) {
	await emulator({ type: 'reset', rooms: workload.rooms, files: workload.files, options: limits });
	for (const command of workload.setup ?? []) await emulator(command);
	for (const fault of faults) await emulator({ type: 'inject', fault });
	const result = await measure(label, workload.items.length, task);
	const stats = await emulator<{ statuses: Record<string, number>; emulatorCpuMs: number }>({
		type: 'stats',
	});
	if (process.env.BENCH_DEBUG) console.error(`  emulator CPU ${stats.emulatorCpuMs.toFixed(0)} ms`);
	const row: Measure = { ...result, statuses: stats.statuses, operation: workload.name };
	if (workload.roomIds)
		row.duplicates =
			(await emulator<number>({ type: 'countLinks', roomIds: workload.roomIds })) -
			(workload.items.length - result.failed);
	console.error(
		`  [${ENGINE}] ${label}: ${(row.wallMs / 1000).toFixed(2)} s, ${row.failed} failed, ${row.expressionsPerItem.toFixed(1)} expressions/item`,
	);
	return row;
}

/** Expressions n8n evaluates per item for the other operations, their fields filled from `$json` as users do. */
async function expressionsPerOperation(baseUrl: string) {
	const room = byId('={{ $json.room }}');
	const items = Array.from({ length: 20 }, (_, n) => ({
		room: SEED_IDS.customRoomId,
		title: `Entry ${n}`,
		tag: `tag${n}`,
		email: `client${n}@example.com`,
	}));
	const operations: Array<[string, INodeParameters]> = [
		[
			'Room: Create',
			{
				resource: 'room',
				operation: 'create',
				roomTitle: '={{ $json.title }}',
				roomType: 'custom',
			},
		],
		[
			'Room: Update',
			{
				resource: 'room',
				operation: 'update',
				room,
				updateFields: { title: '={{ $json.title }}' },
			},
		],
		['Room: Pin', { resource: 'room', operation: 'pin', room }],
		[
			'Room: Add Tags',
			{ resource: 'room', operation: 'addTags', room, tagNames: '={{ $json.tag }}' },
		],
		[
			'Room Member: Add',
			{
				resource: 'roomMember',
				operation: 'add',
				room,
				membersFrom: 'list',
				memberList: '={{ $json.email }}',
				listAccess: 2,
				notifyMembers: false,
			},
		],
		['Room Member: Get Many', { resource: 'roomMember', operation: 'getAll', room, limit: 10 }],
		[
			'File: Get',
			{ resource: 'file', operation: 'get', file: byId('={{ "' + SEED_IDS.myDocxId + '" }}') },
		],
		[
			'File: Rename',
			{
				resource: 'file',
				operation: 'rename',
				file: byId(SEED_IDS.myTxtId),
				newName: '={{ $json.title + ".txt" }}',
			},
		],
		[
			'Folder: Create',
			{
				resource: 'folder',
				operation: 'create',
				destinationFolder: room,
				folderName: '={{ $json.title }}',
			},
		],
		[
			'Folder: Get Contents',
			{ resource: 'folder', operation: 'getContents', folder: room, limit: 5 },
		],
		[
			'User: Get',
			{
				resource: 'user',
				operation: 'get',
				user: { __rl: true, mode: 'email', value: '={{ "jane@example.com" }}' },
			},
		],
		[
			'User: Invite',
			{ resource: 'user', operation: 'invite', email: '={{ $json.email }}', inviteType: 'user' },
		],
		[
			'Group: Get',
			{
				resource: 'group',
				operation: 'get',
				group: byId('={{ "' + SEED_IDS.legalGroupId + '" }}'),
			},
		],
	];
	const table: Array<{ operation: string; expressionsPerItem: number; failed: number }> = [];
	for (const [operation, parameters] of operations) {
		await emulator({ type: 'reset', options: { ...limits, latencyMs: 0 } });
		const row = await measure(operation, items.length, () => viaNode(baseUrl, parameters, items));
		table.push({ operation, expressionsPerItem: row.expressionsPerItem, failed: row.failed });
	}
	return table;
}

async function main() {
	if (ENGINE === 'vm') {
		// As n8n 2.41 starts it by default (N8N_EXPRESSION_ENGINE=vm, @n8n/config's defaults).
		await Expression.initExpressionEngine({
			engine: 'vm',
			poolSize: 1,
			maxCodeCacheSize: 1024,
			bridgeTimeout: 5000,
			bridgeMemoryLimit: 128,
			lazyAcquire: false,
			compileCache: false,
		} as Parameters<typeof Expression.initExpressionEngine>[0]);
	}
	const baseUrl = await ready;
	const rows: Measure[] = [];
	for (const workload of chosen(ITEMS)) {
		if (PHASES.includes('floor'))
			rows.push(
				await phase(`${workload.name} — ideal raw client (floor)`, workload, () =>
					viaRawClient(baseUrl, workload.requests),
				),
			);
		if (PHASES.includes('node'))
			rows.push(
				await phase(`${workload.name} — this node`, workload, () =>
					viaNode(baseUrl, workload.parameters, workload.items),
				),
			);
		if (PHASES.includes('routed'))
			rows.push(
				await phase(`${workload.name} — the same node through RoutingNode`, workload, () =>
					viaNode(baseUrl, workload.parameters, workload.items, routedOnly),
				),
			);
	}
	// Faults: 3% of answers lost after DocSpace applied the change, 2% 503s; retries must not duplicate.
	for (const workload of PHASES.includes('faults') ? chosen(ITEMS) : []) {
		const pathPattern = workload.faultPath;
		rows.push(
			await phase(
				`${workload.name} — this node, 3% answers lost after applying + 2% 503s`,
				workload,
				() => viaNode(baseUrl, workload.parameters, workload.items),
				[
					{
						path: pathPattern,
						kind: 'reset',
						afterProcessing: true,
						times: Math.round(ITEMS * 0.03),
					},
					{ path: pathPattern, kind: 'status', status: 503, times: Math.round(ITEMS * 0.02) },
				],
			),
		);
	}

	let memory: IDataObject | undefined;
	if (MEMORY_ITEMS > 0 && ONLY.length === 0) {
		const share = workloads(MEMORY_ITEMS).find(
			(workload) => workload.name === 'File: Share',
		) as Workload;
		await emulator({
			type: 'reset',
			options: {
				latencyMs: 0,
				rateLimits: { concurrentWrites: WRITE_LIMIT, perMinute: 1e9, dailyWrites: 1e9 },
			},
		});
		global.gc?.();
		const heapBefore = process.memoryUsage().heapUsed;
		let peakHeap = heapBefore;
		let peakRss = process.memoryUsage().rss;
		const sampler = setInterval(() => {
			const usage = process.memoryUsage();
			peakHeap = Math.max(peakHeap, usage.heapUsed);
			peakRss = Math.max(peakRss, usage.rss);
		}, 20);
		const failed = await viaNode(baseUrl, share.parameters, share.items);
		clearInterval(sampler);
		memory = {
			items: MEMORY_ITEMS,
			heapBeforeMiB: heapBefore / 2 ** 20,
			heapPeakAboveMiB: (peakHeap - heapBefore) / 2 ** 20,
			rssPeakMiB: peakRss / 2 ** 20,
			failed,
		};
	}
	const expressions =
		EXPRESSIONS && ONLY.length === 0 ? await expressionsPerOperation(baseUrl) : undefined;
	await emulator({ type: 'stop' });
	console.log(
		JSON.stringify({
			engine: ENGINE,
			node: process.version,
			latencyMs: LATENCY_MS,
			rows,
			memory,
			expressions,
		}),
	);
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	child.kill();
	process.exit(1);
});
