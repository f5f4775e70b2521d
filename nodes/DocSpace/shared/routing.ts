import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import {
	type AnswerShape,
	expectDocSpaceAnswer,
	sendDocSpaceListRequest,
	sendDocSpaceRequestRepeating,
} from './transport';
import { renewingSession } from './session';
import { entryId, optionalText } from './validation';

/**
 * Routing of one operation. Every request goes through `sendDocSpaceRequest` (concurrency
 * limits and safe retries; n8n calls it through its `pagination` hook, which is the only hook
 * wrapping the whole request), and every answer through `expectDocSpaceAnswer` first: anything
 * but DocSpace's envelope with the expected `response` stops the item.
 */
export function docSpaceRouting(config: {
	method: IHttpRequestMethods;
	url: string;
	preSend?: PreSendAction[];
	postReceive?: PostReceiveAction[];
	/** A paged list (startIndex/count): honours the operation's Return All and Limit. */
	list?: boolean;
	/** Starts an asynchronous file operation: never sent twice (docs/docspace/folders.md §1). */
	once?: boolean;
	/** A POST DocSpace applies once however often it gets it: retried like a PUT. */
	idempotent?: boolean;
	/** A routing hook of the operation's own (it must send through `sendDocSpaceRequest`). */
	pagination?: (
		this: IExecutePaginationFunctions,
		requestData: DeclarativeRestApiSettings.ResultOptions,
	) => Promise<INodeExecutionData[]>;
	/** What DocSpace's `response` holds; by default a list for paged lists, else an object. */
	answer?: AnswerShape;
	/** Replaces the first post-receive step that reads the answer (File: Download follows storage redirects). */
	readAnswer?: PostReceiveAction;
}): INodePropertyRouting {
	return {
		request: { method: config.method, url: config.url },
		send: { paginate: true, preSend: config.preSend ?? [] },
		output: {
			postReceive: [
				config.readAnswer ??
					expectDocSpaceAnswer(config.answer ?? (config.list ? 'list' : 'object')),
				...(config.postReceive ?? []),
			],
		},
		operations: {
			pagination: renewingSession(
				config.pagination ??
					(config.list
						? sendDocSpaceListRequest
						: sendDocSpaceRequestRepeating(
								config.once ? 'onlyRefused' : config.idempotent ? 'always' : 'byMethod',
							)),
			),
		},
	};
}

export function requestBody(requestOptions: IHttpRequestOptions): IDataObject {
	if (!requestOptions.body || typeof requestOptions.body !== 'object') requestOptions.body = {};
	return requestOptions.body as IDataObject;
}

/** The extracted value of a resource locator (URL modes give the id their regex captured). */
export function locatorValue(context: IExecuteSingleFunctions, name: string): unknown {
	return context.getNodeParameter(name, undefined, { extractValue: true });
}

const LOCATORS = {
	room: { label: 'Room', placeholder: 'roomId' },
	file: { label: 'File', placeholder: 'fileId' },
	folder: { label: 'Folder', placeholder: 'folderId' },
} as const;

/**
 * Validates the Room, File or Folder locator (a refusal names the field and the item), puts its id into
 * the URL template's `{roomId}`, `{fileId}` or `{folderId}` placeholder and returns it.
 */
export function fillLocatorId(
	context: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
	name: keyof typeof LOCATORS,
): string {
	const id = entryId(context, LOCATORS[name].label, locatorValue(context, name), name);
	requestOptions.url = String(requestOptions.url).replace(
		`{${LOCATORS[name].placeholder}}`,
		encodeURIComponent(id),
	);
	return id;
}

/** Pre-send of operations whose only input is the room or file: its id into the URL. */
export function fillLocatorPath(name: keyof typeof LOCATORS): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		fillLocatorId(this, requestOptions, name);
		return requestOptions;
	};
}

/**
 * Post-receive of list operations answering with a plain array: one item per entry, simplified
 * with `simplifyEntry` unless Simplify is off.
 */
export function entriesOutput<T extends IDataObject>(
	simplifyEntry: (entry: T) => IDataObject,
): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const entries = (((response.body as IDataObject)?.response ?? []) as T[]).filter(Boolean);
		const simplify = this.getNodeParameter('simplify', true) as boolean;
		const pairedItem = { item: this.getItemIndex() };
		return entries.map((entry) => ({ json: simplify ? simplifyEntry(entry) : entry, pairedItem }));
	};
}

/** The Search text a list operation put into the query as `filterValue`: trimmed, ≤ 255, left out when empty. */
export function checkSearchQuery(
	context: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): IDataObject {
	const qs = (requestOptions.qs ?? {}) as IDataObject;
	const search = optionalText(context, 'Search', qs.filterValue, 255);
	if (search === undefined) delete qs.filterValue;
	else qs.filterValue = search;
	requestOptions.qs = qs;
	return qs;
}

/** `options.<name>` of the current operation, or its default. */
export function optionValue<T>(context: IExecuteSingleFunctions, name: string, fallback: T): T {
	const options = context.getNodeParameter('options', {}) as IDataObject;
	return (options[name] as T | undefined) ?? fallback;
}
