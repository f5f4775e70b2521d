/**
 * `npm run test:queue`: this package in n8n's queue mode. Redis and PostgreSQL (Debian's packages),
 * a real n8n 2.41.1 main process and two workers, and the DocSpace emulator in its own process
 * with DocSpace's limits (15 parallel writes and 1,500 requests a minute per user, 30 ms per
 * request). Several webhook executions at once (Room Link: Set and File: Share, one DocSpace
 * user) must end with 0 failed and 0 duplicated items; then a worker is killed in the middle of
 * an execution, to show what n8n does and what re-running it does. Prints a table; everything is
 * bounded in time and removed afterwards, also on failure.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';

import { log } from '../e2e/runtime';
import { startCluster, type Cluster } from './cluster';
import type { EmulatorCommand, EmulatorSummary } from './emulatorProcess';
import { startServices, stopGroup, type Services } from './services';
import {
	FILE_SHARE,
	ROOM_LINKS,
	fileShareWorkflow,
	linkTitle,
	roomLinksWorkflow,
	shareEntries,
} from './workflows';

const EXECUTIONS = Math.max(2, Number(process.env.QUEUE_EXECUTIONS ?? 4));
const ITEMS = Math.max(1, Number(process.env.QUEUE_ITEMS ?? 500));
const WORKERS = 2;
const LATENCY_MS = 30;
const WRITE_LIMIT = 15;
const PER_MINUTE = 1500;
/** Slower answers in the kill run, so that the worker dies with the execution half done. */
const KILL_LATENCY_MS = 150;
const KILL_ITEMS = 500;
const OVERALL_TIMEOUT_MS = 20 * 60_000;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Command = WithoutId<EmulatorCommand>;

interface Emulator {
	child: ChildProcess;
	baseUrl: string;
	call<T>(command: Command): Promise<T>;
}

async function startEmulator(): Promise<Emulator> {
	const child = fork(join(__dirname, 'emulatorProcess.ts'), [], {
		execArgv: ['--import', 'tsx'],
		stdio: 'inherit',
	});
	let nextId = 1;
	const pending = new Map<number, (result: unknown) => void>();
	const baseUrl = await new Promise<string>((resolve, reject) => {
		child.once('exit', (code) => reject(new Error(`the emulator exited (${code})`)));
		child.on(
			'message',
			(message: { ready?: boolean; baseUrl?: string; id?: number; result?: unknown }) => {
				if (message.ready) resolve(message.baseUrl!);
				else if (message.id !== undefined) pending.get(message.id)?.(message.result);
			},
		);
	});
	return {
		child,
		baseUrl,
		call: <T>(command: Command) =>
			new Promise<T>((resolve, reject) => {
				const id = nextId++;
				const timer = setTimeout(
					() => reject(new Error(`emulator ${command.type}: no answer`)),
					60_000,
				);
				pending.set(id, (result) => {
					clearTimeout(timer);
					pending.delete(id);
					resolve(result as T);
				});
				child.send({ ...command, id });
			}),
	};
}

