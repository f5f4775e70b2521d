/**
 * A real n8n 2.41.1 in queue mode: one main process (`n8n start`, which receives the webhooks and
 * puts executions on the Bull queue in Redis) and worker processes (`n8n worker`), all sharing one
 * PostgreSQL database, with this package installed as a community package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SEED_IDS } from '../../test/emulator/seed';
import { OWNER } from '../e2e/editor';
import { createN8nHome, plain, type N8nHome } from '../e2e/n8n';
import { freePort } from '../e2e/ports';
import { log } from '../e2e/runtime';
import { credentialFor } from '../e2e/workflows';
import { stopGroup, type Services } from './services';

export interface N8nProcess {
	name: string;
	child: ChildProcess;
	logFile: string;
	/** n8n's log so far, without colours. */
	log(): string;
}

export interface Cluster {
	url: string;
	home: N8nHome;
	main: N8nProcess;
	workers: N8nProcess[];
	/** Calls n8n's REST API as the owner. */
	rest(method: string, path: string, body?: unknown): Promise<any>;
	stop(): Promise<void>;
}

/** Each worker takes at most this many executions at once, so 4 executions spread over 2 workers. */
export const WORKER_CONCURRENCY = 2;

async function waitFor<T>(
	what: string,
	timeoutMs: number,
	probe: () => Promise<T | undefined>,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe().catch(() => undefined);
		if (value !== undefined) return value;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

export async function startCluster(
	services: Services,
	emulatorUrl: string,
	workflows: Array<{ id: string }>,
	webhookPaths: string[],
	workerCount: number,
): Promise<Cluster> {
	const port = await freePort();
	const home = await createN8nHome({
		prefix: 'n8n-docspace-queue-',
		env: {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(services.redisPort),
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(services.pgPort),
			DB_POSTGRESDB_DATABASE: 'postgres',
			DB_POSTGRESDB_USER: 'postgres',
			DB_POSTGRESDB_PASSWORD: '',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_PORT: String(port),
			N8N_PROTOCOL: 'http',
			N8N_SECURE_COOKIE: 'false',
			N8N_PUBLIC_API_DISABLED: 'true',
			// A killed worker's job is found stalled within about 25 s instead of 90 s, and the main
			// process looks for executions no job runs any more every 15 s instead of 3 hours.
			QUEUE_WORKER_LOCK_DURATION: '20000',
			QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
			QUEUE_WORKER_STALLED_INTERVAL: '5000',
			N8N_EXECUTIONS_QUEUE_RECOVERY_INTERVAL: '0.25',
		},
	});
	const processes: N8nProcess[] = [];
	const stop = async () => {
		await Promise.all(processes.map(async (p) => await stopGroup(p.child)));
		home.cleanup();
	};
	try {
		const credentials = home.writeJson(
			'credentials.json',
			credentialFor(emulatorUrl, SEED_IDS.apiKey),
		);
		const workflowFile = home.writeJson('workflows.json', workflows);
		for (const args of [
			['import:credentials', `--input=${credentials}`],
			['import:workflow', `--input=${workflowFile}`],
		]) {
			const result = await home.cli(args);
			if (result.code !== 0)
				throw new Error(
					`n8n ${args[0]} failed:\n${plain(result.stdout + result.stderr).slice(-3000)}`,
				);
		}
		const launch = async (name: string, args: string[]): Promise<N8nProcess> => {
			const child = spawn(home.runtime.nodeBin, [home.runtime.n8nBin, ...args], {
				cwd: home.userFolder,
				env: {
					...home.env,
					N8N_RUNNERS_BROKER_PORT: String(await freePort()),
					QUEUE_HEALTH_CHECK_PORT: String(await freePort()),
				},
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: true,
			});
			const logFile = join(home.userFolder, `${name}.log`);
			const stream = createWriteStream(logFile);
			child.stdout!.pipe(stream, { end: false });
			child.stderr!.pipe(stream, { end: false });
			const process: N8nProcess = {
				name,
				child,
				logFile,
				log: () => plain(readFileSync(logFile, 'utf8')),
			};
			processes.push(process);
			return process;
		};
		const url = `http://127.0.0.1:${port}`;
		log('Starting n8n: main and workers (about a minute)…');
		const started = Date.now();
		const main = await launch('main', ['start']);
		const workers: N8nProcess[] = [];
		for (let n = 1; n <= workerCount; n++)
			workers.push(await launch(`worker${n}`, ['worker', `--concurrency=${WORKER_CONCURRENCY}`]));
		const alive = (p: N8nProcess) => {
			if (p.child.exitCode !== null)
				throw new Error(`n8n ${p.name} exited:\n${p.log().slice(-3000)}`);
		};
		await waitFor('the main process', 240_000, async () => {
			alive(main);
			const response = await fetch(`${url}/healthz/readiness`);
			return response.ok ? true : undefined;
		});
		for (const worker of workers) {
			await waitFor(`${worker.name}`, 240_000, async () => {
				alive(worker);
				return /n8n worker is now ready/i.test(worker.log()) ? true : undefined;
			});
		}
		const setup = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!setup.ok) throw new Error(`owner setup failed: ${setup.status} ${await setup.text()}`);
		const browserId = 'queue-test-browser';
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'browser-id': browserId },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		if (!login.ok) throw new Error(`login failed: ${login.status}`);
		const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
		const rest = async (method: string, path: string, body?: unknown) => {
			const response = await fetch(`${url}/rest${path}`, {
				method,
				headers: { 'content-type': 'application/json', cookie, 'browser-id': browserId },
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(30_000),
			});
			const text = await response.text();
			if (!response.ok)
				throw new Error(`${method} /rest${path} → ${response.status}: ${text.slice(0, 1000)}`);
			return text ? JSON.parse(text) : undefined;
		};
		// Activated (published) as the editor's toggle does, so the main process registers the webhooks.
		for (const { id } of workflows) {
			const { data } = await rest('GET', `/workflows/${id}`);
			await rest('POST', `/workflows/${id}/activate`, { versionId: data.versionId });
		}
		await waitFor('the webhooks to be registered', 60_000, async () => {
			const paths = services.sql('select "webhookPath" from webhook_entity').flat();
			return webhookPaths.every((path) => paths.includes(path)) ? true : undefined;
		});
		log(
			`n8n main and ${workerCount} workers ready (${Math.round((Date.now() - started) / 1000)} s)`,
		);
		return { url, home, main, workers, rest, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
