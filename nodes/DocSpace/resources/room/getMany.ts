import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ROOM_TYPES, type RoomTypeName } from '../../shared/accessLevels';
import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { describeValue, invalidField, optionalText } from '../../shared/validation';
import { roomItems } from './output';

const show = { resource: ['room'], operation: ['getAll'] };

const roomTypeOptions = (Object.keys(ROOM_TYPES) as RoomTypeName[])
	.map((name) => ({ name: ROOM_TYPES[name].label, value: name }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const roomGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Room Types',
				name: 'roomTypes',
				type: 'multiOptions',
				options: roomTypeOptions,
				default: [],
				description: 'Only rooms of these types. Empty: all types.',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Client',
				description: 'Only rooms whose title contains this text (not case-sensitive)',
			},
		],
	},
	simplifyProperty(show),
	optionsProperty(show),
];

function roomTypeNumber(context: IExecuteSingleFunctions, value: unknown): number {
	const text = String(value).trim();
	const entry = Object.entries(ROOM_TYPES).find(
		([name, type]) =>
			name.toLowerCase() === text.toLowerCase() ||
			type.label.toLowerCase() === text.toLowerCase() ||
			String(type.roomType) === text,
	);
	if (!entry) {
		throw invalidField(
			context,
			'Room Types',
			`${describeValue(value)} is not a room type`,
			`Use one of: ${roomTypeOptions.map((option) => option.value).join(', ')}.`,
		);
	}
	return entry[1].roomType;
}

/** Search text and room types go into the query; DocSpace's RoomType enum is sent as integers. */
export async function prepareRoomGetMany(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const filters = this.getNodeParameter('filters', {}) as IDataObject;
	const qs: IDataObject = { ...(requestOptions.qs ?? {}) };
	const search = optionalText(this, 'Search', filters.search, 255);
	if (search) qs.filterValue = search;
	const types = [filters.roomTypes ?? []].flat().filter((value) => value !== '' && value !== null);
	if (types.length) qs.type = [...new Set(types.map((value) => roomTypeNumber(this, value)))];
	requestOptions.qs = qs;
	// `type` repeats (type=1&type=6), the form ASP.NET binds to DocSpace's list of room types.
	requestOptions.arrayFormat = 'repeat';
	return requestOptions;
}

/** One item per room of the page (the list hook pages through them). */
export async function roomGetManyOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const content = ((response.body as IDataObject)?.response ?? {}) as IDataObject;
	return await roomItems(this, (content.folders ?? []) as IDataObject[]);
}
