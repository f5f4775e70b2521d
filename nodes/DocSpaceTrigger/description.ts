import type { INodeProperties } from 'n8n-workflow';

import { fileLocator, roomLocator } from '../DocSpace/shared/descriptions';
import { ALL_EVENTS, eventOptions } from './events';

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'n8n must be reachable from the internet: DocSpace refuses private webhook addresses.',
		name: 'addressNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions(),
		default: [ALL_EVENTS],
		required: true,
		description:
			'The DocSpace events that start the workflow. Grouped by what they are about; "Any … Event" takes every event of a group.',
	},
	{
		displayName: 'Only Events About',
		name: 'target',
		type: 'options',
		options: [
			{
				name: 'Any Item',
				value: 'none',
				description: 'Events about any file, folder, room, user or group',
			},
			{ name: 'One File', value: 'file', description: 'File and Form events of one file' },
			{ name: 'One Folder', value: 'folder', description: 'Folder events of one folder' },
			{
				name: 'One Room',
				value: 'room',
				description: 'Room events of one room (not the files inside it)',
			},
		],
		default: 'none',
		description: 'Let DocSpace send only events about one item',
	},
	{
		displayName: 'A room here delivers events about the room itself, not about files inside it.',
		name: 'targetNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { target: ['none'] } },
	},
	{
		...roomLocator,
		displayName: 'Room',
		name: 'targetRoom',
		description: 'The room whose Room events start the workflow',
		displayOptions: { show: { target: ['room'] } },
	},
	{
		displayName: 'Folder ID',
		name: 'targetFolder',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1234',
		description:
			'The ID of the folder whose Folder events start the workflow (the number after folder= in its address)',
		displayOptions: { show: { target: ['folder'] } },
	},
	{
		...fileLocator,
		displayName: 'File',
		name: 'targetFile',
		description: 'The file whose File and Form events start the workflow',
		displayOptions: { show: { target: ['file'] } },
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return one flat item per event (event, eventId, time, userId, itemType, itemId, title or name, parentId and the web address of the item) instead of the delivery DocSpace sent ({ event, payload, webhook })',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Max Parallel Requests',
				name: 'maxParallelWrites',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 15,
				description:
					'How many registration requests may run at once (DocSpace allows 15 writes per user)',
			},
		],
	},
];
