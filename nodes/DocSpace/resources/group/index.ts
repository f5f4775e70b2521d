import type { INodeProperties } from 'n8n-workflow';

import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { groupLocator } from '../../shared/people';
import { docSpaceRouting, entriesOutput } from '../../shared/routing';
import { groupFields, groupOutput } from './fields';
import { groupGetManyDescription, prepareGroupGetMany, simplifyGroup } from './getMany';
import { prepareGroupCreate } from './create';
import { groupDeleteOutput, prepareGroupDelete } from './delete';
import { groupGetDescription, prepareGroupGet } from './get';
import { groupMembersOutput, prepareGroupMembers } from './members';
import { prepareGroupUpdate } from './update';

const ALL = ['addMembers', 'create', 'delete', 'get', 'getAll', 'removeMembers', 'update'];
const WITH_GROUP = ['addMembers', 'delete', 'get', 'removeMembers', 'update'];

export const groupDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['group'] } },
		options: [
			{
				name: 'Add Members',
				value: 'addMembers',
				action: 'Add members to a group',
				description: 'Add users (by ID or email) to a group; users already in it stay as they are',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/group/{groupId}/members',
					preSend: [prepareGroupMembers],
					postReceive: [groupMembersOutput],
				}),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a group',
				description:
					'Create a group of users with a name, an optional manager and members, e.g. a team to share rooms with',
				routing: docSpaceRouting({
					method: 'POST',
					url: '/api/2.0/group',
					preSend: [prepareGroupCreate],
					postReceive: [groupOutput],
				}),
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a group',
				description:
					'Delete a group; its members stay in DocSpace, but what was shared with the group is no longer shared with them',
				routing: docSpaceRouting({
					method: 'DELETE',
					url: '/api/2.0/group/{groupId}',
					preSend: [prepareGroupDelete],
					postReceive: [groupDeleteOutput],
					answer: 'none',
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a group',
				description: 'Read one group: its name, manager and members',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/group/{groupId}',
					preSend: [prepareGroupGet],
					postReceive: [groupOutput],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many groups',
				description:
					"List or search the portal's groups by name (ID, name, manager, members count), e.g. to share with a team",
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/group',
					preSend: [prepareGroupGetMany],
					postReceive: [entriesOutput(simplifyGroup)],
					list: true,
				}),
			},
			{
				name: 'Remove Members',
				value: 'removeMembers',
				action: 'Remove members from a group',
				description: 'Take users (by ID or email) out of a group; they stay in DocSpace',
				routing: docSpaceRouting({
					method: 'DELETE',
					url: '/api/2.0/group/{groupId}/members',
					preSend: [prepareGroupMembers],
					postReceive: [groupMembersOutput],
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a group',
				description: 'Rename a group or change its manager',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/group/{groupId}',
					preSend: [prepareGroupUpdate],
					postReceive: [groupOutput],
				}),
			},
		],
		default: 'getAll',
	},
	{
		...groupLocator,
		displayOptions: { show: { resource: ['group'], operation: WITH_GROUP } },
		description: 'The group: pick it from the list, or give its ID or the address of its page',
	},
	...groupFields,
	...groupGetDescription,
	...groupGetManyDescription,
	simplifyProperty({ resource: ['group'], operation: ALL }),
	optionsProperty({ resource: ['group'], operation: ALL }),
];
