import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fileLocator, optionsProperty, returnAllProperties, simplifyProperty } from '../../shared/descriptions';
import { type FileShareDto, simplifySubject } from '../../shared/output';

const show = { resource: ['file'], operation: ['getSharing'] };

export const fileGetSharingDescription: INodeProperties[] = [
	{ ...fileLocator, displayOptions: { show }, description: 'The file whose user and group shares to list' },
	...returnAllProperties(show),
	simplifyProperty(show),
	optionsProperty(show),
];

/** One item per user or group with access (a page of GET files/file/{id}/share). */
export async function fileSharingOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const entries = (((response.body as IDataObject)?.response ?? []) as FileShareDto[]).filter(Boolean);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const pairedItem = { item: this.getItemIndex() };
	return entries.map((entry) => ({ json: simplify ? simplifySubject(entry) : entry, pairedItem }));
}
