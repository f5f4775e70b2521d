import type { INodeProperties } from 'n8n-workflow';

import { BOUNDS } from './bounds';

// DocSpace room addresses: …/rooms/shared/1234/filter?folder=1234 or …/rooms/shared/filter?folder=1234;
// a connected storage's room has an id like sbox-42.
export const ROOM_URL_REGEX =
	'(?:[?&]folder=|/rooms/(?:shared|archived)/)(\\d+|[A-Za-z]+-[\\w.-]+)';
// The editor's address: …/doceditor?fileId=1234
export const FILE_URL_REGEX = '[?&]fileId=(\\d+|[A-Za-z]+-[\\w.-]+)';
const ID_REGEX = '^\\s*(\\d+|[A-Za-z]+-[\\w.-]+)\\s*$';

export const roomLocator: INodeProperties = {
	displayName: 'Room',
	name: 'room',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The DocSpace room',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a room…',
			typeOptions: { searchListMethod: 'searchRooms', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 1234',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: ID_REGEX,
						errorMessage: 'A room ID is a number such as 1234 (or sbox-42 for a connected storage)',
					},
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://yourportal.onlyoffice.com/rooms/shared/1234/filter?folder=1234',
			extractValue: { type: 'regex', regex: ROOM_URL_REGEX },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `.*${ROOM_URL_REGEX}.*`,
						errorMessage: 'Paste the address of the room as the DocSpace web page shows it',
					},
				},
			],
		},
	],
};

export const fileLocator: INodeProperties = {
	displayName: 'File',
	name: 'file',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The DocSpace file',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a file…',
			typeOptions: { searchListMethod: 'searchFiles', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 5678',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: ID_REGEX,
						errorMessage: 'A file ID is a number such as 5678 (or sbox-42 for a connected storage)',
					},
				},
			],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://yourportal.onlyoffice.com/doceditor?fileId=5678',
			extractValue: { type: 'regex', regex: FILE_URL_REGEX },
			validation: [
				{
					type: 'regex',
					properties: {
						regex: `.*${FILE_URL_REGEX}.*`,
						errorMessage:
							'Paste the address of the file as the DocSpace editor shows it (…/doceditor?fileId=…)',
					},
				},
			],
		},
	],
};

/** An operation's Simplify; the node merges them into as few declarations as it can (shared/declarations.ts). */
export function simplifyProperty(show: Record<string, string[]>): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		displayOptions: { show },
		description:
			'Whether to return a flat, easy-to-map version of each entry instead of the full DocSpace answer',
	};
}

/** The paged list operations of each resource: Return All / Limit are shown for these. */
const LIST_OPERATIONS: Record<string, string[]> = {
	room: ['getAll'],
	roomMember: ['getAll'],
	file: ['getSharing'],
	fileLink: ['getAll'],
	folder: ['getContents', 'getHistory'],
	user: ['getAll'],
	group: ['getAll'],
};

// One declaration of each for every list operation (read by `sendDocSpaceListRequest`): no resource
// has one of these operation values without paging, so resource × operation shows exactly these.
const showForLists = {
	resource: Object.keys(LIST_OPERATIONS),
	operation: [...new Set(Object.values(LIST_OPERATIONS).flat())],
};

export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
		displayOptions: { show: showForLists },
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { ...showForLists, returnAll: [false] } },
	},
];

