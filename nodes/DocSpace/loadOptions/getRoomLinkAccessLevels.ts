import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	ROOM_LINK_ACCESS,
	accessOptions,
	allRoomLinkAccess,
	roomTypeName,
} from '../shared/accessLevels';
import { entryName, noLinksReason } from '../shared/entryChecks';
import { docSpaceApiRequest } from '../shared/transport';

const ROOM_ID = /^\s*(\d{1,18}|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9_.-]{1,200})\s*$/;

/** The room picked in the editor, or undefined when it is an expression, empty or not an ID. */
function chosenRoomId(context: ILoadOptionsFunctions): string | undefined {
	const raw = context.getCurrentNodeParameter('room') as IDataObject | string | undefined;
	const value = raw && typeof raw === 'object' ? raw.value : raw;
	if (typeof value !== 'string' || value === '' || value.startsWith('=')) return undefined;
	let extracted: unknown;
	try {
		extracted = context.getCurrentNodeParameter('room', { extractValue: true });
	} catch {
		return undefined;
	}
	const match =
		typeof extracted === 'string' || typeof extracted === 'number'
			? ROOM_ID.exec(String(extracted))
			: null;
	return match ? match[1] : undefined;
}

/**
 * Access options of Room Link: Set, narrowed to what the chosen room's type allows for the chosen
 * link type (docs/docspace/rooms.md §7). Every level of the link type when the room is an expression,
 * not chosen yet, or cannot be read. Never fails: a room that takes no such link gets one option
 * saying why (the run refuses it before sending whatever is chosen).
 */
export async function getRoomLinkAccessLevels(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const kind =
		this.getCurrentNodeParameter('linkType') === 'invitation' ? 'invitation' : 'external';
	const all = accessOptions(allRoomLinkAccess(kind));
	const roomId = chosenRoomId(this);
	if (roomId === undefined) return all;

	let room: { roomType?: unknown; title?: unknown } | undefined;
	try {
		const { response } = await docSpaceApiRequest.call(
			this,
			'GET',
			`/api/2.0/files/rooms/${encodeURIComponent(roomId)}`,
		);
		room = response as IDataObject | undefined;
	} catch {
		return all;
	}
	const type = roomTypeName(room?.roomType);
	if (!type) return all;
	const title = typeof room?.title === 'string' ? room.title : undefined;
	const noLinks = noLinksReason(type, kind, entryName('room', roomId, title));
	if (noLinks) {
		// The value is the field's default, so the field shows the reason; the run refuses the room.
		return [{ name: noLinks.reason, value: 2, description: noLinks.fix }];
	}
	const allowed = ROOM_LINK_ACCESS[type][kind];
	return accessOptions(allRoomLinkAccess(kind).filter((value) => allowed.includes(value)));
}
