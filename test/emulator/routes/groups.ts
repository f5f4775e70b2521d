// Group management (docs/docspace/people.md §5): create, read, update, members, delete.

import { randomUUID } from 'node:crypto';

import { ValidationProblem, accessDenied, argumentError, notFound } from '../apiErrors';
import {
	AttributeValidator,
	EMPTY_UUID,
	isUuid,
	normalizeUuid,
	parseJsonObject,
	property,
	queryValue,
	readString,
	readUuid,
	type JsonObject,
} from '../binding';
import type { SeedGroup } from '../types';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';

/** Writes need a DocSpace admin (Action_EditGroups + AddRemoveUser). */
function requireAdmin(context: RouteContext): void {
	if (!context.state.isAdmin(requireUser(context))) throw accessDenied();
}

function groupOf(context: RouteContext): SeedGroup {
	const id = context.params.id;
	const group = isUuid(id) ? context.state.groups.get(normalizeUuid(id)) : undefined;
	if (!group) throw notFound('The group could not be found');
	return group;
}

function uuidList(body: JsonObject, name: string): unknown[] {
	const value = property(body, name)?.value;
	if (value === undefined || value === null) return [];
	if (!Array.isArray(value)) {
		throw ValidationProblem.single(
			`$.${name}`,
			`The JSON value could not be converted to System.Collections.Generic.IEnumerable\`1[System.Guid]. Path: $.${name} | LineNumber: 0 | BytePositionInLine: 1.`,
		);
	}
	return value;
}

/** Bound GUIDs of a list (a malformed one fails binding). */
function strictIds(body: JsonObject, name: string): string[] {
	return uuidList(body, name).map((id, index) => readUuid(id, `$.${name}[${index}]`));
}

/** GUIDs that name existing users; PUT group/{id} skips the others silently. */
function knownUserIds(context: RouteContext, ids: string[]): string[] {
	return ids.filter((id) => id !== EMPTY_UUID && context.state.users.has(id));
}

function groupName(body: JsonObject, required: boolean): string | undefined {
	const name = readString(property(body, 'groupName')?.value, '$.groupName');
	const validator = new AttributeValidator();
	validator.maxLength('GroupName', name, 128);
	validator.throwIfInvalid();
	if (required && (name === undefined || name.trim() === ''))
		throw ValidationProblem.single('GroupName', 'The GroupName field is required.');
	return name === undefined || name.trim() === '' ? undefined : name.trim();
}

function managerOf(body: JsonObject): string | undefined {
	const raw = property(body, 'groupManager')?.value;
	if (raw === undefined || raw === null) return undefined;
	const id = readUuid(raw, '$.groupManager');
	return id === EMPTY_UUID ? undefined : id;
}

function addMembers(group: SeedGroup, ids: string[]): void {
	for (const id of ids) if (!group.memberIds.includes(id)) group.memberIds.push(id);
}

function rendered(context: RouteContext, group: SeedGroup): ActionResult {
	return { payload: context.render.group(group, true) };
}

/** POST group: an unknown manager or member is refused (400). */
function createGroup(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	requireAdmin(context);
	const name = groupName(body, true) as string;
	const managerId = managerOf(body);
	const members = strictIds(body, 'members').filter((id) => id !== EMPTY_UUID);
	for (const id of [...members, ...(managerId ? [managerId] : [])]) {
		if (!context.state.users.has(id)) throw argumentError('The user could not be found');
	}
	const group: SeedGroup = { id: randomUUID(), name, managerId, memberIds: [] };
	addMembers(group, [...members, ...(managerId ? [managerId] : [])]);
	context.state.groups.set(group.id, group);
	return rendered(context, group);
}

function getGroup(context: RouteContext): ActionResult {
	requireUser(context);
	const group = groupOf(context);
	const include = queryValue(context.query, 'includeMembers');
	return {
		payload: context.render.group(
			group,
			include === undefined || include.toLowerCase() !== 'false',
		),
	};
}

/** PUT group/{id}: name, manager, membersToAdd, membersToRemove; unknown or empty GUIDs are skipped. */
function updateGroup(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	requireAdmin(context);
	const group = groupOf(context);
	const name = groupName(body, false);
	if (name) group.name = name;
	const managerId = managerOf(body);
	if (managerId && context.state.users.has(managerId)) {
		group.managerId = managerId;
		addMembers(group, [managerId]);
	}
	const toAdd = uuidList(body, 'membersToAdd')
		.filter((id): id is string => typeof id === 'string' && isUuid(id))
		.map(normalizeUuid);
	addMembers(group, knownUserIds(context, toAdd));
	const toRemove = new Set(
		uuidList(body, 'membersToRemove')
			.filter((id): id is string => typeof id === 'string' && isUuid(id))
			.map(normalizeUuid),
	);
	group.memberIds = group.memberIds.filter((id) => !toRemove.has(id));
	if (group.managerId && toRemove.has(group.managerId)) group.managerId = undefined;
	return rendered(context, group);
}

/** PUT group/{id}/members: adds; no webhook (§5). */
function addGroupMembers(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	requireAdmin(context);
	const group = groupOf(context);
	addMembers(group, knownUserIds(context, strictIds(body, 'members')));
	return rendered(context, group);
}

function removeGroupMembers(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	requireAdmin(context);
	const group = groupOf(context);
	const remove = new Set(strictIds(body, 'members'));
	group.memberIds = group.memberIds.filter((id) => !remove.has(id));
	if (group.managerId && remove.has(group.managerId)) group.managerId = undefined;
	return rendered(context, group);
}

/** DELETE group/{id}: 204 without a body. */
function deleteGroup(context: RouteContext): ActionResult {
	requireAdmin(context);
	context.state.groups.delete(groupOf(context).id);
	return { payload: undefined, noContent: true };
}

export const groupRoutes: RouteDefinition[] = [
	{ method: 'POST', template: '/api/2.0/group', handler: createGroup },
	{ method: 'GET', template: '/api/2.0/group/{id}', handler: getGroup },
	{ method: 'PUT', template: '/api/2.0/group/{id}', handler: updateGroup },
	{ method: 'DELETE', template: '/api/2.0/group/{id}', handler: deleteGroup },
	{ method: 'PUT', template: '/api/2.0/group/{id}/members', handler: addGroupMembers },
	{ method: 'DELETE', template: '/api/2.0/group/{id}/members', handler: removeGroupMembers },
];
