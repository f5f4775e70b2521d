import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import type { FileDto } from '../../shared/fileOutput';
import { fillLocatorId, requestBody } from '../../shared/routing';
import { docSpaceApiRequest } from '../../shared/transport';
import { invalidField } from '../../shared/validation';
import { extensionOf, fileTitle } from './fileName';

const show = { resource: ['file'], operation: ['rename'] };

export const fileRenameDescription: INodeProperties[] = [
	{
		displayName: 'New Name',
		name: 'newName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Contract signed',
		displayOptions: { show },
		description: "The new name. DocSpace keeps the file's extension, so it can be left out.",
	},
	simplifyProperty(show),
	optionsProperty(show),
];

/**
 * PUT files/file/{fileId} {title}. DocSpace never changes a file's extension: another one is kept as
 * part of the name ("a.pdf" on a .docx gives "a.pdf.docx", docs/docspace/files.md §7). A new name
 * with an extension is checked against the file's before anything changes.
 */
export async function prepareFileRename(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fileId = fillLocatorId(this, requestOptions, 'file');
	const title = fileTitle(this, 'New Name', this.getNodeParameter('newName', ''));
	const extension = extensionOf(title);
	if (extension !== '') {
		const { response } = await docSpaceApiRequest.call(
			this,
			'GET',
			`/api/2.0/files/file/${encodeURIComponent(fileId)}`,
		);
		const current = String((response as FileDto | undefined)?.fileExst ?? '').toLowerCase();
		if (current && current !== extension) {
			throw invalidField(
				this,
				'New Name',
				`"${title}" ends in ${extension}, but the file is a ${current} file; DocSpace would name it "${title}${current}"`,
				`Leave the extension out or end the name with ${current}. To get another format, use File: Download with Convert To.`,
			);
		}
	}
	requestBody(requestOptions).title = title;
	return requestOptions;
}
