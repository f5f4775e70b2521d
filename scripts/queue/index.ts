/**
 * `npm run test:queue`: this package in n8n's queue mode. Redis and PostgreSQL (Debian's packages),
 * a real n8n 2.41.1 main process and two workers, and the DocSpace emulator in its own process
 * with DocSpace's limits (15 parallel writes and 1,500 requests a minute per user, 30 ms per
 * request). Several webhook executions at once (Room Link: Set and File: Share, one DocSpace
 * user) must end with 0 failed and 0 duplicated items; then a worker is killed in the middle of
 * an execution, to show what n8n does and what re-running it does. Prints a table; everything is
 * bounded in time and removed afterwards, also on failure.
 */
import { cpus } from 'node:os';

import { log } from '../e2e/runtime';
import { startCluster, type Cluster } from './cluster';
import type { EmulatorSummary } from './emulatorProcess';
import {
	type Emulator,
	floorMs,
	PER_MINUTE,
	RUNNING,
	WRITE_LIMIT,
	check,
	executions,
	failures,
	linkCheck,
	rooms,
	startEmulator,
	stopEmulator,
	trigger,
	waitUntil,
	workerOf,
} from './helpers';
import { KILL_ITEMS, killRun } from './kill';
import { startServices, type Services } from './services';
import {
	FILE_SHARE,
	ROOM_LINKS,
	fileShareWorkflow,
	roomLinksWorkflow,
	shareEntries,
} from './workflows';

const EXECUTIONS = Math.max(2, Number(process.env.QUEUE_EXECUTIONS ?? 4));
const ITEMS = Math.max(1, Number(process.env.QUEUE_ITEMS ?? 500));
const WORKERS = 2;
const LATENCY_MS = 30;
const OVERALL_TIMEOUT_MS = 20 * 60_000;

async function batch(cluster: Cluster, services: Services, emulator: Emulator) {
	const linkRuns = Math.ceil(EXECUTIONS / 2);
	const shareRuns = EXECUTIONS - linkRuns;
	await emulator.call({
		type: 'reset',
		rooms: linkRuns * ITEMS + KILL_ITEMS,
		latencyMs: LATENCY_MS,
	});
	log(
		`Batch: ${linkRuns} × ${ITEMS} Room Link: Set and ${shareRuns} × ${ITEMS} File: Share at once`,
	);
	const started = Date.now();
	await Promise.all([
		...Array.from(
			{ length: linkRuns },
			async (_, n) => await trigger(cluster, ROOM_LINKS.path, { rooms: rooms(n * ITEMS, ITEMS) }),
		),
		...Array.from(
			{ length: shareRuns },
			async () => await trigger(cluster, FILE_SHARE.path, { shares: shareEntries(ITEMS) }),
		),
	]);
	const rows = await waitUntil('the batch to finish', 10 * 60_000, () => {
		const all = executions(services);
		return all.length >= EXECUTIONS && all.every((row) => !RUNNING.has(row.status))
			? all
			: undefined;
	});
	const wallMs = Math.max(...rows.map((row) => row.stoppedAt)) - started;
	const summary = await emulator.call<EmulatorSummary>({ type: 'summary' });
	const links = linkCheck(
		await emulator.call<Record<string, string[]>>({
			type: 'links',
			roomIds: rooms(0, linkRuns * ITEMS),
		}),
	);
	const owners = workerOf(cluster);
	const items = EXECUTIONS * ITEMS;
	const perWorker = cluster.workers.map((worker) => {
		const ids = rows.filter((row) => owners.get(row.id) === worker.name).map((row) => row.id);
		return `${worker.name}: ${ids.length} executions (${ids.join(', ')}), ${ids.length * ITEMS} items`;
	});
	const failed = rows.filter((row) => row.status !== 'success');
	const applied = summary.writes['200'] ?? 0;
	// Reads count in DocSpace's 1,500 requests a minute too (Room Link: Set reads each room once,
	// and its links once with Create or Reuse).
	const reads = summary.reads['200'] ?? 0;
	const floor = Math.max(
		floorMs(items, LATENCY_MS),
		Math.floor((items + reads - 1) / PER_MINUTE) * 60_000,
	);
	const sent = (byStatus: Record<string, number>) =>
		`${Object.values(byStatus).reduce((a, b) => a + b, 0)} (429: ${byStatus['429'] ?? 0})`;
	const table = [
		[
			'Executions × items',
			`${EXECUTIONS} × ${ITEMS} (${linkRuns} Room Link: Set, ${shareRuns} File: Share), 1 DocSpace user`,
		],
		['Wall time (first webhook → last execution stopped)', `${(wallMs / 1000).toFixed(1)} s`],
		['Floor (15 writes in parallel, 1,500 requests/min, 30 ms)', `${(floor / 1000).toFixed(1)} s`],
		['Failed executions / items', `${failed.length} / ${failed.length * ITEMS}`],
		['Links lost / duplicated', `${links.lost.length} / ${links.duplicated.length}`],
		['Writes applied (200) / items', `${applied} / ${items}`],
		['429s from DocSpace (each retried)', String(summary.rejected429)],
		['Write requests sent', sent(summary.writes)],
		['Read requests sent', `${sent(summary.reads)}, 200: ${reads}`],
		['Peak writes in flight at the portal', String(summary.maxConcurrentWrites)],
		...perWorker.map((line, n) => [`Worker ${n + 1}`, line.slice(line.indexOf(':') + 2)]),
	];
	process.stdout.write(
		`\nQueue mode: main + ${WORKERS} workers, ${new Date().toISOString()}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}\n`,
	);
	for (const [label, value] of table) process.stdout.write(`| ${label.padEnd(52)} | ${value} |\n`);
	process.stdout.write('\n');
	check(rows.length === EXECUTIONS, `${EXECUTIONS} executions ran (${rows.length})`);
	check(
		failed.length === 0,
		`0 failed executions (${failed.map((row) => `${row.id}: ${row.status}`).join(', ')})`,
	);
	check(
		links.lost.length === 0 && links.wrongTitle === 0,
		`no link lost (${links.lost.length}), titles right`,
	);
	check(links.duplicated.length === 0, `no link duplicated (${links.duplicated.length})`);
	check(applied === items, `every item applied exactly once (${applied} of ${items})`);
	check(
		summary.maxConcurrentWrites <= WRITE_LIMIT,
		`at most 15 writes in flight (${summary.maxConcurrentWrites})`,
	);
	check(summary.violations === 0, `no request broke DocSpace's OpenAPI (${summary.violations})`);
	check(
		cluster.workers.every((worker) =>
			perWorker.some((line) => line.startsWith(worker.name) && !line.includes(': 0 executions')),
		),
		'both workers ran executions',
	);
}

