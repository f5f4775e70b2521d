// Asynchronous file operations as DocSpace runs them (docs/docspace/folders.md §1–§3): a queue per
// user; the change is applied when the operation starts, the status reads see it running for
// `state.fileOperationReads` reads, and the first read that sees it finished removes it.

import { randomUUID } from 'node:crypto';

import type { FileRecord, FolderRecord, PortalState } from './state';
import {
	childrenOf,
	descendantFolders,
	fileParentId,
	isTrashed,
	resolveContainer,
	uniqueTitle,
	type Container,
} from './tree';

export const OPERATION = { move: 0, copy: 1, delete: 2 } as const;
export type Resolution = 'Skip' | 'Overwrite' | 'Duplicate';

export const MSG_LOCKED_FILE = 'The file is currently locked by another user';

export interface FileOperationRecord {
	id: string;
	userId: string;
	type: number;
	/** Reads that will still see it running. */
	readsLeft: number;
	/** deleteAfter: false (DocSpace's holdResult): the finished result is reported once. */
	hold: boolean;
	error: string;
	files: FileRecord[];
	folders: FolderRecord[];
	processed: number;
	/** Copy/move: the destination, which DocSpace lists among the result's folders. */
	destinationId?: string;
}

export interface AuditEvent {
	id: number;
	action: { id: number; key: string };
	userId: string;
	date: Date;
	/** The containers the event shows up in (the entry's parent chain). */
	folderIds: string[];
	data: Record<string, unknown>;
	/** Events of one operation are grouped into one history entry (its first, with the rest as `related`). */
	group?: string;
}

/** MessageAction values of the events the emulator records. */
export const ACTIONS = {
	FolderCreated: 3000,
	FolderRenamed: 3003,
	FolderCopied: 3015,
	FolderMoved: 3018,
	FolderMovedToTrash: 3021,
	FolderDeleted: 3024,
	FileCopied: 3016,
	FileMoved: 3019,
	FileMovedToTrash: 3022,
	FileDeleted: 3025,
} as const;

export function audit(
	state: PortalState,
	userId: string,
	key: keyof typeof ACTIONS,
	folderIds: string[],
	data: Record<string, unknown>,
	group?: string,
): void {
	state.auditLog.push({
		id: state.auditLog.length + 1,
		action: { id: ACTIONS[key], key },
		userId,
		date: new Date(),
		folderIds,
		data,
		group,
	});
}

export function startOperation(
	state: PortalState,
	userId: string,
	type: number,
	hold: boolean,
	result: Pick<FileOperationRecord, 'error' | 'files' | 'folders' | 'destinationId'>,
): FileOperationRecord {
	const operation: FileOperationRecord = {
		id: randomUUID(),
		userId,
		type,
		readsLeft: state.fileOperationReads,
		hold,
		processed: result.files.length + result.folders.length,
		...result,
	};
	state.fileOperations.push(operation);
	return operation;
}

export interface OperationView {
	operation: FileOperationRecord;
	finished: boolean;
}

/**
 * GetOperationResults: the user's operations (only `id` if given). A finished one is removed from
 * the queue by this read, and reported only if it was started with deleteAfter: false.
 */
export function readOperations(state: PortalState, userId: string, id?: string): OperationView[] {
	const views: OperationView[] = [];
	for (const operation of [...state.fileOperations]) {
		if (operation.userId !== userId || (id !== undefined && operation.id !== id)) continue;
		if (operation.readsLeft > 0) {
			operation.readsLeft--;
			views.push({ operation, finished: false });
			continue;
		}
		state.fileOperations.splice(state.fileOperations.indexOf(operation), 1);
		if (operation.hold) views.push({ operation, finished: true });
	}
	return views;
}

function roomIdOf(container: Container): string | undefined {
	return container.kind === 'room'
		? container.id
		: container.kind === 'folder'
			? container.folder.roomId
			: undefined;
}

function place(file: FileRecord, destination: Container): void {
	file.roomId = roomIdOf(destination);
	file.folderId = destination.kind === 'folder' ? destination.id : undefined;
	if (destination.kind === 'my') file.createdBy = destination.user.id;
}

function sameName<T extends { title: string }>(entries: T[], title: string): T | undefined {
	return entries.find((entry) => entry.title.toLowerCase() === title.toLowerCase());
}

export class Transfer {
	readonly files: FileRecord[] = [];
	readonly folders: FolderRecord[] = [];
	error = '';
	private readonly group = randomUUID();

	constructor(
		private readonly state: PortalState,
		private readonly userId: string,
		private readonly resolution: Resolution,
	) {}

	copyFile(file: FileRecord, destination: Container, report = true): FileRecord | undefined {
		const existing = childrenOf(this.state, destination).files;
		const conflict = sameName(existing, file.title);
		if (conflict && this.resolution === 'Skip') return undefined;
		let result: FileRecord;
		if (conflict && this.resolution === 'Overwrite') {
			Object.assign(conflict, { sizeBytes: file.sizeBytes, updated: new Date() });
			result = conflict;
		} else {
			result = {
				...file,
				id: this.state.newEntryId(),
				title: uniqueTitle(
					file.title,
					existing.map((entry) => entry.title),
					true,
				),
				createdBy: this.userId,
				shares: new Map(),
				links: [],
				created: new Date(),
				updated: new Date(),
				trashedBy: undefined,
				locked: false,
			};
			place(result, destination);
			this.state.files.set(result.id, result);
		}
		audit(
			this.state,
			this.userId,
			'FileCopied',
			[destination.id],
			{ title: result.title, fromFileId: Number(file.id) },
			this.group,
		);
		if (report) this.files.push(result);
		return result;
	}

