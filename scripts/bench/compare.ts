/**
 * `npm run bench -- --compare <git revision> [--rounds <n>]`: this tree and another revision side
 * by side in one run, on n8n's vm expression engine. The machine may be busy, so absolute times
 * drift; the passes alternate (ABBA…) and the figures to compare are each pass's CPU per item
 * and wall time over the floor measured in that same pass. Only the floor and "this node" phases
 * run (BENCH_ONLY chooses the workloads).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'fs';
import os from 'os';
import path from 'path';
import type { IDataObject } from 'n8n-workflow';

import type { Measure } from './workloads';

type RunPass = (env: NodeJS.ProcessEnv) => Promise<{ rows: Measure[] }>;

const REPO = path.join(__dirname, '../..');
const DEFAULT_WORKLOADS = 'Room Link: Set,File: Share,File: Remove Sharing';

/** The other revision's package, compiled into a temporary folder (git archive: no worktree). */
function buildRevision(revision: string): { root: string; commit: string } {
	const commit = execFileSync('git', ['rev-parse', '--short', revision], {
		cwd: REPO,
		encoding: 'utf8',
	}).trim();
	const root = mkdtempSync(path.join(os.tmpdir(), `docspace-bench-${commit}-`));
	execFileSync('sh', ['-c', 'git archive --format=tar "$0" | tar -x -C "$1"', revision, root], {
		cwd: REPO,
	});
	symlinkSync(path.join(REPO, 'node_modules'), path.join(root, 'node_modules'));
	execFileSync(path.join(REPO, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], {
		cwd: root,
		stdio: 'inherit',
	});
	return { root, commit };
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export async function compareRevisions(
	runPass: RunPass,
	revision: string,
	rounds: number,
): Promise<void> {
	const other = buildRevision(revision);
	const here = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
		cwd: REPO,
		encoding: 'utf8',
	})
		.trim()
		.concat(
			execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
				cwd: REPO,
				encoding: 'utf8',
			}).trim()
				? '+changes'
				: '',
		);
	const columns = [
		{ name: here, root: path.join(REPO, 'dist') },
		{ name: other.commit, root: path.join(other.root, 'dist') },
	];
	const env: IDataObject = {
		BENCH_ONLY: process.env.BENCH_ONLY ?? DEFAULT_WORKLOADS,
		BENCH_PHASES: 'floor,node',
		BENCH_MEMORY_ITEMS: '0',
		BENCH_EXPRESSIONS: '0',
	};
	// column → operation → per-pass figures
	const figures = new Map<string, Map<string, Array<{ cpu: number; ratio: number }>>>();
	try {
		for (let round = 0; round < rounds; round++) {
			const order = round % 2 ? [...columns].reverse() : columns;
			for (const column of order) {
				console.error(`round ${round + 1}/${rounds}: ${column.name}`);
				const { rows } = await runPass({
					...(env as NodeJS.ProcessEnv),
					DOCSPACE_PACKAGE_ROOT: column.root,
				});
				const byOperation = figures.get(column.name) ?? new Map();
				for (const row of rows.filter((entry) => entry.label.endsWith('— this node'))) {
					const floor = rows.find(
						(entry) => entry.operation === row.operation && entry.label.endsWith('(floor)'),
					) as Measure;
					const list = byOperation.get(row.operation) ?? [];
					list.push({ cpu: row.cpuMsPerItem, ratio: row.wallMs / floor.wallMs });
					byOperation.set(row.operation, list);
				}
				figures.set(column.name, byOperation);
			}
		}
	} finally {
		rmSync(other.root, { recursive: true, force: true });
	}
	console.log(
		`\n${rounds} rounds, ${columns.map((c) => c.name).join(' vs ')}, vm engine (medians; each pass in brackets):\n`,
	);
	console.log(
		`| operation | ${columns.map((c) => `${c.name}: CPU per item`).join(' | ')} | ${columns.map((c) => `${c.name}: × floor`).join(' | ')} |`,
	);
	console.log(`|---|${columns.map(() => '---:|---:|').join('')}`);
	const operations = [...(figures.get(columns[0].name)?.keys() ?? [])];
	for (const operation of operations) {
		const cells = (pick: (entry: { cpu: number; ratio: number }) => number, unit: string) =>
			columns.map((column) => {
				const list = figures.get(column.name)?.get(operation) ?? [];
				return `${median(list.map(pick)).toFixed(2)}${unit} (${list.map((entry) => pick(entry).toFixed(2)).join(', ')})`;
			});
		console.log(
			`| ${operation} | ${cells((entry) => entry.cpu, ' ms').join(' | ')} | ${cells((entry) => entry.ratio, '').join(' | ')} |`,
		);
	}
	console.log(
		`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os
			.loadavg()
			.map((load) => load.toFixed(1))
			.join(' / ')}, ${new Date().toISOString().slice(0, 16)}Z.`,
	);
}
