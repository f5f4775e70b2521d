import type {
	DeclarativeRestApiSettings,
	IExecuteFunctions,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	INode,
	INodeExecutionData,
	NodeConnectionType,
} from 'n8n-workflow';

import { ITEM_TURNS, type ItemTurns } from '../itemOrder';
import type { ParameterReader } from './parameters';

/** What all items of one execution share: one copy of the node, the parameter reads. */
export interface ExecutionShared {
	node: INode;
	read: ParameterReader;
}

/**
 * The per-item view RoutingNode gives preSend and postReceive functions (n8n-core
 * ExecuteSingleContext), built on the node's one execute context: item-bound parameter,
 * input, credential and expression access; everything else (node, helpers, cancel signal,
 * continue-on-fail, execute data) is the execute context's own. getNode gives the execution's one
 * copy of the node (n8n's deep-copies the node on every call, several times per request).
 */
export function itemContext(
	context: IExecuteFunctions,
	itemIndex: number,
	shared: ExecutionShared,
	turns?: ItemTurns,
): IExecuteSingleFunctions {
	const overrides: PropertyDescriptorMap & { [ITEM_TURNS]?: PropertyDescriptor } = {
		getItemIndex: { value: () => itemIndex },
		getNode: { value: () => shared.node },
		getNodeParameter: {
			value: (name: string, fallback?: unknown, options?: object) =>
				shared.read(name, itemIndex, fallback, options),
		},
		getInputData: {
			value: (inputIndex = 0, type?: NodeConnectionType) =>
				context.getInputData(inputIndex, type)[itemIndex] ?? { json: {} },
		},
		getCredentials: {
			value: async (type: string) => await context.getCredentials(type, itemIndex),
		},
		evaluateExpression: {
			value: (expression: string, index = itemIndex) =>
				context.evaluateExpression(expression, index),
		},
		getWorkflowDataProxy: { value: () => context.getWorkflowDataProxy(itemIndex) },
		// The binary helpers of a single item take no item index (ExecuteSingleContext's).
		helpers: { value: itemHelpers(context, itemIndex) },
	};
	if (turns) overrides[ITEM_TURNS] = { value: turns };
	// The execute context stays the prototype: its methods keep working with `this` bound here.
	return Object.create(context, overrides) as IExecuteSingleFunctions;
}

function itemHelpers(
	context: IExecuteFunctions,
	itemIndex: number,
): IExecuteSingleFunctions['helpers'] {
	return Object.create(context.helpers, {
		assertBinaryData: {
			value: (propertyName: string) => context.helpers.assertBinaryData(itemIndex, propertyName),
		},
		getBinaryDataBuffer: {
			value: async (propertyName: string) =>
				await context.helpers.getBinaryDataBuffer(itemIndex, propertyName),
		},
	}) as IExecuteSingleFunctions['helpers'];
}

/** The item view plus `makeRoutingRequest`, as RoutingNode hands it to a `pagination` hook. */
export function paginationContext(
	single: IExecuteSingleFunctions,
	makeRoutingRequest: (
		requestOptions: DeclarativeRestApiSettings.ResultOptions,
	) => Promise<INodeExecutionData[]>,
): IExecutePaginationFunctions {
	return Object.create(single, {
		makeRoutingRequest: { value: makeRoutingRequest },
	}) as IExecutePaginationFunctions;
}
