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
/** FilterType.FoldersOnly (docs/docspace/folders.md §5). */
const FOLDERS_ONLY = 2;

function folderQuery(filter: string | undefined, startIndex: number): IDataObject {
	// With a search text DocSpace looks into sub-folders too (withSubFolders, §5).
	const qs: IDataObject = { startIndex, count: PAGE_SIZE, filterType: FOLDERS_ONLY };
	if (filter) Object.assign(qs, { filterValue: filter, withSubFolders: true });
	return qs;
}

function matches(title: unknown, filter: string | undefined): boolean {
	return !filter || String(title).toLowerCase().includes(filter.toLowerCase());
}

async function myDocumentsPage(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	startIndex: number,
) {
	const { response } = await docSpaceApiRequest.call(
		context,
		'GET',
		'/api/2.0/files/@my',
		folderQuery(filter, startIndex),
	);
	const content = (response ?? {}) as IDataObject;
	const current = (content.current ?? {}) as IDataObject;
	const folders = (content.folders ?? []) as IDataObject[];
	const results: INodeListSearchItems[] = [];
	if (startIndex === 0 && current.id !== undefined && matches('My Documents', filter)) {
		results.push({ name: 'My Documents', value: String(current.id) });
	}
	results.push(
		...folders.map((folder) => ({
			name: `${String(folder.title)} — My Documents`,
			value: String(folder.id),
		})),
	);
	return { results, next: nextIndex(startIndex, folders.length, content.total) };
}

/** A room (if its title matches) and its folders (matching ones, at any depth when searching). */
async function roomFolders(
	context: ILoadOptionsFunctions,
	filter: string | undefined,
	room: IDataObject,
) {
	const { response } = await docSpaceApiRequest.call(
		context,
		'GET',
		`/api/2.0/files/${encodeURIComponent(String(room.id))}`,
		folderQuery(filter, 0),
	);
	const folders = (((response ?? {}) as IDataObject).folders ?? []) as IDataObject[];
	const own: INodeListSearchItems[] = matches(room.title, filter)
		? [{ name: `${String(room.title)} (room)`, value: String(room.id) }]
		: [];
	return [
		...own,
		...folders.map((folder) => ({
			name: `${String(folder.title)} — ${String(room.title)}`,
			value: String(folder.id),
		})),
	];
}

/**
 * Folders for the folder pickers, searched by name: My Documents and its folders first, then the
 * rooms with their folders, one batch of rooms at a time. Each result says where the folder lives.
 * The pagination token is `my:<startIndex>` or `rooms:<roomStartIndex>`.
 */
export async function searchFolders(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchMyDocumentsThenRooms(
		this,
		{ myDocumentsPage, roomEntries: roomFolders },
		filter,
		paginationToken,
	);
}
