// User management: invite, read, update, status, type, delete (docs/docspace/people.md §1–§4, §6).

import { randomUUID } from 'node:crypto';

import {
	ValidationProblem,
	accessDenied,
	argumentError,
	invalidOperation,
	notFound,
} from '../apiErrors';
import {
	isUuid,
	normalizeUuid,
	parseJsonObject,
	property,
	readBoolean,
	readString,
	readUuid,
	type JsonObject,
} from '../binding';
import { PORTAL_CREATED, type PortalState, type UserRecord } from '../state';
import type { UserRole } from '../types';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';

/** EmployeeType, as names (written as strings) or integers (docs/docspace/people.md §2). */
const EMPLOYEE_TYPES: Record<string, { value: number; role?: UserRole }> = {
	all: { value: 0 },
	roomadmin: { value: 1, role: 'roomAdmin' },
	guest: { value: 2, role: 'guest' },
	docspaceadmin: { value: 3, role: 'admin' },
	user: { value: 4, role: 'user' },
};

/** EmployeeTypeComparer: guest < user < room admin < DocSpace admin (the owner counts as an admin). */
const RANK: Record<UserRole, number> = { guest: 0, user: 1, roomAdmin: 2, admin: 3, owner: 3 };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** JsonStringEnumConverter: names case-insensitively, or integers; anything else fails binding. */
export function readEmployeeType(value: unknown, path: string): UserRole | 'all' {
	const byValue = Object.entries(EMPLOYEE_TYPES).find(([name, type]) =>
		typeof value === 'string'
			? name === value.toLowerCase() || String(type.value) === value
			: type.value === value,
	);
	if (!byValue) {
		throw ValidationProblem.single(
			path,
			`The JSON value could not be converted to ASC.Core.Users.EmployeeType. Path: ${path} | LineNumber: 0 | BytePositionInLine: 1.`,
		);
	}
	return byValue[1].role ?? 'all';
}

function caller(context: RouteContext): UserRecord {
	const user = context.state.users.get(requireUser(context));
	if (!user) throw accessDenied();
	return user;
}

const isAdmin = (user: UserRecord) => user.role === 'owner' || user.role === 'admin';

/** GetUserInfoAsync: a GUID, else a user name; unknown → 404. */
export function userByIdOrName(state: PortalState, idOrName: string): UserRecord {
	const user = isUuid(idOrName)
		? state.users.get(normalizeUuid(idOrName))
		: [...state.users.values()].find(
				(candidate) => candidate.email.split('@')[0].toLowerCase() === idOrName.toLowerCase(),
			);
	if (!user) throw notFound('The user could not be found');
	return user;
}

function userIdsOf(body: JsonObject): string[] {
	const ids = property(body, 'userIds')?.value;
	if (ids === undefined || ids === null) return [];
	if (!Array.isArray(ids))
		throw ValidationProblem.single(
			'$.userIds',
			'The JSON value could not be converted to System.Collections.Generic.IEnumerable`1[System.Guid]. Path: $.userIds | LineNumber: 0 | BytePositionInLine: 1.',
		);
	return ids.map((id, index) => readUuid(id, `$.userIds[${index}]`));
}

/** POST people/invite: invites new addresses, raises the type of existing ones, answers every pending user. */
function inviteUsers(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const me = caller(context);
	const invitations = property(body, 'invitations')?.value;
	if (!Array.isArray(invitations))
		throw ValidationProblem.single('Invitations', 'The Invitations field is required.');
	const culture = readString(property(body, 'culture')?.value, '$.culture');
	if (me.role === 'user' || me.role === 'guest') throw accessDenied();
	for (const [index, invitation] of invitations.entries()) {
		const entry = (invitation ?? {}) as JsonObject;
		const email =
			readString(property(entry, 'email')?.value, `$.invitations[${index}].email`) ?? '';
		const type = readEmployeeType(
			property(entry, 'type')?.value ?? 0,
			`$.invitations[${index}].type`,
		);
		if (!EMAIL.test(email)) throw argumentError('Incorrect email');
		if (
			type === 'guest' ||
			type === 'all' ||
			(type === 'roomAdmin' && !isAdmin(me)) ||
			(type === 'admin' && me.role !== 'owner')
		) {
			throw accessDenied();
		}
		const existing = context.state.findUserByEmail(email);
		if (existing) {
			if (existing.status === 2) throw argumentError(`The user is disabled: ${email}`);
			if (RANK[existing.role] < RANK[type]) existing.role = type;
			continue;
		}
		const id = randomUUID();
		context.state.invitationEmails.push(email.toLowerCase());
		context.state.users.set(id, {
			id,
			firstName: '',
			lastName: '',
			email: email.toLowerCase(),
			role: type,
			status: 1,
			activationStatus: 2,
			cultureName: culture,
			myFolderId: 5000 + context.state.users.size,
			registered: PORTAL_CREATED,
		});
	}
	const pending = [...context.state.users.values()].filter((user) => user.activationStatus === 2);
	return { payload: pending.map((user) => context.render.employee(user)) };
}

function getUser(context: RouteContext): ActionResult {
	requireUser(context);
	return {
		payload: context.render.employeeFull(userByIdOrName(context.state, context.params.userid)),
	};
}

/** Who may change someone else: DocSpace admins; the owner only by himself, admins only by the owner. */
function requireManageable(me: UserRecord, target: UserRecord): void {
	if (me.id === target.id) return;
	if (!isAdmin(me) || target.role === 'owner' || (target.role === 'admin' && me.role !== 'owner'))
		throw accessDenied();
}

/**
 * PUT people/{userid}: names, location and comment only change on the caller's own profile; for
 * anyone else they are ignored without an error. `disable` applies, and `isUser: true` makes a guest.
 */
