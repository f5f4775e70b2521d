import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { expirationToIso } from './dates';
import { newLinkId } from './linkIds';
import { type FileShareDto, linkOf, redactPasswords, simplifyLink } from './output';
import { optionValue } from './routing';
import { docSpaceApiRequest } from './transport';
import { booleanValue, invalidField, linkPassword, optionalText, uuid } from './validation';

type Show = Record<string, string[]>;

/** "Link: create or update" and the Link ID to update, shared by Room Link: Set and File Link: Set. */
export function linkChoiceProperties(
	show: Show,
	owner: 'room' | 'file',
	listedBy: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Link',
			name: 'link',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show },
			options: [
				{
					name: 'Create a New Link',
					value: 'create',
					description: 'A new link under a new ID; running the workflow again adds another link',
				},
				{
					name: 'Update an Existing Link',
					value: 'update',
					description: `Change the link with the given ID; refused, with nothing changed, when the ${owner} has no such link`,
				},
				{
					name: 'Create or Update by ID',
					value: 'createOrUpdate',
					description:
						'Update the link with the given ID, or create it under that ID when missing; running the workflow again changes the same link',
				},
			],
			default: 'create',
			description: `Whether to add a link or change one the ${owner} already has`,
		},
		{
			displayName: 'Link ID',
			name: 'linkId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
			description: `The ID of the link to update (the "linkId" ${listedBy} returned). Its settings are replaced by the ones below.`,
			displayOptions: { show: { ...show, link: ['update', 'createOrUpdate'] } },
			routing: { send: { type: 'body', property: 'linkId' } },
		},
	];
}

/** Title and expiry (any link), then password, deny download and internal (external links only). */
export function linkSettingsProperties(
	show: Show,
	showExternal: Show,
	downloads: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			placeholder: 'e.g. Client: read-only',
			description:
				'Name of the link shown in DocSpace (at most 255 characters). Empty: DocSpace names it.',
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'title' } },
		},
		{
			displayName: 'Expires At',
			name: 'expirationDate',
			type: 'dateTime',
			default: '',
			description:
				"When the link stops working (in the workflow's time zone unless the value carries one). Empty: never.",
			displayOptions: { show },
			routing: { send: { type: 'body', property: 'expirationDate' } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Password people must enter to open the link: 8–30 Latin letters, digits and symbols, no spaces. Empty: no password.',
			displayOptions: { show: showExternal },
			routing: { send: { type: 'body', property: 'password' } },
		},
		{
			displayName: 'Deny Download',
			name: 'denyDownload',
			type: 'boolean',
			default: false,
			description: `Whether people opening the link are prevented from downloading ${downloads}`,
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
	];
}

/**
 * The link id to send: the given one when updating, else a client-generated one (see
 * `newLinkId`: a repeated request then updates the link instead of creating another).
 */
export function linkIdFor(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	target: string,
): string {
	return context.getNodeParameter('link', 'create') === 'create'
		? newLinkId(context, target)
		: uuid(context, 'Link ID', body.linkId, 'link');
}

/**
 * For "Update an Existing Link": DocSpace creates a link under an unknown ID instead of refusing it
 * (docs/docspace/transport.md §5), so the node reads the links first and stops when the ID is not
 * among them. Runs after every other check, so bad input still sends nothing.
 */
export async function checkLinkToUpdate(
	context: IExecuteSingleFunctions,
	linkId: string,
	listUrl: string,
	owner: string,
): Promise<void> {
	if (context.getNodeParameter('link', 'create') !== 'update') return;
	const { response } = await docSpaceApiRequest.call(
		context,
		'GET',
		listUrl,
		{},
		undefined,
		'array',
	);
	const found = (response as FileShareDto[]).some(
		(dto) => String(linkOf(dto).id).toLowerCase() === linkId,
	);
	if (!found) {
		throw invalidField(
			context,
			'Link ID',
			`${owner} has no link ${linkId}`,
			`DocSpace would create a new link under this ID, so nothing was sent. Check the ID (${owner.startsWith('file') ? 'File' : 'Room'} Link: Get Many lists the links), or choose Link: Create or Update by ID to create it when it is missing.`,
		);
	}
}

/** Normalises the link settings in the body; empty ones are removed, so they are not sent. */
export function applyLinkSettings(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	external: boolean,
): void {
	const settings: IDataObject = {
		title: optionalText(context, 'Title', body.title, 255),
		expirationDate: expirationToIso(context, 'Expires At', body.expirationDate),
	};
	if (external) {
		settings.password = linkPassword(context, body.password);
		settings.denyDownload = booleanValue(context, 'Deny Download', body.denyDownload ?? false);
		settings.internal = booleanValue(context, 'Internal Only', body.internal ?? false);
	}
	for (const key of ['title', 'expirationDate', 'password', 'denyDownload', 'internal']) {
		if (settings[key] === undefined) delete body[key];
		else body[key] = settings[key];
	}
}

/** Links as items (one, or a list): flat unless Simplify is off; passwords hidden unless Options → Include Password. */
export function linkItems(
	context: IExecuteSingleFunctions,
	payload: unknown,
): INodeExecutionData[] {
	const links = (Array.isArray(payload) ? payload : payload ? [payload] : []) as FileShareDto[];
	const includePassword = optionValue(context, 'includePassword', false);
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	const pairedItem = { item: context.getItemIndex() };
	return links.map((dto) => ({
		json: simplify ? simplifyLink(dto, includePassword) : redactPasswords(dto, includePassword),
		pairedItem,
	}));
}

/** Post-receive of every operation answering with links. */
export async function linkOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return linkItems(this, (response.body as IDataObject)?.response);
}
