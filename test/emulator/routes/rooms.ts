// Room endpoints: PUT/GET files/rooms/{id}/links, GET files/rooms/{id}/link, GET files/rooms, GET files/rooms/{id}.

import {
	argumentError,
	accessDenied,
	invalidOperation,
	notFound,
	MSG_FOLDER_NOT_FOUND,
	MSG_ROLE_NOT_AVAILABLE,
} from '../apiErrors';
import { readPaging, readQueryEnum, queryValue, queryValues } from '../binding';
import { ROOM_TYPE_BY_FOLDER_TYPE } from '../dto';
import {
	bindLinkRequest,
	externalLinkExpiration,
	invitationLinkExpiration,
	linkLimitMessage,
	normalizePassword,
	type LinkRequest,
} from '../links';
import { newLink, ROOMS_FOLDER_ID, type LinkRecord, type RoomRecord } from '../state';
import {
	page,
	requireUser,
	type ActionResult,
	type RouteContext,
	type RouteDefinition,
} from './context';

/** FileSecurity.AvailableRoomAccesses (§3.2). RoomManager (9) is never valid for links. */
const INVITATION_ACCESSES: Record<number, number[]> = {
	19: [11, 10, 5, 6, 2, 0],
	22: [11, 2, 0],
	15: [11, 7, 0],
	16: [11, 10, 2, 0],
	29: [11, 10, 2, 7, 0],
	31: [11, 2, 0],
};
const EXTERNAL_ACCESSES: Record<number, number[]> = {
	19: [10, 7, 5, 6, 2, 0],
	22: [10, 7, 5, 6, 2, 0],
	15: [7, 2, 0],
	16: [],
	29: [],
	31: [],
};
/** Additional (non-primary) external links allowed per room type (§3.2, _linkCountRoomSettingsAccesses). */
const ADDITIONAL_EXTERNAL_LIMIT: Record<number, number> = { 19: 5, 22: 5, 15: 0 };
const MAX_INVITATION_LINKS = 1;
/** Access of the primary link recreated after the old one is deleted (§3.2). */
const DEFAULT_PRIMARY_ACCESS: Record<number, number> = { 22: 2, 15: 7 };

function findRoom(context: RouteContext): RoomRecord {
	const room = context.state.rooms.get(context.params.id);
	if (!room) throw notFound(MSG_FOLDER_NOT_FOUND);
	return room;
}

function findManagedRoom(context: RouteContext): RoomRecord {
	const room = findRoom(context);
	if (!context.state.canManageRoom(requireUser(context), room)) throw accessDenied();
	return room;
}

function setRoomLink(context: RouteContext): ActionResult {
	const request = bindLinkRequest(context.rawBody, 'room');
	// §3.2: dispatch by linkType happens before anything else; other values → InvalidOperationException (403).
	if (request.linkType !== 0 && request.linkType !== 1) throw invalidOperation();
	const room = findManagedRoom(context);
	const existing = request.linkId
		? room.links.find((link) => link.id === request.linkId)
		: undefined;
	if (existing && existing.linkType !== request.linkType) throw invalidOperation();

	const allowed =
		(request.linkType === 0 ? INVITATION_ACCESSES : EXTERNAL_ACCESSES)[room.folderType] ?? [];
	if (!allowed.includes(request.access)) throw invalidOperation(MSG_ROLE_NOT_AVAILABLE);

	if (request.access === 0)
		return { payload: deleteRoomLink(context, room, existing, request.linkId) };
	const link = existing ?? createRoomLink(context, room, request);
	applyRoomLinkChanges(context, room, link, request, existing !== undefined);
	if (!existing) room.links.push(link);
	return { payload: context.render.roomLinkShare(room, link, request.linkId) };
}

function deleteRoomLink(
	context: RouteContext,
	room: RoomRecord,
	existing: LinkRecord | undefined,
	requestedId?: string,
) {
	if (!existing) return undefined;
	room.links = room.links.filter((link) => link !== existing);
	const primaryAccess = DEFAULT_PRIMARY_ACCESS[room.folderType];
	if (!existing.primary || primaryAccess === undefined) return undefined;
	// §3.2: deleting the primary link of a Public / Form-filling room recreates a new primary link.
	const replacement = newLink({
		id: context.state.newLinkId(undefined),
		linkType: 1,
		primary: true,
		access: primaryAccess,
		title: 'Shared link',
		denyDownload: false,
		internal: false,
	});
	room.links.push(replacement);
	return context.render.roomLinkShare(room, replacement, requestedId);
}

function createRoomLink(context: RouteContext, room: RoomRecord, request: LinkRequest): LinkRecord {
	if (request.linkType === 0) {
		const invitations = room.links.filter((link) => link.linkType === 0).length;
		if (invitations >= MAX_INVITATION_LINKS)
			throw invalidOperation(linkLimitMessage(MAX_INVITATION_LINKS));
	} else {
		// §3.2: SetExternalLinkAsync always creates an additional (non-primary) link.
		const limit = ADDITIONAL_EXTERNAL_LIMIT[room.folderType] ?? 0;
		const additional = room.links.filter((link) => link.linkType === 1 && !link.primary).length;
		if (additional >= limit) throw invalidOperation(linkLimitMessage(limit));
	}
	return newLink({
		// §3.1: an unknown client-supplied linkId creates the link with that id.
		id: context.state.newLinkId(request.linkId),
		linkType: request.linkType as 0 | 1,
		primary: false,
		access: request.access,
		title: '',
		denyDownload: false,
		internal: false,
	});
}

