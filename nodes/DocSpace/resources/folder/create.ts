import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { fillLocatorId, locatorValue, requestBody } from '../../shared/routing';
import { entryId, invalidField, optionalText } from '../../shared/validation';
import { folderItems } from './output';

/** DocSpace's limit for folder titles (docs/docspace/folders.md §4). */
const MAX_TITLE = 165;

export const folderCreateDescription: INodeProperties[] = [
	// One declaration for Create and Rename (a name of its own: `title` belongs to Room Link).
	{
		displayName: 'Name',
		name: 'folderName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Contracts 2026',
		displayOptions: { show: { resource: ['folder'], operation: ['create', 'rename'] } },
		description:
			'The folder name (at most 165 characters). DocSpace replaces characters it does not allow in names (such as / \\ : * ? |) with an underscore.',
	},
];

/** The Name field: required, trimmed, at most 165 characters. */
export function folderTitle(context: IExecuteSingleFunctions): string {
	const title = optionalText(
		context,
		'Name',
		context.getNodeParameter('folderName', ''),
		MAX_TITLE,
	);
	if (title === undefined)
		throw invalidField(context, 'Name', 'is empty', 'Enter the folder name.');
	return title;
}

export async function prepareFolderCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const parent = entryId(
		this,
		'Destination Folder or Room',
		locatorValue(this, 'destinationFolder'),
		'folder',
	);
	requestOptions.url = String(requestOptions.url).replace('{parentId}', encodeURIComponent(parent));
	requestBody(requestOptions).title = folderTitle(this);
	return requestOptions;
}

export async function prepareFolderRename(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillLocatorId(this, requestOptions, 'folder');
	requestBody(requestOptions).title = folderTitle(this);
	return requestOptions;
}

/** Create, Get and Rename answer with one FolderDto. */
export async function folderOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return await folderItems(this, [((response.body as IDataObject)?.response ?? {}) as IDataObject]);
}
