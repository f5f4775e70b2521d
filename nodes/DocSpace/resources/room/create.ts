import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { ROOM_TYPES, type RoomTypeName } from '../../shared/accessLevels';
import { requestBody } from '../../shared/routing';
import { describeValue, invalidField, optionalText } from '../../shared/validation';
import { prepareRoomLogo, setLogoAfterwards } from './logo';
import { roomSettingOptions, roomSettingsBody, roomTags } from './settings';

const show = { resource: ['room'], operation: ['create'] };

const ROOM_TYPE_HINTS: Record<RoomTypeName, string> = {
	custom: 'Any files, with the access levels you choose per member',
	public: 'Shared with anyone through links; members are room managers and content creators',
	formFilling: 'Collect filled-in PDF forms from users and guests',
	collaboration: 'Co-author documents with editors',
	virtualDataRoom: 'Confidential documents with watermarks, indexing and automatic deletion',
	ai: 'Ask an AI assistant about the room’s files (AI must be enabled on the portal)',
};

export const roomCreateDescription: INodeProperties[] = [
	{
		displayName: 'Title',
		// Not `title`: that name belongs to the link fields, and n8n evaluates every declaration of a name per item.
		name: 'roomTitle',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme Corp',
		description: 'Name of the new room (at most 170 characters)',
		displayOptions: { show },
	},
	{
		displayName: 'Room Type',
		name: 'roomType',
		type: 'options',
		options: (Object.keys(ROOM_TYPES) as RoomTypeName[]).map((name) => ({
			name: ROOM_TYPES[name].label,
			value: name,
			description: ROOM_TYPE_HINTS[name],
		})),
		default: 'custom',
		description:
			'What the room is for; it decides which access levels members and links can have, and cannot be changed later',
		displayOptions: { show },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: roomSettingOptions(false),
	},
];

/** Room type as chosen, or by name, label or DocSpace's number in an expression. */
export function roomTypeValue(context: IExecuteSingleFunctions, value: unknown): number {
	const text = String(value ?? '')
		.trim()
		.toLowerCase();
	const entry = (Object.keys(ROOM_TYPES) as RoomTypeName[]).find(
		(name) =>
			name.toLowerCase() === text ||
			ROOM_TYPES[name].label.toLowerCase() === text ||
			String(ROOM_TYPES[name].roomType) === text,
	);
	if (!entry) {
		throw invalidField(
			context,
			'Room Type',
			`${describeValue(value)} is not a room type`,
			`Use one of: ${Object.keys(ROOM_TYPES).join(', ')}.`,
		);
	}
	return ROOM_TYPES[entry].roomType;
}

/** `POST files/rooms` body: title, integer roomType, and the settings chosen (docs/docspace/rooms.md §1). */
export async function prepareRoomCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const title = optionalText(this, 'Title', this.getNodeParameter('roomTitle', ''), 170);
	if (!title) throw invalidField(this, 'Title', 'is empty', 'Enter the name of the room.');
	const roomType = roomTypeValue(this, this.getNodeParameter('roomType', 'custom'));
	const fields = this.getNodeParameter('additionalFields', {}) as IDataObject;
	const body = requestBody(requestOptions);
	Object.assign(body, { title, roomType, ...roomSettingsBody(this, fields) });
	const tags = roomTags(this, 'Tags', fields.tags);
	if (tags.length) body.tags = tags;
	// The image is checked and uploaded before the room exists; the room gets it once created.
	const logo = await prepareRoomLogo(this, fields);
	if (logo) setLogoAfterwards(this, logo);
	return requestOptions;
}
