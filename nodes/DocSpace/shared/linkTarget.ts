import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	type LinkOwner,
	findLink,
	itemLinkOf,
	linksOf,
	noteItemLink,
	rememberLink,
} from './linkCache';
import { newLinkId } from './linkIds';
import { type LinkMode, linkItems } from './linkSettings';
import { type FileShareDto, linkOf } from './output';
import { invalidField, uuid } from './validation';

type Show = Record<string, string[]>;

const UUID_PATTERN =
	'^\\s*[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\s*$';
const KIND_NAMES = ['invitation', 'external'] as const;
const KIND_LABELS = ['Invitation Link', 'External Link'] as const;

/** Version 1's Link ID of Set: a plain ID, as saved workflows hold it. */
export function linkIdProperty(show: Show, listedBy: string): INodeProperties {
	return {
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
		description: `The ID of the link to update (the "linkId" ${listedBy} returned). Its settings are replaced by the ones below.`,
		displayOptions: { show: { ...show, link: ['update', 'createOrUpdate'], '@version': [1] } },
		routing: { send: { type: 'body', property: 'linkId' } },
	};
}

/**
 * From version 1.1: the link to update (Set) or revoke (Room Link: Revoke), from the list of the
 * room's or file's links or by ID. One declaration per resource, shown for its operations; both
 * operations run through the runner, which reads only the declaration shown.
 */
export function linkLocatorProperty(
	show: Show,
	owner: 'room' | 'file',
	routed: boolean,
): INodeProperties {
	return {
		displayName: 'Existing Link',
		name: 'linkId',
		type: 'resourceLocator',
		required: true,
		default: { mode: 'list', value: '' },
		description: `The ${owner}'s link to change: from the list (title, type, access, expiry), or by its ID (the "linkId" ${owner === 'room' ? 'Room' : 'File'} Link: Get Many returns)`,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a link…',
				typeOptions: { searchListMethod: 'searchLinks', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: UUID_PATTERN,
							errorMessage: 'A link ID looks like 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b',
						},
					},
				],
			},
		],
		displayOptions: { show, hide: { link: ['create', 'createOrReuse'], '@version': [1] } },
		...(routed ? { routing: { send: { type: 'body' as const, property: 'linkId' } } } : {}),
	};
}

export function linkModeOf(context: IExecuteSingleFunctions): LinkMode {
	return String(context.getNodeParameter('link', 'create')) as LinkMode;
}

/** The Link ID the user gave (Update and Create or Update by ID), checked before anything is sent. */
export function givenLinkId(
	context: IExecuteSingleFunctions,
	body: IDataObject,
): string | undefined {
	const mode = linkModeOf(context);
	if (mode !== 'update' && mode !== 'createOrUpdate') return undefined;
	return uuid(context, 'Link ID', body.linkId, 'link');
}

function typeOf(dto: FileShareDto): number {
	return Number(linkOf(dto).linkType ?? 1);
}

/** Refuses a Link Type that contradicts the link found (DocSpace never changes a link's type, docs/docspace/links.md §3). */
export function checkLinkType(
	context: IExecuteSingleFunctions,
	existing: FileShareDto,
	linkType: number,
	field = 'Link Type',
): void {
	const actual = typeOf(existing);
	if (actual === linkType) return;
	throw invalidField(
		context,
		field,
		`link ${String(linkOf(existing).id)} is an ${KIND_NAMES[actual] ?? 'other'} link, not an ${KIND_NAMES[linkType]} link`,
		`Set Link Type to ${KIND_LABELS[actual] ?? 'its type'}, or pick the link from the list. Nothing was sent.`,
	);
}

/**
 * Sets `body.linkId` for the chosen mode, after every other check (bad input sends nothing):
 * - Create a New Link: an ID derived from the execution (see `newLinkId`);
 * - Update an Existing Link: the given ID, which the owner must have: DocSpace would create a link
 *   under an unknown ID (docs/docspace/transport.md §5);
 * - Create or Update by ID: the given ID, sent without reading the links first;
 * - Create or Reuse: the owner's link of that type with this title (the first DocSpace lists:
 *   titles are not unique; a primary link counts; a room's one invitation link is reused whatever
 *   its title: docs/docspace/links.md §2, §3), else a new ID, noted at once so that a later item
 *   with the same title reuses it.
 * The owner's links are read once per run (shared/linkCache.ts).
 */
export async function settleLinkId(
	context: IExecuteSingleFunctions,
	body: IDataObject,
	owner: LinkOwner,
	linkType: 0 | 1,
	given: string | undefined,
): Promise<void> {
	const mode = linkModeOf(context);
	const target =
		owner.kind === 'room' ? `room:${owner.id}:${KIND_NAMES[linkType]}` : `file:${owner.id}`;
	const name = `${owner.kind} ${owner.id}`;
	noteItemLink(context, owner, linkType);
	if (mode === 'create') {
		body.linkId = newLinkId(context, target);
		return;
	}
	if (mode === 'createOrReuse') {
		const title = typeof body.title === 'string' ? body.title : '';
		if (!title) {
			throw invalidField(
				context,
				'Title',
				'is empty',
				'Create or Reuse finds the link by its title: enter one (e.g. Client: read-only), or set Link to Create a New Link.',
			);
		}
		const links = await linksOf(context, owner);
		const ofType = links.filter((dto) => typeOf(dto) === linkType);
		const match =
			ofType.find((dto) => String(linkOf(dto).title ?? '').trim() === title) ??
			(owner.kind === 'room' && linkType === 0 ? ofType[0] : undefined);
		if (match) {
			body.linkId = String(linkOf(match).id).toLowerCase();
			return;
		}
		body.linkId = newLinkId(context, target);
		links.push({ access: body.access as number, sharedLink: { id: body.linkId, title, linkType } });
		return;
	}
	const linkId = given as string;
	body.linkId = linkId;
	// Create or Update by ID writes without reading first (a missing link is created).
	if (mode === 'createOrUpdate') return;
	const existing = findLink(await linksOf(context, owner), linkId);
	if (existing) {
		if (owner.kind === 'room') checkLinkType(context, existing, linkType);
		return;
	}
	throw invalidField(
		context,
		'Link ID',
		`${name} has no link ${linkId}`,
		`DocSpace would create a new link under this ID, so nothing was sent. Check the ID (${owner.kind === 'file' ? 'File' : 'Room'} Link: Get Many lists the links), or choose Link: Create or Update by ID to create it when it is missing.`,
	);
}

/** Post-receive of Set: the link as items, and the link written kept in the run's list of links. */
export async function linkSetOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const dto = (response.body as IDataObject)?.response as FileShareDto | undefined;
	const noted = itemLinkOf(this);
	if (noted && dto && typeof dto === 'object' && !Array.isArray(dto))
		await rememberLink(this, noted.owner, dto);
	return linkItems(this, dto);
}
