import type { IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import {
	LINK_TYPES,
	accessName,
	accessOptions,
	allRoomLinkAccess,
	parseAccess,
} from '../../shared/accessLevels';
import {
	includePasswordOption,
	optionsProperty,
	simplifyProperty,
} from '../../shared/descriptions';
import {
	applyLinkSettings,
	linkChoiceProperties,
	linkSettingsProperties,
} from '../../shared/linkSettings';
import { checkRoomTakesLink } from '../../shared/entryChecks';
import {
	givenLinkId,
	linkIdProperty,
	linkLocatorProperty,
	settleLinkId,
} from '../../shared/linkTarget';
import { fillLocatorId, requestBody } from '../../shared/routing';
import { describeValue, integerInRange, invalidField } from '../../shared/validation';

const show = { resource: ['roomLink'], operation: ['set'] };
const showExternal = { ...show, linkType: ['external'] };
const showInvitation = { ...show, linkType: ['invitation'] };

export const roomLinkSetDescription: INodeProperties[] = [
	{
		displayName: 'Collaboration, virtual data and AI rooms take no external links.',
		name: 'externalLinkNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: showExternal },
	},
	{
		displayName: 'A room has one invitation link: update it rather than create another.',
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
				description:
					"Anyone with the link opens the room with the chosen access; can have a password and an expiry; custom and public rooms take one primary and at most 5 more, form filling rooms only the primary one; a public room's primary link never expires",
			},
			{
				name: 'Invitation Link',
				value: 'invitation',
				description:
					'Whoever opens it joins the room as a member with the chosen role; one per room (Room Link: Get Many lists it), no password, and its expiry and Max Uses limit who can still join',
			},
		],
		default: 'external',
		// Sent as chosen; prepareRoomLinkSet turns it into DocSpace's integer LinkType.
		routing: { send: { type: 'body', property: 'linkType' } },
	},
	...linkChoiceProperties(show, 'room'),
	linkIdProperty(show, 'Room Link: Create or Update or Get Many'),
	// Also Revoke's link (one declaration for both operations).
	linkLocatorProperty({ resource: ['roomLink'], operation: ['set', 'revoke'] }, 'room', true),
	{
		displayName: 'Access Name or ID',
		name: 'access',
		type: 'options',
		displayOptions: { show: showExternal },
		options: accessOptions(allRoomLinkAccess('external')),
		typeOptions: {
			loadOptionsMethod: 'getRoomLinkAccessLevels',
			loadOptionsDependsOn: ['room.value', 'linkType'],
		},
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
		typeOptions: {
			loadOptionsMethod: 'getRoomLinkAccessLevels',
			loadOptionsDependsOn: ['room.value', 'linkType'],
		},
		default: 2,
		description:
			'The role people get when they join through the link; the list shows the roles the chosen room offers (by name, or its number, in an expression). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		routing: { send: { type: 'body', property: 'access' } },
	},
	...linkSettingsProperties(show, showExternal, 'files'),
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
	if (text === '0' || text === 'invitation') return LINK_TYPES.invitation;
	if (text === '1' || text === 'external') return LINK_TYPES.external;
	return undefined;
}

/** Checks and normalises the body the routing assembled; throws before anything is sent. */
export async function prepareRoomLinkSet(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roomId = fillLocatorId(this, requestOptions, 'room');
	const body = requestBody(requestOptions);

	const linkType = linkTypeOf(body.linkType);
	if (linkType === undefined) {
		throw invalidField(
			this,
			'Link Type',
			`${describeValue(body.linkType)} is not a link type`,
			'Choose External Link or Invitation Link.',
		);
	}
	body.linkType = linkType;
	const kind = linkType === LINK_TYPES.external ? 'external' : 'invitation';

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

	const given = givenLinkId(this, body);
	applyLinkSettings(this, body, kind === 'external');
	if (
		kind === 'invitation' &&
		body.maxUseCount !== undefined &&
		body.maxUseCount !== null &&
		body.maxUseCount !== '' &&
		body.maxUseCount !== 0
	) {
		body.maxUseCount = integerInRange(this, 'Max Uses', body.maxUseCount, 1, 1000);
	} else {
		delete body.maxUseCount;
	}
	await settleLinkId(this, body, { kind: 'room', id: roomId }, linkType, given);
	await checkRoomTakesLink(this, roomId, kind, access);
	return requestOptions;
}
