import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import {
	ALL_ROOM_MEMBER_ACCESS,
	ROOM_MEMBER_ACCESS,
	accessOptions,
	roomTypeName,
} from '../shared/accessLevels';
import { docSpaceApiRequest } from '../shared/transport';

const ROOM_ID = /^\s*(\d{1,18}|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9_.-]{1,200})\s*$/;

/**
 * Roles of Room Member: Add and Change Access, narrowed to what the chosen room's type offers
 * (docs/docspace/rooms.md §5). Every role when the room is an expression or cannot be read; never
 * fails (every room type offers some role).
 */
export async function getRoomMemberAccessLevels(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const all = accessOptions(ALL_ROOM_MEMBER_ACCESS);
	const raw = this.getCurrentNodeParameter('room') as IDataObject | string | undefined;
	const value = raw && typeof raw === 'object' ? raw.value : raw;
	if (typeof value !== 'string' || value === '' || value.startsWith('=')) return all;
	let roomId: string | undefined;
	try {
		const extracted = this.getCurrentNodeParameter('room', { extractValue: true });
		roomId = ROOM_ID.exec(String(extracted))?.[1];
	} catch {
		return all;
	}
	if (!roomId) return all;
	try {
		const { response } = await docSpaceApiRequest.call(
			this,
			'GET',
			`/api/2.0/files/rooms/${encodeURIComponent(roomId)}`,
		);
		const type = roomTypeName((response as IDataObject | undefined)?.roomType);
		return type
			? accessOptions(
					ALL_ROOM_MEMBER_ACCESS.filter((level) => ROOM_MEMBER_ACCESS[type].includes(level)),
				)
			: all;
	} catch {
		return all;
	}
}
