import type { INodeProperties } from 'n8n-workflow';

import { docSpaceRouting } from '../../shared/routing';
import { prepareRoomLinkSet, roomLinkOutput, roomLinkSetDescription } from './set';

const showOnlyForRoomLinks = { resource: ['roomLink'] };

export const roomLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForRoomLinks },
		options: [
			{
				name: 'Set',
				value: 'set',
				action: 'Create or update a room link',
				description:
					"Create a room's external or invitation link, or update one by its ID (access, title, expiry, password, download and use limits)",
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/links',
					preSend: [prepareRoomLinkSet],
					postReceive: [roomLinkOutput],
				}),
			},
		],
		default: 'set',
	},
	...roomLinkSetDescription,
];
