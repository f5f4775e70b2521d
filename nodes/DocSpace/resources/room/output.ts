import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { ROOM_TYPES, roomTypeName } from '../../shared/accessLevels';
import { normalizeBaseUrl } from '../../shared/credentialValues';
import { credentialTypeOf } from '../../shared/authentication';

/** The address DocSpace's web client shows for a room; the Room picker's "By URL" mode reads it back. */
export function roomWebUrl(baseUrl: string, id: unknown): string | undefined {
	if (!baseUrl || id === undefined || id === null || id === '') return undefined;
	const room = encodeURIComponent(String(id));
	return `${baseUrl}/rooms/shared/${room}/filter?folder=${room}`;
}

function personName(person: unknown): string | null {
	if (!person || typeof person !== 'object') return null;
	const { displayName, name } = person as IDataObject;
	return (displayName ?? name ?? null) as string | null;
}

/** A room (FolderDto) as a non-developer maps it: names instead of enums, people by name. */
export function simplifyRoom(room: IDataObject, baseUrl: string): IDataObject {
	const type = roomTypeName(room.roomType);
	const createdBy = (room.createdBy ?? {}) as IDataObject;
	return {
		id: room.id,
		title: room.title,
		roomType: type ?? room.roomType ?? null,
		roomTypeLabel: type ? ROOM_TYPES[type].label : null,
		url: roomWebUrl(baseUrl, room.id) ?? null,
		createdBy: personName(room.createdBy),
		createdById: createdBy.id ?? null,
		created: room.created ?? null,
		updated: room.updated ?? null,
		filesCount: room.filesCount ?? 0,
		foldersCount: room.foldersCount ?? 0,
		hasExternalLinks: room.shared ?? false,
		denyDownload: room.denyDownload ?? false,
		tags: room.tags ?? [],
		pinned: room.pinned ?? false,
		connectedStorage: room.providerKey ?? null,
	};
}

/** The portal address of the node's credential, for room URLs in the output ('' when unreadable). */
export async function portalUrl(context: IExecuteSingleFunctions): Promise<string> {
	try {
		return normalizeBaseUrl((await context.getCredentials(credentialTypeOf(context))).baseUrl);
	} catch {
		return '';
	}
}

/** One item per room, simplified unless Simplify is off. */
export async function roomItems(
	context: IExecuteSingleFunctions,
	rooms: IDataObject[],
): Promise<INodeExecutionData[]> {
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	const baseUrl = simplify ? await portalUrl(context) : '';
	const item = context.getItemIndex();
	return rooms.map((room) => ({
		json: simplify ? simplifyRoom(room, baseUrl) : room,
		pairedItem: { item },
	}));
}
