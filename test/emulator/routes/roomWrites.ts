// Room writes: POST files/rooms, PUT files/rooms/{id}, PUT …/pin|unpin, PUT|DELETE …/tags (docs/docspace/rooms.md §1–§3).

import {
	ValidationProblem,
	accessDenied,
	invalidOperation,
	notFound,
	MSG_FOLDER_NOT_FOUND,
} from '../apiErrors';
import {
	AttributeValidator,
	parseJsonObject,
	property,
	readBoolean,
	readEnum,
	readString,
	type JsonObject,
} from '../binding';
import { newLink, PORTAL_CREATED, type RoomRecord, type RoomSettingsRecord } from '../state';
import type { RoomFolderType } from '../types';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';

/** RoomType (names accepted too: [JsonStringEnumConverter]) → FolderType of the new room. */
const FOLDER_TYPE_BY_ROOM_TYPE: Record<number, RoomFolderType> = {
	1: 15,
	2: 16,
	5: 19,
	6: 22,
	8: 29,
	9: 31,
};
const ROOM_TYPE_NAMES: Record<string, number> = {
	FillingFormsRoom: 1,
	EditingRoom: 2,
	CustomRoom: 5,
	PublicRoom: 6,
	VirtualDataRoom: 8,
	AiRoom: 9,
};
/** The emulated portal's storage quota; a room quota above it is refused. */
export const PORTAL_QUOTA_BYTES = 100 * 1024 ** 3;
export const MAX_PINNED_ROOMS = 10;
export const MSG_CANNOT_PIN = "You can't pin a room";

function conversion(path: string, typeName: string): ValidationProblem {
	return ValidationProblem.single(
		path,
		`The JSON value could not be converted to ${typeName}. Path: ${path} | LineNumber: 0 | BytePositionInLine: 1.`,
	);
}

function readRoomType(value: unknown, path: string): number {
	const number =
		typeof value === 'string' && value in ROOM_TYPE_NAMES
			? ROOM_TYPE_NAMES[value]
			: typeof value === 'number'
				? value
				: NaN;
	if (FOLDER_TYPE_BY_ROOM_TYPE[number] === undefined)
		throw conversion(path, 'ASC.Files.Core.ApiModels.RequestDto.RoomType');
	return number;
}

function readLong(value: unknown, path: string): number | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	throw conversion(path, 'System.Nullable`1[System.Int64]');
}

function readObject(value: unknown, path: string, typeName: string): JsonObject | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value !== 'object' || Array.isArray(value)) throw conversion(path, typeName);
	return value as JsonObject;
}

function readTags(value: unknown, path: string): string[] | undefined {
	if (value === null || value === undefined) return undefined;
	if (!Array.isArray(value) || value.some((tag) => typeof tag !== 'string'))
		throw conversion(path, 'System.Collections.Generic.IEnumerable`1[System.String]');
	return value as string[];
}

interface RoomWriteRequest {
	title?: string;
	roomType?: number;
	tags?: string[];
	settings: RoomSettingsRecord;
}

/** CreateRoomRequestDto / UpdateRoomRequest: the same settings fields and DataAnnotations. */
function bindRoomWrite(rawBody: string, isCreate: boolean): RoomWriteRequest {
	const body = parseJsonObject(rawBody);
	const get = (name: string) => property(body, name);
	const title = get('title') ? readString(get('title')?.value, '$.title') : undefined;
	const roomTypeProperty = get('roomType');
	const roomType = roomTypeProperty
		? readRoomType(roomTypeProperty.value, '$.roomType')
		: undefined;
	const settings: RoomSettingsRecord = {};
	const flag = (name: 'indexing' | 'denyDownload') => {
		const found = get(name);
		if (found && found.value !== null) settings[name] = readBoolean(found.value, `$.${name}`);
	};
	flag('indexing');
	flag('denyDownload');
	settings.quota = readLong(get('quota')?.value, '$.quota');
	settings.color = readString(get('color')?.value, '$.color');
	settings.cover = readString(get('cover')?.value, '$.cover');
	const lifetime = readObject(get('lifetime')?.value, '$.lifetime', 'RoomDataLifetimeDto');
	const watermark = readObject(get('watermark')?.value, '$.watermark', 'WatermarkRequestDto');
	const validator = new AttributeValidator();
	validator.maxLength('Title', title, 170);
	validator.maxLength('Color', settings.color, 6);
	validator.maxLength('Cover', settings.cover, 50);
	if (lifetime) {
		const value =
			lifetime.value === undefined || lifetime.value === null
				? undefined
				: readEnum(lifetime.value, '$.lifetime.value', 'System.Int32');
		validator.range('Value', value, 1, 999);
		const enabled =
			lifetime.enabled === undefined || lifetime.enabled === null
				? true
				: readBoolean(lifetime.enabled, '$.lifetime.enabled');
		const period =
			lifetime.period === undefined
				? 0
				: readEnum(lifetime.period, '$.lifetime.period', 'RoomDataLifetimePeriod');
		const deletePermanently =
			lifetime.deletePermanently === undefined
				? false
				: readBoolean(lifetime.deletePermanently, '$.lifetime.deletePermanently');
		settings.lifetime = { enabled, value, period, deletePermanently };
	}
	if (watermark) {
		const text = readString(watermark.text, '$.watermark.text');
		validator.maxLength('Text', text, 255);
		const enabled =
			watermark.enabled === undefined || watermark.enabled === null
				? true
				: readBoolean(watermark.enabled, '$.watermark.enabled');
		const additions =
			watermark.additions === undefined
				? 0
				: readEnum(watermark.additions, '$.watermark.additions', 'WatermarkAdditions');
		const rotate =
			watermark.rotate === undefined
				? 0
				: readEnum(watermark.rotate, '$.watermark.rotate', 'System.Int32');
		settings.watermark = { enabled, text, additions, rotate };
	}
	if (isCreate) {
		const missing: Record<string, string[]> = {};
		if (!title) missing.Title = ['The Title field is required.'];
		if (roomType === undefined) missing.RoomType = ['The RoomType field is required.'];
		if (Object.keys(missing).length) throw new ValidationProblem(missing);
	}
	validator.throwIfInvalid();
	return { title, roomType, tags: readTags(get('tags')?.value, '$.tags'), settings };
}

