import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { type FileShareDto, linkOf } from './output';
import { docSpaceApiRequest } from './transport';

/**
 * The links of a room or a file, read from DocSpace once per node run and shared by every item of
 * that run (Update an Existing Link's check, Create or Reuse's title match, Revoke's check): 1,000
 * items updating links of one file send one read, not 1,000 (issue 12: twice the requests went past
 * DocSpace's 1,500 requests a minute). The node's own writes keep the list current; a failed read
 * is not kept, so the next item reads again.
 */
export interface LinkOwner {
	kind: 'room' | 'file';
	id: string;
}

/** Rooms and files remembered per run; the oldest is dropped beyond that. */
export const MAX_CACHED_OWNERS = 1000;

interface Entry {
	read: Promise<FileShareDto[]>;
}

// Keyed by the run's execute data: the same object for every item of one run (RoutingNode and the
// runner alike), a new one for the next run, so nothing outlives the run.
const runs = new WeakMap<object, Map<string, Entry>>();

function keyOf(owner: LinkOwner): string {
	return `${owner.kind}:${owner.id}`;
}

export function linksUrl(owner: LinkOwner): string {
	return owner.kind === 'room'
		? `/api/2.0/files/rooms/${encodeURIComponent(owner.id)}/links`
		: `/api/2.0/files/file/${encodeURIComponent(owner.id)}/links`;
}

function cacheOf(context: IExecuteSingleFunctions): Map<string, Entry> | undefined {
	const executeData = context.getExecuteData?.();
	if (!executeData) return undefined;
	let cache = runs.get(executeData);
	if (!cache) {
		cache = new Map();
		runs.set(executeData, cache);
	}
	return cache;
}

/** All of the owner's links (docs/docspace/links.md §1). */
async function readLinks(context: IExecuteSingleFunctions, owner: LinkOwner) {
	const { response } = await docSpaceApiRequest.call(
		context,
		'GET',
		linksUrl(owner),
		{},
		undefined,
		'array',
	);
	return [...(response as FileShareDto[])];
}

function sharedRead(
	cache: Map<string, Entry>,
	context: IExecuteSingleFunctions,
	owner: LinkOwner,
): Promise<FileShareDto[]> {
	const key = keyOf(owner);
	let entry = cache.get(key);
	if (!entry) {
		const read = readLinks(context, owner);
		const stored: Entry = { read };
		entry = stored;
		cache.set(key, stored);
		if (cache.size > MAX_CACHED_OWNERS) cache.delete(cache.keys().next().value as string);
		read.catch(() => {
			if (cache.get(key) === stored) cache.delete(key);
		});
	}
	return entry.read;
}

/**
 * The owner's links. The array is shared by the run's items: what one item adds (`rememberLink`)
 * the next one sees, without waiting for DocSpace. A failed shared read would fail every item
 * waiting for it, where each used to read (and retry) on its own: so each then reads once more
 * on its own, and the first success is shared again.
 */
export async function linksOf(
	context: IExecuteSingleFunctions,
	owner: LinkOwner,
): Promise<FileShareDto[]> {
	const cache = cacheOf(context);
	if (!cache) return await readLinks(context, owner);
	try {
		return await sharedRead(cache, context, owner);
	} catch {
		const links = await readLinks(context, owner);
		const current = cache.get(keyOf(owner));
		if (current) return await current.read.catch(() => links);
		cache.set(keyOf(owner), { read: Promise.resolve(links) });
		return links;
	}
}

function sameId(dto: FileShareDto, linkId: string): boolean {
	return String(linkOf(dto).id ?? '').toLowerCase() === linkId.toLowerCase();
}

export function findLink(links: FileShareDto[], linkId: string): FileShareDto | undefined {
	return links.find((dto) => sameId(dto, linkId));
}

/** Puts a link the node wrote (or is about to write) into the list, replacing its older entry. */
export async function rememberLink(
	context: IExecuteSingleFunctions,
	owner: LinkOwner,
	dto: FileShareDto,
): Promise<void> {
	const entry = cacheOf(context)?.get(keyOf(owner));
	if (!entry) return;
	const links = await entry.read.catch(() => undefined);
	const id = String(linkOf(dto).id ?? '');
	if (!links || !id) return;
	const index = links.findIndex((candidate) => sameId(candidate, id));
	if (index >= 0) links[index] = dto;
	else links.push(dto);
}

// What preSend learnt about an item's link, for its postReceive (RoutingNode and the runner hand
// both the same per-item context).
interface ItemLink {
	owner: LinkOwner;
	linkType?: number;
	linkId?: string;
}
const itemLinks = new WeakMap<object, ItemLink>();

export function noteItemLink(
	context: IExecuteSingleFunctions,
	owner: LinkOwner,
	linkType?: number,
	linkId?: string,
): void {
	itemLinks.set(context, { owner, linkType, linkId });
}

export function itemLinkOf(context: IExecuteSingleFunctions): ItemLink | undefined {
	return itemLinks.get(context);
}
