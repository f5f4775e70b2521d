import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { docSpaceApiRequest } from '../shared/transport';

const PAGE_SIZE = 100;
const ACTIVE = 1; // EmployeeStatus.Active: deactivated users cannot be given access

export interface SearchPage {
	results: INodeListSearchItems[];
	/** startIndex of the next page, if there is one */
	next?: number;
}

export function nextIndex(
	startIndex: number,
	received: number,
	total: unknown,
): number | undefined {
	const all = Number(total ?? startIndex + received);
	return received > 0 && startIndex + received < all ? startIndex + received : undefined;
}

/** One page of active users whose name or email contains the filter (GET people/filter). */
export async function userPage(
	this: ILoadOptionsFunctions,
	filter: string | undefined,
	startIndex: number,
): Promise<SearchPage> {
	const qs: IDataObject = { startIndex, count: PAGE_SIZE, employeeStatus: ACTIVE };
	if (filter) qs.filterValue = filter;
	const { response, total } = await docSpaceApiRequest.call(
		this,
		'GET',
		'/api/2.0/people/filter',
		qs,
	);
	const users = (Array.isArray(response) ? response : []) as IDataObject[];
	return {
		results: users.map((user) => ({
			name: user.email
				? `${String(user.displayName)} (${String(user.email)})`
				: String(user.displayName),
			value: String(user.id),
		})),
		next: nextIndex(startIndex, users.length, total),
	};
}

/** Users for a user picker, searched by name or email, one page per call. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await userPage.call(this, filter, Number(paginationToken) || 0);
	return {
		results: page.results,
		paginationToken: page.next === undefined ? undefined : String(page.next),
	};
}
