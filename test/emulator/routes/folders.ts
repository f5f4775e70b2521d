// Folders (docs/docspace/folders.md §4, §5): GET files/{folderId} and files/@my (contents of My documents,
// a room, a folder, a Trash, the Rooms or Archive root; search, type filter, sort, paging),
// POST/GET/PUT files/folder/{folderId}, GET files/folder/{folderId}/log.

import { ValidationProblem, accessDenied, notFound, MSG_FOLDER_NOT_FOUND } from '../apiErrors';
import {
	AttributeValidator,
	parseApiDate,
	parseJsonObject,
	property,
	queryValue,
	readPaging,
	readQueryEnum,
	readString,
} from '../binding';
import { formatApiDate } from '../dto';
import { audit } from '../fileOperations';
import { fileExtension, type FileRecord, type FolderRecord } from '../state';
import {
	ancestry,
	canRead,
	canWrite,
	childrenOf,
	cleanTitle,
	descendantFolders,
	resolveContainer,
	type Container,
} from '../tree';
import {
	page,
	requireUser,
	type ActionResult,
	type RouteContext,
	type RouteDefinition,
} from './context';

/** FilterType → the extensions it keeps (files only); 1 files only, 2 folders only (§5). */
const TYPE_EXTENSIONS: Record<number, string[]> = {
	3: ['.docx', '.doc', '.odt', '.rtf', '.txt', '.docxf'],
	4: ['.pptx', '.ppt', '.odp'],
	5: ['.xlsx', '.xls', '.ods', '.csv'],
	7: ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.bmp'],
	10: ['.zip', '.rar', '.7z', '.tar', '.gz'],
	12: ['.mp3', '.mp4', '.wav', '.avi', '.mov'],
	22: ['.pdf'],
	25: ['.vsdx'],
};

function keepFile(file: FileRecord, filterType: number): boolean {
	if (filterType === 0 || filterType === 1) return true;
	if (filterType === 2) return false;
	if (filterType === 23) return file.isForm;
	if (filterType === 22) return fileExtension(file.title) === '.pdf' && !file.isForm;
	return (TYPE_EXTENSIONS[filterType] ?? []).includes(fileExtension(file.title));
}

type Entry = { folder: FolderRecord; file?: undefined } | { file: FileRecord; folder?: undefined };

/** SortedByType read case-insensitively; an unknown value keeps the default order without an error (§5). */
function sortEntries(entries: Entry[], sortBy: string | undefined, descending: boolean): Entry[] {
	const key = (entry: Entry): string | number => {
		const record = entry.folder ?? entry.file;
		switch (sortBy?.toLowerCase()) {
			case 'az':
				return record.title.toLowerCase();
			case 'dateandtime':
				return (entry.folder?.updated ?? entry.file?.updated ?? record.created).getTime();
			case 'dateandtimecreation':
				return record.created.getTime();
			case 'size':
				return entry.file?.sizeBytes ?? 0;
			case 'type':
				return entry.file ? fileExtension(entry.file.title) : '';
			default:
				return 0;
		}
	};
	const sorted = [...entries].sort((a, b) => {
		const [x, y] = [key(a), key(b)];
		return x < y
			? -1
			: x > y
				? 1
				: Number(a.folder?.id ?? a.file?.id) - Number(b.folder?.id ?? b.file?.id);
	});
	return descending ? sorted.reverse() : sorted;
}

