import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { ROOM_LINK_ACCESS, ROOM_TYPES, accessName, roomTypeName } from './accessLevels';
import type { RoomTypeName } from './accessLevels';
import { docSpaceApiRequest } from './transport';
import { invalidField, refusal } from './validation';

/** What `GET files/rooms/{id}` and `GET files/file/{id}` tell the checks below. */
interface EntryAnswer {
	title?: string;
	roomType?: number;
	rootFolderType?: number;
}

/**
 * Reads, per execution (all items of a run share the execute data): each room or file is read
 * once however many items name it. A failed read is no refusal: the write goes ahead and DocSpace's
 * own answer is reported as usual.
 */
const reads = new WeakMap<object, Map<string, Promise<EntryAnswer | undefined>>>();
/** Rooms and files remembered per execution; beyond that each item reads its own. */
const MAX_ENTRIES_PER_EXECUTION = 1000;
const titles = new WeakMap<object, Map<string, string>>();

/**
 * Rooms (Room Link: Set) and files (File: Share, File: Remove Sharing) read before sending, per
 * execution and kind. A run over more would double its requests against DocSpace's 1,500 a minute
 * (docs/docspace/transport.md §3), so past these DocSpace's own refusal is explained instead.
 */
export const ENTRIES_CHECKED_PER_EXECUTION = 50;

function executionOf(context: IExecuteSingleFunctions): object {
	return context.getExecuteData?.() ?? context.getNode();
}

/** Whether `key` was read in this execution, or fewer than `bound` entries of its kind were. */
function withinReadBound(context: IExecuteSingleFunctions, key: string, bound: number): boolean {
	const cache = reads.get(executionOf(context));
	if (!cache || cache.has(key)) return true;
	const kind = key.slice(0, key.indexOf(':') + 1);
	let count = 0;
	for (const known of cache.keys()) if (known.startsWith(kind) && ++count >= bound) return false;
	return true;
}

async function readOnce(
	context: IExecuteSingleFunctions,
	key: string,
	path: string,
): Promise<EntryAnswer | undefined> {
	const execution = executionOf(context);
	const cache = reads.get(execution) ?? new Map<string, Promise<EntryAnswer | undefined>>();
	reads.set(execution, cache);
	let answer = cache.get(key);
	if (!answer) {
		answer = docSpaceApiRequest.call(context, 'GET', path).then(
			({ response }) => {
				const entry = (response ?? {}) as EntryAnswer;
				if (typeof entry.title === 'string') {
					const known = titles.get(execution) ?? new Map<string, string>();
					titles.set(execution, known);
					known.set(key, entry.title);
				}
				return entry;
			},
			() => undefined,
		);
		if (cache.size < MAX_ENTRIES_PER_EXECUTION) cache.set(key, answer);
	}
	return await answer;
}

/** The title of a room or file read in this execution, for error messages. */
export function knownTitle(
	context: IExecuteSingleFunctions,
	kind: 'room' | 'file',
	id: string,
): string | undefined {
	return titles.get(executionOf(context))?.get(`${kind}:${id}`);
}

/** `Team Drafts (room 104)`, or `room 104` when the title is unknown. */
export function entryName(kind: 'room' | 'file', id: string, title?: string): string {
	return title ? `${title} (${kind} ${id})` : `${kind} ${id}`;
}

function roomTypeWords(type: RoomTypeName): string {
	const label = ROOM_TYPES[type].label;
	const words = type === 'ai' ? label : label.toLowerCase();
	return `${/^[aeiou]/i.test(words) ? 'an' : 'a'} ${words}`;
}

/**
 * Why a room takes no links of this type (`Team Drafts (room 104) is a collaboration room: it takes
 * no external links`) and what to do, or undefined when it takes some.
 */
export function noLinksReason(
	type: RoomTypeName,
	kind: 'external' | 'invitation',
	name: string,
): { reason: string; fix: string } | undefined {
	if (ROOM_LINK_ACCESS[type][kind].length > 0) return undefined;
	return {
		reason: `${name} is ${roomTypeWords(type)}: it takes no ${kind} links`,
		fix: `Choose ${kind === 'external' ? 'Invitation Link' : 'External Link'} or another room.`,
	};
}

/**
 * Room Link: Set refuses, before sending, a link the room's type does not take or an access level
 * it does not allow (docs/docspace/rooms.md §7). The room is read once per execution, for the first
 * ENTRIES_CHECKED_PER_EXECUTION rooms.
 */
export async function checkRoomTakesLink(
	context: IExecuteSingleFunctions,
	roomId: string,
	kind: 'external' | 'invitation',
	access: number,
): Promise<void> {
	const key = `room:${roomId}`;
	if (!withinReadBound(context, key, ENTRIES_CHECKED_PER_EXECUTION)) return;
	const room = await readOnce(context, key, `/api/2.0/files/rooms/${encodeURIComponent(roomId)}`);
	const type = roomTypeName(room?.roomType);
	if (!room || !type) return;
	const name = entryName('room', roomId, room.title);
	const noLinks = noLinksReason(type, kind, name);
	const itemIndex = context.getItemIndex();
	if (noLinks) {
		throw refusal(context.getNode(), `${noLinks.reason}. ${noLinks.fix} [item ${itemIndex}]`, {
			itemIndex,
			description:
				'Collaboration, virtual data and AI rooms are shared through their members and invitation links. Nothing was sent to DocSpace.',
		});
	}
	const allowed = ROOM_LINK_ACCESS[type][kind];
	if (!allowed.includes(access)) {
		throw invalidField(
			context,
			'Access',
			`${accessName(access)} (${access}) does not fit ${name}, ${roomTypeWords(type)}`,
			`For ${kind} links it allows: ${allowed.map((value) => `${accessName(value)} (${value})`).join(', ')}.`,
		);
	}
}

/** FolderType of an entry's root: where a file lives (docs/docspace/files.md §10). */
const ROOT_MY_DOCUMENTS = 5;
const ROOT_TRASH = 3;
const ROOT_ROOMS = [14, 20];

/**
 * File: Share and File: Remove Sharing work on My Documents files only (docs/docspace/files.md §10):
 * a file in a room, or in the Trash, is refused before sending. The file is read once per execution,
 * for the first ENTRIES_CHECKED_PER_EXECUTION files; its title (null when it was not read) names it
 * in File: Share's output rows.
 */
export async function checkMyDocumentsFile(
	context: IExecuteSingleFunctions,
	fileId: string,
): Promise<string | null> {
	const key = `file:${fileId}`;
	if (!withinReadBound(context, key, ENTRIES_CHECKED_PER_EXECUTION)) return null;
	const file = await readOnce(context, key, `/api/2.0/files/file/${encodeURIComponent(fileId)}`);
	const title = typeof file?.title === 'string' ? file.title : null;
	const root = Number(file?.rootFolderType);
	if (!file || !Number.isInteger(root) || root === ROOT_MY_DOCUMENTS) return title;
	const name = entryName('file', fileId, file.title);
	const itemIndex = context.getItemIndex();
	if (ROOT_ROOMS.includes(root)) {
		throw refusal(
			context.getNode(),
			`${name} is in a room: DocSpace shares only My Documents files with users and groups [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'Rooms share by membership: add the people to the room with Room Member: Add, or give them a link to the file with File Link: Set. Nothing was sent to DocSpace.',
			},
		);
	}
	if (root === ROOT_TRASH) {
		throw refusal(context.getNode(), `${name} is in the Trash [item ${itemIndex}]`, {
			itemIndex,
			description:
				'Restore it to My Documents first, or choose another file. Nothing was sent to DocSpace.',
		});
	}
	return title;
}
