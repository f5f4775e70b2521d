// Asynchronous file operations (docs/docspace/folders.md §1–§3, §6): GET files/fileops,
// PUT files/fileops/copy|move|delete, DELETE files/file/{fileId}, PUT files/rooms/{id}/archive|unarchive,
// DELETE files/rooms/{id}.

import {
	ValidationProblem,
	accessDenied,
	invalidOperation,
	notFound,
	MSG_FILE_NOT_FOUND,
	MSG_FOLDER_NOT_FOUND,
} from '../apiErrors';
import { parseJsonObject, property, queryValue, readBoolean, type JsonObject } from '../binding';
import {
	OPERATION,
	Transfer,
	deleteEntries,
	readOperations,
	startOperation,
	type FileOperationRecord,
	type Resolution,
} from '../fileOperations';
import type { FileRecord, FolderRecord } from '../state';
import { ancestry, canRead, canWrite, resolveContainer, type Container } from '../tree';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';

const RESOLUTIONS: Resolution[] = ['Skip', 'Overwrite', 'Duplicate'];

function conversion(path: string, typeName: string): ValidationProblem {
	return ValidationProblem.single(
		path,
		`The JSON value could not be converted to ${typeName}. Path: ${path} | LineNumber: 0 | BytePositionInLine: 1.`,
	);
}

/** `IEnumerable<JsonElement>` of ids: numbers, or strings (numeric strings count as ints). */
function readIds(body: JsonObject, name: string): string[] {
	const found = property(body, name);
	if (found === undefined || found.value === null) return [];
	if (!Array.isArray(found.value))
		throw conversion(
			`$.${found.key}`,
			'System.Collections.Generic.IEnumerable`1[System.Text.Json.JsonElement]',
		);
	return found.value.filter((id) => typeof id === 'number' || typeof id === 'string').map(String);
}

function readFlag(body: JsonObject, name: string): boolean {
	const found = property(body, name);
	return found === undefined || found.value === null
		? false
		: readBoolean(found.value, `$.${found.key}`);
}

/** FileConflictResolveType: JsonStringEnumConverter, names (any case) or integers 0–2; default Skip (§2). */
function readResolution(body: JsonObject): Resolution {
	const found = property(body, 'conflictResolveType');
	if (found === undefined || found.value === null) return 'Skip';
	const value = found.value;
	if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 2)
		return RESOLUTIONS[value];
	const named =
		typeof value === 'string'
			? RESOLUTIONS.find((name) => name.toLowerCase() === value.toLowerCase())
			: undefined;
	if (!named)
		throw conversion(
			`$.${found.key}`,
			'ASC.Web.Files.Services.WCFService.FileOperations.FileConflictResolveType',
		);
	return named;
}

function optionalBody(rawBody: string): JsonObject {
	return rawBody.trim() === '' ? {} : parseJsonObject(rawBody);
}

function render(
	context: RouteContext,
	operation: FileOperationRecord | undefined,
	userId: string,
	all: boolean,
) {
	// returnSingleOperation (3.2+): only this operation; otherwise every operation of the user (§1).
	const views = readOperations(context.state, userId, all ? undefined : operation?.id);
	return views.map((view) => context.render.fileOperation(view.operation, view.finished, userId));
}

