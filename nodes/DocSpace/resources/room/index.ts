import type { INodeProperties } from 'n8n-workflow';

import { optionsProperty, roomLocator, simplifyProperty } from '../../shared/descriptions';
import { docSpaceRouting, fillLocatorPath } from '../../shared/routing';
import { prepareRoomCreate, roomCreateDescription } from './create';
import { roomLifecycleDescription, roomLifecycleOperations } from './archive';
import { roomGetDescription, roomGetOutput } from './get';
import { prepareRoomGetMany, roomGetManyDescription, roomGetManyOutput } from './getMany';
import { roomWithLogoOutput } from './logo';
import { prepareRoomTags, roomTagsDescription } from './tags';
import { prepareRoomUpdate, roomUpdateDescription } from './update';

const showOnlyForRooms = { resource: ['room'] };
/** Operations this file's shared Simplify and Options serve (one declaration each, see below). */
const WRITE_OPERATIONS = ['create', 'update', 'pin', 'unpin', 'addTags', 'removeTags'];

export const roomDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForRooms },
		options: [
			{
				name: 'Add Tags',
				value: 'addTags',
				action: 'Add tags to a room',
				description: 'Add tags to a room; tags that do not exist yet are created',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/tags',
					preSend: [prepareRoomTags],
					postReceive: [roomGetOutput],
				}),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a room',
				description:
					'Create a room of any DocSpace type with its title, tags, quota, file lifetime, watermark, indexing, download rule, colour, cover and logo',
				routing: docSpaceRouting({
					method: 'POST',
					url: '/api/2.0/files/rooms',
					preSend: [prepareRoomCreate],
					postReceive: [roomWithLogoOutput],
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a room',
				description:
					'Read one room: its title, type, address, owner, dates and how many files it holds',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/rooms/{roomId}',
					preSend: [fillLocatorPath('room')],
					postReceive: [roomGetOutput],
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many rooms',
				description:
					'List the rooms the account can see, optionally searched by title and filtered by room type',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/rooms',
					preSend: [prepareRoomGetMany],
					postReceive: [roomGetManyOutput],
					list: true,
				}),
			},
			{
				name: 'Pin',
				value: 'pin',
				action: 'Pin a room',
				description:
					'Pin a room to the top of the room list of the account behind the credential (at most 10 pinned rooms)',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/pin',
					preSend: [fillLocatorPath('room')],
					postReceive: [roomGetOutput],
				}),
			},
			{
				name: 'Remove Tags',
				value: 'removeTags',
				action: 'Remove tags from a room',
				description: 'Take tags off a room; the tags stay available for other rooms',
				routing: docSpaceRouting({
					method: 'DELETE',
					url: '/api/2.0/files/rooms/{roomId}/tags',
					preSend: [prepareRoomTags],
					postReceive: [roomGetOutput],
				}),
			},
			{
				name: 'Unpin',
				value: 'unpin',
				action: 'Unpin a room',
				description:
					'Unpin a room from the top of the room list of the account behind the credential',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}/unpin',
					preSend: [fillLocatorPath('room')],
					postReceive: [roomGetOutput],
				}),
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a room',
				description:
					'Change a room’s title, quota, file lifetime, watermark, indexing, download rule, colour or cover; fields left out stay as they are',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/rooms/{roomId}',
					preSend: [prepareRoomUpdate],
					postReceive: [roomWithLogoOutput],
				}),
			},
			// Archive, Unarchive, Delete: asynchronous, the node waits for DocSpace.
			...roomLifecycleOperations,
		].sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	// One Room locator for every Room operation that works on an existing room: n8n evaluates each
	// declaration of a parameter for every item, so one per operation would multiply its cost.
	{
		...roomLocator,
		displayOptions: { show: showOnlyForRooms, hide: { operation: ['getAll', 'create'] } },
		description: 'The room to read or change',
	},
	...roomCreateDescription,
	...roomUpdateDescription,
	...roomTagsDescription,
	...roomGetDescription,
	...roomGetManyDescription,
	simplifyProperty({ ...showOnlyForRooms, operation: WRITE_OPERATIONS }),
	optionsProperty({ ...showOnlyForRooms, operation: WRITE_OPERATIONS }),
	...roomLifecycleDescription,
];