// Bounds every operation shares; whatever is entered (or an expression gives), the node clamps
// it to BOUNDS (shared/bounds.ts); the defaults here are BOUNDS' defaults (a test checks).
const requestLimitOptions: INodeProperties[] = [
	{
		displayName: 'Max Parallel Writes',
		name: 'maxParallelWrites',
		type: 'number',
		typeOptions: { minValue: BOUNDS.maxParallelWrites.min, maxValue: BOUNDS.maxParallelWrites.max },
		default: 15,
		description:
			'How many changes the node sends to the portal at once for the DocSpace account behind the credential. DocSpace refuses more than 15; higher values are lowered to 15.',
	},
	{
		displayName: 'Max Parallel Reads',
		name: 'maxParallelReads',
		type: 'number',
		typeOptions: { minValue: BOUNDS.maxParallelReads.min, maxValue: BOUNDS.maxParallelReads.max },
		default: 50,
		description:
			'How many reads the node sends to the portal at once for the DocSpace account behind the credential. DocSpace refuses more than 50; higher values are lowered to 50.',
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		typeOptions: { minValue: BOUNDS.maxRetries.min, maxValue: BOUNDS.maxRetries.max },
		default: 5,
		description:
			'How often to repeat a request DocSpace refused for being too busy (429), that a proxy failed (502–504) or whose connection was refused or dropped (0–10). Only requests that are safe to repeat are retried.',
	},
	{
		displayName: 'Max Retry Wait (Seconds)',
		name: 'maxRetryWaitSeconds',
		type: 'number',
		typeOptions: {
			minValue: BOUNDS.maxRetryWaitSeconds.min,
			maxValue: BOUNDS.maxRetryWaitSeconds.max,
		},
		default: 120,
		description:
			'The longest the node waits in total between the retries of one request (0–600 s); when the next wait would pass it, the item fails with the last error',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeoutSeconds',
		type: 'number',
		typeOptions: { minValue: BOUNDS.timeoutSeconds.min, maxValue: BOUNDS.timeoutSeconds.max },
		default: 60,
		description:
			'The longest one request may take, from sending it to the last byte of the answer, however slowly the answer arrives (1–300 s)',
	},
	{
		displayName: 'Max Response Size (MB)',
		name: 'maxResponseMb',
		type: 'number',
		typeOptions: { minValue: BOUNDS.maxResponseMb.min, maxValue: BOUNDS.maxResponseMb.max },
		default: 20,
		description:
			'The largest answer the node reads from DocSpace (1–200 MB); a larger one stops the item with an error instead of filling the memory',
	},
];

/**
 * The operation's Options: its own entries plus the request limits every operation shares. The
 * node merges every operation's Options into ONE declaration whose entries are shown per
 * operation (shared/declarations.ts); entries of one name must share their type and default.
 */
export function optionsProperty(
	show: Record<string, string[]>,
	own: INodeProperties[] = [],
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show },
		options: [...own, ...requestLimitOptions],
	};
}

export const includePasswordOption: INodeProperties = {
	displayName: 'Include Password',
	name: 'includePassword',
	type: 'boolean',
	default: false,
	description:
		'Whether to put the link password in the output. DocSpace returns it in clear text; it is hidden by default so it does not end up in execution logs.',
};

// A folder's (or room's) address in DocSpace's web client: …/rooms/shared/1234/filter?folder=5678,
// …/rooms/personal/filter?folder=5678. The folder is the `folder` query value; a room's own address
// may only have /rooms/shared/1234.
export const FOLDER_URL_REGEX =
	'(?:[?&]folder=|/rooms/(?:shared|archived)/(?![^?#]*[?&]folder=))(\\d+|[A-Za-z]+-[\\w.-]+)';

/** A folder picker: My Documents, rooms and their sub-folders (searchFolders), by ID or by URL. */
const FOLDER_ID_REGEX = '^\\s*(\\d+|[A-Za-z]+-[\\w.-]+|@my)\\s*$';

export function folderLocatorNamed(
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a folder…',
				typeOptions: { searchListMethod: 'searchFolders', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5678',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: FOLDER_ID_REGEX,
							errorMessage:
								'A folder ID is a number such as 5678 (or sbox-42 for a connected storage, @my for My Documents)',
						},
					},
				],
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'e.g. https://yourportal.onlyoffice.com/rooms/shared/1234/filter?folder=5678',
				extractValue: { type: 'regex', regex: FOLDER_URL_REGEX },
				validation: [
					{
						type: 'regex',
						properties: {
							regex: `.*${FOLDER_URL_REGEX}.*`,
							errorMessage:
								'Paste the address of the folder or room as the DocSpace web page shows it',
						},
					},
				],
			},
		],
	};
}

export const folderLocator: INodeProperties = folderLocatorNamed(
	'folder',
	'Folder',
	'The DocSpace folder (a room is a folder too)',
);