	moveFile(file: FileRecord, destination: Container, report = true): FileRecord | undefined {
		if (file.locked) {
			this.error = MSG_LOCKED_FILE;
			return undefined;
		}
		const existing = childrenOf(this.state, destination).files.filter((entry) => entry !== file);
		const conflict = sameName(existing, file.title);
		if (conflict && this.resolution === 'Skip') return undefined;
		if (conflict && this.resolution === 'Overwrite') this.state.files.delete(conflict.id);
		if (conflict && this.resolution === 'Duplicate')
			file.title = uniqueTitle(
				file.title,
				existing.map((entry) => entry.title),
				true,
			);
		const from = fileParentId(this.state, file);
		place(file, destination);
		file.trashedBy = undefined;
		audit(
			this.state,
			this.userId,
			'FileMoved',
			[from, destination.id],
			{ title: file.title },
			this.group,
		);
		if (report) this.files.push(file);
		return file;
	}

	copyFolder(
		folder: FolderRecord,
		destination: Container,
		report = true,
	): FolderRecord | undefined {
		const existing = childrenOf(this.state, destination).folders;
		const conflict = sameName(existing, folder.title);
		if (conflict && this.resolution === 'Skip') return undefined;
		let target: FolderRecord;
		if (conflict && this.resolution === 'Overwrite') {
			target = conflict;
		} else {
			target = {
				id: this.state.newEntryId(),
				title: uniqueTitle(
					folder.title,
					existing.map((entry) => entry.title),
					false,
				),
				parentId: destination.id,
				roomId: roomIdOf(destination),
				createdBy: this.userId,
				created: new Date(),
				updated: new Date(),
			};
			this.state.folders.set(target.id, target);
		}
		audit(
			this.state,
			this.userId,
			'FolderCopied',
			[destination.id],
			{ title: target.title },
			this.group,
		);
		const inner = resolveContainer(this.state, target.id) as Container;
		const source = resolveContainer(this.state, folder.id) as Container;
		const { files, folders } = childrenOf(this.state, source);
		files.forEach((file) => this.copyFile(file, inner, false));
		folders
			.filter((child) => child.id !== target.id)
			.forEach((child) => this.copyFolder(child, inner, false));
		if (report) this.folders.push(target);
		return target;
	}

	moveFolder(
		folder: FolderRecord,
		destination: Container,
		report = true,
	): FolderRecord | undefined {
		const locked = [...this.state.files.values()].find(
			(file) =>
				file.locked &&
				[folder, ...descendantFolders(this.state, folder.id)].some((f) => f.id === file.folderId),
		);
		if (locked) {
			this.error = MSG_LOCKED_FILE;
			return undefined;
		}
		const existing = childrenOf(this.state, destination).folders.filter(
			(entry) => entry !== folder,
		);
		const conflict = sameName(existing, folder.title);
		if (conflict && this.resolution === 'Skip') return undefined;
		const from = folder.parentId;
		if (conflict && this.resolution === 'Overwrite') {
			// Merged into the folder of the same name.
			const inner = resolveContainer(this.state, conflict.id) as Container;
			const source = resolveContainer(this.state, folder.id) as Container;
			const { files, folders } = childrenOf(this.state, source);
			files.forEach((file) => this.moveFile(file, inner, false));
			folders.forEach((child) => this.moveFolder(child, inner, false));
			this.state.folders.delete(folder.id);
			if (report) this.folders.push(conflict);
			return conflict;
		}
		if (conflict)
			folder.title = uniqueTitle(
				folder.title,
				existing.map((entry) => entry.title),
				false,
			);
		folder.parentId = destination.id;
		folder.trashedBy = undefined;
		const roomId = roomIdOf(destination);
		for (const moved of [folder, ...descendantFolders(this.state, folder.id)]) {
			moved.roomId = roomId;
			for (const file of this.state.files.values())
				if (file.folderId === moved.id) file.roomId = roomId;
		}
		audit(
			this.state,
			this.userId,
			'FolderMoved',
			[from, destination.id],
			{ title: folder.title },
			this.group,
		);
		if (report) this.folders.push(folder);
		return folder;
	}
}

/** Delete to the Trash, or for good (`immediately`, or an entry already in the Trash): docs/docspace/folders.md §3. */
export function deleteEntries(
	state: PortalState,
	userId: string,
	files: FileRecord[],
	folders: FolderRecord[],
	immediately: boolean,
): string {
	let error = '';
	const group = randomUUID();
	for (const file of files) {
		if (file.locked) {
			error = MSG_LOCKED_FILE;
			continue;
		}
		const parent = fileParentId(state, file);
		if (immediately || isTrashed(state, file)) {
			state.files.delete(file.id);
			audit(state, userId, 'FileDeleted', [parent], { title: file.title }, group);
		} else {
			file.trashedBy = userId;
			audit(state, userId, 'FileMovedToTrash', [parent], { title: file.title }, group);
		}
	}
	for (const folder of folders) {
		const below = descendantFolders(state, folder.id);
		const inside = [...state.files.values()].filter((file) =>
			[folder, ...below].some((entry) => entry.id === file.folderId),
		);
		if (inside.some((file) => file.locked)) {
			error = 'Cannot delete the folder because one of the files is opened for editing';
			continue;
		}
		if (immediately || isTrashed(state, folder)) {
			inside.forEach((file) => state.files.delete(file.id));
			[folder, ...below].forEach((entry) => state.folders.delete(entry.id));
			audit(state, userId, 'FolderDeleted', [folder.parentId], { title: folder.title }, group);
		} else {
			folder.trashedBy = userId;
			audit(state, userId, 'FolderMovedToTrash', [folder.parentId], { title: folder.title }, group);
		}
	}
	return error;
}