async function main() {
	const started = Date.now();
	let services: Services | undefined;
	let emulator: Emulator | undefined;
	let cluster: Cluster | undefined;
	let cleaning: Promise<void> | undefined;
	const cleanup = () =>
		(cleaning ??= (async () => {
			await cluster?.stop().catch(() => undefined);
			if (emulator) await stopEmulator(emulator.child);
			await services?.stop().catch(() => undefined);
		})());
	const abort = (reason: string) => {
		log(reason);
		void cleanup().finally(() => process.exit(1));
	};
	const watchdog = setTimeout(
		() => abort(`test:queue took longer than ${OVERALL_TIMEOUT_MS / 60_000} min: stopping`),
		OVERALL_TIMEOUT_MS,
	);
	process.once('SIGINT', () => abort('interrupted'));
	process.once('SIGTERM', () => abort('terminated'));
	try {
		services = await startServices();
		emulator = await startEmulator();
		cluster = await startCluster(
			services,
			emulator.baseUrl,
			[roomLinksWorkflow, fileShareWorkflow],
			[ROOM_LINKS.path, FILE_SHARE.path],
			WORKERS,
		);
		await batch(cluster, services, emulator);
		if (process.env.QUEUE_SKIP_KILL !== '1')
			await killRun(cluster, services, emulator, Math.ceil(EXECUTIONS / 2) * ITEMS);
	} catch (error) {
		failures.push((error as Error).message);
		log(`error: ${(error as Error).stack ?? error}`);
		for (const p of [cluster?.main, ...(cluster?.workers ?? [])])
			if (p) log(`--- last lines of ${p.name} ---\n${p.log().split('\n').slice(-15).join('\n')}`);
	} finally {
		clearTimeout(watchdog);
		await cleanup();
	}
	log(
		`test:queue ${failures.length ? 'FAILED' : 'passed'} in ${Math.round((Date.now() - started) / 1000)} s`,
	);
	if (failures.length) {
		for (const failure of failures) log(`  - ${failure}`);
		process.exit(1);
	}
	process.exit(0);
}

void main();
