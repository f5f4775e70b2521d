import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { fileLocator } from '../../shared/descriptions';
import { linkOutput } from '../../shared/linkSettings';
import { docSpaceRouting, entriesOutput, fillLocatorPath } from '../../shared/routing';
import { simplifySubject } from '../../shared/output';
import { expectDownloadAnswer } from '../../shared/storageRedirect';
import { fileCreateDescription, fileSingleOutput, prepareFileCreate } from './create';
import { fileDownloadDescription, fileDownloadOutput, prepareFileDownload } from './download';
import { fileGetDescription, fileGetPrimaryLinkDescription } from './get';
import { transferDescription, transferOperations } from '../../shared/transfer';
import { fileGetSharingDescription } from './getSharing';
import {
	fileRemoveSharingDescription,
	fileRemoveSharingOutput,
	prepareFileRemoveSharing,
} from './removeSharing';
import { fileRenameDescription, prepareFileRename } from './rename';
import { fileShareDescription, fileShareOutput, prepareFileShare } from './share';
import { fileUploadDescription, fileUploadOutput, prepareFileUpload } from './upload';

const showOnlyForFiles = { resource: ['file'] };

export const fileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForFiles },
		options: (
			[
				// File transfer and file entries (upload, download, create, get, rename, primary link).
				{
					name: 'Create',
					value: 'create',
					action: 'Create a blank file',
					description:
						'Create a blank document, spreadsheet, presentation or PDF form in a room, a folder or My Documents',
					routing: docSpaceRouting({
						method: 'POST',
						url: '/api/2.0/files/{folderId}/file',
						preSend: [prepareFileCreate],
						postReceive: [fileSingleOutput],
					}),
				},
				{
					name: 'Download',
					value: 'download',
					action: 'Download a file',
					description:
						'Download a file into a binary field, optionally converted to another format such as PDF',
					// The answer is the file's bytes, not JSON: its own post-receive reads failures and data.
					routing: docSpaceRouting({
						method: 'GET',
						url: '/filehandler.ashx',
						preSend: [prepareFileDownload],
						postReceive: [fileDownloadOutput],
						answer: 'raw',
						readAnswer: expectDownloadAnswer,
					}),
				},
				{
					name: 'Get',
					value: 'get',
					action: 'Get a file',
					description:
						'Read one file: its name, type, size, version, folder, addresses, author and dates',
					routing: docSpaceRouting({
						method: 'GET',
						url: '/api/2.0/files/file/{fileId}',
						preSend: [fillLocatorPath('file')],
						postReceive: [fileSingleOutput],
					}),
				},
				{
					name: 'Get Primary Link',
					value: 'getPrimaryLink',
					action: 'Get the primary link of a file',
					description:
						"Get a file's primary external link (DocSpace creates a Viewer link when there is none)",
					routing: docSpaceRouting({
						method: 'GET',
						url: '/api/2.0/files/file/{fileId}/link',
						preSend: [fillLocatorPath('file')],
						postReceive: [linkOutput],
					}),
				},
				{
					name: 'Rename',
					value: 'rename',
					action: 'Rename a file',
					description: "Give a file a new name (DocSpace keeps the file's extension)",
					routing: docSpaceRouting({
						method: 'PUT',
						url: '/api/2.0/files/file/{fileId}',
						preSend: [prepareFileRename],
						postReceive: [fileSingleOutput],
					}),
				},
				{
					name: 'Upload',
					value: 'upload',
					action: 'Upload a file',
					description:
						'Upload the file of a binary field into a room, a folder or My Documents (large files in chunks), keeping both, overwriting or skipping when the name exists',
					routing: docSpaceRouting({
						method: 'POST',
						url: '/api/2.0/files/{folderId}/upload',
						preSend: [prepareFileUpload],
						postReceive: [fileUploadOutput],
						// ChunkedUploader's answer is not DocSpace's envelope: fileUploadOutput checks it.
						answer: 'raw',
					}),
				},
				{
					name: 'Get Sharing',
					value: 'getSharing',
					action: 'Get who a file is shared with',
					description:
						'List the users and groups that have access to a file, with their access level',
					routing: docSpaceRouting({
						method: 'GET',
						url: '/api/2.0/files/file/{fileId}/share',
						preSend: [fillLocatorPath('file')],
						postReceive: [entriesOutput(simplifySubject)],
						list: true,
					}),
				},
				{
					name: 'Remove Sharing',
					value: 'removeSharing',
					action: 'Remove users or groups from a file',
					description:
						'Take access to a My Documents file away from given users or groups, or from everyone it is shared with',
					routing: docSpaceRouting({
						method: 'PUT',
						url: '/api/2.0/files/file/{fileId}/share',
						preSend: [prepareFileRemoveSharing],
						postReceive: [fileRemoveSharingOutput],
						answer: 'any',
					}),
				},
				{
					name: 'Share',
					value: 'share',
					action: 'Share a file with users or groups',
					description:
						'Give users or groups access to a My Documents file (Editor, Reviewer, Viewer …), optionally notifying them',
					routing: docSpaceRouting({
						method: 'PUT',
						url: '/api/2.0/files/file/{fileId}/share',
						preSend: [prepareFileShare],
						postReceive: [fileShareOutput],
						answer: 'array',
					}),
				},
				// Copy, Delete, Move (their fields are declared once with the Folder resource's).
				...transferOperations('file'),
			] satisfies INodePropertyOptions[]
		).sort((a, b) => a.name.localeCompare(b.name)),
		default: 'share',
	},
	// One declaration for every File operation on an existing file (see the Room Link locator).
	{
		...fileLocator,
		displayOptions: { show: showOnlyForFiles, hide: { operation: ['upload', 'create'] } },
		description:
			'The file to download, read, rename, copy, move or delete, or whose sharing to change (sharing works for files in My Documents)',
	},
	// Destination, conflicts and deletion for File and Folder, declared once for both resources.
	...transferDescription,
	...fileUploadDescription,
	...fileDownloadDescription,
	...fileCreateDescription,
	...fileGetDescription,
	...fileRenameDescription,
	...fileGetPrimaryLinkDescription,
	...fileShareDescription,
	...fileGetSharingDescription,
	...fileRemoveSharingDescription,
];
