import type { INodePropertyOptions } from 'n8n-workflow';

/** DocSpace's FileShare enum (docs/docspace/api.md §1.4), with the names the DocSpace UI shows. */
export const ACCESS_LEVELS = {
	none: { value: 0, apiName: 'None', label: 'None' },
	fullAccess: { value: 1, apiName: 'ReadWrite', label: 'Full access' },
	viewer: { value: 2, apiName: 'Read', label: 'Viewer' },
	denyAccess: { value: 3, apiName: 'Restrict', label: 'Deny access' },
	reviewer: { value: 5, apiName: 'Review', label: 'Reviewer' },
	commenter: { value: 6, apiName: 'Comment', label: 'Commenter' },
	formFiller: { value: 7, apiName: 'FillForms', label: 'Form filler' },
	roomManager: { value: 9, apiName: 'RoomManager', label: 'Room manager' },
	editor: { value: 10, apiName: 'Editing', label: 'Editor' },
	contentCreator: { value: 11, apiName: 'ContentCreator', label: 'Content creator' },
} as const;

type AccessKey = keyof typeof ACCESS_LEVELS;

const BY_VALUE = new Map<number, (typeof ACCESS_LEVELS)[AccessKey]>(
	Object.values(ACCESS_LEVELS).map((level) => [level.value, level]),
);

export function accessName(value: unknown): string | undefined {
	return BY_VALUE.get(Number(value))?.label;
}

/**
 * Reads an access level given as a number, a numeric string, DocSpace's enum name ("Read") or
 * the UI label ("Viewer"). Returns undefined for anything else: DocSpace itself would turn an
 * unknown name into 0 (None), which deletes links, so it must never be sent as text.
 */
export function parseAccess(input: unknown): number | undefined {
	if (typeof input === 'number') return BY_VALUE.has(input) ? input : undefined;
	if (typeof input !== 'string') return undefined;
	const text = input.trim();
	if (/^\d+$/.test(text)) return parseAccess(Number(text));
	const wanted = text.toLowerCase().replace(/[\s_-]+/g, '');
	const level = Object.entries(ACCESS_LEVELS).find(
		([key, entry]) =>
			key.toLowerCase() === wanted ||
			entry.apiName.toLowerCase() === wanted ||
			entry.label.toLowerCase().replace(/\s+/g, '') === wanted,
	);
	return level?.[1].value;
}

/** DocSpace's LinkType enum (docs/docspace/api.md §1.4); always sent as these integers. */
export const LINK_TYPES = { invitation: 0, external: 1 } as const;
export type LinkTypeName = keyof typeof LINK_TYPES;

export type RoomTypeName =
	'custom' | 'public' | 'formFilling' | 'collaboration' | 'virtualDataRoom' | 'ai';

const { contentCreator, editor, reviewer, commenter, viewer, formFiller } = ACCESS_LEVELS;

/**
 * Access levels a room link may carry, per room type and link type
 * (FileSecurity.AvailableRoomAccesses, docs/docspace/api.md §3.2). None (0) is left out on purpose:
 * on a link it means "delete".
 */
export const ROOM_LINK_ACCESS: Record<RoomTypeName, { invitation: number[]; external: number[] }> =
	{
		custom: {
			invitation: [contentCreator, editor, reviewer, commenter, viewer].map((a) => a.value),
			external: [editor, formFiller, reviewer, commenter, viewer].map((a) => a.value),
		},
		public: {
			invitation: [contentCreator, viewer].map((a) => a.value),
			external: [editor, formFiller, reviewer, commenter, viewer].map((a) => a.value),
		},
		formFilling: {
			invitation: [contentCreator, formFiller].map((a) => a.value),
			external: [formFiller, viewer].map((a) => a.value),
		},
		collaboration: {
			invitation: [contentCreator, editor, viewer].map((a) => a.value),
			external: [],
		},
		virtualDataRoom: {
			invitation: [contentCreator, editor, viewer, formFiller].map((a) => a.value),
			external: [],
		},
		ai: { invitation: [contentCreator, viewer].map((a) => a.value), external: [] },
	};

