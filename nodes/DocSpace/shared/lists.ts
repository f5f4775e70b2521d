import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	ILoadOptionsFunctions,
	INodeExecutionData,
} from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';

import { MAX_LIST_ENTRIES, MAX_PAGES, MAX_PAGE_SIZE } from './bounds';
import { failureContextFor } from './failureContext';
import { docSpaceApiRequest, lastTotal, sendDocSpaceRequest } from './transport';
import { refusal } from './validation';

function listError(
	context: IExecutePaginationFunctions,
	itemIndex: number,
	message: string,
	description: string,
): NodeApiError {
	const target = failureContextFor(context, 'GET', itemIndex).target;
	return refusal(context.getNode(), `${message.replace('{target}', target)} [item ${itemIndex}]`, {
		itemIndex,
		description,
	});
}

/**
 * Routing hook of list operations: pages through `startIndex`/`count` until Limit is reached or
 * the list ends: a short or empty page, or DocSpace's `total` reached. A page identical to the
 * previous one (a portal or proxy ignoring `startIndex`) and more than MAX_LIST_ENTRIES entries
 * stop the item with an error instead of paging on.
 */
export async function sendDocSpaceListRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const itemIndex = this.getItemIndex();
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const asked = Math.floor(Number(this.getNodeParameter('limit', 50)));
	const limit = returnAll
		? MAX_LIST_ENTRIES
		: Math.min(MAX_LIST_ENTRIES, Math.max(1, Number.isFinite(asked) ? asked : 50));
	const results: INodeExecutionData[] = [];
	let previous: string | undefined;
	let complete = false;
	for (let pages = 0, startIndex = 0; results.length < limit && pages < MAX_PAGES; pages++) {
		const count = Math.min(MAX_PAGE_SIZE, limit - results.length);
		const page = await sendDocSpaceRequest.call(this, {
			...requestData,
			options: { ...requestData.options, qs: { ...requestData.options.qs, startIndex, count } },
		});
		const signature = JSON.stringify(page.map((item) => item.json));
		if (page.length > 0 && signature === previous) {
			throw listError(
				this,
				itemIndex,
				'DocSpace sent the same page twice for {target}: the portal ignores paging',
				'The list would never end, so the node stopped reading. Check the Base URL (a proxy or cache in front of DocSpace may answer instead of it), or use Limit.',
			);
		}
		previous = signature;
		for (const item of page) {
			if (results.length >= limit) break;
			results.push(item);
		}
		startIndex += count;
		const total = lastTotal(this);
		if (page.length < count || (total !== undefined && startIndex >= total)) {
			complete = true;
			break;
		}
	}
	if (returnAll && !complete && results.length >= MAX_LIST_ENTRIES) {
		throw listError(
			this,
			itemIndex,
			`{target} has more than ${MAX_LIST_ENTRIES} entries, more than Return All reads`,
			'Use Limit, or narrow the list with a search or filter.',
		);
	}
	return results;
}

/**
 * Every page of a list read with `docSpaceApiRequest` (pickers, Remove Sharing's Everyone),
 * with the same stops as `sendDocSpaceListRequest`: a short page, `total`, a repeated page, the cap.
 */
export async function docSpaceApiList<T>(
	this: IExecuteSingleFunctions | ILoadOptionsFunctions,
	url: string,
	qs: IDataObject = {},
	maxEntries = MAX_LIST_ENTRIES,
): Promise<T[]> {
	const itemIndex = 'getItemIndex' in this ? this.getItemIndex() : 0;
	const entries: T[] = [];
	let previous: string | undefined;
	for (
		let pages = 0, startIndex = 0;
		pages < MAX_PAGES && entries.length < maxEntries;
		pages++, startIndex += MAX_PAGE_SIZE
	) {
		const { response, total } = await docSpaceApiRequest.call(
			this,
			'GET',
			url,
			{ ...qs, startIndex, count: MAX_PAGE_SIZE },
			undefined,
			'array',
		);
		const page = response as T[];
		const signature = JSON.stringify(page);
		if (page.length > 0 && signature === previous) {
			throw refusal(
				this.getNode(),
				`DocSpace sent the same page twice: the portal ignores paging, so the node stopped reading [item ${itemIndex}]`,
				{
					itemIndex,
					description:
						'Check the Base URL: a proxy or cache in front of DocSpace may answer instead of it.',
				},
			);
		}
		previous = signature;
		for (const entry of page) if (entries.length < maxEntries) entries.push(entry);
		if (page.length < MAX_PAGE_SIZE || (total !== undefined && startIndex + MAX_PAGE_SIZE >= total))
			return entries;
	}
	throw refusal(
		this.getNode(),
		`The list has more than ${maxEntries} entries, more than the node reads at once [item ${itemIndex}]`,
		{
			itemIndex,
			description: 'Narrow it down, e.g. remove given users or groups instead of everyone.',
		},
	);
}
