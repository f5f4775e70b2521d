import type {
	DeclarativeRestApiSettings,
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	IN8nRequestOperations,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	JsonObject,
} from 'n8n-workflow';
import {
	NodeApiError,
	NodeOperationError,
	deepCopy,
	getCredentialAllowedDomains,
	sleep,
} from 'n8n-workflow';

import { credentialNameOf, unchangingCredential } from './credentials';
import { type ExecutionShared, itemContext, paginationContext } from './itemContext';
import { parameterReader } from './parameters';
import { type RoutingPlan, buildRoutingPlan, setPath } from './plan';
import { requestOptionsOf } from './requestOptions';
import { ExecutionTurns } from './turns';

/** Longest stretch of preparing items before the event loop gets to send what is ready. */
const PREPARE_SLICE_MS = 8;
/** RoutingNode's message for a 429 that reaches the user. */
const SPACING_MESSAGE = "Try spacing your requests out using the batching settings under 'Options'";

type ItemResult = Promise<INodeExecutionData[]>;
type PaginationHook = Extract<
	NonNullable<IN8nRequestOperations['pagination']>,
	(...args: never[]) => unknown
>;

interface Execution {
	context: IExecuteFunctions;
	description: INodeTypeDescription;
	plan: RoutingPlan;
	credentialName?: string;
	credentials?: ICredentialDataDecryptedObject;
	/** Handed to n8n with every request, so it does not read the credential again for each one. */
	credentialsDecrypted?: ICredentialsDecrypted;
	runIndex: number;
	shared: ExecutionShared;
	/** n8n's credential domain restriction: the same for every item (base URL from the credential). */
	allowedDomains?: { value: string | undefined };
}

/**
 * One item's request as RoutingNode assembles it (runNode): requestDefaults, then the routing of
 * every shown property in declaration order, then the Request Options (proxy, SSL, timeout) and
 * n8n's credential domain restriction. Only the parameters that send something are evaluated.
 */
function assembleRequest(
	run: Execution,
	itemIndex: number,
): DeclarativeRestApiSettings.ResultOptions {
	const { context, description, plan, credentials } = run;
	const options: IHttpRequestOptions = { qs: {}, body: {}, headers: {} } as IHttpRequestOptions;
	for (const [key, value] of Object.entries(description.requestDefaults ?? {})) {
		// The declared baseURL is an expression over $credentials.baseUrl alone; the request hook
		// (sendDocSpaceRequest) normalises it the same way, so the raw value is handed over.
		const resolved =
			key === 'baseURL' && typeof value === 'string' && value.startsWith('=')
				? credentials?.baseUrl
				: value;
		(options as unknown as IDataObject)[key] = deepCopy(resolved) as IDataObject[string];
	}
	Object.assign(options, deepCopy(plan.request));
	for (const send of plan.sends) {
		const value = run.shared.read(send.path, itemIndex, undefined, {
			extractValue: send.extractValue,
		});
		const target = (send.type === 'body' ? options.body : options.qs) as IDataObject;
		// Each read is the item's own value (a fresh copy), as RoutingNode sets it.
		setPath(target, send.property, value, send.dotNotation);
	}
	Object.assign(options, requestOptionsOf(context, itemIndex, run.runIndex, run.shared.read));
	if (credentials && typeof getCredentialAllowedDomains === 'function') {
		run.allowedDomains ??= {
			value: getCredentialAllowedDomains({
				node: run.shared.node,
				credentialData: credentials,
				// The base URL comes from the credential (requestDefaults); the plan refuses any other.
				credentialOwnedSurface: true,
				nodeEndpointUrl: options.baseURL,
			}),
		};
		const allowedDomains = run.allowedDomains.value;
		if (allowedDomains)
			(options as IHttpRequestOptions & { allowedDomains?: string }).allowedDomains =
				allowedDomains;
	}
	return {
		options,
		preSend: plan.preSend,
		postReceive: [],
		requestOperations: plan.requestOperations,
		paginate: plan.paginate,
	} as DeclarativeRestApiSettings.ResultOptions;
}

/** preSend, the request hook (limiter and retries) and postReceive, as RoutingNode's makeRequest runs them. */
async function sendItem(
	run: Execution,
	single: IExecuteSingleFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): ItemResult {
	for (const preSend of run.plan.preSend)
		requestData.options = await preSend.call(single, requestData.options as IHttpRequestOptions);
	const makeRoutingRequest = async (request: DeclarativeRestApiSettings.ResultOptions) => {
		request.options.returnFullResponse = true;
		const response = (
			run.credentialName
				? await run.context.helpers.httpRequestWithAuthentication.call(
						single,
						run.credentialName,
						request.options as IHttpRequestOptions,
						run.credentialsDecrypted && { credentialsDecrypted: run.credentialsDecrypted },
					)
				: await run.context.helpers.httpRequest(request.options as IHttpRequestOptions)
		) as IN8nHttpFullResponse;
		let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
		if (run.plan.postReceive.length === 0) {
			return Array.isArray(response.body)
				? (response.body as IDataObject[]).map((json) => ({ json }))
				: items;
		}
		for (const action of run.plan.postReceive) items = await action.call(single, items, response);
		return items;
	};
	const pagination = run.plan.requestOperations.pagination;
	if (requestData.paginate && typeof pagination === 'function') {
		return await (pagination as PaginationHook).call(
			paginationContext(single, makeRoutingRequest),
			requestData,
		);
	}
	return await makeRoutingRequest(requestData);
}

