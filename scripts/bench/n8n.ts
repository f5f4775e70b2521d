/**
 * `npm run bench:n8n`: 1,000 items of Room Link: Set in a real n8n 2.41.1 (`n8n execute`, the
 * cached runtime, default vm expression engine), this package's node against n8n's HTTP Request
 * node sending the same PUT (default options, and batching 15 items / 100 ms as a careful user
 * would), at 30 ms and at 150 ms per request, against the emulator enforcing DocSpace's limits.
 * Not part of CI: it takes a few minutes.
 */
import os from 'os';

import { DocSpaceEmulator, SEED_IDS, seedMany } from '../../test/emulator';
import { createN8nHome, parseRunOutput, plain } from '../e2e/n8n';
import { freePort } from '../e2e/ports';
import { credentialFor, CREDENTIAL_ID, CREDENTIAL_NAME, NODE_TYPE } from '../e2e/workflows';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1000);
const LATENCIES = [30, 150];
const WRITE_LIMIT = 15;
const TARGET = 'Target';

function workflow(id: string, target: object) {
	const rooms = `={{ Array.from({ length: ${ITEMS} }, (_, n) => String(${1001} + n)) }}`;
	return {
		id,
		name: `bench ${id}`,
		active: false,
		settings: {},
		connections: {
			Start: { main: [[{ node: 'Rooms', type: 'main', index: 0 }]] },
			Rooms: { main: [[{ node: 'One item per room', type: 'main', index: 0 }]] },
			'One item per room': { main: [[{ node: TARGET, type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: `${id}-1`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-2`,
				name: 'Rooms',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
				parameters: {
					assignments: { assignments: [{ id: 'r', name: 'rooms', value: rooms, type: 'array' }] },
					options: {},
				},
			},
			{
				id: `${id}-3`,
				name: 'One item per room',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [400, 0],
				parameters: { fieldToSplitOut: 'rooms', options: { destinationFieldName: 'room' } },
			},
			{
				id: `${id}-4`,
				name: TARGET,
				position: [600, 0],
				onError: 'continueRegularOutput',
				...target,
			},
		],
	};
}

const docSpaceNode = {
	type: NODE_TYPE,
	typeVersion: 1,
	credentials: { docSpaceApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	parameters: {
		resource: 'roomLink',
		operation: 'set',
		room: { __rl: true, mode: 'id', value: '={{ $json.room }}' },
		linkType: 'external',
		access: 2,
		title: '={{ "Client " + $json.room }}',
	},
};

function httpRequestNode(baseUrl: string, batching: boolean) {
	return {
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'PUT',
			url: `={{ "${baseUrl}/api/2.0/files/rooms/" + $json.room + "/links" }}`,
			sendHeaders: true,
			headerParameters: {
				parameters: [{ name: 'Authorization', value: `Bearer ${SEED_IDS.apiKey}` }],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody: '={{ JSON.stringify({ linkType: 1, access: 2, title: "Client " + $json.room }) }}',
			options: batching ? { batching: { batch: { batchSize: 15, batchInterval: 100 } } } : {},
		},
	};
}

interface Row {
	label: string;
	latencyMs: number;
	failed: number;
	rejected429: number;
	nodeMs: number;
	totalMs: number;
}

async function main() {
	const emulator = await DocSpaceEmulator.start({ latencyMs: 30 });
	const home = await createN8nHome({
		prefix: 'n8n-docspace-bench-',
		env: { N8N_PORT: String(await freePort()), N8N_RUNNERS_BROKER_PORT: String(await freePort()) },
	});
	const rows: Row[] = [];
	try {
		const targets: Array<[string, string, object]> = [
			['benchDocSpace', 'DocSpace node (Room Link: Set)', docSpaceNode],
			['benchHttp', 'HTTP Request node, default options', httpRequestNode(emulator.baseUrl, false)],
			[
				'benchHttpBatched',
				'HTTP Request node, batching 15 items / 100 ms',
				httpRequestNode(emulator.baseUrl, true),
			],
		];
		const credentials = home.writeJson(
			'credentials.json',
			credentialFor(emulator.baseUrl, SEED_IDS.apiKey),
		);
		const workflows = home.writeJson(
			'workflows.json',
			targets.map(([id, , target]) => workflow(id, target)),
		);
		for (const args of [
			['import:credentials', `--input=${credentials}`],
			['import:workflow', `--input=${workflows}`],
		]) {
			const result = await home.cli(args);
			if (result.code !== 0)
				throw new Error(
					`n8n ${args[0]} failed:\n${plain(result.stdout + result.stderr).slice(-3000)}`,
				);
		}
		for (const latencyMs of LATENCIES) {
			for (const [id, label] of targets) {
				emulator.reset(seedMany({ rooms: ITEMS }));
				emulator.configure({
					latencyMs,
					rateLimits: {
						concurrentWrites: WRITE_LIMIT,
						concurrentReads: 50,
						perMinute: 1500,
						dailyWrites: 100_000,
					},
				});
				const started = Date.now();
				const result = await home.cli(['execute', `--id=${id}`, '--rawOutput']);
				const totalMs = Date.now() - started;
				if (result.code !== 0)
					throw new Error(`${label} failed:\n${plain(result.stdout + result.stderr).slice(-3000)}`);
				const run = parseRunOutput(result.stdout);
				const task = run.data.resultData.runData[TARGET][0];
				const items = (task.data.main[0] ?? []) as Array<{
					json: { error?: unknown };
					error?: unknown;
				}>;
				const failed =
					ITEMS -
					items.filter((item) => item.json.error === undefined && item.error === undefined).length;
				const rejected429 = emulator.requests.filter((request) => request.status === 429).length;
				rows.push({
					label,
					latencyMs,
					failed,
					rejected429,
					nodeMs: task.executionTime as number,
					totalMs,
				});
				console.error(
					`  ${label}, ${latencyMs} ms: node ${(task.executionTime / 1000).toFixed(1)} s, ${failed} failed, ${rejected429} × 429`,
				);
			}
		}
	} finally {
		await emulator.stop();
		home.cleanup();
	}

	console.log(
		`\nReal n8n 2.41.1 (n8n execute, vm expression engine, Node 24), ${ITEMS} items of Room Link: Set, emulator with ${WRITE_LIMIT} parallel writes per user and 1,500 requests/min:\n`,
	);
	console.log(
		'| target node | per request | failed items | 429 answers | target node execution time | floor | × floor |',
	);
	console.log('|---|---:|---:|---:|---:|---:|---:|');
	for (const row of rows) {
		const floorMs = Math.ceil(ITEMS / WRITE_LIMIT) * row.latencyMs;
		console.log(
			`| ${row.label} | ${row.latencyMs} ms | ${row.failed} | ${row.rejected429} | ${(row.nodeMs / 1000).toFixed(1)} s | ${(floorMs / 1000).toFixed(1)} s | ${(row.nodeMs / floorMs).toFixed(2)} |`,
		);
	}
	console.log(
		`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${new Date().toISOString().slice(0, 10)}.`,
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
