/**
 * A throwaway n8n home with this package installed the way n8n installs community packages,
 * and helpers to drive the n8n CLI (import, execute, start) from the cached runtime.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { ensureN8n, log, run, type N8nRuntime } from './runtime';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const PACKAGE_NAME: string = JSON.parse(
	readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'),
).name;
/** Fixed so that credentials imported in one CLI call can be read by the next. */
const ENCRYPTION_KEY = 'n8n-nodes-docspace-e2e-not-a-secret';

/** Builds the package and packs it with `npm pack`; returns the tarball's path. */
export async function packPackage(outDir: string): Promise<string> {
	log('Building the package (npm run build)…');
	// `.npmrc` sets ignore-scripts, so `npm pack` would skip `prepack`: build explicitly.
	await run('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, quiet: true });
	const output = await capture('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: REPO_ROOT,
	});
	const [{ filename }] = JSON.parse(output.stdout) as Array<{ filename: string }>;
	const tarball = join(outDir, filename);
	log(`Packed ${tarball}`);
	return tarball;
}

/**
 * Installs a packed tarball into `<userFolder>/.n8n/nodes` the way n8n 2.41's
 * CommunityPackagesService.downloadPackage does: unpack into node_modules/<name>, drop dev/peer/
 * optional dependencies from its package.json, `npm install` in it with n8n's flags, and list it
 * in `.n8n/nodes/package.json`.
 */
export async function installTarball(userFolder: string, tarball: string): Promise<void> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const packageDir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	mkdirSync(packageDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], { quiet: true });
	const pkgPath = join(packageDir, 'package.json');

	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		readFileSync(pkgPath, 'utf8'),
	);
	writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
	await run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
			'--loglevel=error',
		],
		{ cwd: packageDir, quiet: true },
	);
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify(
			{ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: pkg.version } },
			null,
			2,
		),
	);
}

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

function capture(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliResult> {
	return new Promise((resolvePromise, reject) => {
		const child = spawn(command, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('exit', (code) => {
			const result = { code, stdout, stderr };
			if (command === 'npm' && code !== 0) {
				reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})\n${stderr}`));
			} else resolvePromise(result);
		});
	});
}

export interface N8nHome {
	runtime: N8nRuntime;
	/** The throwaway N8N_USER_FOLDER (n8n keeps its data in `<it>/.n8n`). */
	userFolder: string;
	env: NodeJS.ProcessEnv;
	/** Runs `n8n <args>` to completion with the cached Node 24. */
	cli(args: string[]): Promise<CliResult>;
	/** Starts a long-running `n8n <args>` (e.g. `start`); `detached` gives it its own process group. */
	spawn(args: string[], options?: { detached?: boolean }): ChildProcess;
	/** Writes `value` as JSON into the home's scratch folder and returns its path. */
	writeJson(name: string, value: unknown): string;
	/** Removes the user folder. */
	cleanup(): void;
}

export interface N8nHomeOptions {
	/** Extra environment for n8n (e.g. N8N_PORT). */
	env?: NodeJS.ProcessEnv;
	/** Prefix of the temp folder. */
	prefix?: string;
}

/**
 * Prepares the cached n8n, packs this package and creates a throwaway n8n home with the package
 * installed in it.
 */
export async function createN8nHome(options: N8nHomeOptions = {}): Promise<N8nHome> {
	const runtime = await ensureN8n();
	const userFolder = mkdtempSync(join(tmpdir(), options.prefix ?? 'n8n-docspace-e2e-'));
	const scratch = join(userFolder, 'scratch');
	mkdirSync(scratch, { recursive: true });
	try {
		const tarball = await packPackage(scratch);
		await installTarball(userFolder, tarball);
	} catch (error) {
		rmSync(userFolder, { recursive: true, force: true });
		throw error;
	}
	log(`n8n user folder: ${userFolder}`);

	// Keep n8n's own variables out of the parent's environment, then set ours.
	const base: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		// NODE_ENV=test (set by jest) makes n8n silence its output; JEST_* marks a test run too.
		const skip =
			key.startsWith('N8N_') ||
			key.startsWith('DB_') ||
			key.startsWith('JEST_') ||
			key === 'NODE_ENV' ||
			key === 'NODE_OPTIONS';
		if (!skip) {
			base[key] = value;
		}
	}
	const env: NodeJS.ProcessEnv = {
		...base,
		PATH: `${join(runtime.nodeBin, '..')}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_LOG_LEVEL: 'info',
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		// Community nodes marked usableAsTool are offered to AI agents and MCP only with this.
		N8N_COMMUNITY_PACKAGES_ALLOW_TOOL_USAGE: 'true',
		// Its refresh task fetches a catalogue of MCP servers from n8n's site; nothing here needs it.
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
		...options.env,
	};

	return {
		runtime,
		userFolder,
		env,
		cli: (args) => capture(runtime.nodeBin, [runtime.n8nBin, ...args], { cwd: userFolder, env }),
		spawn: (args, spawnOptions) =>
			spawn(runtime.nodeBin, [runtime.n8nBin, ...args], {
				cwd: userFolder,
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
				detached: spawnOptions?.detached ?? false,
			}),
		writeJson(name, value) {
			const path = join(scratch, name);
			writeFileSync(path, JSON.stringify(value, null, 2));
			return path;
		},
		cleanup() {
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

/** Strips ANSI colours, for matching n8n's log lines. */
export function plain(text: string): string {
	return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/**
 * Parses the run JSON that `n8n execute --rawOutput` prints (on success it is the whole of
 * stdout; on failure it follows the "Execution error:" banner at info level).
 */
export function parseRunOutput(stdout: string): any {
	const text = plain(stdout);
	const start = text.indexOf('{\n  "data"');
	const alt = text.search(/^\{$/m);
	const from = start >= 0 ? start : alt;
	if (from < 0) throw new Error(`no run JSON in n8n's output:\n${text.slice(-3000)}`);
	// The JSON ends at the first line that is exactly "}" at column 0 after `from`.
	const end = text.indexOf('\n}', from);
	return JSON.parse(text.slice(from, end + 2));
}
