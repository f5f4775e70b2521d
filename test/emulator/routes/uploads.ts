// Uploads (docs/docspace/files.md §2): POST files/{folderId}/upload (one multipart request),
// POST files/{folderId}/upload/create_session and POST ChunkedUploader.ashx?uid= (chunks in order;
// errors answered 200 {success:false}; the last chunk 201), and the conflict rule of both:
// createNewIfExist=false overwrites a same-named file as a new version, true keeps both.

import { randomUUID } from 'node:crypto';

import {
	ValidationProblem,
	accessDenied,
	argumentError,
	notFound,
	MSG_FOLDER_NOT_FOUND,
} from '../apiErrors';
import { parseJsonObject, property, queryValue, readBoolean, readString } from '../binding';
import { formatApiDate } from '../dto';
import { jsonAnswer } from '../envelope';
import { fileParts } from '../multipart';
import { ROOMS_FOLDER_ID, fileExtension, type FileRecord, type UploadSession } from '../state';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';

export const DEFAULT_CHUNK_UPLOAD_SIZE = 10 * 1024 * 1024;
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const INVALID_TITLE_CHARACTERS = /[\\/:*?"<>|]/g;

/** Where new files of a folder id go: a room, or a user's My documents. */
export interface FolderTarget {
	folderId: string;
	roomId?: string;
	ownerId: string;
}

export function resolveFolder(context: RouteContext, folderId: string): FolderTarget {
	const userId = requireUser(context);
	const { state } = context;
	if (folderId === '@my') folderId = String(state.users.get(userId)?.myFolderId ?? '');
	const room = state.rooms.get(folderId);
	if (room) {
		if (!state.canManageRoom(userId, room)) throw accessDenied();
		return { folderId, roomId: room.id, ownerId: userId };
	}
	// Nothing may be put into the Rooms section itself (rooms are created there, not files).
	if (Number(folderId) === ROOMS_FOLDER_ID) throw accessDenied();
	const owner = [...state.users.values()].find(
		(candidate) => String(candidate.myFolderId) === folderId,
	);
	if (!owner) throw notFound(MSG_FOLDER_NOT_FOUND);
	if (owner.id !== userId || owner.role === 'guest') throw accessDenied();
	return { folderId, ownerId: userId };
}

function filesIn(context: RouteContext, target: FolderTarget): FileRecord[] {
	return [...context.state.files.values()].filter((file) =>
		target.roomId !== undefined
			? file.roomId === target.roomId
			: file.roomId === undefined && file.createdBy === target.ownerId,
	);
}

/** DocSpace's clean title: invalid characters replaced, at most 165 characters. */
export function cleanTitle(title: string): string {
	return title.replace(INVALID_TITLE_CHARACTERS, '_').trim().slice(0, 165);
}

/** "name (1).ext", "name (2).ext", … the first title not taken in the folder. */
export function availableTitle(context: RouteContext, target: FolderTarget, title: string): string {
	const taken = new Set(filesIn(context, target).map((file) => file.title.toLowerCase()));
	if (!taken.has(title.toLowerCase())) return title;
	const extension = fileExtension(title);
	const base = title.slice(0, title.length - extension.length);
	for (let n = 1; n < 10_000; n++) {
		const candidate = `${base} (${n})${extension}`;
		if (!taken.has(candidate.toLowerCase())) return candidate;
	}
	throw argumentError('No free title');
}

export function addFile(
	context: RouteContext,
	target: FolderTarget,
	title: string,
	content: Buffer,
	isForm = false,
): FileRecord {
	const file: FileRecord = {
		id: context.state.newFileId(),
		title,
		roomId: target.roomId,
		createdBy: target.ownerId,
		isForm,
		sizeBytes: content.length,
		shares: new Map(),
		links: [],
		created: new Date(),
		content,
		version: 1,
	};
	context.state.files.set(file.id, file);
	return file;
}

function storeUpload(
	context: RouteContext,
	target: FolderTarget,
	fileName: string,
	content: Buffer,
	createNewIfExist: boolean,
): FileRecord {
	const title = cleanTitle(fileName);
	const existing = filesIn(context, target).find(
		(file) => file.title.toLowerCase() === title.toLowerCase(),
	);
	if (existing && !createNewIfExist) {
		existing.content = content;
		existing.sizeBytes = content.length;
		existing.version = (existing.version ?? 1) + 1;
		return existing;
	}
	return addFile(context, target, availableTitle(context, target, title), content);
}

function queryBoolean(context: RouteContext, name: string): boolean {
	const value = queryValue(context.query, name);
	if (value === undefined || value === '') return false;
	if (/^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
	throw ValidationProblem.single(name, `The value '${value}' is not valid.`);
}

function upload(context: RouteContext): ActionResult {
	const createNewIfExist = queryBoolean(context, 'createNewIfExist');
	const target = resolveFolder(context, context.params.folderId ?? '@my');
	// Only the first file part is used; its filename is the title.
	const [part] = fileParts(context.bytes, context.headers['content-type']);
	if (!part) throw argumentError('No file to upload');
	const file = storeUpload(context, target, part.fileName, part.data, createNewIfExist);
	return { payload: [context.render.file(file, requireUser(context))] };
}

function createSession(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const nameProperty = property(body, 'fileName');
	const fileName = nameProperty
		? readString(nameProperty.value, `$.${nameProperty.key}`)
		: undefined;
	if (!fileName) throw ValidationProblem.single('FileName', 'The FileName field is required.');
	const sizeProperty = property(body, 'fileSize');
	const fileSize = sizeProperty?.value;
	if (typeof fileSize !== 'number' || !Number.isInteger(fileSize) || fileSize < 0) {
		throw ValidationProblem.single(
			`$.${sizeProperty?.key ?? 'fileSize'}`,
			'The JSON value could not be converted to System.Int64.',
		);
	}
	const createProperty = property(body, 'createNewIfExist');
	const createNewIfExist = createProperty
		? readBoolean(createProperty.value, `$.${createProperty.key}`)
		: false;
	const target = resolveFolder(context, context.params.folderId ?? '@my');
	const session: UploadSession = {
		id: randomUUID(),
		userId: requireUser(context),
		folderId: target.folderId,
		fileName,
		bytesTotal: fileSize,
		createNewIfExist,
		chunks: [],
		expires: new Date(Date.now() + SESSION_LIFETIME_MS),
	};
	context.state.uploadSessions.set(session.id, session);
	return {
		payload: {
			success: true,
			data: {
				id: session.id,
				path: [Number(target.folderId)],
				created: formatApiDate(new Date()),
				expired: formatApiDate(session.expires),
				location: `${context.baseUrl}/ChunkedUploader.ashx?uid=${session.id}`,
				bytes_uploaded: 0,
				bytes_total: fileSize,
			},
		},
	};
}

/** ChunkedUploader.ashx answers outside the API envelope, and failures with HTTP 200. */
function chunkAnswer(status: number, body: Record<string, unknown>): ActionResult {
	return { payload: undefined, answer: jsonAnswer(status, body) };
}

function chunkFailure(message: string): ActionResult {
	return chunkAnswer(200, { success: false, message });
}

function uploadChunk(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const session = context.state.uploadSessions.get(queryValue(context.query, 'uid') ?? '');
	if (!session || session.userId !== userId || session.expires.getTime() < Date.now())
		return chunkFailure('Upload session not found or expired');
	if (queryValue(context.query, 'abort') === 'true') {
		context.state.uploadSessions.delete(session.id);
		return chunkAnswer(200, { success: true, data: { id: session.id, aborted: true } });
	}
	const [part] = fileParts(context.bytes, context.headers['content-type']);
	if (!part) return chunkFailure('No file part in the chunk');
	const chunkLimit = context.options.chunkUploadSize ?? DEFAULT_CHUNK_UPLOAD_SIZE;
	if (part.data.length > chunkLimit)
		return chunkFailure(`The chunk is larger than ${chunkLimit} bytes`);
	const uploaded = session.chunks.reduce((sum, chunk) => sum + chunk.length, 0) + part.data.length;
	if (uploaded > session.bytesTotal) {
		context.state.uploadSessions.delete(session.id);
		return chunkFailure('The uploaded data is larger than the declared file size');
	}
	session.chunks.push(part.data);
	if (uploaded < session.bytesTotal) {
		return chunkAnswer(200, {
			success: true,
			data: { id: session.id, bytes_uploaded: uploaded, bytes_total: session.bytesTotal },
		});
	}
	context.state.uploadSessions.delete(session.id);
	let target: FolderTarget;
	try {
		target = resolveFolder(context, session.folderId);
	} catch (error) {
		return chunkFailure(error instanceof Error ? error.message : String(error));
	}
	const file = storeUpload(
		context,
		target,
		session.fileName,
		Buffer.concat(session.chunks),
		session.createNewIfExist,
	);
	const dto = context.render.file(file, userId);
	return chunkAnswer(201, {
		success: true,
		data: {
			id: dto.id,
			folderId: dto.folderId,
			version: dto.version,
			title: dto.title,
			provider_key: '',
			uploaded: true,
			file: dto,
		},
	});
}

export const uploadRoutes: RouteDefinition[] = [
	{ method: 'POST', template: '/api/2.0/files/{folderId}/upload', handler: upload },
	{
		method: 'POST',
		template: '/api/2.0/files/{folderId}/upload/create_session',
		handler: createSession,
	},
	{ method: 'POST', template: '/api/2.0/files/@my/upload', handler: upload },
	{ method: 'POST', template: '/api/2.0/files/@my/upload/create_session', handler: createSession },
	{ method: 'POST', template: '/ChunkedUploader.ashx', handler: uploadChunk },
];
