import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { accessName, accessOptions, allRoomLinkAccess, parseAccess } from '../../shared/accessLevels';
import { expirationToIso } from '../../shared/dates';
import { includePasswordOption, optionsProperty, roomLocator, simplifyProperty } from '../../shared/descriptions';
import { newLinkId } from '../../shared/linkIds';
import { type FileShareDto, redactPasswords, simplifyLink } from '../../shared/output';
import { fillPath, locatorValue, optionValue, requestBody } from '../../shared/routing';
import {
	booleanValue,
	describeValue,
	entryId,
	integerInRange,
	invalidField,
	linkPassword,
	optionalText,
	uuid,
} from '../../shared/validation';

const show = { resource: ['roomLink'], operation: ['set'] };
const showExternal = { ...show, linkType: ['external'] };
const showInvitation = { ...show, linkType: ['invitation'] };

const LINK_TYPE = { invitation: 0, external: 1 } as const;


export const roomLinkSetDescription: INodeProperties[] = [
	{ ...roomLocator, displayOptions: { show }, description: 'The room whose link to create or update' },
	{
		displayName:
			'Collaboration, virtual data and AI rooms take no external links. A custom or public room has one primary external link and at most 5 more; a form filling room only its primary one. Password, Deny Download and Internal Only apply to external links; a public room\'s primary link never expires.',
		name: 'externalLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showExternal },
	},
	{
		displayName:
			'A room has only one invitation link: to change it, choose "Update an Existing Link" with its ID (Room Link: Get Many lists it). Invitation links take no password; their expiry and Max Uses limit who can still join.',
		name: 'invitationLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showInvitation },
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
				description: 'Anyone with the link opens the room with the chosen access; can have a password and an expiry',
			},
			{
				name: 'Invitation Link',
				value: 'invitation',
				description: 'Whoever opens it joins the room as a member with the chosen role (one per room)',
			},
		],
		default: 'external',
		routing: { send: { type: 'body', property: 'linkType', value: '={{ $value === "invitation" ? 0 : 1 }}' } },
	},
	{
		displayName: 'Link',
		name: 'link',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{ name: 'Create a New Link', value: 'create' },
			{ name: 'Update an Existing Link', value: 'update' },
		],
		default: 'create',
		description: 'Whether to add a link or change one the room already has',
	},
	{
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
		description: 'The ID of the link to update (the "linkId" a previous Set or Get returned). Its settings are replaced by the ones below.',
		displayOptions: { show: { ...show, link: ['update'] } },
		routing: { send: { type: 'body', property: 'linkId' } },
	},
	{
		displayName: 'Access Name or ID',
		name: 'access',
		type: 'options',
		displayOptions: { show: showExternal },
		options: accessOptions(allRoomLinkAccess('external')),
		typeOptions: { loadOptionsMethod: 'getRoomLinkAccessLevels', loadOptionsDependsOn: ['room.value', 'linkType'] },
		default: 2,
		description:
			'What people who open the link may do; the list shows what the chosen room allows (by name, or its number, in an expression). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'access' } },
	},
	{
		displayName: 'Access Name or ID',
		name: 'access',
		type: 'options',
		displayOptions: { show: showInvitation },
		options: accessOptions(allRoomLinkAccess('invitation')),
		typeOptions: { loadOptionsMethod: 'getRoomLinkAccessLevels', loadOptionsDependsOn: ['room.value', 'linkType'] },
		default: 2,
		description:
			'The role people get when they join through the link; the list shows the roles the chosen room offers (by name, or its number, in an expression). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'access' } },
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Client: read-only',
		description: 'Name of the link shown in DocSpace (at most 255 characters). Empty: DocSpace names it.',
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'title' } },
	},
	{
		displayName: 'Expires At',
		name: 'expirationDate',
		type: 'dateTime',
		default: '',
		description: "When the link stops working (in the workflow's time zone unless the value carries one). Empty: never.",
		displayOptions: { show },
		routing: { send: { type: 'body', property: 'expirationDate' } },
	},
	{
		displayName: 'Password',
		name: 'password',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description: 'Password people must enter to open the link: 8–30 Latin letters, digits and symbols, no spaces. Empty: no password.',
		displayOptions: { show: showExternal },
		routing: { send: { type: 'body', property: 'password' } },
	},
	{
		displayName: 'Deny Download',
		name: 'denyDownload',
		type: 'boolean',
		default: false,
		description: 'Whether people opening the link are prevented from downloading files',
		displayOptions: { show: showExternal },
		routing: { send: { type: 'body', property: 'denyDownload' } },
	},
	{
		displayName: 'Internal Only',
		name: 'internal',
		type: 'boolean',
		default: false,
		description:
			'Whether only people signed in to this portal can use the link. DocSpace forces it on in virtual data rooms and off in public rooms.',
		displayOptions: { show: showExternal },
		routing: { send: { type: 'body', property: 'internal' } },
	},
	{
		displayName: 'Max Uses',
		name: 'maxUseCount',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1000 },
		default: 0,
		description: 'How many people may join through the link (1–1000). 0: no limit.',
		displayOptions: { show: showInvitation },
		routing: { send: { type: 'body', property: 'maxUseCount' } },
	},
	simplifyProperty(show),
	optionsProperty(show, [includePasswordOption]),
];

