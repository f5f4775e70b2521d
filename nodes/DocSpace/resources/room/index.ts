import type { INodeProperties } from 'n8n-workflow';

import { docSpaceRouting, fillLocatorPath } from '../../shared/routing';
import { roomLifecycleDescription, roomLifecycleOperations } from './archive';
import { roomGetDescription, roomGetOutput } from './get';
import { prepareRoomGetMany, roomGetManyDescription, roomGetManyOutput } from './getMany';

const showOnlyForRooms = { resource: ['room'] };

export const roomDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForRooms },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a room',
				description: "Read one room: its title, type, address, owner, dates and how many files it holds",
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
				description: 'List the rooms the account can see, optionally searched by title and filtered by room type',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/rooms',
					preSend: [prepareRoomGetMany],
					postReceive: [roomGetManyOutput],
					list: true,
				}),
			},
			// Archive, Unarchive, Delete: asynchronous, the node waits for DocSpace.
			...roomLifecycleOperations,
		].sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getAll',
	},
	...roomGetDescription,
	...roomGetManyDescription,
	...roomLifecycleDescription,
];
