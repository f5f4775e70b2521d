import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { docSpaceApiRequest } from '../shared/transport';
import { searchMyDocumentsThenRooms } from './myDocumentsThenRooms';
import { nextIndex } from './searchUsers';

const PAGE_SIZE = 100;

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

/** The files of one room, searched by the filter at any depth. */
async function roomFiles(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	room: IDataObject,
) {
	const qs: IDataObject = { startIndex: 0, count: PAGE_SIZE, withSubFolders: true };
	if (filter) qs.filterValue = filter;
	const { response } = await docSpaceApiRequest.call(
		context,
		'GET',
		`/api/2.0/files/${encodeURIComponent(String(room.id))}`,
		qs,
	);
	const files = (((response ?? {}) as IDataObject).files ?? []) as IDataObject[];
	return files.map((file) => fileItem(file, String(room.title)));
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
	return await searchMyDocumentsThenRooms(
		this,
		{ myDocumentsPage, roomEntries: roomFiles },
		filter,
		paginationToken,
	);
}
