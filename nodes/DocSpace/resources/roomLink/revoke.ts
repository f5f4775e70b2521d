import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { LINK_TYPES, type LinkTypeName } from '../../shared/accessLevels';
import {
	includePasswordOption,
	optionsProperty,
	simplifyProperty,
} from '../../shared/descriptions';
import { linkItems } from '../../shared/linkSettings';
import { type FileShareDto, linkOf } from '../../shared/output';
import { fillLocatorId, requestBody } from '../../shared/routing';
import { docSpaceApiRequest } from '../../shared/transport';
import { invalidField, uuid } from '../../shared/validation';

const show = { resource: ['roomLink'], operation: ['revoke'] };
const KIND_NAMES = ['invitation', 'external'] as const;

export const roomLinkRevokeDescription: INodeProperties[] = [
	{
		displayName: 'Revoking deletes the link; a revoked primary link comes back as "replacedBy".',
		name: 'revokeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Link Type',
		name: 'linkType',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'External Link',
				value: 'external',
				description: 'A link that opens the room (the primary one or an additional one)',
			},
			{
				name: 'Invitation Link',
				value: 'invitation',
				description: 'The link that makes people members of the room',
			},
		],
		default: 'external',
		description: 'The kind of link to revoke (DocSpace needs it; Room Link: Get Many shows it)',
	},
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
		description: 'The ID of the link to revoke (the "linkId" Room Link: Set or Get Many returned)',
		displayOptions: { show },
	},
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];

/**
 * Builds `{ linkId, linkType, access: 0 }` after checking the room really has that link:
 * DocSpace answers an unknown link id with success and does nothing, which would look revoked.
 */
export async function prepareRoomLinkRevoke(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roomId = fillLocatorId(this, requestOptions, 'room');
	const linkType =
		LINK_TYPES[String(this.getNodeParameter('linkType', 'external')) as LinkTypeName];
	if (linkType === undefined) {
		throw invalidField(
			this,
			'Link Type',
			'is not a link type',
			'Choose External Link or Invitation Link.',
		);
	}
	const linkId = uuid(this, 'Link ID', this.getNodeParameter('linkId', ''), 'link');

	const { response } = await docSpaceApiRequest.call(
		this,
		'GET',
		`/api/2.0/files/rooms/${encodeURIComponent(roomId)}/links`,
	);
	const existing = (Array.isArray(response) ? (response as FileShareDto[]) : [])
		.map(linkOf)
		.find((link) => String(link.id).toLowerCase() === linkId);
	if (!existing) {
		throw invalidField(
			this,
			'Link ID',
			`room ${roomId} has no link ${linkId}`,
			'It may have been revoked already, or belong to another room; Room Link: Get Many lists the links of a room.',
		);
	}
	if (Number(existing.linkType) !== linkType) {
		throw invalidField(
			this,
			'Link Type',
			`link ${linkId} is an ${KIND_NAMES[Number(existing.linkType)] ?? 'other'} link, not an ${KIND_NAMES[linkType]} link`,
			`Set Link Type to ${Number(existing.linkType) === 0 ? 'Invitation Link' : 'External Link'}.`,
		);
	}
	Object.assign(requestBody(requestOptions), { linkId, linkType, access: 0 });
	return requestOptions;
}

/** `{ linkId, revoked: true }`, plus the primary link DocSpace created in its place, if any. */
export async function roomLinkRevokeOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const linkId = String(this.getNodeParameter('linkId', '')).trim().toLowerCase();
	const json: IDataObject = {
		linkId,
		linkType: String(this.getNodeParameter('linkType', 'external')),
		revoked: true,
	};
	const dto = (response.body as IDataObject)?.response as FileShareDto | undefined;
	const replacement = dto && typeof dto === 'object' ? linkOf(dto) : undefined;
	if (dto && replacement?.id && String(replacement.id).toLowerCase() !== linkId) {
		json.replacedBy = linkItems(this, dto)[0].json;
	}
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
