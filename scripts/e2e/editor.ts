/**
 * `npm run n8n`: a real n8n editor (the cached n8n 2.41.1) on 127.0.0.1 with this package
 * installed as a community package, the DocSpace emulator running, the emulator credential and
 * the example workflows imported and an owner account set up. Ctrl-C stops everything and
 * removes the temporary folder.
 *
 * `startEditor()` is also what the browser test (test:ui) runs against.
 */
import type { ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DocSpaceEmulator, SEED_IDS } from '../../test/emulator';
import { createN8nHome, plain, type N8nHome } from './n8n';
import { freePort, portIsFree } from './ports';
import { log } from './runtime';
import { credentialFor, loadExampleWorkflows, type ExampleWorkflow } from './workflows';

export const OWNER = {
	email: 'owner@example.com',
	firstName: 'Olivia',
	lastName: 'Owner',
	// Meets n8n's password rules (8+ characters, a digit, an upper-case letter). Local only.
	password: 'DocSpace-e2e-2024',
};

export interface Editor {
	url: string;
	emu: DocSpaceEmulator;
	home: N8nHome;
	examples: ExampleWorkflow[];
	/** n8n's own log, written inside the temporary folder. */
	logFile: string;
	stop(): Promise<void>;
}

export interface EditorOptions {
	port?: number;
	/** Echo n8n's log lines to stderr. */
	echoLog?: boolean;
	/** More workflows to import next to the examples (variants made by the tests). */
	workflows?: object[];
	/** Ids of imported workflows to publish (activate) before n8n starts, e.g. ones with triggers. */
	publish?: string[];
	/** More credentials to import, given the emulator's address. */
	credentials?: (emulatorUrl: string) => object[];
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let exited: number | null | undefined;
	child.once('exit', (code) => (exited = code));
	while (Date.now() < deadline) {
		if (exited !== undefined) throw new Error(`n8n exited (code ${exited}) before it was ready`);
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`n8n did not become ready at ${url} within ${timeoutMs / 1000} s`);
}

function stopChild(child: ChildProcess): Promise<void> {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const kill = (signal: NodeJS.Signals) => {
			try {
				// n8n runs detached in its own process group: signal the group, so its task
				// runner goes too.
				process.kill(-child.pid!, signal);
			} catch {
				// already gone
			}
		};
		const timer = setTimeout(() => kill('SIGKILL'), 15_000);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
		kill('SIGTERM');
	});
}

export async function startEditor(options: EditorOptions = {}): Promise<Editor> {
	const port = options.port ?? 5678;
	if (!(await portIsFree(port))) {
		throw new Error(
			`port ${port} on 127.0.0.1 is in use: stop what listens there, or choose another with N8N_PORT=<port>`,
		);
	}
	const emu = await DocSpaceEmulator.start();
	log(`DocSpace emulator listening on ${emu.baseUrl}`);
	let home: N8nHome | undefined;
	let child: ChildProcess | undefined;
	const cleanup = async () => {
		if (child) await stopChild(child);
		await emu.stop();
		home?.cleanup();
	};
	try {
		home = await createN8nHome({
			prefix: 'n8n-docspace-editor-',
			env: {
				N8N_HOST: '127.0.0.1',
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_PORT: String(port),
				N8N_PROTOCOL: 'http',
				N8N_SECURE_COOKIE: 'false',
				N8N_RUNNERS_BROKER_PORT: String(await freePort()),
				N8N_PUBLIC_API_DISABLED: 'true',
			},
		});
		const examples = loadExampleWorkflows();
		const credentials = home.writeJson('credentials.json', [
			...credentialFor(emu.baseUrl, SEED_IDS.apiKey),
			...(options.credentials?.(emu.baseUrl) ?? []),
		]);
		const workflows = home.writeJson('workflows.json', [
			...examples.map((e) => e.workflow),
			...(options.workflows ?? []),
		]);
		for (const args of [
			['import:credentials', `--input=${credentials}`],
			['import:workflow', `--input=${workflows}`],
			...(options.publish ?? []).map((id) => ['publish:workflow', `--id=${id}`]),
		]) {
			const result = await home.cli(args);
			if (result.code !== 0) {
				throw new Error(
					`n8n ${args[0]} failed (exit ${result.code}):\n${plain(result.stdout + result.stderr).slice(-4000)}`,
				);
			}
		}
		log(
			`Imported the credential "DocSpace (emulator)" and ${examples.length} workflows (${examples.map((e) => e.key).join(', ')})`,
		);

		const url = `http://127.0.0.1:${port}`;
		const logFile = join(home.userFolder, 'n8n.log');
		const logStream = createWriteStream(logFile);
		log(`Starting n8n on ${url} (about 30 s)…`);
		const started = Date.now();
		child = home.spawn(['start'], { detached: true });
		for (const stream of [child.stdout!, child.stderr!]) {
			stream.pipe(logStream, { end: false });
			if (options.echoLog) stream.on('data', (d) => process.stderr.write(d));
		}
		try {
			await waitForHealth(url, child, 180_000);
		} catch (error) {
			await new Promise((r) => setTimeout(r, 200));
			const tail = plain(readFileSync(logFile, 'utf8')).trim().split('\n').slice(-30).join('\n');
			throw new Error(`${(error as Error).message}\n--- last lines of n8n's log ---\n${tail}`);
		}

		const response = await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(OWNER),
		});
		if (!response.ok)
			throw new Error(`owner setup failed: ${response.status} ${await response.text()}`);
		log(
			`n8n is ready (${Math.round((Date.now() - started) / 1000)} s); owner ${OWNER.email} set up`,
		);

		const editorChild = child;
		let stopped: Promise<void> | undefined;
		return {
			url,
			emu,
			home,
			examples,
			logFile,
			stop: () =>
				(stopped ??= (async () => {
					await stopChild(editorChild);
					logStream.end();
					await emu.stop();
					home!.cleanup();
				})()),
		};
	} catch (error) {
		await cleanup();
		throw error;
	}
}

async function main(): Promise<void> {
	const port = Number(process.env.N8N_PORT || 5678);
	const editor = await startEditor({ port, echoLog: process.env.E2E_N8N_LOG === '1' });
	const line = '─'.repeat(64);
	process.stdout.write(
		[
			'',
			line,
			`  n8n ${editor.url}  (with ${require('../../package.json').name} installed)`,
			`  Sign in:   ${OWNER.email}  /  ${OWNER.password}`,
			`  Workflows: ${editor.examples.map((e) => `${editor.url}/workflow/${e.workflow.id}`).join('\n             ')}`,
			`  DocSpace emulator: ${editor.emu.baseUrl}  (credential "DocSpace (emulator)")`,
			`  n8n log:   ${editor.logFile}`,
			'  Press Ctrl-C to stop n8n and the emulator and remove the temporary folder.',
			line,
			'',
		].join('\n'),
	);
	let stopping = false;
	const shutdown = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log(`${signal}: stopping n8n and the emulator…`);
		editor.stop().then(
			() => {
				log('Stopped; temporary folder removed.');
				process.exit(0);
			},
			(error) => {
				log(`stopping failed: ${error}`);
				process.exit(1);
			},
		);
	};
	process.on('SIGINT', () => shutdown('SIGINT'));
	process.on('SIGTERM', () => shutdown('SIGTERM'));
	process.on('SIGHUP', () => shutdown('SIGHUP'));
}

if (require.main === module) {
	main().catch((error: Error) => {
		log(`npm run n8n failed: ${error.message}`);
		process.exit(1);
	});
}
