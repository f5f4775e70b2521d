import type { INodeProperties } from 'n8n-workflow';

import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { userLocator } from '../../shared/people';
import { docSpaceRouting, entriesOutput } from '../../shared/routing';
import {
	prepareUserChangeType,
	userChangeTypeDescription,
	userChangeTypeOutput,
} from './changeType';
import { prepareUserDelete, userDeleteDescription, userDeleteOutput } from './delete';
import { prepareUserGet } from './get';
import { prepareUserGetMany, simplifyUser, userGetManyDescription } from './getMany';
import { prepareUserInvite, userInviteDescription, userInviteOutput } from './invite';
import { userOutput } from './output';
import { prepareUserStatus, userStatusOutput } from './status';
import { prepareUserUpdate, userUpdateDescription, userUpdateOutput } from './update';

const ALL = ['changeType', 'delete', 'disable', 'enable', 'get', 'getAll', 'invite', 'update'];
const WITH_USER = ['changeType', 'delete', 'disable', 'enable', 'get', 'update'];

export const userDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Change Type',
				value: 'changeType',
				action: 'Change a user type',
				description:
					'Make a user a guest, user, room admin or DocSpace admin; lowering a room admin hands their rooms over to another user',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/people/type',
					preSend: [prepareUserChangeType],
					postReceive: [userChangeTypeOutput],
					answer: 'list',
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a user',
				description:
					'Delete a disabled user from the portal for good (DocSpace deletes only disabled users: disable them first)',
				routing: docSpaceRouting({
					method: 'DELETE',
					url: '/api/2.0/people/{userId}',
					preSend: [prepareUserDelete],
					postReceive: [userDeleteOutput],
				}),
			},
			{
				name: 'Disable',
				value: 'disable',
				action: 'Disable a user',
				description:
					'Lock a user out of the portal (their sessions end); they keep their data and can be enabled again',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/people/status/2',
					preSend: [prepareUserStatus],
					postReceive: [userStatusOutput],
					answer: 'array',
				}),
			},
			{
				name: 'Enable',
				value: 'enable',
				action: 'Enable a user',
				description: 'Let a disabled user sign in again',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/people/status/1',
					preSend: [prepareUserStatus],
					postReceive: [userStatusOutput],
					answer: 'array',
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				description:
					'Read one user by ID or email: name, email, type (guest, user, room admin, admin), status and groups',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/people/{userId}',
					preSend: [prepareUserGet],
					postReceive: [userOutput],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many users',
				description:
					"List or search the portal's users by name or email (ID, name, email, type, status), e.g. to find whom to share with",
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/people/filter',
					preSend: [prepareUserGetMany],
					postReceive: [entriesOutput(simplifyUser)],
					list: true,
				}),
			},
			{
				name: 'Invite',
				value: 'invite',
				action: 'Invite a user',
				description:
					'Invite someone to the portal by email as a user, room admin or DocSpace admin; DocSpace emails them a link to join',
				routing: docSpaceRouting({
					method: 'POST',
					url: '/api/2.0/people/invite',
					preSend: [prepareUserInvite],
					postReceive: [userInviteOutput],
					answer: 'array',
					idempotent: true,
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a user',
				description:
					"Change the first name, last name, location or comment of the account behind the credential (DocSpace allows it only on one's own profile)",
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/people/{userId}',
					preSend: [prepareUserUpdate],
					postReceive: [userUpdateOutput],
				}),
			},
		],
		default: 'getAll',
	},
	{
		...userLocator,
		displayOptions: { show: { resource: ['user'], operation: WITH_USER } },
		description: 'The user: pick them from the list, or give their ID or email',
	},
	...userInviteDescription,
	...userUpdateDescription,
	...userChangeTypeDescription,
	...userDeleteDescription,
	...userGetManyDescription,
	// One declaration each for every User operation: n8n evaluates every declaration per item.
	simplifyProperty({ resource: ['user'], operation: ALL }),
	optionsProperty({ resource: ['user'], operation: ALL }),
];
