import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { docSpaceApiRequest } from '../shared/transport';
import { nextIndex } from './searchUsers';

const PAGE_SIZE = 100;

/**
 * Every user (active, disabled, invited), searched by name or email, one page per call: the User
 * resource's operations also act on disabled users (Enable, Delete).
 */
export async function searchAllUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken) || 0;
	const qs: IDataObject = { startIndex, count: PAGE_SIZE };
	if (filter) qs.filterValue = filter;
	const { response, total } = await docSpaceApiRequest.call(
		this,
		'GET',
		'/api/2.0/people/filter',
		qs,
		undefined,
		'array',
	);
	const users = (Array.isArray(response) ? response : []) as IDataObject[];
	const next = nextIndex(startIndex, users.length, total);
	return {
		results: users.map((user) => {
			const state =
				Number(user.status) === 2
					? ' — disabled'
					: Number(user.activationStatus) === 2
						? ' — invited'
						: '';
			const email = user.email ? ` (${String(user.email)})` : '';
			return { name: `${String(user.displayName)}${email}${state}`, value: String(user.id) };
		}),
		paginationToken: next === undefined ? undefined : String(next),
	};
}
