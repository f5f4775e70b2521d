import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { groupPage } from './searchGroups';
import { userPage } from './searchUsers';

/**
 * Groups, then users, matching the filter (name, or email for users). The pagination token says
 * which list to continue and where: `g:<startIndex>` or `u:<startIndex>`.
 */
export async function searchRecipients(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const [, list = 'g', index = '0'] = /^([gu]):(\d+)$/.exec(paginationToken ?? '') ?? [];
	const results = [];
	let usersFrom: number | undefined = Number(index);
	if (list === 'g') {
		const groups = await groupPage.call(this, filter, Number(index));
		results.push(...groups.results);
		if (groups.next !== undefined) return { results, paginationToken: `g:${groups.next}` };
		usersFrom = 0;
	}
	const users = await userPage.call(this, filter, usersFrom);
	results.push(...users.results);
	return { results, paginationToken: users.next === undefined ? undefined : `u:${users.next}` };
}
