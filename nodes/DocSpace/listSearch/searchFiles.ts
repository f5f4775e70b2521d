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

/** File: Share and File: Remove Sharing: user and group shares, which only My Documents files take. */
function sharesWithPeople(context: ILoadOptionsFunctions): boolean {
	try {
		return (
			context.getCurrentNodeParameter('resource') === 'file' &&
			['share', 'removeSharing'].includes(String(context.getCurrentNodeParameter('operation')))
		);
	} catch {
		return false;
	}
}

/**
 * Files for the File picker (for File: Share and Remove Sharing, My Documents only), searched by name: first My Documents (where user shares work), then
 * the rooms, one batch of rooms at a time. Each result says where the file lives. The pagination
 * token is `my:<startIndex>` or `rooms:<roomStartIndex>`.
 */
export async function searchFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	if (sharesWithPeople(this)) {
		// DocSpace shares only My Documents files with users and groups (docs/docspace/files.md §10).
		const startIndex = Number(/^my:(\d+)$/.exec(paginationToken ?? '')?.[1] ?? 0);
		const page = await myDocumentsPage(this, filter, startIndex);
		return {
			results: page.results,
			paginationToken: page.next !== undefined ? `my:${page.next}` : undefined,
		};
	}
	return await searchMyDocumentsThenRooms(
		this,
		{ myDocumentsPage, roomEntries: roomFiles },
		filter,
		paginationToken,
	);
}
