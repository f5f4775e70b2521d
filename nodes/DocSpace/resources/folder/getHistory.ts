import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { wallTimeToUtc } from '../../shared/dates';
import { fillLocatorId } from '../../shared/routing';
import { MAX_PAGE_SIZE, sendDocSpaceRequest } from '../../shared/transport';
import { describeValue, invalidField } from '../../shared/validation';

const show = { resource: ['folder'], operation: ['getHistory'] };
/** Pages read at most, whatever Return All says (100 audit events each). */
const MAX_PAGES = 500;

export const folderGetHistoryDescription: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'historyFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'From',
				name: 'fromDate',
				type: 'dateTime',
				default: '',
				description:
					"Only actions at or after this time (read in the workflow's time zone unless it names one)",
			},
			{
				displayName: 'To',
				name: 'toDate',
				type: 'dateTime',
				default: '',
				description:
					"Only actions at or before this time (read in the workflow's time zone unless it names one)",
			},
		],
	},
];

function isoDate(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	const time = /(Z|[+-]\d{2}:?\d{2})$/i.test(text)
		? Date.parse(text)
		: wallTimeToUtc(text, context.getTimezone());
	if (time === undefined || Number.isNaN(time)) {
		throw invalidField(
			context,
			field,
			`${describeValue(value)} is not a date`,
			'Use a date such as 2026-01-31 or 2026-01-31T09:00:00.',
		);
	}
	return new Date(time).toISOString();
}

export async function prepareFolderGetHistory(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillLocatorId(this, requestOptions, 'folder');
	const filters = this.getNodeParameter('historyFilters', {}) as IDataObject;
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	const from = isoDate(this, 'From', filters.fromDate);
	const to = isoDate(this, 'To', filters.toDate);
	if (from && to && from > to)
		throw invalidField(this, 'From', 'is later than To', 'Swap the two dates.');
	if (from) qs.fromDate = from;
	if (to) qs.toDate = to;
	requestOptions.qs = qs;
	return requestOptions;
}

/** A page as it came: its entries and DocSpace's `total` of raw audit events (docs/docspace/folders.md §4). */
export async function folderHistoryPage(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const body = (response.body ?? {}) as IDataObject;
	return [{ json: { entries: (body.response ?? []) as IDataObject[], total: body.total ?? null } }];
}

function simplifyHistory(entry: IDataObject): IDataObject {
	const action = (entry.action ?? {}) as IDataObject;
	const initiator = (entry.initiator ?? {}) as IDataObject;
	const related = (entry.related ?? []) as IDataObject[];
	return {
		id: entry.id,
		date: entry.date ?? null,
		action: action.key ?? null,
		actionId: action.id ?? null,
		initiator: initiator.displayName ?? null,
		initiatorId: initiator.id ?? null,
		data: entry.data ?? {},
		relatedCount: related.length,
	};
}

/**
 * Routing hook of Get History. DocSpace groups related audit events into one entry, so a page can
 * hold fewer entries than asked for although more follow: pages are read until `total` is reached.
 */
export async function sendFolderHistoryPages(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll
		? Infinity
		: Math.max(1, Number(this.getNodeParameter('limit', 50)) || 50);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const pairedItem = { item: this.getItemIndex() };
	const results: INodeExecutionData[] = [];
	for (
		let startIndex = 0, pages = 0;
		results.length < limit && pages < MAX_PAGES;
		pages++, startIndex += MAX_PAGE_SIZE
	) {
		const [page] = await sendDocSpaceRequest.call(this, {
			...requestData,
			options: {
				...requestData.options,
				qs: { ...requestData.options.qs, startIndex, count: MAX_PAGE_SIZE },
			},
		});
		const { entries, total } = (page?.json ?? {}) as {
			entries?: IDataObject[];
			total?: number | null;
		};
		results.push(
			...(entries ?? []).map((entry) => ({
				json: simplify ? simplifyHistory(entry) : entry,
				pairedItem,
			})),
		);
		if (typeof total !== 'number' || startIndex + MAX_PAGE_SIZE >= total) break;
	}
	return results.slice(0, limit);
}