/** The emulator is a plain child (not a process group): SIGTERM, then SIGKILL after 5 s. */
function stopEmulator(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

const rooms = (from: number, count: number) =>
	Array.from({ length: count }, (_, n) => String(1001 + from + n));

/** POSTs to a production webhook; a 404 while n8n is still registering it is tried again (10 times at most). */
async function trigger(cluster: Cluster, path: string, body: object): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		const response = await fetch(`${cluster.url}/webhook/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(60_000),
		});
		if (response.ok) return;
		const text = await response.text();
		if (response.status !== 404 || attempt >= 10)
			throw new Error(`webhook ${path} → ${response.status}: ${text.slice(0, 300)}`);
		await new Promise((resolve) => setTimeout(resolve, 1_000));
	}
}

interface ExecutionRow {
	id: string;
	workflowId: string;
	status: string;
	retryOf: string;
	startedAt: number;
	stoppedAt: number;
}

function executions(services: Services): ExecutionRow[] {
	return services
		.sql(
			`select id, "workflowId", status, coalesce("retryOf", ''), coalesce(extract(epoch from "startedAt") * 1000, 0), coalesce(extract(epoch from "stoppedAt") * 1000, 0) from execution_entity order by id`,
		)
		.map(([id, workflowId, status, retryOf, startedAt, stoppedAt]) => ({
			id,
			workflowId,
			status,
			retryOf,
			startedAt: Number(startedAt),
			stoppedAt: Number(stoppedAt),
		}));
}

/** The error n8n stored for an execution (its data is flatted JSON, parsed with n8n's own flatted). */
function errorOf(cluster: Cluster, services: Services, id: string): string {
	try {
		const [row] = services.sql(
			`select data from execution_data where "executionId" = ${Number(id)}`,
		);
		const flatted = require(join(cluster.home.runtime.n8nDir, 'node_modules', 'flatted')) as {
			parse(text: string): { resultData?: { error?: { message?: string } } };
		};
		return flatted.parse(row?.[0] ?? '').resultData?.error?.message ?? '(no error stored)';
	} catch (error) {
		return `(its data could not be read: ${(error as Error).message})`;
	}
}

const RUNNING = new Set(['new', 'running', 'waiting', 'unknown']);

async function waitUntil<T>(
	what: string,
	timeoutMs: number,
	probe: () => T | undefined | Promise<T | undefined>,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
}

/** Which worker ran each execution, from the workers' logs. */
function workerOf(cluster: Cluster): Map<string, string> {
	const owners = new Map<string, string>();
	for (const worker of cluster.workers)
		for (const match of worker.log().matchAll(/Worker started execution (\d+)/g))
			owners.set(match[1], worker.name);
	return owners;
}

/** The shortest time DocSpace's limits allow for `writes` writes of one user. */
export function floorMs(writes: number, latencyMs: number): number {
	const minutes = Math.floor((writes - 1) / PER_MINUTE);
	const last = writes - minutes * PER_MINUTE;
	return minutes * 60_000 + Math.ceil(last / WRITE_LIMIT) * latencyMs;
}

function linkCheck(links: Record<string, string[]>) {
	const entries = Object.entries(links);
	return {
		made: entries.reduce((sum, [, titles]) => sum + titles.length, 0),
		lost: entries.filter(([, titles]) => titles.length === 0).map(([room]) => room),
		duplicated: entries.filter(([, titles]) => titles.length > 1).map(([room]) => room),
		wrongTitle: entries.filter(([room, titles]) => titles.some((t) => t !== linkTitle(room)))
			.length,
	};
}

const failures: string[] = [];
function check(ok: boolean, message: string): void {
	if (!ok) failures.push(message);
	log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
}

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
	const floor = floorMs(items, LATENCY_MS);
	const table = [
		[
			'Executions × items',
			`${EXECUTIONS} × ${ITEMS} (${linkRuns} Room Link: Set, ${shareRuns} File: Share), 1 DocSpace user`,
		],
		['Wall time (first webhook → last execution stopped)', `${(wallMs / 1000).toFixed(1)} s`],
		['Floor (15 parallel, 1,500/min, 30 ms)', `${(floor / 1000).toFixed(1)} s`],
		['Failed executions / items', `${failed.length} / ${failed.length * ITEMS}`],
		['Links lost / duplicated', `${links.lost.length} / ${links.duplicated.length}`],
		['Writes applied (200) / items', `${applied} / ${items}`],
		['429s from DocSpace (each retried)', String(summary.rejected429)],
		['Write requests sent', String(Object.values(summary.writes).reduce((a, b) => a + b, 0))],
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

async function killRun(cluster: Cluster, services: Services, emulator: Emulator) {
	const linkRuns = Math.ceil(EXECUTIONS / 2);
	const killRooms = rooms(linkRuns * ITEMS, KILL_ITEMS);
	await emulator.call({
		type: 'reset',
		rooms: linkRuns * ITEMS + KILL_ITEMS,
		latencyMs: KILL_LATENCY_MS,
	});
	const known = new Set(executions(services).map((row) => row.id));
	log(
		`Kill run: Room Link: Set of ${KILL_ITEMS} rooms at ${KILL_LATENCY_MS} ms per request; one worker is killed halfway`,
	);
	await trigger(cluster, ROOM_LINKS.path, { rooms: killRooms });
	const [executionId, victimName] = await waitUntil('the execution to start', 60_000, () =>
		[...workerOf(cluster)].find(([id]) => !known.has(id)),
	);
	const victim = cluster.workers.find((worker) => worker.name === victimName)!;
	const links = async () => linkCheck(await emulator.call({ type: 'links', roomIds: killRooms }));
	await waitUntil('links to be created', 60_000, async () =>
		(await links()).made >= KILL_ITEMS / 5 ? true : undefined,
	);
	await stopGroup(victim.child, 'SIGKILL');
	const killedAt = Date.now();
	const atKill = (await links()).made;
	log(
		`Killed ${victim.name} (execution ${executionId}) with ${atKill} of ${KILL_ITEMS} links made`,
	);
	const after = await waitUntil('n8n to give the execution up', 180_000, () => {
		const row = executions(services).find((r) => r.id === executionId);
		return row && !RUNNING.has(row.status) ? row : undefined;
	});
	const detectedS = Math.round((Date.now() - killedAt) / 1000);
	// Whatever n8n does by itself, within a further 20 s.
	await new Promise((resolve) => setTimeout(resolve, 20_000));
	const byN8n = executions(services).filter((row) => !known.has(row.id) && row.id !== executionId);
	const afterCrash = await links();
	const lines = [
		`${victim.name} killed (SIGKILL) during execution ${executionId}, ${atKill} of ${KILL_ITEMS} links made`,
		`n8n: execution ${executionId} "${after.status}" ${detectedS} s later (${errorOf(cluster, services, executionId)}); executions n8n started by itself in the next 20 s: ${byN8n.length}`,
		`links after the crash: ${afterCrash.made}, rooms with 2 or more: ${afterCrash.duplicated.length}`,
	];
	check(
		byN8n.length === 0 || afterCrash.duplicated.length === 0,
		'n8n re-ran nothing, or its re-run duplicated nothing',
	);
	check(
		afterCrash.duplicated.length === 0,
		`no duplicate link after the crash (${afterCrash.duplicated.length})`,
	);

	// What a user can do next: n8n's Retry (a new execution id), and sending the webhook again.
	try {
		await cluster.rest('POST', `/executions/${executionId}/retry`, { loadWorkflow: false });
		const retried = await waitUntil('the retry to finish', 180_000, () => {
			const row = executions(services).find((r) => r.retryOf === executionId);
			return row && !RUNNING.has(row.status) ? row : undefined;
		});
		const afterRetry = await links();
		const error =
			retried.status === 'success' ? '' : ` (${errorOf(cluster, services, retried.id)})`;
		lines.push(
			`Retry: execution ${retried.id} (retry of ${executionId}) "${retried.status}"${error}; links ${afterRetry.made}, rooms with 2 or more: ${afterRetry.duplicated.length}`,
		);
	} catch (error) {
		lines.push(`Retry refused: ${(error as Error).message.slice(0, 300)}`);
	}
	const before = new Set(executions(services).map((row) => row.id));
	await trigger(cluster, ROOM_LINKS.path, { rooms: killRooms });
	const again = await waitUntil('the webhook sent again to finish', 180_000, () => {
		const row = executions(services).find((r) => !before.has(r.id));
		return row && !RUNNING.has(row.status) ? row : undefined;
	});
	const afterAgain = await links();
	lines.push(
		`Webhook sent again: execution ${again.id} "${again.status}"; rooms without a link: ${afterAgain.lost.length}, with 2 or more: ${afterAgain.duplicated.length}`,
	);
	check(
		afterAgain.lost.length === 0,
		`nothing lost once the webhook is sent again (${afterAgain.lost.length})`,
	);
	process.stdout.write(
		`\nWorker killed mid-execution:\n${lines.map((line) => `- ${line}`).join('\n')}\n\n`,
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
		if (process.env.QUEUE_SKIP_KILL !== '1') await killRun(cluster, services, emulator);
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