function applyRoomLinkChanges(
	context: RouteContext,
	room: RoomRecord,
	link: LinkRecord,
	request: LinkRequest,
	isUpdate: boolean,
): void {
	const title = request.title?.trim();
	if (request.linkType === 0) {
		const expirationDate = invitationLinkExpiration(request.expirationDate);
		if (request.maxUseCount !== undefined && request.maxUseCount < link.currentUseCount) {
			throw argumentError(
				`The maximum number of uses may not be lower than the current use count (${link.currentUseCount}). (Parameter 'maxUseCount')`,
			);
		}
		// maxUseCount applies to invitation links only (§3.1, v3.7.1).
		Object.assign(link, {
			title: title || 'Invitation link',
			access: request.access,
			expirationDate,
			maxUseCount: request.maxUseCount,
		});
		return;
	}
	const expirationDate = externalLinkExpiration(request.expirationDate);
	const password = normalizePassword(request.password, context.state.passwordPolicy);
	link.title = title || 'Shared link';
	link.access = request.access;
	link.password = password;
	link.denyDownload = request.denyDownload;
	// §3.1: internal is forced true in VDR rooms and false in Public rooms.
	link.internal = room.folderType === 29 ? true : room.folderType === 22 ? false : request.internal;
	// §3.2: a Public room's primary link never expires; a change to its expiry is ignored.
	const publicPrimary = room.folderType === 22 && link.primary;
	if (!publicPrimary || !isUpdate) link.expirationDate = publicPrimary ? undefined : expirationDate;
}

function getRoomLinks(context: RouteContext): ActionResult {
	const room = findManagedRoom(context);
	const type = readQueryEnum(context.query, 'type');
	// §5: no paging (first 100), count set, no total.
	const links = room.links
		.filter((link) => type === undefined || link.linkType === type)
		.slice(0, 100);
	return { payload: links.map((link) => context.render.roomLinkShare(room, link)) };
}

function getPrimaryRoomLink(context: RouteContext): ActionResult {
	const room = findManagedRoom(context);
	if ((EXTERNAL_ACCESSES[room.folderType] ?? []).length === 0) throw accessDenied();
	const primary = room.links.find((link) => link.linkType === 1 && link.primary);
	if (!primary) throw notFound('The required link was not found');
	return { payload: context.render.roomLinkShare(room, primary) };
}

function getRoom(context: RouteContext): ActionResult {
	const room = findRoom(context);
	const userId = requireUser(context);
	if (!context.state.canManageRoom(userId, room)) throw accessDenied();
	return { payload: context.render.room(room, userId) };
}

function getRooms(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const paging = readPaging(context.query);
	const filterValue = queryValue(context.query, 'filterValue')?.toLowerCase() ?? '';
	const types = queryValues(context.query, 'type').map(Number);
	const matches = context.state
		.visibleRooms(userId)
		.filter((room) => room.title.toLowerCase().includes(filterValue))
		.filter(
			(room) => types.length === 0 || types.includes(ROOM_TYPE_BY_FOLDER_TYPE[room.folderType]),
		);
	const folders = page(matches, paging.startIndex, paging.count).map((room) =>
		context.render.room(room, userId),
	);
	const owner = context.state.users.get(context.state.ownerId);
	const current = {
		id: ROOMS_FOLDER_ID,
		title: 'Rooms',
		parentId: 0,
		filesCount: 0,
		foldersCount: context.state.rooms.size,
		new: 0,
		mute: false,
		pinned: false,
		private: false,
		indexing: false,
		denyDownload: false,
		type: 14,
		rootFolderType: 14,
		rootFolderId: ROOMS_FOLDER_ID,
		createdBy: owner ? context.render.employee(owner) : undefined,
		fileEntryType: 1,
	};
	return {
		payload: {
			files: [],
			folders,
			current,
			pathParts: [{ id: ROOMS_FOLDER_ID, title: 'Rooms', folderType: 14 }],
			startIndex: paging.startIndex,
			count: folders.length,
			total: matches.length,
			new: 0,
		},
	};
}

export const roomRoutes: RouteDefinition[] = [
	{ method: 'PUT', template: '/api/2.0/files/rooms/{id}/links', handler: setRoomLink },
	{ method: 'GET', template: '/api/2.0/files/rooms/{id}/links', handler: getRoomLinks },
	{ method: 'GET', template: '/api/2.0/files/rooms/{id}/link', handler: getPrimaryRoomLink },
	{ method: 'GET', template: '/api/2.0/files/rooms/{id}', handler: getRoom },
	{ method: 'GET', template: '/api/2.0/files/rooms', handler: getRooms },
];