function preparationError(run: Execution, error: unknown, itemIndex: number): Error {
	const node = run.context.getNode();
	const nodeError =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(node, error instanceof Error ? error : new Error(String(error)), {
					itemIndex,
					runIndex: run.runIndex,
				});
	nodeError.context = { ...nodeError.context, itemIndex, runIndex: run.runIndex };
	return nodeError;
}

function sendError(
	run: Execution,
	error: Error & {
		statusCode?: number;
		description?: string;
		isAxiosError?: boolean;
		response?: { status?: number };
	},
	itemIndex: number,
): Error {
	if (error instanceof NodeApiError) {
		error.context = { ...error.context, itemIndex, runIndex: run.runIndex };
		return error;
	}
	return new NodeApiError(run.context.getNode(), error as unknown as JsonObject, {
		runIndex: run.runIndex,
		itemIndex,
		message: error?.message,
		description: error?.description,
		httpCode: error.isAxiosError && error.response ? String(error.response.status) : 'none',
	});
}

/**
 * Runs the selected operation from its own routing declarations, as RoutingNode would, but
 * works out the routing once per execution, evaluates only what the user filled in, and starts
 * sending while later items are still being prepared.
 */
export async function runRoutedOperation(
	context: IExecuteFunctions,
	description: INodeTypeDescription,
): Promise<INodeExecutionData[][]> {
	const node = context.getNode();
	const credentialName = credentialNameOf(context, description);
	const credentials = credentialName
		? await context.getCredentials<ICredentialDataDecryptedObject>(credentialName, 0)
		: undefined;
	const shared: ExecutionShared = { node, read: parameterReader(context, node) };
	const run: Execution = {
		shared,
		context,
		description,
		plan: buildRoutingPlan(node, description),
		credentialName,
		credentials,
		credentialsDecrypted: unchangingCredential(node, credentialName, credentials),
		runIndex: (context as IExecuteFunctions & { runIndex?: number }).runIndex ?? 0,
	};
	const items = context.getInputData();
	const { batching } = context.getNodeParameter('requestOptions', 0, {}) as {
		batching?: { batch?: { batchSize?: number; batchInterval?: number } };
	};
	const batchSize = Number(batching?.batch?.batchSize) > 0 ? Number(batching?.batch?.batchSize) : 1;
	const batchInterval = Number(batching?.batch?.batchInterval ?? 0);
	const signal = context.getExecutionCancelSignal?.();

	const results: ItemResult[] = [];
	const singles: IExecuteSingleFunctions[] = [];
	const turns = new ExecutionTurns();
	let sliceStart = Date.now();
	for (let itemIndex = 0; itemIndex < items.length && !signal?.aborted; itemIndex++) {
		if (itemIndex > 0 && batchInterval > 0 && itemIndex % batchSize === 0) {
			await sleep(batchInterval);
			sliceStart = Date.now();
		} else if (Date.now() - sliceStart > PREPARE_SLICE_MS) {
			await sleep(0);
			sliceStart = Date.now();
		}
		let finish: () => void = () => undefined;
		const finished = new Promise<void>((resolve) => (finish = resolve));
		const single = itemContext(context, itemIndex, shared, turns.forItem(finished));
		singles.push(single);
		let requestData: DeclarativeRestApiSettings.ResultOptions;
		try {
			requestData = assembleRequest(run, itemIndex);
		} catch (error) {
			const nodeError = preparationError(run, error, itemIndex);
			if (!single.continueOnFail()) throw nodeError;
			results.push(
				Promise.resolve([
					{ json: {}, error: nodeError as NodeApiError, pairedItem: { item: itemIndex } },
				]),
			);
			finish();
			continue;
		}
		const result = sendItem(run, single, requestData);
		// Settled below in item order; a rejection is not unhandled meanwhile.
		result.then(finish, finish);
		results.push(result);
	}
	const settled = await Promise.allSettled(results);
	if (settled.length < items.length) {
		throw new NodeOperationError(node, 'The execution was cancelled', {
			description: `${settled.length} of ${items.length} items were started before it stopped.`,
		});
	}

	const output: INodeExecutionData[] = [];
	settled.forEach((result, itemIndex) => {
		if (result.status === 'fulfilled') {
			output.push(...result.value);
			return;
		}
		const reason = result.reason as Error & { statusCode?: number };
		if (reason?.statusCode === 429) reason.message = SPACING_MESSAGE;
		if (singles[itemIndex].continueOnFail()) {
			output.push({ json: {}, error: reason as NodeApiError, pairedItem: { item: itemIndex } });
			return;
		}
		throw sendError(run, reason, itemIndex);
	});
	return [output];
}

/**
 * `customOperations` entries for the given resource → operations, all run by the one runner
 * from the node's own description (the object n8n loaded, Request Options included).
 */
export function routedOperations(
	node: { description: INodeTypeDescription },
	operations: Record<string, string[]>,
): NonNullable<INodeType['customOperations']> {
	const runner = async function (this: IExecuteFunctions) {
		return await runRoutedOperation(this, node.description);
	};
	return Object.fromEntries(
		Object.entries(operations).map(([resource, names]) => [
			resource,
			Object.fromEntries(names.map((name) => [name, runner])),
		]),
	);
}
