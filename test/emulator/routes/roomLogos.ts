// Room logos: POST files/logos (the image as a temporary file), POST and DELETE files/rooms/{id}/logo
// (docs/docspace/rooms.md §6).

import { randomUUID } from 'node:crypto';

import { ValidationProblem, accessDenied, notFound, MSG_FOLDER_NOT_FOUND } from '../apiErrors';
import { parseJsonObject, property, readEnum, readString } from '../binding';
import { fileParts } from '../multipart';
import type { PortalState, RoomRecord } from '../state';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';

const DEFAULT_MAX_IMAGE_BYTES = 1024 * 1024;
const MAX_CROP = 1280;

interface TemporaryLogo {
	userId: string;
}

/** Temporary logo files per portal state: used once, by the user who uploaded them. */
const temporaryLogos = new WeakMap<PortalState, Map<string, TemporaryLogo>>();

function temporaryLogosOf(state: PortalState): Map<string, TemporaryLogo> {
	let logos = temporaryLogos.get(state);
	if (!logos) {
		logos = new Map();
		temporaryLogos.set(state, logos);
	}
	return logos;
}

function isPngOrJpeg(data: Buffer): boolean {
	const png = data.length > 8 && data.readUInt32BE(0) === 0x89504e47;
	const jpeg = data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff;
	return png || jpeg;
}

/** UploadResultDto: HTTP 200 also when the image is refused. */
function uploadResult(success: boolean, data?: string, message?: string): ActionResult {
	return { payload: { success, data, message } };
}

function uploadLogo(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const role = context.state.users.get(userId)?.role;
	// Only room admins and DocSpace admins upload room logos.
	if (role !== 'owner' && role !== 'admin' && role !== 'roomAdmin') throw accessDenied();
	const [part] = fileParts(context.bytes, context.headers['content-type']);
	if (!part) return uploadResult(false);
	if (part.data.length > (context.options.maxImageUploadSize ?? DEFAULT_MAX_IMAGE_BYTES))
		return uploadResult(false, undefined, 'Image size is too large');
	if (!isPngOrJpeg(part.data)) return uploadResult(false, undefined, 'Unknown image file type');
	const name = `${randomUUID().replace(/-/g, '')}.${part.data[0] === 0x89 ? 'png' : 'jpg'}`;
	temporaryLogosOf(context.state).set(name, { userId });
	return uploadResult(true, name);
}

function managedRoom(context: RouteContext): RoomRecord {
	const room = context.state.rooms.get(context.params.id);
	if (!room) throw notFound(MSG_FOLDER_NOT_FOUND);
	if (!context.state.canManageRoom(requireUser(context), room)) throw accessDenied();
	return room;
}

function readCrop(body: ReturnType<typeof parseJsonObject>, name: string, min: number): number {
	const found = property(body, name);
	const value =
		found && found.value !== null ? readEnum(found.value, `$.${found.key}`, 'System.Int32') : 0;
	if (value < min || value > MAX_CROP) {
		const label = name[0].toUpperCase() + name.slice(1);
		throw ValidationProblem.single(
			label,
			`The field ${label} must be between ${min} and ${MAX_CROP}.`,
		);
	}
	return value;
}

function createLogo(context: RouteContext): ActionResult {
	const room = managedRoom(context);
	const body = parseJsonObject(context.rawBody);
	const tmpProperty = property(body, 'tmpFile');
	const tmpFile = tmpProperty ? readString(tmpProperty.value, `$.${tmpProperty.key}`) : undefined;
	if (!tmpFile) throw ValidationProblem.single('TmpFile', 'The TmpFile field is required.');
	readCrop(body, 'x', 0);
	readCrop(body, 'y', 0);
	readCrop(body, 'width', 1);
	readCrop(body, 'height', 1);
	const logos = temporaryLogosOf(context.state);
	const logo = logos.get(tmpFile);
	// A temporary file is used once, and only by its uploader: otherwise it is not found.
	if (!logo || logo.userId !== requireUser(context)) throw notFound('File not found');
	logos.delete(tmpFile);
	room.settings = { ...room.settings, logo: tmpFile.replace(/\.\w+$/, '') };
	return { payload: context.render.room(room, requireUser(context)) };
}

function deleteLogo(context: RouteContext): ActionResult {
	const room = managedRoom(context);
	if (room.settings?.logo) {
		const { logo: _removed, ...rest } = room.settings;
		room.settings = rest;
	}
	return { payload: context.render.room(room, requireUser(context)) };
}

export const roomLogoRoutes: RouteDefinition[] = [
	{ method: 'POST', template: '/api/2.0/files/logos', handler: uploadLogo },
	{ method: 'POST', template: '/api/2.0/files/rooms/{id}/logo', handler: createLogo },
	{ method: 'DELETE', template: '/api/2.0/files/rooms/{id}/logo', handler: deleteLogo },
];