function linkTypeOf(value: unknown): 0 | 1 | undefined {
	if (value === 0 || value === 1) return value;
	const text = String(value).trim().toLowerCase();
	if (text === '0' || text === 'invitation') return LINK_TYPE.invitation;
	if (text === '1' || text === 'external') return LINK_TYPE.external;
	return undefined;
}

/** Checks and normalises the body the routing assembled; throws before anything is sent. */
export async function prepareRoomLinkSet(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roomId = entryId(this, 'Room', locatorValue(this, 'room'), 'room');
	fillPath(requestOptions, 'roomId', roomId);
	const body = requestBody(requestOptions);

	const linkType = linkTypeOf(body.linkType);
	if (linkType === undefined) {
		throw invalidField(this, 'Link Type', `${describeValue(body.linkType)} is not a link type`, 'Choose External Link or Invitation Link.');
	}
	body.linkType = linkType;
	const kind = linkType === LINK_TYPE.external ? 'external' : 'invitation';

	const allowed = allRoomLinkAccess(kind);
	const access = parseAccess(body.access);
	if (access === undefined || !allowed.includes(access)) {
		throw invalidField(
			this,
			'Access',
			access === 0
				? 'None would revoke the link, which Set never does'
				: `${describeValue(body.access)} is not an access level for ${kind} links`,
			`Use one of: ${allowed.map((value) => `${accessName(value)} (${value})`).join(', ')}.`,
		);
	}
	body.access = access;

	body.linkId =
		this.getNodeParameter('link', 'create') === 'update'
			? uuid(this, 'Link ID', body.linkId, 'link')
			: newLinkId(this, `room:${roomId}:${kind}`);

	const normalised: IDataObject = {
		title: optionalText(this, 'Title', body.title, 255),
		expirationDate: expirationToIso(this, 'Expires At', body.expirationDate),
	};
	if (kind === 'external') {
		normalised.password = linkPassword(this, body.password);
		normalised.denyDownload = booleanValue(this, 'Deny Download', body.denyDownload ?? false);
		normalised.internal = booleanValue(this, 'Internal Only', body.internal ?? false);
	} else if (body.maxUseCount !== undefined && body.maxUseCount !== null && body.maxUseCount !== '' && body.maxUseCount !== 0) {
		normalised.maxUseCount = integerInRange(this, 'Max Uses', body.maxUseCount, 1, 1000);
	}
	for (const key of ['title', 'expirationDate', 'password', 'denyDownload', 'internal', 'maxUseCount']) {
		if (normalised[key] === undefined) delete body[key];
		else body[key] = normalised[key];
	}
	return requestOptions;
}

/** One item: the link DocSpace answers with, flat unless Simplify is off; password hidden. */
export async function roomLinkOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const dto = ((response.body as IDataObject)?.response ?? {}) as FileShareDto;
	const includePassword = optionValue(this, 'includePassword', false);
	const json = this.getNodeParameter('simplify', true) ? simplifyLink(dto, includePassword) : redactPasswords(dto, includePassword);
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
