// GET files/{folderId}: contents of My documents, a room, or the Rooms root (FolderContentDto, §5),
// searched by title with filterValue (withSubFolders is accepted; the emulated portal has no subfolders).

import { accessDenied, notFound } from '../apiErrors';
import { queryValue, readPaging } from '../binding';
import { ROOMS_FOLDER_ID, type FileRecord } from '../state';
import { page, requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';

const MSG_FOLDER_NOT_FOUND = 'The required folder was not found';

function getFolderContents(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const paging = readPaging(context.query);
	const folderId = context.params.folderId;
	// [ConstraintRoute("int")] plus the third-party controller's string ids such as sbox-42 (§1.1).
	if (!/^\d+$/.test(folderId) && !/^[A-Za-z]+-[\w.-]+$/.test(folderId)) throw notFound(MSG_FOLDER_NOT_FOUND);
	const { state, render } = context;
	const filterValue = queryValue(context.query, 'filterValue')?.toLowerCase() ?? '';
	const user = state.users.get(userId);
	const room = state.rooms.get(folderId);
	const owner = [...state.users.values()].find((candidate) => String(candidate.myFolderId) === folderId);

	let files: FileRecord[] = [];
	let folders: unknown[] = [];
	let current: Record<string, unknown>;
	if (room) {
		if (!state.canManageRoom(userId, room)) throw accessDenied();
		files = [...state.files.values()].filter((file) => file.roomId === room.id);
		current = render.room(room, userId);
	} else if (owner) {
		if (owner.id !== userId || user?.role === 'guest') throw accessDenied();
		files = [...state.files.values()].filter((file) => file.roomId === undefined && file.createdBy === userId);
		current = { id: owner.myFolderId, title: 'My documents', parentId: 0, type: 5, rootFolderType: 5, rootFolderId: owner.myFolderId, fileEntryType: 1 };
	} else if (Number(folderId) === ROOMS_FOLDER_ID) {
		folders = state.visibleRooms(userId).filter((candidate) => candidate.title.toLowerCase().includes(filterValue)).map((candidate) => render.room(candidate, userId));
		current = { id: ROOMS_FOLDER_ID, title: 'Rooms', parentId: 0, type: 14, rootFolderType: 14, rootFolderId: ROOMS_FOLDER_ID, fileEntryType: 1 };
	} else {
		throw notFound(MSG_FOLDER_NOT_FOUND);
	}
	const matches = files.filter((file) => file.title.toLowerCase().includes(filterValue));
	const entries = [...folders, ...matches.map((file) => render.file(file, userId))];
	const pageEntries = page(entries, paging.startIndex, paging.count);
	return {
		payload: {
			files: pageEntries.filter((entry) => (entry as { fileEntryType?: number }).fileEntryType === 2),
			folders: pageEntries.filter((entry) => (entry as { fileEntryType?: number }).fileEntryType !== 2),
			current,
			pathParts: [{ id: current.id, title: current.title }],
			startIndex: paging.startIndex,
			count: pageEntries.length,
			total: entries.length,
			new: 0,
		},
	};
}

export const folderRoutes: RouteDefinition[] = [{ method: 'GET', template: '/api/2.0/files/{folderId}', handler: getFolderContents }];
