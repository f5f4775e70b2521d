import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { checkSearchQuery } from '../../shared/routing';

const show = { resource: ['group'], operation: ['getAll'] };

export const groupGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. Legal',
		description: 'Only groups whose name contains this text. Empty: all groups.',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'filterValue' } },
	},
	// Simplify and Options: declared once for every Group operation (index.ts).
];

export async function prepareGroupGetMany(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	checkSearchQuery(this, requestOptions);
	return requestOptions;
}

export function simplifyGroup(group: IDataObject): IDataObject {
	const manager =
		group.manager && typeof group.manager === 'object' ? (group.manager as IDataObject) : undefined;
	return {
		id: group.id,
		name: group.name,
		manager: manager?.displayName ?? (typeof group.manager === 'string' ? group.manager : null),
		managerId: manager?.id ?? null,
		membersCount: group.membersCount ?? null,
	};
}