function updateUser(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const me = caller(context);
	const target = userByIdOrName(context.state, context.params.userid);
	requireManageable(me, target);
	const text = (name: string) => readString(property(body, name)?.value, `$.${name}`);
	if (me.id === target.id) {
		target.firstName = text('firstName') ?? target.firstName;
		target.lastName = text('lastName') ?? target.lastName;
		target.location = text('location') ?? target.location;
		target.notes = text('comment') ?? target.notes;
	}
	const disable = property(body, 'disable')?.value;
	if (
		disable !== undefined &&
		disable !== null &&
		readBoolean(disable, '$.disable') &&
		me.id !== target.id
	)
		target.status = 2;
	const isUser = property(body, 'isUser')?.value;
	if (
		isUser !== undefined &&
		isUser !== null &&
		readBoolean(isUser, '$.isUser') &&
		target.role !== 'owner'
	)
		target.role = 'guest';
	return { payload: context.render.employeeFull(target) };
}

/** PUT people/status/{status}: the whole batch fails if it holds the caller, the owner or (for non-owners) an admin. */
function setStatus(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const me = caller(context);
	const status = Number(context.params.status);
	if (status !== 1 && status !== 2)
		throw argumentError(`Value does not fall within the expected range. (Parameter 'status')`);
	if (!isAdmin(me)) throw accessDenied();
	const targets = userIdsOf(body).flatMap((id) => context.state.users.get(id) ?? []);
	if (
		targets.some(
			(user) =>
				user.id === me.id ||
				user.role === 'owner' ||
				(user.role === 'admin' && me.role !== 'owner'),
		)
	) {
		throw accessDenied();
	}
	for (const user of targets) user.status = status;
	return { payload: targets.map((user) => context.render.employeeFull(user)) };
}

/** PUT people/type/{type}: upgrades only (plus DocSpace admin → room admin by the owner); anything else → 403. */
function upgradeType(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const me = caller(context);
	const type = readEmployeeType(context.params.type, 'type');
	if (!isAdmin(me) || type === 'all' || type === 'guest') throw accessDenied();
	const targets = userIdsOf(body).flatMap((id) => context.state.users.get(id) ?? []);
	for (const user of targets) {
		const ownerOnly = type === 'admin' || user.role === 'admin';
		const allowed =
			user.role !== 'owner' &&
			(RANK[user.role] < RANK[type] || (user.role === 'admin' && type === 'roomAdmin')) &&
			(!ownerOnly || me.role === 'owner');
		if (!allowed) throw accessDenied();
	}
	for (const user of targets) user.role = type;
	return { payload: targets.map((user) => context.render.employeeFull(user)) };
}

const typeTasks = new WeakMap<PortalState, Map<string, string>>();

/** POST people/type: a downgrade to User or Guest, run as a background task (rooms and files reassigned). */
function downgradeType(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const me = caller(context);
	const userId = readUuid(property(body, 'userId')?.value, '$.userId');
	const type = readEmployeeType(property(body, 'type')?.value ?? 0, '$.type');
	const reassign = property(body, 'reassignUserId')?.value;
	if (reassign !== undefined && reassign !== null) readUuid(reassign, '$.reassignUserId');
	const target = context.state.users.get(userId);
	if (!target) throw notFound('The user could not be found');
	if (type !== 'user' && type !== 'guest')
		throw argumentError(`Value does not fall within the expected range. (Parameter 'type')`);
	if (
		!isAdmin(me) ||
		target.role === 'owner' ||
		RANK[target.role] <= RANK[type] ||
		(target.role === 'admin' && me.role !== 'owner')
	) {
		throw accessDenied();
	}
	target.role = type;
	const tasks = typeTasks.get(context.state) ?? new Map<string, string>();
	typeTasks.set(context.state, tasks);
	const id = randomUUID();
	tasks.set(userId, id);
	return { payload: { id, percentage: 0, isCompleted: false, status: 1 } };
}

function typeProgress(context: RouteContext): ActionResult {
	requireUser(context);
	const id = typeTasks.get(context.state)?.get(normalizeUuid(context.params.userid));
	return { payload: id ? { id, percentage: 100, isCompleted: true, status: 2 } : null };
}

/** DELETE people/{userid}: only disabled users; admins only by the owner. */
function deleteUser(context: RouteContext): ActionResult {
	const me = caller(context);
	if (!isAdmin(me)) throw accessDenied();
	const target = userByIdOrName(context.state, context.params.userid);
	if (target.status !== 2) throw invalidOperation('The user is not suspended');
	if (target.role === 'admin' && me.role !== 'owner') throw accessDenied();
	const rendered = context.render.employeeFull(target);
	context.state.users.delete(target.id);
	for (const group of context.state.groups.values()) {
		group.memberIds = group.memberIds.filter((id) => id !== target.id);
		if (group.managerId === target.id) group.managerId = undefined;
	}
	return { payload: rendered };
}

export const userRoutes: RouteDefinition[] = [
	{ method: 'POST', template: '/api/2.0/people/invite', handler: inviteUsers },
	{ method: 'PUT', template: '/api/2.0/people/status/{status}', handler: setStatus },
	{ method: 'PUT', template: '/api/2.0/people/type/{type}', handler: upgradeType },
	{ method: 'POST', template: '/api/2.0/people/type', handler: downgradeType },
	{ method: 'GET', template: '/api/2.0/people/type/progress/{userid}', handler: typeProgress },
	{ method: 'GET', template: '/api/2.0/people/{userid}', handler: getUser },
	{ method: 'PUT', template: '/api/2.0/people/{userid}', handler: updateUser },
	{ method: 'DELETE', template: '/api/2.0/people/{userid}', handler: deleteUser },
];
