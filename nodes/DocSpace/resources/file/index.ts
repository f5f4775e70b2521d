import type { INodeProperties } from 'n8n-workflow';

import { docSpaceRouting } from '../../shared/routing';
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
				name: 'Share',
				value: 'share',
				action: 'Share a file with users or groups',
				description: 'Give users or groups access to a My Documents file (Editor, Reviewer, Viewer …), optionally notifying them',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/file/{fileId}/share',
					preSend: [prepareFileShare],
					postReceive: [fileShareOutput],
				}),
			},
		],
		default: 'share',
	},
	...fileShareDescription,
];