function transfer(context: RouteContext, copy: boolean): ActionResult {
	const userId = requireUser(context);
	const body = parseJsonObject(context.rawBody);
	const fileIds = readIds(body, 'fileIds');
	const folderIds = readIds(body, 'folderIds');
	const dest = property(body, 'destFolderId');
	const resolution = readResolution(body);
	const hold = !readFlag(body, 'deleteAfter');
	const single = readFlag(body, 'returnSingleOperation');
	const { state } = context;
	// The checks DocSpace runs before it starts (CopyPermissionsCheck, §1).
	const destination =
		dest && (typeof dest.value === 'number' || typeof dest.value === 'string')
			? resolveContainer(state, String(dest.value))
			: undefined;
	if (!destination || !canRead(state, userId, destination)) throw notFound(MSG_FOLDER_NOT_FOUND);
	if (!canWrite(state, userId, destination)) {
		throw accessDenied(
			copy
				? "You don't have permission to copy to this folder"
				: "You don't have permission to move to this folder",
		);
	}
	const files = fileIds.map((id) => state.files.get(id));
	const folders = folderIds.map((id) => state.folders.get(id));
	if (files.some((file) => !file)) throw notFound(MSG_FILE_NOT_FOUND);
	if (folders.some((folder) => !folder)) throw notFound(MSG_FOLDER_NOT_FOUND);
	const chain = ancestry(state, destination.id);
	if (folders.some((folder) => chain.includes(folder!.id)))
		throw invalidOperation('You cannot copy the folder to its subfolder');
	for (const file of files as FileRecord[]) {
		const parent = resolveContainer(state, file.folderId ?? file.roomId ?? '') ?? undefined;
		if (!state.canReadFile(userId, file) || (parent && !canRead(state, userId, parent))) {
			throw accessDenied(
				copy
					? "You don't have enough permission to copy the file"
					: "You don't have enough permission to move the file",
			);
		}
	}
	for (const folder of folders as FolderRecord[]) {
		if (!canRead(state, userId, resolveContainer(state, folder.id) as Container)) {
			throw accessDenied(
				copy
					? "You don't have enough permission to copy the folder"
					: "You don't have enough permission to move the folder",
			);
		}
	}
	const run = new Transfer(state, userId, resolution);
	for (const file of files as FileRecord[]) {
		if (copy) run.copyFile(file, destination);
		else run.moveFile(file, destination);
	}
	for (const folder of folders as FolderRecord[]) {
		if (copy) run.copyFolder(folder, destination);
		else run.moveFolder(folder, destination);
	}
	const operation = startOperation(state, userId, copy ? OPERATION.copy : OPERATION.move, hold, {
		error: run.error,
		files: run.files,
		folders: run.folders,
		destinationId: destination.id,
	});
	return { payload: render(context, operation, userId, !single) };
}

function checkDeletable(
	context: RouteContext,
	userId: string,
	files: FileRecord[],
	folders: FolderRecord[],
): void {
	const { state } = context;
	for (const file of files) {
		const parent = resolveContainer(
			state,
			file.folderId ?? file.roomId ?? String(state.users.get(file.createdBy)?.myFolderId ?? ''),
		);
		const allowed = file.trashedBy
			? file.trashedBy === userId
			: parent !== undefined && canWrite(state, userId, parent);
		if (!allowed) throw accessDenied("You don't have enough permission to delete the file");
	}
	for (const folder of folders) {
		const parent = resolveContainer(state, folder.parentId);
		const allowed = folder.trashedBy
			? folder.trashedBy === userId
			: parent !== undefined && canWrite(state, userId, parent);
		if (!allowed) throw accessDenied("You don't have enough permission to delete the folder");
	}
}

function deleteBatch(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const body = parseJsonObject(context.rawBody);
	const { state } = context;
	const files = readIds(body, 'fileIds').map((id) => state.files.get(id));
	const folders = readIds(body, 'folderIds').map((id) => state.folders.get(id));
	if (files.some((file) => !file)) throw notFound(MSG_FILE_NOT_FOUND);
	if (folders.some((folder) => !folder)) throw notFound(MSG_FOLDER_NOT_FOUND);
	checkDeletable(context, userId, files as FileRecord[], folders as FolderRecord[]);
	const error = deleteEntries(
		state,
		userId,
		files as FileRecord[],
		folders as FolderRecord[],
		readFlag(body, 'immediately'),
	);
	const operation = startOperation(
		state,
		userId,
		OPERATION.delete,
		!readFlag(body, 'deleteAfter'),
		{ error, files: [], folders: [] },
	);
	return { payload: render(context, operation, userId, !readFlag(body, 'returnSingleOperation')) };
}