function checkQuota(settings: RoomSettingsRecord): void {
	if (settings.quota !== undefined && settings.quota > PORTAL_QUOTA_BYTES) {
		throw invalidOperation('The room quota cannot exceed the portal quota');
	}
}

function definedSettings(settings: RoomSettingsRecord): RoomSettingsRecord {
	return Object.fromEntries(
		Object.entries(settings).filter(([, value]) => value !== undefined),
	) as RoomSettingsRecord;
}

function nextRoomId(context: RouteContext): string {
	const numeric = [...context.state.rooms.keys()].filter((id) => /^\d+$/.test(id)).map(Number);
	return String(Math.max(5000, ...numeric) + 1);
}

function createRoom(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const role = context.state.users.get(userId)?.role;
	// Only room admins and DocSpace admins create rooms (docs/docspace/rooms.md §1).
	if (role !== 'owner' && role !== 'admin' && role !== 'roomAdmin') throw accessDenied();
	const request = bindRoomWrite(context.rawBody, true);
	checkQuota(request.settings);
	const folderType = FOLDER_TYPE_BY_ROOM_TYPE[request.roomType as number];
	const room: RoomRecord = {
		id: nextRoomId(context),
		title: (request.title as string).trim(),
		folderType,
		managerIds: new Set(),
		links: [],
		createdBy: userId,
		created: new Date(Math.max(Date.now(), PORTAL_CREATED.getTime())),
		settings: definedSettings(request.settings),
		tags: [...new Set(request.tags ?? [])],
		pinnedBy: new Set(),
		members: new Map(),
	};
	// Public and form filling rooms get their primary external link at once (§1).
	const primaryAccess = folderType === 22 ? 2 : folderType === 15 ? 7 : undefined;
	if (primaryAccess !== undefined) {
		room.links.push(
			newLink({
				id: context.state.newLinkId(undefined),
				linkType: 1,
				primary: true,
				access: primaryAccess,
				title: 'Shared link',
				denyDownload: false,
				internal: false,
			}),
		);
	}
	context.state.rooms.set(room.id, room);
	return { payload: context.render.room(room, userId) };
}

function managedRoom(context: RouteContext): RoomRecord {
	const room = context.state.rooms.get(context.params.id);
	if (!room) throw notFound(MSG_FOLDER_NOT_FOUND);
	if (!context.state.canManageRoom(requireUser(context), room)) throw accessDenied();
	return room;
}

function updateRoom(context: RouteContext): ActionResult {
	const room = managedRoom(context);
	const request = bindRoomWrite(context.rawBody, false);
	checkQuota(request.settings);
	// Only the fields sent change; the type never does (§2).
	if (request.title !== undefined && request.title.trim() !== '') room.title = request.title.trim();
	if (request.tags !== undefined) room.tags = [...new Set(request.tags)];
	room.settings = { ...room.settings, ...definedSettings(request.settings) };
	return { payload: context.render.room(room, requireUser(context)) };
}

function pinRoom(pin: boolean) {
	return (context: RouteContext): ActionResult => {
		const userId = requireUser(context);
		const room = context.state.rooms.get(context.params.id);
		if (!room) throw notFound(MSG_FOLDER_NOT_FOUND);
		if (!context.state.visibleRooms(userId).includes(room)) throw accessDenied();
		room.pinnedBy ??= new Set();
		if (pin && !room.pinnedBy.has(userId)) {
			const pinned = [...context.state.rooms.values()].filter((candidate) =>
				candidate.pinnedBy?.has(userId),
			).length;
			if (pinned >= MAX_PINNED_ROOMS) throw invalidOperation(MSG_CANNOT_PIN);
			room.pinnedBy.add(userId);
		}
		if (!pin) room.pinnedBy.delete(userId);
		return { payload: context.render.room(room, userId) };
	};
}

function changeTags(add: boolean) {
	return (context: RouteContext): ActionResult => {
		const room = managedRoom(context);
		const body = parseJsonObject(context.rawBody);
		const names = property(body, 'names');
		if (!names || names.value === null)
			throw ValidationProblem.single('Names', 'The Names field is required.');
		const tags = readTags(names.value, `$.${names.key}`) ?? [];
		const current = new Set(room.tags ?? []);
		for (const tag of tags) {
			if (add && tag.trim() !== '') current.add(tag.trim());
			if (!add) current.delete(tag.trim());
		}
		room.tags = [...current];
		return { payload: context.render.room(room, requireUser(context)) };
	};
}

export const roomWriteRoutes: RouteDefinition[] = [
	{ method: 'POST', template: '/api/2.0/files/rooms', handler: createRoom },
	{ method: 'PUT', template: '/api/2.0/files/rooms/{id}', handler: updateRoom },
	{ method: 'PUT', template: '/api/2.0/files/rooms/{id}/pin', handler: pinRoom(true) },
	{ method: 'PUT', template: '/api/2.0/files/rooms/{id}/unpin', handler: pinRoom(false) },
	{ method: 'PUT', template: '/api/2.0/files/rooms/{id}/tags', handler: changeTags(true) },
	{ method: 'DELETE', template: '/api/2.0/files/rooms/{id}/tags', handler: changeTags(false) },
];
