// File endpoints: PUT/GET file/{id}/share (§4), GET/PUT file/{id}/links (§5), GET file/{id} (GET files/@my: folders.ts).

import {
	ValidationProblem,
	accessDenied,
	invalidOperation,
	notFound,
	MSG_FILE_NOT_FOUND,
	MSG_ROLE_NOT_AVAILABLE,
} from '../apiErrors';
import {
	AttributeValidator,
	EMPTY_UUID,
	parseJsonObject,
	property,
	readBoolean,
	readFileShare,
	readPaging,
	readString,
	readUuid,
	type JsonObject,
} from '../binding';
import {
	bindLinkRequest,
	externalLinkExpiration,
	linkLimitMessage,
	normalizePassword,
} from '../links';
import { fileExtension, newLink, type FileRecord } from '../state';
import {
	page,
	requireUser,
	type ActionResult,
	type RouteContext,
	type RouteDefinition,
} from './context';

const EDITABLE_EXTENSIONS = ['.docx', '.xlsx', '.pptx', '.odt', '.ods', '.odp', '.docxf', '.rtf'];

/** FileSecurity.GetAccesses for user/group shares in My documents, filtered by format (§4.2). */
function userShareAccesses(file: FileRecord): number[] {
	if (file.isForm) return [1, 10, 7, 5, 6, 2, 3, 0];
	const extension = fileExtension(file.title);
	if (EDITABLE_EXTENSIONS.includes(extension)) return [1, 10, 5, 6, 2, 3, 0];
	if (extension === '.pdf') return [1, 10, 6, 2, 3, 0];
	// Formats that cannot be edited online (must be converted first): Restrict, Read, None.
	return [3, 2, 0];
}

/** External-link accesses of a file: the format's accesses that links can carry. */
function fileLinkAccesses(file: FileRecord): number[] {
	return userShareAccesses(file).filter((access) => [10, 7, 5, 6, 2, 0].includes(access));
}

function findFile(context: RouteContext, idParam = 'id'): FileRecord {
	const file = context.state.files.get(context.params[idParam]);
	if (!file) throw notFound(MSG_FILE_NOT_FOUND);
	return file;
}

function canChangeSharing(context: RouteContext, file: FileRecord): boolean {
	const userId = requireUser(context);
	if (file.roomId !== undefined) {
		const room = context.state.rooms.get(file.roomId);
		return room !== undefined && context.state.canManageRoom(userId, room);
	}
	return file.createdBy === userId || context.state.isAdmin(userId);
}

interface ShareEntry {
	shareTo: string;
	access: number;
	email?: string;
}

function bindShareEntries(body: JsonObject): ShareEntry[] {
	const found = property(body, 'share');
	if (found === undefined || found.value === null) return [];
	const path = `$.${found.key}`;
	if (!Array.isArray(found.value)) {
		throw ValidationProblem.single(
			path,
			`The JSON value could not be converted to System.Collections.Generic.IEnumerable\`1[ASC.Files.Core.ApiModels.FileShareParams]. Path: ${path} | LineNumber: 0 | BytePositionInLine: 1.`,
		);
	}
	return found.value.map((item, index) => {
		const itemPath = `${path}[${index}]`;
		if (item === null || typeof item !== 'object' || Array.isArray(item)) {
			throw ValidationProblem.single(
				itemPath,
				`The JSON value could not be converted to ASC.Files.Core.ApiModels.FileShareParams. Path: ${itemPath} | LineNumber: 0 | BytePositionInLine: 1.`,
			);
		}
		const entry = item as JsonObject;
		const shareTo = property(entry, 'shareTo');
		const access = property(entry, 'access');
		const email = property(entry, 'email');
		return {
			shareTo: shareTo ? readUuid(shareTo.value, `${itemPath}.${shareTo.key}`) : EMPTY_UUID,
			access: access ? readFileShare(access.value) : 0,
			email: email ? readString(email.value, `${itemPath}.${email.key}`) : undefined,
		};
	});
}

/** The server keeps only the inner text of sharingMessage (§4.1). */
function stripHtml(text: string): string {
	return text
		.replace(/<[^>]*>/g, '')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.trim();
}

