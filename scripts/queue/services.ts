/**
 * Redis and PostgreSQL for the queue-mode test, from Debian's packages: installed with apt-get
 * when missing, run from a temporary folder on 127.0.0.1 with free ports, stopped and removed
 * afterwards. Each wait is bounded.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:net';

import { freePort } from '../e2e/ports';
import { log } from '../e2e/runtime';

export const PG_BIN = '/usr/lib/postgresql/15/bin';

function hasCommand(name: string): boolean {
	return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function aptGet(args: string[]): boolean {
	const result = spawnSync('apt-get', args, {
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		timeout: 600_000,
	});
	return result.status === 0;
}

/** Installs redis-server and postgresql-15 with apt-get when they are missing. */
export function ensurePackages(): void {
	const missing = [
		...(hasCommand('redis-server') ? [] : ['redis-server']),
		...(existsSync(join(PG_BIN, 'postgres')) ? [] : ['postgresql-15']),
	];
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0)
		throw new Error(`missing ${missing.join(', ')}: install them (apt-get install) or run as root`);
	log(`Installing ${missing.join(', ')} with apt-get (first run only)…`);
	const install = ['install', '-y', '--no-install-recommends', ...missing];
	if (!aptGet(install) && !(aptGet(['update']) && aptGet(install)))
		throw new Error(`apt-get install ${missing.join(' ')} failed`);
}

export interface Service {
	name: string;
	port: number;
	child: ChildProcess;
	output: () => string;
}

function start(name: string, command: string, args: string[], port: number): Service {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	let output = '';
	const keep = (data: Buffer) => (output = (output + data.toString()).slice(-8000));
	child.stdout!.on('data', keep);
	child.stderr!.on('data', keep);
	return { name, port, child, output: () => output };
}

async function waitForPort(service: Service, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (service.child.exitCode !== null)
			throw new Error(`${service.name} exited: ${service.output().slice(-2000)}`);
		const open = await new Promise<boolean>((resolve) => {
			const socket = connect(service.port, '127.0.0.1');
			socket.once('connect', () => resolve(socket.end() && true));
			socket.once('error', () => resolve(false));
		});
		if (open) return;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`${service.name} did not listen within ${timeoutMs / 1000} s`);
}

/** Stops a detached process group: `signal` first, SIGKILL after `graceMs`. */
export function stopGroup(
	child: ChildProcess,
	signal: NodeJS.Signals = 'SIGTERM',
	graceMs = 15_000,
): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const kill = (s: NodeJS.Signals) => {
			try {
				process.kill(-child.pid!, s);
			} catch {
				// already gone
			}
		};
		const timer = setTimeout(() => kill('SIGKILL'), graceMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		kill(signal);
	});
}

export interface Services {
	redisPort: number;
	pgPort: number;
	/** Runs SQL in the n8n database; returns rows as arrays of strings. */
	sql(query: string): string[][];
	stop(): Promise<void>;
}

/** Starts Redis and PostgreSQL in a temporary folder; `stop` removes everything. */
export async function startServices(): Promise<Services> {
	ensurePackages();
	const dir = mkdtempSync(join(tmpdir(), 'n8n-docspace-queue-'));
	const running: Service[] = [];
	const asRoot = process.getuid?.() === 0;
	// PostgreSQL refuses to run as root: run it as Debian's postgres user.
	const asPostgres = (command: string, args: string[]): [string, string[]] =>
		asRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
	const stop = async () => {
		for (const service of running.reverse())
			await stopGroup(service.child, service.name === 'postgres' ? 'SIGINT' : 'SIGTERM');
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		const redisPort = await freePort();
		const redis = start(
			'redis',
			'redis-server',
			[
				'--port',
				String(redisPort),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				dir,
			],
			redisPort,
		);
		running.push(redis);

		const pgData = join(dir, 'pg');
		if (asRoot) {
			const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
			chownSync(dir, uid, 0);
		}
		const [initCommand, initArgs] = asPostgres(join(PG_BIN, 'initdb'), [
			'-D',
			pgData,
			'-U',
			'postgres',
			'--auth=trust',
			'-E',
			'UTF8',
			'--no-sync',
		]);
		const init = spawnSync(initCommand, initArgs, { encoding: 'utf8', timeout: 120_000 });
		if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
		const pgPort = await freePort();
		const [pgCommand, pgArgs] = asPostgres(join(PG_BIN, 'postgres'), [
			'-D',
			pgData,
			'-p',
			String(pgPort),
			'-h',
			'127.0.0.1',
			'-k',
			dir,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
			'-c',
			'max_connections=100',
		]);
		const postgres = start('postgres', pgCommand, pgArgs, pgPort);
		running.push(postgres);
		await Promise.all([waitForPort(redis, 30_000), waitForPort(postgres, 60_000)]);
		log(`Redis on 127.0.0.1:${redisPort}, PostgreSQL on 127.0.0.1:${pgPort} (data in ${dir})`);
		const sql = (query: string): string[][] => {
			const result = spawnSync(
				join(PG_BIN, 'psql'),
				['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', '-At', '-F', '\t', '-c', query],
				{ encoding: 'utf8', timeout: 30_000 },
			);
			if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
			return result.stdout
				.split('\n')
				.filter((line) => line !== '')
				.map((line) => line.split('\t'));
		};
		return { redisPort, pgPort, sql, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}
