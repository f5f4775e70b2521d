import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { type FileDto, fileItem } from '../../shared/fileOutput';
import { requestBody } from '../../shared/routing';
import { invalidField } from '../../shared/validation';
import { destinationFolderPath } from './destination';
import { MAX_TITLE_LENGTH, extensionOf, fileTitle } from './fileName';

const show = { resource: ['file'], operation: ['create'] };

const FILE_TYPES: Record<string, { label: string; extension: string }> = {
	document: { label: 'Document', extension: '.docx' },
	spreadsheet: { label: 'Spreadsheet', extension: '.xlsx' },
	presentation: { label: 'Presentation', extension: '.pptx' },
	pdfForm: { label: 'PDF Form', extension: '.pdf' },
};

export const fileCreateDescription: INodeProperties[] = [
	{
		displayName: 'File Type',
		name: 'fileType',
		type: 'options',
		default: 'document',
		displayOptions: { show },
		options: [
			{ name: 'Document (.docx)', value: 'document' },
			{ name: 'PDF Form (.pdf)', value: 'pdfForm' },
			{ name: 'Presentation (.pptx)', value: 'presentation' },
			{ name: 'Spreadsheet (.xlsx)', value: 'spreadsheet' },
		],
		description: 'The kind of blank file to create',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Meeting notes',
		displayOptions: { show },
		description:
			'Name of the new file. The extension of the file type is added when the name has none.',
	},
	simplifyProperty(show),
	optionsProperty(show),
];

/**
 * POST files/{folderId}/file {title}. DocSpace picks the type from the title's extension and turns any
 * other extension into .docx without a word (docs/docspace/files.md §6), so a name whose extension
 * does not match the chosen type is refused here.
 */
export async function prepareFileCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const folderPath = destinationFolderPath(this);
	const type =
		FILE_TYPES[String(this.getNodeParameter('fileType', 'document'))] ?? FILE_TYPES.document;
	const name = fileTitle(this, 'File Name', this.getNodeParameter('fileName', ''));
	const extension = extensionOf(name);
	if (extension !== '' && extension !== type.extension) {
		throw invalidField(
			this,
			'File Name',
			`"${name}" ends in ${extension}, but a ${type.label} is a ${type.extension} file; DocSpace would not create a ${extension} file`,
			`Leave the extension out (the node adds ${type.extension}), end the name with ${type.extension}, or choose the File Type that fits.`,
		);
	}
	const title = extension === type.extension ? name : `${name}${type.extension}`;
	if (title.length > MAX_TITLE_LENGTH) {
		throw invalidField(
			this,
			'File Name',
			`with ${type.extension} it is ${title.length} characters long; DocSpace accepts at most ${MAX_TITLE_LENGTH}`,
			'Shorten "File Name".',
		);
	}
	requestOptions.url = `/api/2.0/files/${folderPath}/file`;
	requestBody(requestOptions).title = title;
	return requestOptions;
}

export async function fileSingleOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return [fileItem(this, ((response.body as { response?: FileDto })?.response ?? {}) as FileDto)];
}