function listContents(context: RouteContext, container: Container, userId: string): ActionResult {
	const paging = readPaging(context.query);
	const { state, render } = context;
	const filterValue = queryValue(context.query, 'filterValue')?.toLowerCase() ?? '';
	const filterType = readQueryEnum(context.query, 'filterType') ?? 0;
	const recursive =
		filterValue !== '' && !/^false$/i.test(queryValue(context.query, 'withSubFolders') ?? 'true');
	let rooms: unknown[] = [];
	let folders: FolderRecord[] = [];
	let files: FileRecord[] = [];
	if (container.kind === 'roomsRoot' || container.kind === 'archiveRoot') {
		const archived = container.kind === 'archiveRoot';
		rooms = state
			.visibleRooms(userId)
			.filter(
				(room) =>
					(room.archived ?? false) === archived && room.title.toLowerCase().includes(filterValue),
			)
			.map((room) => render.room(room, userId));
	} else {
		const direct = childrenOf(state, container);
		folders = direct.folders;
		files = direct.files;
		if (recursive) {
			for (const folder of direct.folders.flatMap((child) => [
				child,
				...descendantFolders(state, child.id),
			])) {
				const inner = childrenOf(state, resolveContainer(state, folder.id) as Container);
				folders.push(...inner.folders.filter((entry) => !folders.includes(entry)));
				files.push(...inner.files.filter((entry) => !files.includes(entry)));
			}
		}
	}
	const matches = (title: string) => title.toLowerCase().includes(filterValue);
	const entries: Entry[] = [
		...(filterType === 0 || filterType === 2
			? folders.filter((folder) => matches(folder.title)).map((folder) => ({ folder }))
			: []),
		...files
			.filter((file) => matches(file.title) && keepFile(file, filterType))
			.map((file) => ({ file })),
	];
	const sortBy = queryValue(context.query, 'sortBy');
	const descending = readQueryEnum(context.query, 'sortOrder') === 1;
	const ordered = [
		...sortEntries(
			entries.filter((entry) => entry.folder),
			sortBy,
			descending,
		),
		...sortEntries(
			entries.filter((entry) => entry.file),
			sortBy,
			descending,
		),
	];
	// One page spans rooms/folders first, then files (§5).
	const all: unknown[] = [
		...rooms,
		...ordered.map((entry) =>
			entry.folder ? render.folder(entry.folder) : render.file(entry.file!, userId),
		),
	];
	const pageEntries = page(all, paging.startIndex, paging.count) as Array<{
		fileEntryType?: number;
	}>;
	const current = render.container(container, userId);
	return {
		payload: {
			files: pageEntries.filter((entry) => entry.fileEntryType === 2),
			folders: pageEntries.filter((entry) => entry.fileEntryType !== 2),
			current,
			pathParts: ancestry(state, container.id)
				.reverse()
				.map((id) => ({
					id: Number(id) || id,
					title:
						(resolveContainer(state, id) &&
							render.container(resolveContainer(state, id) as Container, userId).title) ??
						'',
				})),
			startIndex: paging.startIndex,
			count: pageEntries.length,
			total: all.length,
			new: 0,
		},
	};
}

function readableContainer(context: RouteContext, id: string): Container {
	const userId = requireUser(context);
	// [ConstraintRoute("int")] plus the third-party controller's string ids such as sbox-42 (§1.1).
	if (!/^\d+$/.test(id) && !/^[A-Za-z]+-[\w.-]+$/.test(id)) throw notFound(MSG_FOLDER_NOT_FOUND);
	const container = resolveContainer(context.state, id);
	if (!container) throw notFound(MSG_FOLDER_NOT_FOUND);
	if (!canRead(context.state, userId, container)) throw accessDenied();
	return container;
}

function getFolderContents(context: RouteContext): ActionResult {
	return listContents(
		context,
		readableContainer(context, context.params.folderId),
		requireUser(context),
	);
}

function getMyDocuments(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	const user = context.state.users.get(userId);
	if (!user || user.role === 'guest') throw accessDenied();
	return listContents(
		context,
		resolveContainer(context.state, String(user.myFolderId)) as Container,
		userId,
	);
}

/** CreateFolder: `title` [Required] (no empty string), at most 165 characters (§4). */
function readTitle(rawBody: string): string {
	const body = parseJsonObject(rawBody);
	const found = property(body, 'title');
	const title = found ? readString(found.value, `$.${found.key}`) : undefined;
	if (title === undefined || title.trim() === '')
		throw ValidationProblem.single('Title', 'The Title field is required.');
	const validator = new AttributeValidator();
	validator.maxLength('Title', title, 165);
	validator.throwIfInvalid();
	return cleanTitle(title);
}