function setFileShare(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const entries = bindShareEntries(body);
	const notifyProperty = property(body, 'notify');
	const notify = notifyProperty
		? readBoolean(notifyProperty.value, `$.${notifyProperty.key}`)
		: false;
	const messageProperty = property(body, 'sharingMessage');
	const sharingMessage = messageProperty
		? readString(messageProperty.value, `$.${messageProperty.key}`)
		: undefined;
	const validator = new AttributeValidator();
	validator.maxLength('SharingMessage', sharingMessage, 255);
	entries.forEach((entry, index) => validator.maxLength(`Share[${index}].Email`, entry.email, 255));
	validator.throwIfInvalid();

	const userId = requireUser(context);
	const file = findFile(context, 'fileId');
	if (!canChangeSharing(context, file)) throw accessDenied();

	const { state } = context;
	const accepted = entries.filter((entry) => {
		// §4.2: subjects the caller may not share with are dropped without an error.
		const user = state.users.get(entry.shareTo);
		if (user) return user.id !== userId && user.role !== 'guest' && user.status === 1;
		return state.groups.has(entry.shareTo);
	});
	const allowed = userShareAccesses(file);
	for (const entry of accepted) {
		// §4.2: inside rooms only link subjects exist; None is only offered to the file's creator.
		if (file.roomId !== undefined || !allowed.includes(entry.access))
			throw invalidOperation(MSG_ROLE_NOT_AVAILABLE);
		if (entry.access === 0 && file.createdBy !== userId)
			throw invalidOperation(MSG_ROLE_NOT_AVAILABLE);
	}
	const result = [];
	const notified = new Set<string>();
	for (const entry of accepted) {
		if (entry.access === 0) {
			file.shares.delete(entry.shareTo);
			continue;
		}
		file.shares.set(entry.shareTo, entry.access);
		const dto = context.render.subjectShare(entry.shareTo, entry.access, userId);
		if (dto) result.push(dto);
		const recipients = state.groups.get(entry.shareTo)?.memberIds ?? [entry.shareTo];
		recipients.filter((id) => id !== userId).forEach((id) => notified.add(id));
	}
	if (notify && notified.size > 0) {
		state.notifications.push({
			fileId: file.id,
			userIds: [...notified],
			message: stripHtml(sharingMessage ?? ''),
		});
	}
	return { payload: result };
}

function getFileShares(context: RouteContext): ActionResult {
	const paging = readPaging(context.query);
	const userId = requireUser(context);
	const file = findFile(context);
	if (context.state.users.get(userId)?.role === 'guest' || !context.state.canReadFile(userId, file))
		throw accessDenied();
	const shares = [...file.shares.entries()]
		.map(([subjectId, access]) => context.render.subjectShare(subjectId, access, userId))
		.filter((dto) => dto !== undefined);
	return { payload: page(shares, paging.startIndex, paging.count), total: shares.length };
}

function getFile(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const file = findFile(context, 'fileId');
	if (!context.state.canReadFile(userId, file)) throw accessDenied();
	return { payload: context.render.file(file, userId) };
}

const MAX_FILE_LINKS = 6;

function setFileLink(context: RouteContext): ActionResult {
	const request = bindLinkRequest(context.rawBody, 'file');
	const file = findFile(context);
	if (!canChangeSharing(context, file)) throw accessDenied();
	const existing = request.linkId
		? file.links.find((link) => link.id === request.linkId)
		: undefined;
	if (!fileLinkAccesses(file).includes(request.access))
		throw invalidOperation(MSG_ROLE_NOT_AVAILABLE);
	if (request.access === 0) {
		if (existing) file.links = file.links.filter((link) => link !== existing);
		return { payload: undefined };
	}
	const roomType =
		file.roomId !== undefined ? context.state.rooms.get(file.roomId)?.folderType : undefined;
	let link = existing;
	if (!link) {
		const hasPrimary = file.links.some((candidate) => candidate.primary);
		const primary = request.primary && !hasPrimary;
		// §5: 6 external links per file; Public rooms allow 1 primary + 5.
		const additionalLimit = roomType === 22 ? MAX_FILE_LINKS - 1 : MAX_FILE_LINKS;
		const counted =
			roomType === 22
				? file.links.filter((candidate) => !candidate.primary).length
				: file.links.length;
		if (!primary && counted >= additionalLimit)
			throw invalidOperation(linkLimitMessage(additionalLimit));
		link = newLink({
			id: context.state.newLinkId(request.linkId),
			linkType: 1,
			primary,
			access: 0,
			title: '',
			denyDownload: false,
			internal: false,
		});
		file.links.push(link);
	}
	link.expirationDate = externalLinkExpiration(request.expirationDate);
	link.password = normalizePassword(request.password, context.state.passwordPolicy);
	link.access = request.access;
	link.title = request.title?.trim() || 'Shared link';
	link.denyDownload = request.denyDownload;
	link.internal = roomType === 29 ? true : roomType === 22 ? false : request.internal;
	return { payload: context.render.fileLinkShare(link, request.linkId) };
}

function getFileLinks(context: RouteContext): ActionResult {
	const paging = readPaging(context.query);
	const file = findFile(context);
	if (!canChangeSharing(context, file)) throw accessDenied();
	const links = file.links.map((link) => context.render.fileLinkShare(link));
	return { payload: page(links, paging.startIndex, paging.count), total: links.length };
}

export const fileRoutes: RouteDefinition[] = [
	{ method: 'PUT', template: '/api/2.0/files/file/{fileId}/share', handler: setFileShare },
	{ method: 'GET', template: '/api/2.0/files/file/{id}/share', handler: getFileShares },
	{ method: 'PUT', template: '/api/2.0/files/file/{id}/links', handler: setFileLink },
	{ method: 'GET', template: '/api/2.0/files/file/{id}/links', handler: getFileLinks },
	{ method: 'GET', template: '/api/2.0/files/file/{fileId}', handler: getFile },
];
