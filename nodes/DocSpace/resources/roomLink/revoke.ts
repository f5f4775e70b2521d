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
import { findLink, itemLinkOf, linksOf, noteItemLink, rememberLink } from '../../shared/linkCache';
import { checkLinkType } from '../../shared/linkTarget';
import { invalidField, uuid } from '../../shared/validation';

const show = { resource: ['roomLink'], operation: ['revoke'] };
/** Version 1 asks for the link's type; later versions take it from the link itself. */
const showV1 = { ...show, '@version': [1] };
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
		displayOptions: { show: showV1 },
	},
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
		description:
			'The ID of the link to revoke (the "linkId" Room Link: Create or Update or Get Many returned)',
		displayOptions: { show: showV1 },
	},
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];

/**
 * Builds `{ linkId, linkType, access: 0 }` after checking the room really has that link:
 * DocSpace answers an unknown link id with success and does nothing, which would look revoked.
 * The link's type comes from the link (version 1 also asks for it and refuses a contradiction).
 */
export async function prepareRoomLinkRevoke(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roomId = fillLocatorId(this, requestOptions, 'room');
	const versionOne = this.getNode().typeVersion === 1;
	const chosenType = versionOne
		? LINK_TYPES[String(this.getNodeParameter('linkType', 'external')) as LinkTypeName]
		: undefined;
	if (versionOne && chosenType === undefined) {
		throw invalidField(
			this,
			'Link Type',
			'is not a link type',
			'Choose External Link or Invitation Link.',
		);
	}
	const body = requestBody(requestOptions);
	// From 1.1 the Existing Link field sends its value into the body; version 1's Link ID does not.
	const given = 'linkId' in body ? body.linkId : this.getNodeParameter('linkId', '');
	const linkId = uuid(this, 'Link ID', given, 'link');
	const owner = { kind: 'room' as const, id: roomId };
	const links = await linksOf(this, owner);
	const existing = findLink(links, linkId);
	if (!existing) {
		throw invalidField(
			this,
			'Link ID',
			`room ${roomId} has no link ${linkId}`,
			'It may have been revoked already, or belong to another room; Room Link: Get Many lists the links of a room.',
		);
	}
	const linkType = Number(linkOf(existing).linkType ?? 1);
	if (chosenType !== undefined) checkLinkType(this, existing, chosenType);
	noteItemLink(this, owner, linkType, linkId);
	// Gone for the rest of the run at once: a later item of this run revoking or updating it is refused.
	links.splice(links.indexOf(existing), 1);
	Object.assign(body, { linkId, linkType, access: 0 });
	return requestOptions;
}

/** `{ linkId, revoked: true }`, plus the primary link DocSpace created in its place, if any. */
export async function roomLinkRevokeOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const noted = itemLinkOf(this);
	const linkId = noted?.linkId ?? '';
	const json: IDataObject = {
		linkId,
		linkType: KIND_NAMES[noted?.linkType ?? 1] ?? 'external',
		revoked: true,
	};
	const dto = (response.body as IDataObject)?.response as FileShareDto | undefined;
	const replacement = dto && typeof dto === 'object' ? linkOf(dto) : undefined;
	if (dto && replacement?.id && String(replacement.id).toLowerCase() !== linkId) {
		json.replacedBy = linkItems(this, dto)[0].json;
		if (noted) await rememberLink(this, noted.owner, dto);
	}
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
