/** What the queue-mode test shares: the emulator process, n8n's executions table, webhooks, checks. */
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { log } from '../e2e/runtime';
import type { Cluster } from './cluster';
import type { EmulatorCommand } from './emulatorProcess';
import type { Services } from './services';
import { linkTitle } from './workflows';

export const WRITE_LIMIT = 15;
export const PER_MINUTE = 1500;

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Command = WithoutId<EmulatorCommand>;

export interface Emulator {
	child: ChildProcess;
	baseUrl: string;
	call<T>(command: Command): Promise<T>;
}

export async function startEmulator(): Promise<Emulator> {
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
export function stopEmulator(child: ChildProcess): Promise<void> {
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

export const rooms = (from: number, count: number) =>
	Array.from({ length: count }, (_, n) => String(1001 + from + n));

/** POSTs to a production webhook; a 404 while n8n is still registering it is tried again (10 times at most). */
export async function trigger(cluster: Cluster, path: string, body: object): Promise<void> {
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

export interface ExecutionRow {
	id: string;
	workflowId: string;
	status: string;
	retryOf: string;
	startedAt: number;
	stoppedAt: number;
}

export function executions(services: Services): ExecutionRow[] {
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
export function errorOf(cluster: Cluster, services: Services, id: string): string {
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

export const RUNNING = new Set(['new', 'running', 'waiting', 'unknown']);

export async function waitUntil<T>(
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
export function workerOf(cluster: Cluster): Map<string, string> {
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

export function linkCheck(links: Record<string, string[]>) {
	const entries = Object.entries(links);
	return {
		made: entries.reduce((sum, [, titles]) => sum + titles.length, 0),
		lost: entries.filter(([, titles]) => titles.length === 0).map(([room]) => room),
		duplicated: entries.filter(([, titles]) => titles.length > 1).map(([room]) => room),
		wrongTitle: entries.filter(([room, titles]) => titles.some((t) => t !== linkTitle(room)))
			.length,
	};
}

export const failures: string[] = [];
export function check(ok: boolean, message: string): void {
	if (!ok) failures.push(message);
	log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
}
