import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { expirationToIso } from './dates';
import { type FileShareDto, redactPasswords, simplifyLink } from './output';
import { optionValue } from './routing';
import { booleanValue, linkPassword, optionalText } from './validation';

type Show = Record<string, string[]>;

/** The four ways Set finds the link it writes, shared by Room Link and File Link. */
export type LinkMode = 'create' | 'createOrReuse' | 'createOrUpdate' | 'update';

/** What each mode does, one short line each (the panel shows the chosen one under the field). */
function modeLines(owner: 'room' | 'file'): Record<LinkMode, string> {
	return {
		create: 'Adds a new link on every run.',
		createOrReuse: `Updates the ${owner}'s link with this Title, or creates it: reruns add no link.`,
		createOrUpdate: 'Updates the link with this ID, or creates it under that ID.',
		update: `Updates the link with this ID; refused, nothing changed, if the ${owner} has none.`,
	};
}

/**
 * "Link" (how Set finds the link to write) and a one-line notice per choice, shared by Room Link:
 * Set and File Link: Set. Version 1 nodes default to Create a New Link, later ones to Create or
 * Reuse: n8n saves no parameter equal to its default, so the default can change only with a new
 * node version. The field takes no expression, and Set runs through the runner, which reads only
 * the declaration shown: the second declaration costs nothing per item.
 */
export function linkChoiceProperties(show: Show, owner: 'room' | 'file'): INodeProperties[] {
	const lines = modeLines(owner);
	const field: INodeProperties = {
		displayName: 'Link',
		name: 'link',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Create a New Link', value: 'create', description: lines.create },
			{
				name: 'Create or Reuse (Match by Title)',
				value: 'createOrReuse',
				description: lines.createOrReuse,
			},
			{
				name: 'Create or Update by ID',
				value: 'createOrUpdate',
				description: lines.createOrUpdate,
			},
			{ name: 'Update an Existing Link', value: 'update', description: lines.update },
		],
		default: 'createOrReuse',
		description: `Whether to add a link or change one the ${owner} already has`,
	};
	return [
		{ ...field, default: 'create', displayOptions: { show: { ...show, '@version': [1] } } },
		{ ...field, displayOptions: { show, hide: { '@version': [1] } } },
		...(Object.keys(lines) as LinkMode[]).map((mode): INodeProperties => ({
			displayName: lines[mode],
			name: `${mode}LinkNotice`,
			type: 'notice',
			default: '',
			displayOptions: { show: { ...show, link: [mode] } },
		})),
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
				'Name of the link shown in DocSpace (at most 255 characters); Link: Create or Reuse finds the link by it. Empty: DocSpace names it.',
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
