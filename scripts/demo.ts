/**
 * `npm run demo`: the example workflows' DocSpace node on n8n's engine (n8n-core) against the
 * DocSpace emulator seeded with a small demo portal. Prints the requests DocSpace received and
 * the items the node returns, as a user would see them.
 */
import type { IDataObject } from 'n8n-workflow';

import { DocSpaceEmulator, SEED_IDS } from '../test/emulator';
import { runDocSpaceNode } from '../test/harness/engine';
import { loadExample } from '../test/harness/examples';
import { runExampleWorkflow } from '../test/harness/workflow';

function cell(value: unknown): string {
	if (value === undefined || value === null) return '';
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function printTable(rows: IDataObject[]): void {
	if (rows.length === 0) return console.log('  (none)');
	const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
	const widths = columns.map((column) =>
		Math.max(column.length, ...rows.map((row) => cell(row[column]).length)),
	);
	const line = (values: string[]) =>
		`  │ ${values.map((value, i) => value.padEnd(widths[i])).join(' │ ')} │`;
	console.log(line(columns));
	console.log(`  ├─${widths.map((width) => '─'.repeat(width)).join('─┼─')}─┤`);
	for (const row of rows) console.log(line(columns.map((column) => cell(row[column]))));
}

function maskSecrets(body: unknown): unknown {
	if (!body || typeof body !== 'object') return body;
	const copy = { ...(body as IDataObject) };
	if (typeof copy.password === 'string') copy.password = '•'.repeat(copy.password.length);
	return copy;
}

async function main() {
	const emulator = await DocSpaceEmulator.start({ latencyMs: 5 });
	console.log(
		`DocSpace demo portal (emulator) at ${emulator.baseUrl}: rooms 101–107, My Documents files 201–203, users Olivia (owner), Jane, Bob; group Legal.\n`,
	);
	const credentials = { baseUrl: emulator.baseUrl, authKey: SEED_IDS.apiKey };

	for (const file of ['room-link-set.json', 'file-share.json']) {
		const example = loadExample(file);
		emulator.requests.length = 0;
		const started = Date.now();
		const result = await runDocSpaceNode({
			parameters: example.docSpaceParameters,
			items: [example.inputItem],
			credentials,
		});
		console.log(`▶ ${example.name}  (examples/${file}, ${Date.now() - started} ms)`);
		console.log('  Input item:');
		printTable([example.inputItem]);
		console.log('  Requests DocSpace received:');
		for (const request of emulator.requests) {
			console.log(`  ${request.method} ${request.path} → ${request.status}`);
			if (request.body !== undefined)
				console.log(JSON.stringify(maskSecrets(request.body), null, 2).replace(/^/gm, '    '));
		}
		console.log(
			result.error
				? `  Error: ${result.error.message}\n  ${result.error.description ?? ''}`
				: '  Items the node returned:',
		);
		printTable(result.items.map((item) => item.json));
		console.log('');
	}

	emulator.requests.length = 0;
	const onboardingStarted = Date.now();
	const onboarding = await runExampleWorkflow('client-onboarding.json', credentials);
	console.log(
		`▶ ${onboarding.name}  (examples/client-onboarding.json, whole workflow, ${Date.now() - onboardingStarted} ms)`,
	);
	console.log('  Requests DocSpace received:');
	for (const request of emulator.requests) {
		console.log(`  ${request.method} ${request.path} → ${request.status}`);
		if (request.method !== 'GET')
			if (request.body !== undefined)
				console.log(JSON.stringify(maskSecrets(request.body), null, 2).replace(/^/gm, '    '));
	}
	if (onboarding.error) console.log(`  Error: ${onboarding.error.message}`);
	for (const node of ['Create client room', 'Add contacts and team', 'Expiring link']) {
		console.log(`  Items "${node}" returned:`);
		printTable((onboarding.outputs[node] ?? []).map((item) => item.json));
	}
	console.log('');

	console.log('▶ A failing item with "On Error: Continue": room 999 does not exist, room 101 does');
	const failing = await runDocSpaceNode({
		parameters: { ...loadExample('room-link-set.json').docSpaceParameters, password: '' },
		items: [
			{ roomId: '999', clientName: 'Nobody', daysValid: 7 },
			{ roomId: '101', clientName: 'Initech', daysValid: 7 },
		],
		credentials,
		continueOnFail: true,
	});
	printTable(
		failing.items.map((item) => ({
			error: item.json.error,
			title: item.json.title,
			url: item.json.url,
		})),
	);
	await emulator.stop();
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
