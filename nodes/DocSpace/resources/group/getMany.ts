import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty, returnAllProperties, simplifyProperty } from '../../shared/descriptions';
import { optionalText } from '../../shared/validation';

const show = { resource: ['group'], operation: ['getMany'] };

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
	...returnAllProperties(show),
	simplifyProperty(show),
	optionsProperty(show),
];

export async function prepareGroupGetMany(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = (requestOptions.qs ?? {}) as IDataObject;
	const search = optionalText(this, 'Search', qs.filterValue, 255);
	if (search === undefined) delete qs.filterValue;
	else qs.filterValue = search;
	requestOptions.qs = qs;
	return requestOptions;
}

export function simplifyGroup(group: IDataObject): IDataObject {
	const manager = group.manager && typeof group.manager === 'object' ? (group.manager as IDataObject) : undefined;
	return {
		id: group.id,
		name: group.name,
		manager: manager?.displayName ?? (typeof group.manager === 'string' ? group.manager : null),
		managerId: manager?.id ?? null,
		membersCount: group.membersCount ?? null,
	};
}

/** One item per group of the page (GET group). */
export async function groupListOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const groups = (((response.body as IDataObject)?.response ?? []) as IDataObject[]).filter(Boolean);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const pairedItem = { item: this.getItemIndex() };
	return groups.map((group) => ({ json: simplify ? simplifyGroup(group) : group, pairedItem }));
}
