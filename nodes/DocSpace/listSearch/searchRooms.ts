import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ROOM_TYPES, roomTypeName } from '../shared/accessLevels';
import { docSpaceApiRequest } from '../shared/transport';

const PAGE_SIZE = 100;

/** Rooms for the Room picker, searched by title, one page per call (DocSpace pages by startIndex/count). */
export async function searchRooms(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken) || 0;
	const qs: IDataObject = { startIndex, count: PAGE_SIZE };
	if (filter) qs.filterValue = filter;
	const { response } = await docSpaceApiRequest.call(this, 'GET', '/api/2.0/files/rooms', qs);
	const content = (response ?? {}) as IDataObject;
	const rooms = (content.folders ?? []) as IDataObject[];
	const total = Number(content.total ?? rooms.length);
	return {
		results: rooms.map((room) => {
			const type = roomTypeName(room.roomType);
			return {
				name: type ? `${String(room.title)} (${ROOM_TYPES[type].label})` : String(room.title),
				value: String(room.id),
			};
		}),
		paginationToken:
			startIndex + rooms.length < total && rooms.length > 0
				? String(startIndex + rooms.length)
				: undefined,
	};
}
