import type { IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { authenticationOf } from './authentication';
import {
	ROOM_LINK_ACCESS,
	ROOM_MEMBER_ACCESS,
	ROOM_TYPES,
	accessName,
	type RoomTypeName,
} from './accessLevels';
import { entryName, knownTitle } from './entryChecks';
import type { FailureContext } from './errors';

const RESOURCE_LABELS: Record<
	string,
	{ label: string; target: string; parameter?: string; scope: string; entity?: string }
> = {
	roomLink: { label: 'Room Link', target: 'room', parameter: 'room', scope: 'rooms' },
	room: { label: 'Room', target: 'room', parameter: 'room', scope: 'rooms' },
	roomMember: { label: 'Room Member', target: 'room', parameter: 'room', scope: 'rooms' },
	file: { label: 'File', target: 'file', parameter: 'file', scope: 'files' },
	fileLink: { label: 'File Link', target: 'file', parameter: 'file', scope: 'files' },
	folder: { label: 'Folder', target: 'folder', parameter: 'folder', scope: 'files' },
	user: {
		label: 'User',
		target: 'the users list',
		parameter: 'user',
		entity: 'user',
		scope: 'accounts',
	},
	group: {
		label: 'Group',
		target: 'the groups list',
		parameter: 'group',
		entity: 'group',
		scope: 'accounts',
	},
};

function roomLinkRoleHint(linkType: unknown): string {
	const kind = linkType === 'invitation' || linkType === 0 ? 'invitation' : 'external';
	const perRoom = (Object.keys(ROOM_LINK_ACCESS) as RoomTypeName[])
		.map((room) => {
			const levels = ROOM_LINK_ACCESS[room][kind].map(accessName);
			return `${ROOM_TYPES[room].label}: ${levels.length ? levels.join(', ') : 'no ' + kind + ' links'}`;
		})
		.join('; ');
	return `Access levels DocSpace allows on ${kind} links — ${perRoom}. Pick one that fits this room.`;
}

const ROOM_MEMBER_ROLE_HINT = `Roles DocSpace offers room members — ${(
	Object.keys(ROOM_MEMBER_ACCESS) as RoomTypeName[]
)
	.map(
		(room) => `${ROOM_TYPES[room].label}: ${ROOM_MEMBER_ACCESS[room].map(accessName).join(', ')}`,
	)
	.join(
		'; ',
	)}. Room manager only for room admins and DocSpace admins, never for groups; users and guests get at most Content creator.`;

const FILE_ROLE_HINT =
	'DocSpace shares files with users and groups only in My Documents. For a file inside a room, add the people to the room or create a file link instead. The access level must also suit the file format (for example Form filler only for PDF forms, and files that must be converted first only take Viewer or Deny access).';

function safeParameter(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	name: string,
): unknown {
	try {
		return 'getItemIndex' in context
			? context.getNodeParameter(name, undefined, { extractValue: true })
			: context.getNodeParameter(name, { extractValue: true });
	} catch {
		return undefined;
	}
}

/**
 * The title of the room or file a request is about, when known: read earlier in this execution,
 * or the name the picker showed (From List), without the picker's " — where" suffix.
 */
function titleOf(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	kind: 'room' | 'file',
	parameter: string,
	id: string,
): string | undefined {
	const read = 'getItemIndex' in context ? knownTitle(context, kind, id) : undefined;
	if (read) return read;
	let raw: unknown;
	try {
		raw =
			'getItemIndex' in context
				? context.getNodeParameter(parameter, undefined)
				: context.getCurrentNodeParameter(parameter);
	} catch {
		return undefined;
	}
	const locator = raw as
		{ mode?: unknown; value?: unknown; cachedResultName?: unknown } | undefined;
	if (!locator || typeof locator !== 'object' || locator.mode !== 'list') return undefined;
	if (String(locator.value) !== id || typeof locator.cachedResultName !== 'string')
		return undefined;
	const name = locator.cachedResultName;
	return kind === 'file' ? name.replace(/ — [^—]*$/, '') : name;
}

/** The operation as the editor names it: getAll → Get Many, getPrimary → Get Primary. */
function operationLabel(operation: string): string {
	if (!operation) return 'Request';
	if (operation === 'getAll') return 'Get Many';
	return operation
		.replace(/([a-z])([A-Z])/g, '$1 $2')
		.replace(/^./, (first) => first.toUpperCase());
}

/** Names the operation, the DocSpace object and the permission of the request that failed. */
export function failureContextFor(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	method: string,
	itemIndex: number,
): FailureContext {
	const resource = String(safeParameter(context, 'resource') ?? '');
	const operation = String(safeParameter(context, 'operation') ?? '');
	const meta = RESOURCE_LABELS[resource] ?? {
		label: 'DocSpace',
		target: 'the request',
		scope: 'files',
	};
	const isWrite = method.toUpperCase() !== 'GET';
	// File: Upload and Create work on their destination folder; User: Invite and Group: Create name
	// what they make by the Email and Name fields.
	const intoFolder = resource === 'file' && (operation === 'upload' || operation === 'create');
	const parameter = intoFolder
		? 'destinationFolder'
		: resource === 'user' && operation === 'invite'
			? 'email'
			: resource === 'group' && operation === 'create'
				? 'groupName'
				: meta.parameter;
	const targetName = intoFolder ? 'folder' : meta.target;
	const id = parameter ? safeParameter(context, parameter) : undefined;
	const kind = intoFolder ? 'folder' : (meta.entity ?? meta.target);
	const title =
		(kind === 'room' || kind === 'file') && id !== undefined && typeof id !== 'object'
			? titleOf(context, kind, parameter as string, String(id))
			: undefined;
	const target =
		id !== undefined && id !== '' && typeof id !== 'object'
			? title
				? entryName(kind as 'room' | 'file', String(id), title)
				: `${kind} ${String(id)}`
			: targetName;
	const opName = operationLabel(operation);
	return {
		operation: `${meta.label}: ${opName}`,
		target,
		requiredScope: `${meta.scope}:${isWrite ? 'write' : 'read'}`,
		isWrite,
		itemIndex,
		// Pickers and dropdowns (load options) have no item and change nothing.
		inEditor: !('getItemIndex' in context),
		// A new link gets a new ID in every execution, so running the workflow again adds another.
		createsNew:
			isWrite &&
			operation === 'set' &&
			(resource === 'roomLink' || resource === 'fileLink') &&
			safeParameter(context, 'link') === 'create',
		authentication: authenticationOf(context),
		roleHint:
			resource === 'roomLink'
				? roomLinkRoleHint(safeParameter(context, 'linkType'))
				: resource === 'file'
					? FILE_ROLE_HINT
					: resource === 'roomMember'
						? ROOM_MEMBER_ROLE_HINT
						: undefined,
	};
}