/** DELETE files/file/{fileId}: returnSingleOperation comes from the query, the body holds the rest (§3). */
function deleteFile(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const body = parseJsonObject(context.rawBody);
	const file = context.state.files.get(context.params.fileId);
	if (!file) throw notFound(MSG_FILE_NOT_FOUND);
	checkDeletable(context, userId, [file], []);
	const error = deleteEntries(context.state, userId, [file], [], readFlag(body, 'immediately'));
	const operation = startOperation(
		context.state,
		userId,
		OPERATION.delete,
		!readFlag(body, 'deleteAfter'),
		{ error, files: [], folders: [] },
	);
	const single = /^true$/i.test(queryValue(context.query, 'returnSingleOperation') ?? '');
	return { payload: render(context, operation, userId, !single) };
}

function getOperations(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const id = queryValue(context.query, 'id');
	const views = readOperations(context.state, userId, id || undefined);
	return {
		payload: views.map((view) =>
			context.render.fileOperation(view.operation, view.finished, userId),
		),
	};
}

function managedRoom(context: RouteContext, message: string) {
	const userId = requireUser(context);
	const room = context.state.rooms.get(context.params.id);
	if (!room) throw notFound(MSG_FOLDER_NOT_FOUND);
	if (!context.state.canManageRoom(userId, room)) throw accessDenied(message);
	return { userId, room };
}

/** Archive / unarchive answer with this one operation (§6). */
function archiveRoom(archived: boolean) {
	return (context: RouteContext): ActionResult => {
		const body = optionalBody(context.rawBody);
		const { userId, room } = managedRoom(
			context,
			archived
				? "You don't have enough permission to archive the room"
				: "You don't have enough permission to unarchive the room",
		);
		room.archived = archived;
		const operation = startOperation(
			context.state,
			userId,
			OPERATION.move,
			!readFlag(body, 'deleteAfter'),
			{ error: '', files: [], folders: [] },
		);
		return { payload: render(context, operation, userId, false)[0] };
	};
}

/** DELETE files/rooms/{id}: permanent; answers with the user's *first* operation, not necessarily this one (§1, §6). */
function deleteRoom(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const { userId, room } = managedRoom(
		context,
		"You don't have enough permission to delete the room",
	);
	const { state } = context;
	for (const folder of [...state.folders.values()])
		if (folder.roomId === room.id) state.folders.delete(folder.id);
	for (const file of [...state.files.values()])
		if (file.roomId === room.id) state.files.delete(file.id);
	state.rooms.delete(room.id);
	startOperation(state, userId, OPERATION.delete, !readFlag(body, 'deleteAfter'), {
		error: '',
		files: [],
		folders: [],
	});
	return { payload: render(context, undefined, userId, true)[0] ?? null };
}

export const fileOperationRoutes: RouteDefinition[] = [
	{ method: 'GET', template: '/api/2.0/files/fileops', handler: getOperations },
	{
		method: 'PUT',
		template: '/api/2.0/files/fileops/copy',
		handler: (context) => transfer(context, true),
	},
	{
		method: 'PUT',
		template: '/api/2.0/files/fileops/move',
		handler: (context) => transfer(context, false),
	},
	{ method: 'PUT', template: '/api/2.0/files/fileops/delete', handler: deleteBatch },
	{ method: 'DELETE', template: '/api/2.0/files/file/{fileId}', handler: deleteFile },
	{ method: 'PUT', template: '/api/2.0/files/rooms/{id}/archive', handler: archiveRoom(true) },
	{ method: 'PUT', template: '/api/2.0/files/rooms/{id}/unarchive', handler: archiveRoom(false) },
	{ method: 'DELETE', template: '/api/2.0/files/rooms/{id}', handler: deleteRoom },
];
