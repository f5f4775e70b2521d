import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { docSpaceApiRequest } from '../shared/transport';
import { nextIndex } from './searchUsers';

/** Rooms searched per request batch (their entries are fetched in parallel, within the read limit). */
const ROOM_BATCH = 10;
/** A call stops scanning rooms once it has this many results or has looked into this many rooms. */
const ENOUGH_RESULTS = 20;
const MAX_ROOMS_PER_CALL = 50;

export interface MyDocumentsThenRoomsSearch {
	/** One page of My Documents from `startIndex`; `next` is undefined on the last page. */
	myDocumentsPage(
		context: ILoadOptionsFunctions,
		filter: string | undefined,
		startIndex: number,
	): Promise<{ results: INodeListSearchItems[]; next: number | undefined }>;
	/** The matching entries of one room. */
	roomEntries(
		context: ILoadOptionsFunctions,
		filter: string | undefined,
		room: IDataObject,
	): Promise<INodeListSearchItems[]>;
}

async function roomsPage(
	context: ILoadOptionsFunctions,
	search: MyDocumentsThenRoomsSearch,
	filter: string | undefined,
	startIndex: number,
) {
	const { response } = await docSpaceApiRequest.call(context, 'GET', '/api/2.0/files/rooms', {
		startIndex,
		count: ROOM_BATCH,
	});
	const content = (response ?? {}) as IDataObject;
	const rooms = (content.folders ?? []) as IDataObject[];
	const perRoom = await Promise.all(
		rooms.map(async (room) => await search.roomEntries(context, filter, room)),
	);
	return {
		results: perRoom.flat(),
		rooms: rooms.length,
		next: nextIndex(startIndex, rooms.length, content.total),
	};
}

/**
 * The File and Folder pickers: My Documents first, then the rooms, one batch of rooms at a time,
 * bounded per call. The pagination token is `my:<startIndex>` or `rooms:<roomStartIndex>`.
 */
export async function searchMyDocumentsThenRooms(
	context: ILoadOptionsFunctions,
	search: MyDocumentsThenRoomsSearch,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const [, phase = 'my', index = '0'] = /^(my|rooms):(\d+)$/.exec(paginationToken ?? '') ?? [];
	let cursor: { phase: string; index: number } | undefined = { phase, index: Number(index) };
	const results: INodeListSearchItems[] = [];
	let roomsScanned = 0;
	while (cursor) {
		if (cursor.phase === 'my') {
			const page = await search.myDocumentsPage(context, filter, cursor.index);
			results.push(...page.results);
			cursor =
				page.next !== undefined ? { phase: 'my', index: page.next } : { phase: 'rooms', index: 0 };
			if (page.next !== undefined) break;
		} else {
			const page = await roomsPage(context, search, filter, cursor.index);
			results.push(...page.results);
			roomsScanned += page.rooms;
			cursor = page.next !== undefined ? { phase: 'rooms', index: page.next } : undefined;
		}
		if (results.length >= ENOUGH_RESULTS || roomsScanned >= MAX_ROOMS_PER_CALL) break;
	}
	return { results, paginationToken: cursor ? `${cursor.phase}:${cursor.index}` : undefined };
}
