// FolderDto of sub-folders, My documents, Trash and section roots, and FileOperationDto
// (docs/docspace/folders.md §1, §4); DtoRenderer delegates to these.

import type { DtoRenderer } from './dto';
import { formatApiDate, roomNumericOrStringId } from './dto';
import type { FileOperationRecord } from './fileOperations';
import {
	ARCHIVE_FOLDER_ID,
	ROOMS_FOLDER_ID,
	trashFolderIdOf,
	type FolderRecord,
	type PortalState,
} from './state';
import { childrenOf, resolveContainer, type Container } from './tree';

const TITLES = {
	my: 'My documents',
	trash: 'Trash',
	roomsRoot: 'Rooms',
	archiveRoot: 'Archive',
} as const;
const TYPES = { my: 5, trash: 3, roomsRoot: 14, archiveRoot: 20 } as const;

export function renderContainer(
	state: PortalState,
	render: DtoRenderer,
	container: Exclude<Container, { kind: 'room' }>,
): Record<string, unknown> {
	if (container.kind === 'folder') return renderFolder(state, render, container.folder);
	const { files, folders } = childrenOf(state, container);
	const owner = 'user' in container ? container.user : state.users.get(state.ownerId);
	return {
		id: Number(container.id),
		title: TITLES[container.kind],
		parentId: 0,
		filesCount: files.length,
		foldersCount: folders.length,
		new: 0,
		mute: false,
		type: TYPES[container.kind],
		rootFolderType: TYPES[container.kind],
		rootFolderId: Number(container.id),
		createdBy: owner ? render.employee(owner) : undefined,
		fileEntryType: 1,
	};
}

export function renderFolder(
	state: PortalState,
	render: DtoRenderer,
	folder: FolderRecord,
): Record<string, unknown> {
	const creator = state.users.get(folder.createdBy);
	const { files, folders } = childrenOf(state, resolveContainer(state, folder.id) as Container);
	const room = folder.roomId !== undefined ? state.rooms.get(folder.roomId) : undefined;
	const trashId = folder.trashedBy
		? trashFolderIdOf(state.users.get(folder.trashedBy)?.myFolderId ?? 0)
		: undefined;
	const myFolderId = state.users.get(folder.createdBy)?.myFolderId ?? 0;
	return {
		id: Number(folder.id),
		title: folder.title,
		parentId: trashId ?? roomNumericOrStringId(folder.parentId),
		filesCount: files.length,
		foldersCount: folders.length,
		new: 0,
		mute: false,
		private: false,
		rootFolderId:
			trashId ?? (room ? (room.archived ? ARCHIVE_FOLDER_ID : ROOMS_FOLDER_ID) : myFolderId),
		rootFolderType: trashId !== undefined ? 3 : room ? (room.archived ? 20 : 14) : 5,
		parentRoomType: room?.folderType,
		type: 1,
		created: formatApiDate(folder.created),
		createdBy: creator ? render.employee(creator) : undefined,
		updated: formatApiDate(folder.updated),
		updatedBy: creator ? render.employee(creator) : undefined,
		fileEntryType: 1,
	};
}

/** FileOperationDto; `Operation` is spelled with a capital O. Copy/move list the destination among the folders. */
export function renderFileOperation(
	state: PortalState,
	render: DtoRenderer,
	operation: FileOperationRecord,
	finished: boolean,
	currentUserId: string,
): Record<string, unknown> {
	const destination =
		finished && operation.destinationId !== undefined
			? resolveContainer(state, operation.destinationId)
			: undefined;
	return {
		id: operation.id,
		Operation: operation.type,
		progress: finished ? 100 : 50,
		error: finished ? operation.error : '',
		processed: String(finished ? operation.processed : 0),
		finished,
		status: finished ? (operation.error ? 4 : 2) : 1,
		files: finished
			? operation.files
					.filter((file) => state.files.has(file.id))
					.map((file) => render.file(file, currentUserId))
			: undefined,
		folders: finished
			? [
					...operation.folders
						.filter((folder) => state.folders.has(folder.id))
						.map((folder) => renderFolder(state, render, folder)),
					...(destination ? [render.container(destination, currentUserId)] : []),
				]
			: undefined,
	};
}
