import type { INodeProperties } from 'n8n-workflow';

import { fileLocator } from '../../shared/descriptions';
import { linkOutput } from '../../shared/linkSettings';
import { linkSetOutput } from '../../shared/linkTarget';
import { docSpaceRouting, fillLocatorPath } from '../../shared/routing';
import { fileLinkGetManyDescription } from './getMany';
import { fileLinkSetDescription, prepareFileLinkSet } from './set';

export const fileLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['fileLink'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'set',
				action: 'Create or update a file link',
				description:
					"Create a file's external link, or update one found by its title or ID (access, title, expiry, password, deny download, internal only)",
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/file/{fileId}/links',
					preSend: [prepareFileLinkSet],
					postReceive: [linkSetOutput],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many file links',
				description: "List a file's external links (URL, access, expiry, password protection)",
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/file/{fileId}/links',
					preSend: [fillLocatorPath('file')],
					postReceive: [linkOutput],
					list: true,
				}),
			},
		],
		default: 'set',
	},
	// One declaration for every File Link operation (see the Room Link locator).
	{
		...fileLocator,
		displayOptions: { show: { resource: ['fileLink'] } },
		description: 'The file whose links to create, update or list',
	},
	...fileLinkSetDescription,
	...fileLinkGetManyDescription,
];
