import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { LINK_TYPES, type LinkTypeName } from '../../shared/accessLevels';
import {
	includePasswordOption,
	optionsProperty,
	simplifyProperty,
} from '../../shared/descriptions';
import { fillLocatorId } from '../../shared/routing';

const show = { resource: ['roomLink'], operation: ['getAll'] };

export const roomLinkGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Link Type',
		name: 'linkTypeFilter',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'All Links',
				value: 'all',
				description: 'External links (the primary one included) and the invitation link',
			},
			{
				name: 'External Links',
				value: 'external',
				description: 'Links that open the room with an access level',
			},
			{
				name: 'Invitation Link',
				value: 'invitation',
				description: 'The link that makes people members of the room (one per room)',
			},
		],
		default: 'all',
		description: 'Which kind of links to return',
	},
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];

/** Room id into the URL, the Link Type filter into DocSpace's `type` query (0 invitation, 1 external). */
export async function prepareRoomLinkGetMany(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillLocatorId(this, requestOptions, 'room');
	const type = LINK_TYPES[String(this.getNodeParameter('linkTypeFilter', 'all')) as LinkTypeName];
	if (type !== undefined) requestOptions.qs = { ...(requestOptions.qs ?? {}), type };
	return requestOptions;
}
