/**
 * Run with Node 24 (the e2e runtime): compares the runner's field reads (shared/runner/fieldRead.ts)
 * with what n8n's default expression engine (isolated-vm) gives for the same expressions and
 * values: plain fields and text with fields. Prints one JSON line: { compared, differences }.
 */
import type { INodeExecutionData, INodeTypes } from 'n8n-workflow';
import { Expression, Workflow } from 'n8n-workflow';

import {
	fieldExpressionValue,
	fieldPathOf,
	fieldTemplateOf,
} from '../../nodes/DocSpace/shared/runner/fieldRead';

const VALUES: unknown[] = [
	...['text', '', '  spaced  ', 'Ünïcödé ✓ "quoted" <b>', '\ud800', '=not an expression'],
	...[0, -0, 42, 1.5, -7, 1e21, Number.MAX_SAFE_INTEGER, true, false],
];
const EXPRESSIONS = [
	'={{ $json.value }}',
	'={{$json.nested.value}}',
	'={{ $json["with space"] }}',
	"={{ $json['list'][1] }}",
	'=Client {{ $json.value }} #{{ $json.nested.value }}!',
	'={{ $json.value }}{{ $json["with space"] }}',
];

async function main() {
	await Expression.initExpressionEngine({
		engine: 'vm',
		poolSize: 1,
		maxCodeCacheSize: 64,
		bridgeTimeout: 5000,
		bridgeMemoryLimit: 128,
		lazyAcquire: false,
		compileCache: false,
	} as Parameters<typeof Expression.initExpressionEngine>[0]);
	const nodeType = { description: { properties: [] } };
	const workflow = new Workflow({
		id: 'field-reads',
		nodes: [
			{ id: '1', name: 'DocSpace', type: 'x', typeVersion: 1, parameters: {}, position: [0, 0] },
		],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => nodeType,
			getByNameAndVersion: () => nodeType,
			getKnownTypes: () => ({}),
		} as unknown as INodeTypes,
	});
	await workflow.expression.acquireIsolate();
	const differences: string[] = [];
	let compared = 0;
	for (const value of VALUES) {
		const item = {
			json: { value, nested: { value }, 'with space': value, list: ['x', value] },
		} as INodeExecutionData;
		for (const expression of EXPRESSIONS) {
			const byEngine = workflow.expression.getParameterValue(
				expression,
				null,
				0,
				0,
				'DocSpace',
				[item],
				'manual',
				{},
			);
			const path = fieldPathOf(expression);
			const template = fieldTemplateOf(expression);
			const byField = path
				? fieldExpressionValue({ path }, item)
				: template && fieldExpressionValue({ template }, item);
			compared++;
			if (!Object.is(byEngine, byField))
				differences.push(
					`${expression} of ${JSON.stringify(value)}: ${String(byEngine)} ≠ ${String(byField)}`,
				);
		}
	}
	console.log(JSON.stringify({ compared, differences }));
	// The isolate pool keeps the process alive.
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
