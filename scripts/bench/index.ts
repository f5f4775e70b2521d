/**
 * `npm run bench`: what users run. Each bulk write operation, 1,000 items, on n8n's engine with
 * the expression engine a real n8n 2.41 uses by default (isolated-vm, `vm`, Node 24 from the
 * e2e runtime cache) and, as a second column, n8n-workflow's legacy in-process evaluator, against
 * the DocSpace emulator enforcing DocSpace's limits (15 parallel writes, 1,500 requests a minute,
 * 30 ms per request), next to an ideal raw client (the floor).
 */
import { spawn, execFileSync } from 'child_process';
import os from 'os';
import path from 'path';
import type { IDataObject } from 'n8n-workflow';

import { ensureN8n } from '../e2e/runtime';
import { compareRevisions } from './compare';
import type { Measure } from './workloads';

interface Pass {
	engine: string;
	node: string;
	latencyMs: number;
	rows: Measure[];
	memory?: IDataObject;
	expressions?: Array<{ operation: string; expressionsPerItem: number; failed: number }>;
}

function pass(nodeBin: string, engine: 'vm' | 'legacy', env: NodeJS.ProcessEnv): Promise<Pass> {
	return new Promise((resolve, reject) => {
		const child = spawn(
			nodeBin,
			['--expose-gc', '--import', 'tsx', path.join(__dirname, 'run.ts')],
			{
				cwd: path.join(__dirname, '../..'),
				env: { ...process.env, DOCSPACE_PACKAGE_ROOT: 'dist', ...env, BENCH_ENGINE: engine },
				stdio: ['ignore', 'pipe', 'inherit'],
			},
		);
		let output = '';
		child.stdout.on('data', (chunk) => (output += chunk));
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			const last = output.trim().split('\n').pop() ?? '';
			// The vm engine's isolates can take the process down while it exits, after the pass has
			// printed its measures; those still count, and the bench says so.
			if (last.startsWith('{') && (code === 0 || signal)) {
				if (signal)
					console.error(`  [${engine}] the pass ended with ${signal} after printing its measures`);
				resolve(JSON.parse(last) as Pass);
			} else
				reject(
					new Error(`The ${engine} pass failed (exit ${code ?? signal})\n${output.slice(-2000)}`),
				);
		});
	});
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main() {
	const { nodeBin } = await ensureN8n();
	execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
	const compare = process.argv.indexOf('--compare');
	if (compare > 0) {
		const rounds = process.argv.indexOf('--rounds');
		return await compareRevisions(
			async (env) => await pass(nodeBin, 'vm', env),
			process.argv[compare + 1] ?? 'HEAD',
			rounds > 0 ? Number(process.argv[rounds + 1]) : 3,
		);
	}
	const vm = await pass(nodeBin, 'vm', {});
	const legacy = await pass(nodeBin, 'legacy', { BENCH_MEMORY_ITEMS: '0' });

	const floorOf = (rows: Measure[], row: Measure) =>
		rows.find((entry) => entry.operation === row.operation && entry.label.endsWith('(floor)'))
			?.wallMs ?? NaN;
	console.log(
		`\nDocSpace emulator: ${vm.latencyMs} ms per request, 15 parallel writes per user, 1,500 requests/min; ${vm.rows[0]?.items ?? 0} items per run.`,
	);
	console.log(
		`Expression engine: vm (isolated-vm, n8n 2.41's default) on Node ${vm.node}; legacy (in-process) as the second column.\n`,
	);
	console.log(
		'| run | failed | duplicates | vm: wall time | vm: × floor | vm: longest preparation stall | vm: CPU per item | expressions per item | legacy: wall time | legacy: × floor | answers (vm) |',
	);
	console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
	for (const [index, row] of vm.rows.entries()) {
		const other = legacy.rows[index];
		const floor = row.label.endsWith('(floor)');
		console.log(
			`| ${row.label} | ${row.failed}${other && other.failed !== row.failed ? ` (legacy ${other.failed})` : ''} | ${row.duplicates ?? '–'} | ${seconds(row.wallMs)} | ${(row.wallMs / floorOf(vm.rows, row)).toFixed(2)} | ${floor ? '–' : seconds(row.blockedMs)} | ${row.cpuMsPerItem.toFixed(2)} ms | ${floor ? '–' : row.expressionsPerItem.toFixed(1)} | ${other ? seconds(other.wallMs) : '–'} | ${other ? (other.wallMs / floorOf(legacy.rows, other)).toFixed(2) : '–'} | ${Object.entries(
				row.statuses ?? {},
			)
				.map(([status, n]) => `${status}×${n}`)
				.join(' ')} |`,
		);
	}
	console.log(
		'\n| operation (20 items, its fields from $json) | expressions per item (vm) | failed |',
	);
	console.log('|---|---:|---:|');
	for (const row of vm.expressions ?? [])
		console.log(`| ${row.operation} | ${row.expressionsPerItem.toFixed(0)} | ${row.failed} |`);
	if (vm.memory) {
		const memory = vm.memory as {
			items: number;
			heapBeforeMiB: number;
			heapPeakAboveMiB: number;
			rssPeakMiB: number;
			failed: number;
		};
		console.log(
			`\nPeak memory, File: Share with ${memory.items} items (vm): heap +${memory.heapPeakAboveMiB.toFixed(0)} MiB over ${memory.heapBeforeMiB.toFixed(0)} MiB, process RSS ${memory.rssPeakMiB.toFixed(0)} MiB (${memory.failed} failed).`,
		);
	}
	const [pack] = JSON.parse(
		execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }),
	) as Array<{ size: number; unpackedSize: number; entryCount: number }>;
	console.log(
		`Package: ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.entryCount} files.`,
	);
	console.log(
		`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString().slice(0, 10)}.`,
	);

	const nodeRows = vm.rows.filter((row) => row.label.endsWith('— this node'));
	const safe = vm.rows
		.filter((row) => row.label.includes('this node'))
		.every((row) => row.failed === 0 && (row.duplicates ?? 0) === 0);
	const ratios = nodeRows.map((row) => row.wallMs / floorOf(vm.rows, row));
	console.log(
		`\nTargets (vm): 0 failed, 0 duplicated (faults included): ${safe ? 'met' : 'MISSED'}; ≤ 1.25 × floor: ${ratios.every((r) => r <= 1.25) ? 'met' : 'MISSED'} (${ratios.map((r) => r.toFixed(2)).join(', ')}).`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
