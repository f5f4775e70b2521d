import type { INodeProperties } from 'n8n-workflow';

import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { docSpaceRouting } from '../../shared/routing';
import { prepareRoomMemberAdd, roomMemberAddDescription, roomMemberAddOutput } from './add';
import {
	prepareRoomMemberChangeAccess,
	roomMemberChangeAccessDescription,
	roomMemberChangeAccessOutput,
} from './changeAccess';
import {
	prepareRoomMemberGetMany,
	roomMemberGetManyDescription,
	roomMemberPage,
	sendRoomMemberListRequest,
} from './getMany';
import { memberLocator } from './members';
import { prepareRoomMemberRemove, roomMemberRemoveOutput } from './remove';

const showOnlyForRoomMembers = { resource: ['roomMember'] };

export const roomMemberDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForRoomMembers },
		options: [
			{
				name: 'Add',
				value: 'add',
				action: 'Add members to a room',
				description:
					'Add users and groups to a room with a role each; emails not in DocSpace yet are invited as guests. Someone already in the room with the same role is left as is.',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/share',
					preSend: [prepareRoomMemberAdd],
					postReceive: [roomMemberAddOutput],
				}),
			},
			{
				name: 'Change Access',
				value: 'changeAccess',
				action: 'Change the role of a room member',
				description: 'Give a user or group who is already in the room another role',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/share',
					preSend: [prepareRoomMemberChangeAccess],
					postReceive: [roomMemberChangeAccessOutput],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many room members',
				description:
					'List the users and groups in a room with their roles, optionally only some roles or kinds',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/rooms/{roomId}/share',
					preSend: [prepareRoomMemberGetMany],
					postReceive: [roomMemberPage],
					pagination: sendRoomMemberListRequest,
					// FileShareDto[] (docs/docspace/rooms.md §4); the hook pages it.
					answer: 'array',
				}),
			},
			{
				name: 'Remove',
				value: 'remove',
				action: 'Remove a member from a room',
				description:
					'Take a user or group out of a room; someone who is not in the room is reported and nothing is sent',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/share',
					preSend: [prepareRoomMemberRemove],
					postReceive: [roomMemberRemoveOutput],
				}),
			},
		],
		default: 'add',
	},
	// The Room locator is the one Room Link declares for both resources (see resources/roomLink/index.ts).
	{
		...memberLocator,
		displayOptions: { show: { ...showOnlyForRoomMembers, operation: ['changeAccess', 'remove'] } },
	},
	...roomMemberAddDescription,
	...roomMemberChangeAccessDescription,
	...roomMemberGetManyDescription,
	simplifyProperty(showOnlyForRoomMembers),
	optionsProperty(showOnlyForRoomMembers, [
		{
			displayName: 'Remove Even With Form Roles',
			name: 'force',
			type: 'boolean',
			default: false,
			description:
				'Whether Remove takes out a member who holds a role in a form being filled (DocSpace otherwise keeps them). Only used by Remove.',
		},
	]),
];