/** DocSpace's RoomType (list filter, room create) and FolderType (returned on rooms) to our names. */
export const ROOM_TYPES: Record<
	RoomTypeName,
	{ roomType: number; folderType: number; label: string }
> = {
	formFilling: { roomType: 1, folderType: 15, label: 'Form filling room' },
	collaboration: { roomType: 2, folderType: 16, label: 'Collaboration room' },
	custom: { roomType: 5, folderType: 19, label: 'Custom room' },
	public: { roomType: 6, folderType: 22, label: 'Public room' },
	virtualDataRoom: { roomType: 8, folderType: 29, label: 'Virtual data room' },
	ai: { roomType: 9, folderType: 31, label: 'AI room' },
};

export function roomTypeName(value: unknown): RoomTypeName | undefined {
	const n = Number(value);
	return (Object.keys(ROOM_TYPES) as RoomTypeName[]).find(
		(name) => ROOM_TYPES[name].roomType === n || ROOM_TYPES[name].folderType === n,
	);
}

/** One line per level, shown under it in every Access list (the same words wherever it appears). */
const ACCESS_DESCRIPTIONS: Record<number, string> = {
	[ACCESS_LEVELS.fullAccess.value]:
		'Can open, edit, comment on and review the file, like its owner',
	[ACCESS_LEVELS.denyAccess.value]:
		'Cannot open the file, even when a group they belong to has access',
	[ACCESS_LEVELS.roomManager.value]:
		'Manages the room and its members (room admins and DocSpace admins only; never groups)',
	[ACCESS_LEVELS.contentCreator.value]: 'Can upload and create files, and edit them',
	[ACCESS_LEVELS.editor.value]: 'Can open and edit files',
	[ACCESS_LEVELS.reviewer.value]: 'Can open files and suggest changes in review mode',
	[ACCESS_LEVELS.commenter.value]: 'Can open files and comment on them',
	[ACCESS_LEVELS.formFiller.value]: 'Can fill in and submit forms',
	[ACCESS_LEVELS.viewer.value]: 'Can open and read files',
};

export function accessDescription(value: unknown): string | undefined {
	return ACCESS_DESCRIPTIONS[Number(value)];
}

/** Options of an Access list: the DocSpace UI's name and a one-line description per level. */
export function accessOptions(values: number[]): INodePropertyOptions[] {
	return values.map((value) => ({
		name: accessName(value) as string,
		value,
		description: accessDescription(value),
	}));
}

/** Every level any room link can take, for a link type, whatever the room. */
export function allRoomLinkAccess(linkType: 'invitation' | 'external'): number[] {
	const all = new Set(Object.values(ROOM_LINK_ACCESS).flatMap((entry) => entry[linkType]));
	return Object.values(ACCESS_LEVELS)
		.map((level) => level.value)
		.filter((value) => all.has(value));
}

/** User and group shares on a My Documents file (docs/docspace/api.md §4.2), None excluded. */
export const FILE_SHARE_ACCESS = [
	ACCESS_LEVELS.fullAccess,
	ACCESS_LEVELS.editor,
	ACCESS_LEVELS.reviewer,
	ACCESS_LEVELS.commenter,
	ACCESS_LEVELS.formFiller,
	ACCESS_LEVELS.viewer,
	ACCESS_LEVELS.denyAccess,
].map((level): number => level.value);

/**
 * Roles a room member may get, per room type (FileSecurity.AvailableRoomAccesses,
 * docs/docspace/rooms.md §5). Groups never get Room manager; only room admins and DocSpace admins
 * do. None is left out: on members it means "remove".
 */
export const ROOM_MEMBER_ACCESS: Record<RoomTypeName, number[]> = {
	custom: [9, 11, 10, 5, 6, 2],
	public: [9, 11],
	formFilling: [9, 11, 7],
	collaboration: [9, 11, 10, 2],
	virtualDataRoom: [9, 11, 10, 2, 7],
	ai: [9, 11, 2],
};

/** Every role any room offers its members, in the order DocSpace lists them. */
export const ALL_ROOM_MEMBER_ACCESS = [9, 11, 10, 5, 6, 7, 2];
