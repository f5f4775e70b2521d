// POST files/{folderId}/file (create; the extension of the title picks the type, an unknown or
// missing one silently becomes .docx), PUT files/file/{fileId} (rename keeps the original
// extension, appending it to a title with another one), GET files/file/{id}/link (the primary
// external link, created as Viewer when the file has none). docs/docspace/files.md §1, §6, §7.

import { ValidationProblem, accessDenied, notFound, MSG_FILE_NOT_FOUND } from '../apiErrors';
import { AttributeValidator, parseJsonObject, property, readString } from '../binding';
import { fileExtension, newLink, type FileRecord } from '../state';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';
import { addFile, availableTitle, cleanTitle, resolveFolder } from './uploads';

const CREATABLE = ['.docx', '.xlsx', '.pptx', '.pdf'];
const LEGACY: Record<string, string> = {
	'.doc': '.docx',
	'.odt': '.docx',
	'.rtf': '.docx',
	'.xls': '.xlsx',
	'.ods': '.xlsx',
	'.ppt': '.pptx',
	'.odp': '.pptx',
};

function bodyTitle(context: RouteContext, required: boolean): string | undefined {
	const body = parseJsonObject(context.rawBody);
	const found = property(body, 'title');
	const title = found ? readString(found.value, `$.${found.key}`) : undefined;
	if (required && (found === undefined || title === undefined))
		throw ValidationProblem.single('Title', 'The Title field is required.');
	const validator = new AttributeValidator();
	validator.maxLength('Title', title, 165);
	validator.throwIfInvalid();
	return title;
}

/** The title DocSpace gives a new blank file (FileStorageService.CreateNewFileAsync). */
export function createdTitle(requested: string): string {
	const extension = fileExtension(requested);
	if (CREATABLE.includes(extension)) return requested;
	if (LEGACY[extension])
		return `${requested.slice(0, requested.length - extension.length)}${LEGACY[extension]}`;
	return `${requested}.docx`;
}

function createFile(context: RouteContext): ActionResult {
	const requested = cleanTitle(bodyTitle(context, true) ?? '');
	const target = resolveFolder(context, context.params.folderId ?? '@my');
	const title = availableTitle(
		context,
		target,
		createdTitle(requested === '' ? 'New document' : requested),
	);
	const extension = fileExtension(title);
	const file = addFile(
		context,
		target,
		title,
		Buffer.from(`blank ${extension}\n`),
		extension === '.pdf',
	);
	return { payload: context.render.file(file, requireUser(context)) };
}

function findEditable(context: RouteContext, idParam: string): FileRecord {
	const userId = requireUser(context);
	const file = context.state.files.get(context.params[idParam]);
	if (!file) throw notFound(MSG_FILE_NOT_FOUND);
	const room = file.roomId !== undefined ? context.state.rooms.get(file.roomId) : undefined;
	const allowed = room
		? context.state.canManageRoom(userId, room)
		: file.createdBy === userId || context.state.isAdmin(userId);
	if (!allowed) throw accessDenied();
	return file;
}

/** Rename: the original extension always stays (docs/docspace/files.md §6). */
export function renamedTitle(current: string, requested: string): string {
	const extension = fileExtension(current);
	const clean = cleanTitle(requested);
	return fileExtension(clean) === extension ? clean : `${clean}${extension}`;
}

function updateFile(context: RouteContext): ActionResult {
	const title = bodyTitle(context, false);
	const file = findEditable(context, 'fileId');
	if (title !== undefined && title.trim() !== '') file.title = renamedTitle(file.title, title);
	return { payload: context.render.file(file, requireUser(context)) };
}

function primaryLink(context: RouteContext): ActionResult {
	const file = findEditable(context, 'id');
	let link = file.links.find((candidate) => candidate.primary);
	if (!link) {
		link = newLink({
			id: context.state.newLinkId(undefined),
			linkType: 1,
			primary: true,
			access: 2,
			title: 'Shared link',
			denyDownload: false,
			internal: false,
		});
		file.links.unshift(link);
	}
	return { payload: context.render.fileLinkShare(link) };
}

export const fileEditRoutes: RouteDefinition[] = [
	{ method: 'POST', template: '/api/2.0/files/{folderId}/file', handler: createFile },
	{ method: 'POST', template: '/api/2.0/files/@my/file', handler: createFile },
	{ method: 'PUT', template: '/api/2.0/files/file/{fileId}', handler: updateFile },
	{ method: 'GET', template: '/api/2.0/files/file/{id}/link', handler: primaryLink },
];
