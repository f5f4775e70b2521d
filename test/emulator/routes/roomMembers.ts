// Room members: GET and PUT files/rooms/{id}/share (docs/docspace/rooms.md §4–§5).

import { randomUUID } from 'node:crypto';

import {
	ValidationProblem,
	accessDenied,
	invalidOperation,
	notFound,
	MSG_FOLDER_NOT_FOUND,
	MSG_ROLE_NOT_AVAILABLE,
} from '../apiErrors';
import {
	parseJsonObject,
	property,
	queryValue,
	readBoolean,
	readFileShare,
	readPaging,
	readQueryEnum,
	readString,
	readUuid,
	type JsonObject,
} from '../binding';
import type { RoomRecord } from '../state';
import type { FileShareDto } from '../types';
import {
	page,
	requireUser,
	type ActionResult,
	type RouteContext,
	type RouteDefinition,
} from './context';

/** FileSecurity.AvailableRoomAccesses for users; groups get the same minus RoomManager (9). */
export const MEMBER_ACCESSES: Record<number, number[]> = {
	19: [9, 11, 10, 5, 6, 2],
	22: [9, 11],
	15: [9, 11, 7],
	16: [9, 11, 10, 2],
	29: [9, 11, 10, 2, 7],
	31: [9, 11, 2],
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function findRoom(context: RouteContext): RoomRecord {
	const room = context.state.rooms.get(context.params.id);
	if (!room) throw notFound(MSG_FOLDER_NOT_FOUND);
	if (!context.state.canManageRoom(requireUser(context), room)) throw accessDenied();
	return room;
}

/** Every member but the owner: managers (access 9) and the others, in the order they joined. */
function memberMap(room: RoomRecord): Map<string, number> {
	const members = new Map<string, number>([...room.managerIds].map((id) => [id, 9]));
	for (const [id, access] of room.members ?? []) if (!members.has(id)) members.set(id, access);
	members.delete(room.createdBy);
	return members;
}

function saveMembers(room: RoomRecord, members: Map<string, number>): void {
	room.managerIds = new Set([...members].filter(([, access]) => access === 9).map(([id]) => id));
	room.members = new Map([...members].filter(([, access]) => access !== 9));
}

function memberShare(
	context: RouteContext,
	room: RoomRecord,
	id: string,
	access: number,
): FileShareDto | undefined {
	const userId = requireUser(context);
	const isOwner = id === room.createdBy;
	const share = context.render.subjectShare(id, access, userId);
	return (
		share && { ...share, isOwner, canEditAccess: !isOwner && id !== userId, canRevoke: !isOwner }
	);
}

function getMembers(context: RouteContext): ActionResult {
	const room = findRoom(context);
	const paging = readPaging(context.query);
	const filterType = readQueryEnum(context.query, 'filterType') ?? 0;
	const filterValue = queryValue(context.query, 'filterValue')?.toLowerCase() ?? '';
	// The owner comes first, with the owner's access (ReadWrite) and isOwner.
	const all = [[room.createdBy, 1] as const, ...memberMap(room)]
		.map(([id, access]) => memberShare(context, room, id, access))
		.filter((share): share is FileShareDto => share !== undefined)
		.filter((share) =>
			filterType === 16
				? share.subjectType === 0
				: filterType === 32
					? share.subjectType === 2
					: filterType === 0,
		)
		.filter((share) => {
			const subject = (share.sharedToUser ?? share.sharedToGroup) as {
				displayName?: string;
				name?: string;
				email?: string;
			};
			return `${subject.displayName ?? subject.name ?? ''} ${subject.email ?? ''}`
				.toLowerCase()
				.includes(filterValue);
		});
	return { payload: page(all, paging.startIndex, paging.count), total: all.length };
}

interface Invitation {
	id?: string;
	email?: string;
	access: number;
}

function bindInvitations(body: JsonObject): Invitation[] {
	const found = property(body, 'invitations');
	if (!found || found.value === null) return [];
	if (!Array.isArray(found.value))
		throw ValidationProblem.single(
			`$.${found.key}`,
			'The JSON value could not be converted to RoomInvitation[].',
		);
	return found.value.map((entry, index) => {
		const path = `$.${found.key}[${index}]`;
		if (!entry || typeof entry !== 'object' || Array.isArray(entry))
			throw ValidationProblem.single(
				path,
				'The JSON value could not be converted to RoomInvitation.',
			);
		const id = property(entry as JsonObject, 'id');
		const email = property(entry as JsonObject, 'email');
		const access = property(entry as JsonObject, 'access');
		return {
			id: id && id.value !== null ? readUuid(id.value, `${path}.id`) : undefined,
			email: email ? readString(email.value, `${path}.email`) : undefined,
			access: access ? readFileShare(access.value) : 0,
		};
	});
}

/**
 * Invitations (§5): access per room type (users; groups without RoomManager), RoomManager only for
 * room admins and DocSpace admins, unknown e-mails become pending guests, unknown or disabled
 * users are dropped silently, access 0 removes. Answers only the subjects it applied.
 */
function setMembers(context: RouteContext): ActionResult {
	const room = findRoom(context);
	const body = parseJsonObject(context.rawBody);
	const invitations = bindInvitations(body);
	const notify = property(body, 'notify');
	if (notify && notify.value !== null) readBoolean(notify.value, `$.${notify.key}`);
	const allowed = MEMBER_ACCESSES[room.folderType] ?? [];
	const warnings: string[] = [];
	const applied: Array<[string, number]> = [];
	const members = memberMap(room);
	for (const invitation of invitations) {
		let id = invitation.id;
		if (!id && invitation.email !== undefined) {
			const email = invitation.email.trim();
			if (!EMAIL.test(email)) {
				warnings.push(`${email}: invalid email address`);
				continue;
			}
			id = context.state.findUserByEmail(email)?.id ?? inviteGuest(context, email);
		}
		if (!id) continue;
		const user = context.state.users.get(id);
		const group = context.state.groups.get(id);
		if ((!user && !group) || user?.status === 2 || id === room.createdBy) continue;
		if (invitation.access === 0) {
			if (members.delete(id)) applied.push([id, 0]);
			continue;
		}
		const forSubject = group ? allowed.filter((access) => access !== 9) : allowed;
		const canManage = user && ['owner', 'admin', 'roomAdmin'].includes(user.role);
		if (!forSubject.includes(invitation.access) || (invitation.access === 9 && !canManage))
			throw invalidOperation(MSG_ROLE_NOT_AVAILABLE);
		members.set(id, invitation.access);
		applied.push([id, invitation.access]);
	}
	saveMembers(room, members);
	const shares = applied
		.filter(([, access]) => access !== 0)
		.map(([id, access]) => memberShare(context, room, id, access))
		.filter((share): share is FileShareDto => share !== undefined);
	return {
		payload: {
			members: shares,
			warning: warnings.length ? warnings.join('; ') : undefined,
			error: 0,
		},
	};
}

function inviteGuest(context: RouteContext, email: string): string {
	const id = randomUUID();
	const [local] = email.split('@');
	context.state.users.set(id, {
		id,
		firstName: local,
		lastName: '',
		email: email.toLowerCase(),
		role: 'guest',
		status: 1,
		myFolderId: 0,
		registered: new Date(),
		activationStatus: 2,
	});
	return id;
}

export const roomMemberRoutes: RouteDefinition[] = [
	{ method: 'GET', template: '/api/2.0/files/rooms/{id}/share', handler: getMembers },
	{ method: 'PUT', template: '/api/2.0/files/rooms/{id}/share', handler: setMembers },
];
