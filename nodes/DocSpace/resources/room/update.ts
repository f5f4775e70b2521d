import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { fillLocatorId, requestBody } from '../../shared/routing';
import { invalidField, optionalText } from '../../shared/validation';
import { prepareRoomLogo, sendLogoInstead, setLogoAfterwards } from './logo';
import { roomSettingOptions, roomSettingsBody } from './settings';

const show = { resource: ['room'], operation: ['update'] };

export const roomUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: roomSettingOptions(true),
	},
];

/** `PUT files/rooms/{id}`: only the fields given change (docs/docspace/rooms.md §2). */
export async function prepareRoomUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roomId = fillLocatorId(this, requestOptions, 'room');
	const fields = this.getNodeParameter('updateFields', {}) as IDataObject;
	const body = requestBody(requestOptions);
	const title = optionalText(this, 'Title', fields.title, 170);
	if (title) body.title = title;
	Object.assign(body, roomSettingsBody(this, fields));
	const logo = await prepareRoomLogo(this, fields);
	if (logo && Object.keys(body).length === 0) sendLogoInstead(requestOptions, roomId, logo);
	else if (logo) setLogoAfterwards(this, logo);
	if (Object.keys(body).length === 0 && !logo) {
		throw invalidField(
			this,
			'Update Fields',
			'nothing to change',
			'Add at least one field to change under Update Fields.',
		);
	}
	return requestOptions;
}
