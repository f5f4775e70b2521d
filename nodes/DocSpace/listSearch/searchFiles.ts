import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { docSpaceApiRequest } from '../shared/transport';
import { nextIndex } from './searchUsers';

const PAGE_SIZE = 100;
/** Rooms searched per request batch (their files are fetched in parallel, within the read limit). */
const ROOM_BATCH = 10;
/** A call stops scanning rooms once it has this many results or has looked into this many rooms. */
const ENOUGH_RESULTS = 20;
const MAX_ROOMS_PER_CALL = 50;

interface Cursor {
	phase: 'my' | 'rooms';
	index: number;
}

function fileItem(file: IDataObject, where: string): INodeListSearchItems {
	return { name: `${String(file.title)} — ${where}`, value: String(file.id) };
}

async function myDocumentsPage(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	startIndex: number,
) {
	const qs: IDataObject = { startIndex, count: PAGE_SIZE };
	if (filter) qs.filterValue = filter;
	const { response } = await docSpaceApiRequest.call(context, 'GET', '/api/2.0/files/@my', qs);
	const content = (response ?? {}) as IDataObject;
	const files = (content.files ?? []) as IDataObject[];
	return {
		results: files.map((file) => fileItem(file, 'My Documents')),
		next: nextIndex(startIndex, files.length, content.total),
	};
}

/** Files of the next batch of rooms whose names match nothing in particular: each room is searched by the filter. */
async function roomsPage(
	context: ILoadOptionsFunctions,
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
		rooms.map(async (room) => {
			const qs: IDataObject = { startIndex: 0, count: PAGE_SIZE, withSubFolders: true };
			if (filter) qs.filterValue = filter;
			const answer = await docSpaceApiRequest.call(
				context,
				'GET',
				`/api/2.0/files/${encodeURIComponent(String(room.id))}`,
				qs,
			);
			const files = (((answer.response ?? {}) as IDataObject).files ?? []) as IDataObject[];
			return files.map((file) => fileItem(file, String(room.title)));
		}),
	);
	return {
		results: perRoom.flat(),
		rooms: rooms.length,
		next: nextIndex(startIndex, rooms.length, content.total),
	};
}

/**
 * Files for the File picker, searched by name: first My Documents (where user shares work), then
 * the rooms, one batch of rooms at a time. Each result says where the file lives. The pagination
 * token is `my:<startIndex>` or `rooms:<roomStartIndex>`.
 */
export async function searchFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const [, phase = 'my', index = '0'] = /^(my|rooms):(\d+)$/.exec(paginationToken ?? '') ?? [];
	let cursor: Cursor | undefined = { phase: phase as Cursor['phase'], index: Number(index) };
	const results: INodeListSearchItems[] = [];
	let roomsScanned = 0;
	while (cursor) {
		if (cursor.phase === 'my') {
			const page = await myDocumentsPage(this, filter, cursor.index);
			results.push(...page.results);
			cursor =
				page.next !== undefined ? { phase: 'my', index: page.next } : { phase: 'rooms', index: 0 };
			if (page.next !== undefined) break;
		} else {
			const page = await roomsPage(this, filter, cursor.index);
			results.push(...page.results);
			roomsScanned += page.rooms;
			cursor = page.next !== undefined ? { phase: 'rooms', index: page.next } : undefined;
		}
		if (results.length >= ENOUGH_RESULTS || roomsScanned >= MAX_ROOMS_PER_CALL) break;
	}
	return { results, paginationToken: cursor ? `${cursor.phase}:${cursor.index}` : undefined };
}
