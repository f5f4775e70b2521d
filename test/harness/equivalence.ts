/**
 * Runs a case twice on n8n's engine against the same fresh emulator state: once through n8n's own
 * RoutingNode (the node without customOperations) and once through the bulk runner, with the same
 * execution id, and compares what both sent and gave. Multipart boundaries (random per request),
 * the emulator's clock and what a case declares volatile are the only differences taken out.
 */
import { createHash } from 'node:crypto';
import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import type { DocSpaceEmulator } from '../emulator';
import { run } from './docspace';
import { type RunOptions, loadNodeType } from './engine';

/** The same node with every operation left to n8n's RoutingNode. */
export function routedOnly(): INodeType {
	const nodeType = loadNodeType();
	delete nodeType.customOperations;
	return nodeType;
}

type Failure =
	(Error & { description?: string; httpCode?: string; context?: IDataObject }) | undefined;

export function failure(error: Failure) {
	if (!error) return undefined;
	return {
		type: error.constructor.name,
		message: error.message,
		description: error.description,
		httpCode: error.httpCode,
		itemIndex: error.context?.itemIndex,
	};
}

const BOUNDARY = /----n8nDocSpace[0-9a-f]+/g;
const TIMESTAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?/g;

function outcome(
	emulator: DocSpaceEmulator,
	result: { items: INodeExecutionData[]; error?: Failure },
	volatile: RegExp[],
) {
	const stable = (text: string) =>
		volatile.reduce((current, pattern) => current.replace(pattern, '0'), text);
	const requests = emulator.requests.map(
		({ method, path, query, headers, rawBody, bytes, status }) => {
			const { host: _host, ...sameHeaders } = headers;
			const contentType = (sameHeaders['content-type'] ?? '').replace(BOUNDARY, 'BOUNDARY');
			const multipart = contentType.startsWith('multipart/');
			const body = multipart
				? createHash('sha256')
						.update(
							(bytes ?? Buffer.from(rawBody)).toString('latin1').replace(BOUNDARY, 'BOUNDARY'),
						)
						.digest('hex')
				: rawBody;
			// Multipart lengths differ with the boundary's length.
			const { 'content-length': length, ...rest } = sameHeaders;
			return stable(
				JSON.stringify({
					method,
					path,
					query,
					headers: { ...rest, 'content-type': contentType, ...(multipart ? {} : { length }) },
					body,
					status,
				}),
			);
		},
	);
	const binaryOf = (item: INodeExecutionData) =>
		item.binary
			? Object.fromEntries(
					Object.entries(item.binary).map(([name, data]) => [
						name,
						{ ...data, id: undefined, data: data.data },
					]),
				)
			: undefined;
	return {
		// Requests of different items overlap; their order is not part of the contract.
		requests: requests.sort(),
		items: result.items.map((item) => ({
			json: JSON.parse(
				stable(
					JSON.stringify(item.json)
						.replace(/\/s\/\w+/g, '/s/KEY')
						.replace(TIMESTAMP, 'TIME'),
				),
			) as IDataObject,
			binary: binaryOf(item),
			pairedItem: item.pairedItem,
			error: failure(item.error as Failure),
		})),
		error: failure(result.error),
	};
}

let evaluated = 0;
const evaluate = Expression.prototype.resolveSimpleParameterValue;

/** Counts the expressions evaluated while the tests of the calling file run. */
export function countExpressions(): void {
	beforeAll(() => {
		Expression.prototype.resolveSimpleParameterValue = function (
			this: Expression,
			...args: Parameters<typeof evaluate>
		) {
			if (typeof args[0] === 'string' && args[0].startsWith('=')) evaluated++;
			return evaluate.apply(this, args);
		};
	});
	afterAll(() => {
		Expression.prototype.resolveSimpleParameterValue = evaluate;
	});
}

/** Runs both paths; expects the same outcome and returns it with how many expressions each evaluated. */
export async function bothPaths(
	emulator: DocSpaceEmulator,
	parameters: IDataObject,
	options: Partial<RunOptions> & {
		setup?: (emulator: DocSpaceEmulator) => void;
		/**
		 * What the emulator draws at random or in arrival order (new ids, session ids): items of one
		 * execution overlap on both paths, so which item gets which new id is not part of the contract.
		 */
		volatile?: RegExp[];
	} = {},
) {
	const { setup, volatile = [], ...runOptions } = options;
	const outcomes = [];
	const expressions: number[] = [];
	for (const nodeType of [routedOnly, loadNodeType]) {
		emulator.reset();
		setup?.(emulator);
		evaluated = 0;
		const result = await run(emulator, parameters, {
			executionId: 'exec-equivalence',
			...runOptions,
			nodeType,
		});
		expressions.push(evaluated);
		outcomes.push(outcome(emulator, result, volatile));
	}
	expect(outcomes[1]).toEqual(outcomes[0]);
	return { ...outcomes[0], routedExpressions: expressions[0], runnerExpressions: expressions[1] };
}
