import type { INodeProperties } from 'n8n-workflow';

import { fileLocator } from '../../shared/descriptions';
import { docSpaceRouting, entriesOutput, fillLocatorPath } from '../../shared/routing';
import { simplifySubject } from '../../shared/output';
import { fileGetSharingDescription } from './getSharing';
import { fileRemoveSharingDescription, fileRemoveSharingOutput, prepareFileRemoveSharing } from './removeSharing';
import { fileShareDescription, fileShareOutput, prepareFileShare } from './share';

const showOnlyForFiles = { resource: ['file'] };

export const fileDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForFiles },
		options: [
			{
				name: 'Get Sharing',
				value: 'getSharing',
				action: 'Get who a file is shared with',
				description: 'List the users and groups that have access to a file, with their access level',
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
				description: 'Take access to a My Documents file away from given users or groups, or from everyone it is shared with',
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
				description: 'Give users or groups access to a My Documents file (Editor, Reviewer, Viewer …), optionally notifying them',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/file/{fileId}/share',
					preSend: [prepareFileShare],
					postReceive: [fileShareOutput],
					answer: 'array',
				}),
			},
		],
		default: 'share',
	},
	// One declaration for every File operation (see the Room Link locator).
	{ ...fileLocator, displayOptions: { show: showOnlyForFiles }, description: 'The file to share, or whose shares to list or remove (a file in My Documents)' },
	...fileShareDescription,
	...fileGetSharingDescription,
	...fileRemoveSharingDescription,
];