function createFolder(context: RouteContext): ActionResult {
	const title = readTitle(context.rawBody);
	const parent = readableContainer(context, context.params.folderId);
	const userId = requireUser(context);
	if (!canWrite(context.state, userId, parent))
		throw accessDenied("You don't have enough permission to create");
	const folder: FolderRecord = {
		id: context.state.newEntryId(),
		title,
		parentId: parent.id,
		roomId:
			parent.kind === 'room'
				? parent.id
				: parent.kind === 'folder'
					? parent.folder.roomId
					: undefined,
		createdBy: userId,
		created: new Date(),
		updated: new Date(),
	};
	context.state.folders.set(folder.id, folder);
	audit(context.state, userId, 'FolderCreated', [parent.id], { title });
	return { payload: context.render.folder(folder) };
}

function getFolder(context: RouteContext): ActionResult {
	const container = readableContainer(context, context.params.folderId);
	return { payload: context.render.container(container, requireUser(context)) };
}

function renameFolder(context: RouteContext): ActionResult {
	const title = readTitle(context.rawBody);
	const container = readableContainer(context, context.params.folderId);
	const userId = requireUser(context);
	if (container.kind !== 'folder' || !canWrite(context.state, userId, container))
		throw accessDenied("You don't have enough permission to rename the folder");
	const oldTitle = container.folder.title;
	Object.assign(container.folder, { title, updated: new Date() });
	audit(context.state, userId, 'FolderRenamed', [container.folder.parentId, container.id], {
		oldTitle,
		title,
	});
	return { payload: context.render.folder(container.folder) };
}

/** HistoryDto[], newest first; `total` counts raw events, related events of one operation share an entry (§4). */
function getFolderHistory(context: RouteContext): ActionResult {
	const paging = readPaging(context.query);
	if (!/^\d+$/.test(context.params.folderId)) throw notFound(MSG_FOLDER_NOT_FOUND);
	const container = readableContainer(context, context.params.folderId);
	const { state, render } = context;
	const from = parseApiDate(queryValue(context.query, 'fromDate') ?? '');
	const to = parseApiDate(queryValue(context.query, 'toDate') ?? '');
	const events = state.auditLog
		.filter((event) => event.folderIds.some((id) => ancestry(state, id).includes(container.id)))
		.filter((event) => (!from || event.date >= from) && (!to || event.date <= to))
		.reverse();
	const raw = page(events, paging.startIndex, paging.count);
	const entries: Array<Record<string, unknown>> = [];
	const byGroup = new Map<string, Record<string, unknown>[]>();
	for (const event of raw) {
		const user = state.users.get(event.userId);
		const dto = {
			id: event.id,
			action: event.action,
			initiator: user ? render.employee(user) : undefined,
			date: formatApiDate(event.date),
			data: {
				...event.data,
				initiatorName: user ? `${user.firstName} ${user.lastName}` : undefined,
			},
		};
		const related = event.group ? byGroup.get(event.group) : undefined;
		if (related) related.push(dto);
		else {
			const entry = { ...dto, related: [] as Record<string, unknown>[] };
			if (event.group) byGroup.set(event.group, entry.related);
			entries.push(entry);
		}
	}
	return { payload: entries, total: events.length };
}

export const folderRoutes: RouteDefinition[] = [
	{ method: 'GET', template: '/api/2.0/files/@my', handler: getMyDocuments },
	{ method: 'POST', template: '/api/2.0/files/folder/{folderId}', handler: createFolder },
	{ method: 'GET', template: '/api/2.0/files/folder/{folderId}', handler: getFolder },
	{ method: 'PUT', template: '/api/2.0/files/folder/{folderId}', handler: renameFolder },
	{ method: 'GET', template: '/api/2.0/files/folder/{folderId}/log', handler: getFolderHistory },
	{ method: 'GET', template: '/api/2.0/files/{folderId}', handler: getFolderContents },
];
