import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { docSpaceApiRequest } from '../shared/transport';
import { nextIndex, type SearchPage } from './searchUsers';

const PAGE_SIZE = 100;

/** One page of groups whose name contains the filter (GET group). */
export async function groupPage(
	this: ILoadOptionsFunctions,
	filter: string | undefined,
	startIndex: number,
): Promise<SearchPage> {
	const qs: IDataObject = { startIndex, count: PAGE_SIZE };
	if (filter) qs.filterValue = filter;
	const { response, total } = await docSpaceApiRequest.call(this, 'GET', '/api/2.0/group', qs);
	const groups = (Array.isArray(response) ? response : []) as IDataObject[];
	return {
		results: groups.map((group) => ({
			name: `${String(group.name)} (group)`,
			value: String(group.id),
		})),
		next: nextIndex(startIndex, groups.length, total),
	};
}

/** Groups for a group picker, searched by name, one page per call. */
export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await groupPage.call(this, filter, Number(paginationToken) || 0);
	return {
		results: page.results,
		paginationToken: page.next === undefined ? undefined : String(page.next),
	};
}
