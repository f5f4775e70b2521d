// The folder tree of the emulated portal: where an id points, who may read and write there, what
// a folder holds (docs/docspace/folders.md §4, §5).

import {
	ARCHIVE_FOLDER_ID,
	ROOMS_FOLDER_ID,
	trashFolderIdOf,
	type FileRecord,
	type FolderRecord,
	type PortalState,
	type RoomRecord,
	type UserRecord,
} from './state';

export type Container =
	| { kind: 'room'; id: string; room: RoomRecord }
	| { kind: 'my'; id: string; user: UserRecord }
	| { kind: 'folder'; id: string; folder: FolderRecord }
	| { kind: 'trash'; id: string; user: UserRecord }
	| { kind: 'roomsRoot'; id: string }
	| { kind: 'archiveRoot'; id: string };

/** FolderType of each kind of container (FolderType: 3 Trash, 5 USER, 14 VirtualRooms, 20 Archive, 1 DEFAULT). */
export const FOLDER_TYPE: Record<Container['kind'], number> = {
	room: 0,
	my: 5,
	folder: 1,
	trash: 3,
	roomsRoot: 14,
	archiveRoot: 20,
};

export function resolveContainer(state: PortalState, id: string): Container | undefined {
	const room = state.rooms.get(id);
	if (room) return { kind: 'room', id, room };
	const folder = state.folders.get(id);
	if (folder) return { kind: 'folder', id, folder };
	for (const user of state.users.values()) {
		if (String(user.myFolderId) === id) return { kind: 'my', id, user };
		if (String(trashFolderIdOf(user.myFolderId)) === id) return { kind: 'trash', id, user };
	}
	if (Number(id) === ROOMS_FOLDER_ID) return { kind: 'roomsRoot', id };
	if (Number(id) === ARCHIVE_FOLDER_ID) return { kind: 'archiveRoot', id };
	return undefined;
}

/** The My documents owner of a folder or file outside rooms. */
function myOwnerOf(state: PortalState, parentId: string): UserRecord | undefined {
	let id: string | undefined = parentId;
	for (let depth = 0; id !== undefined && depth < 100; depth++) {
		const folder = state.folders.get(id);
		if (!folder) return [...state.users.values()].find((user) => String(user.myFolderId) === id);
		id = folder.parentId;
	}
	return undefined;
}

export function isTrashed(
	state: PortalState,
	entry: { trashedBy?: string; parentId?: string; folderId?: string },
): boolean {
	if (entry.trashedBy) return true;
	let id = entry.parentId ?? entry.folderId;
	for (let depth = 0; id !== undefined && depth < 100; depth++) {
		const folder = state.folders.get(id);
		if (!folder) return false;
		if (folder.trashedBy) return true;
		id = folder.parentId;
	}
	return false;
}

/** Read access: rooms by their managers, My documents (and what is below) by its owner. */
export function canRead(state: PortalState, userId: string, container: Container): boolean {
	switch (container.kind) {
		case 'room':
			return state.canManageRoom(userId, container.room);
		case 'my':
		case 'trash':
			return container.user.id === userId && container.user.role !== 'guest';
		case 'folder': {
			const { folder } = container;
			if (folder.roomId !== undefined) {
				const room = state.rooms.get(folder.roomId);
				return room !== undefined && state.canManageRoom(userId, room);
			}
			return myOwnerOf(state, folder.parentId)?.id === userId;
		}
		default:
			return true;
	}
}

/** Creating inside: never in the Rooms section itself, the Archive, the Trash or an archived room. */
export function canWrite(state: PortalState, userId: string, container: Container): boolean {
	if (
		container.kind === 'roomsRoot' ||
		container.kind === 'archiveRoot' ||
		container.kind === 'trash'
	)
		return false;
	if (!canRead(state, userId, container)) return false;
	const roomId =
		container.kind === 'room'
			? container.id
			: container.kind === 'folder'
				? container.folder.roomId
				: undefined;
	return !(roomId !== undefined && state.rooms.get(roomId)?.archived);
}

/** The direct parent id of a file (its sub-folder, else its room, else its owner's My documents). */
export function fileParentId(state: PortalState, file: FileRecord): string {
	if (file.folderId !== undefined) return file.folderId;
	if (file.roomId !== undefined) return file.roomId;
	return String(state.users.get(file.createdBy)?.myFolderId ?? 0);
}

/** What a container holds directly (nothing trashed; a Trash holds what its user trashed). */
export function childrenOf(
	state: PortalState,
	container: Container,
): { folders: FolderRecord[]; files: FileRecord[] } {
	if (container.kind === 'trash') {
		const by = container.user.id;
		return {
			folders: [...state.folders.values()].filter((folder) => folder.trashedBy === by),
			files: [...state.files.values()].filter((file) => file.trashedBy === by),
		};
	}
	return {
		folders: [...state.folders.values()].filter(
			(folder) => folder.parentId === container.id && !folder.trashedBy,
		),
		files: [...state.files.values()].filter(
			(file) => fileParentId(state, file) === container.id && !file.trashedBy,
		),
	};
}

/** Every folder below `folderId`, depth first. */
export function descendantFolders(state: PortalState, folderId: string): FolderRecord[] {
	const result: FolderRecord[] = [];
	const visit = (id: string, depth: number) => {
		if (depth > 100) return;
		for (const folder of state.folders.values()) {
			if (folder.parentId === id) {
				result.push(folder);
				visit(folder.id, depth + 1);
			}
		}
	};
	visit(folderId, 0);
	return result;
}

/** Ids of the container and every folder above it, up to its room or My documents. */
export function ancestry(state: PortalState, containerId: string): string[] {
	const chain = [containerId];
	let folder = state.folders.get(containerId);
	for (let depth = 0; folder && depth < 100; depth++) {
		chain.push(folder.parentId);
		folder = state.folders.get(folder.parentId);
	}
	return chain;
}

/** "Report.docx" → "Report (1).docx", the way DocSpace names a kept duplicate. */
export function uniqueTitle(title: string, taken: string[], isFile: boolean): string {
	const lower = new Set(taken.map((text) => text.toLowerCase()));
	if (!lower.has(title.toLowerCase())) return title;
	const dot = isFile ? title.lastIndexOf('.') : -1;
	const [stem, extension] = dot > 0 ? [title.slice(0, dot), title.slice(dot)] : [title, ''];
	for (let n = 1; n < 10_000; n++) {
		const candidate = `${stem} (${n})${extension}`;
		if (!lower.has(candidate.toLowerCase())) return candidate;
	}
	return `${stem} (${Date.now()})${extension}`;
}

/** DocSpace replaces characters it does not allow in titles with an underscore. */
export function cleanTitle(title: string): string {
	return title.replace(/[\\/:*?"<>|]/g, '_').trim();
}
