import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { fillLocatorId, requestBody } from '../../shared/routing';
import { invalidField } from '../../shared/validation';
import { roomTags } from './settings';

const show = { resource: ['room'], operation: ['addTags', 'removeTags'] };

export const roomTagsDescription: INodeProperties[] = [
	{
		displayName: 'Tags',
		name: 'tagNames',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. client, 2027',
		description:
			'Tags separated by commas, or a list in an expression. Adding creates tags that do not exist yet; removing leaves the tag for other rooms.',
		displayOptions: { show },
	},
];

/** `{ names }` of PUT / DELETE files/rooms/{id}/tags (docs/docspace/rooms.md §3). */
export async function prepareRoomTags(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillLocatorId(this, requestOptions, 'room');
	const names = roomTags(this, 'Tags', this.getNodeParameter('tagNames', ''));
	if (names.length === 0)
		throw invalidField(this, 'Tags', 'no tag given', 'Enter at least one tag.');
	requestBody(requestOptions).names = names;
	return requestOptions;
}
