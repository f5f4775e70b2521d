import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fileLocator, optionsProperty, returnAllProperties, simplifyProperty } from '../../shared/descriptions';
import { type FileShareDto, simplifySubject } from '../../shared/output';
import { fillPath, locatorValue } from '../../shared/routing';
import { entryId } from '../../shared/validation';

const show = { resource: ['file'], operation: ['getSharing'] };

export const fileGetSharingDescription: INodeProperties[] = [
	{ ...fileLocator, displayOptions: { show }, description: 'The file whose user and group shares to list' },
	...returnAllProperties(show),
	simplifyProperty(show),
	optionsProperty(show),
];

/** Validates the file and puts its id into the URL (any read or write on one file). */
export async function prepareFileRequest(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillPath(requestOptions, 'fileId', entryId(this, 'File', locatorValue(this, 'file'), 'file'));
	return requestOptions;
}

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
