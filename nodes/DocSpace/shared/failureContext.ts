import type { IExecuteSingleFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { authenticationOf } from './authentication';
import { ROOM_LINK_ACCESS, ROOM_TYPES, accessName, type RoomTypeName } from './accessLevels';
import type { FailureContext } from './errors';

const RESOURCE_LABELS: Record<string, { label: string; target: string; parameter?: string; scope: string }> = {
	roomLink: { label: 'Room Link', target: 'room', parameter: 'room', scope: 'rooms' },
	room: { label: 'Room', target: 'room', parameter: 'room', scope: 'rooms' },
	file: { label: 'File', target: 'file', parameter: 'file', scope: 'files' },
	fileLink: { label: 'File Link', target: 'file', parameter: 'file', scope: 'files' },
	user: { label: 'User', target: 'the users list', scope: 'accounts' },
	group: { label: 'Group', target: 'the groups list', scope: 'accounts' },
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

const FILE_ROLE_HINT =
	'DocSpace shares files with users and groups only in My Documents. For a file inside a room, add the people to the room or create a file link instead. The access level must also suit the file format (for example Form filler only for PDF forms, and files that must be converted first only take Viewer or Deny access).';

function safeParameter(context: IExecuteSingleFunctions | ILoadOptionsFunctions, name: string): unknown {
	try {
		return 'getItemIndex' in context
			? context.getNodeParameter(name, undefined, { extractValue: true })
			: context.getNodeParameter(name, { extractValue: true });
	} catch {
		return undefined;
	}
}

/** The operation as the editor names it: getAll → Get Many, getPrimary → Get Primary. */
function operationLabel(operation: string): string {
	if (!operation) return 'Request';
	if (operation === 'getAll') return 'Get Many';
	return operation.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (first) => first.toUpperCase());
}

/** Names the operation, the DocSpace object and the permission of the request that failed. */
export function failureContextFor(
	context: IExecuteSingleFunctions | ILoadOptionsFunctions,
	method: string,
	itemIndex: number,
): FailureContext {
	const resource = String(safeParameter(context, 'resource') ?? '');
	const operation = String(safeParameter(context, 'operation') ?? '');
	const meta = RESOURCE_LABELS[resource] ?? { label: 'DocSpace', target: 'the request', scope: 'files' };
	const isWrite = method.toUpperCase() !== 'GET';
	const id = meta.parameter ? safeParameter(context, meta.parameter) : undefined;
	const target = id !== undefined && id !== '' ? `${meta.target} ${String(id)}` : meta.target;
	const opName = operationLabel(operation);
	return {
		operation: `${meta.label}: ${opName}`,
		target,
		requiredScope: `${meta.scope}:${isWrite ? 'write' : 'read'}`,
		isWrite,
		itemIndex,
		authentication: authenticationOf(context),
		roleHint:
			resource === 'roomLink'
				? roomLinkRoleHint(safeParameter(context, 'linkType'))
				: resource === 'file'
					? FILE_ROLE_HINT
					: undefined,
	};
}
