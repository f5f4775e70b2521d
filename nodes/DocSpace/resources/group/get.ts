import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fillGroupId } from './fields';

export const groupGetDescription: INodeProperties[] = [
	{
		displayName: 'Include Members',
		name: 'includeMembers',
		type: 'boolean',
		default: true,
		description: "Whether to list the group's members (ID, name, email) in the output",
		displayOptions: { show: { resource: ['group'], operation: ['get'] } },
	},
];

/** GET group/{id}?includeMembers= */
export async function prepareGroupGet(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillGroupId(this, requestOptions);
	requestOptions.qs = {
		...requestOptions.qs,
		includeMembers: this.getNodeParameter('includeMembers', true) === true,
	};
	return requestOptions;
}
