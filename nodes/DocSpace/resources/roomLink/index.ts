import type { INodeProperties } from 'n8n-workflow';

import { roomLocator } from '../../shared/descriptions';
import { linkOutput } from '../../shared/linkSettings';
import { linkSetOutput } from '../../shared/linkTarget';
import { docSpaceRouting, fillLocatorPath } from '../../shared/routing';
import { prepareRoomLinkGetMany, roomLinkGetManyDescription } from './getMany';
import { roomLinkGetPrimaryDescription } from './getPrimary';
import { prepareRoomLinkRevoke, roomLinkRevokeDescription, roomLinkRevokeOutput } from './revoke';
import { prepareRoomLinkSet, roomLinkSetDescription } from './set';

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
				name: 'Create or Update',
				value: 'set',
				action: 'Create or update a room link',
				description:
					"Create a room's external or invitation link, or update one found by its title or ID (access, title, expiry, password, download and use limits)",
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/links',
					preSend: [prepareRoomLinkSet],
					postReceive: [linkSetOutput],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many room links',
				description:
					"List a room's links (external links, the primary one included, and the invitation link) with their IDs, addresses and settings",
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/rooms/{roomId}/links',
					preSend: [prepareRoomLinkGetMany],
					postReceive: [linkOutput],
					answer: 'array',
				}),
			},
			{
				name: 'Get Primary',
				value: 'getPrimary',
				action: 'Get the primary link of a room',
				description:
					"Read the room's primary external link, the one DocSpace shows as the room's shared link",
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/rooms/{roomId}/link',
					preSend: [fillLocatorPath('room')],
					postReceive: [linkOutput],
				}),
			},
			{
				name: 'Revoke',
				value: 'revoke',
				action: 'Revoke a room link',
				description: 'Delete a room link by its ID so that its address stops working',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/links',
					preSend: [prepareRoomLinkRevoke],
					postReceive: [roomLinkRevokeOutput],
					// DocSpace leaves `response` out for a deleted link.
					answer: 'any',
				}),
			},
		],
		default: 'set',
	},
	// Declared once for every Room Link and Room Member operation (all of them take a room): n8n
	// evaluates each declaration of a parameter for every item, shown or not, so a declaration per
	// operation or per resource would multiply the cost of a room expression.
	{
		...roomLocator,
		displayOptions: { show: { resource: ['roomLink', 'roomMember'] } },
		description: 'The room whose links or members to create, list, change or remove',
	},
	...roomLinkSetDescription,
	...roomLinkGetManyDescription,
	...roomLinkGetPrimaryDescription,
	...roomLinkRevokeDescription,
];
