import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	ROOM_LINK_ACCESS,
	ROOM_TYPES,
	accessOptions,
	allRoomLinkAccess,
	roomTypeName,
} from '../shared/accessLevels';
import { docSpaceApiRequest } from '../shared/transport';

const ACCESS_HINTS: Record<number, string> = {
	2: 'Can open and read files',
	5: 'Can read files and suggest changes in review mode',
	6: 'Can read files and comment on them',
	7: 'Can fill in and submit forms',
	10: 'Can edit files',
	11: 'Joins as a member who can upload and create files',
};

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

function withHints(values: number[]): INodePropertyOptions[] {
	return accessOptions(values).map((option) => ({
		...option,
		description: ACCESS_HINTS[Number(option.value)],
	}));
}

/**
 * Access options of Room Link: Set, narrowed to what the chosen room's type allows for the chosen
 * link type (docs/docspace/api.md §3.2). Every level of the link type when the room is an expression,
 * not chosen yet, or cannot be read.
 */
export async function getRoomLinkAccessLevels(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const kind =
		this.getCurrentNodeParameter('linkType') === 'invitation' ? 'invitation' : 'external';
	const all = withHints(allRoomLinkAccess(kind));
	const roomId = chosenRoomId(this);
	if (roomId === undefined) return all;

	let roomType: unknown;
	try {
		const { response } = await docSpaceApiRequest.call(
			this,
			'GET',
			`/api/2.0/files/rooms/${encodeURIComponent(roomId)}`,
		);
		roomType = (response as IDataObject | undefined)?.roomType;
	} catch {
		return all;
	}
	const type = roomTypeName(roomType);
	if (!type) return all;
	const allowed = ROOM_LINK_ACCESS[type][kind];
	if (allowed.length === 0) {
		throw new NodeOperationError(
			this.getNode(),
			`${ROOM_TYPES[type].label}s take no ${kind} links. Choose Invitation Link, or a custom, public or form filling room.`,
		);
	}
	const order = allRoomLinkAccess(kind);
	return withHints(order.filter((value) => allowed.includes(value)));
}
