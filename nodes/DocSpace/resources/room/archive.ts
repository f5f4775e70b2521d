import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
} from 'n8n-workflow';

import { optionsProperty } from '../../shared/descriptions';
import {
	maxWaitMs,
	maxWaitOption,
	readEntryOrGone,
	startedOperation,
	waitForFileOperation,
	waitUntil,
} from '../../shared/fileOperations';
import { docSpaceRouting, fillLocatorId, requestBody } from '../../shared/routing';

// Room: Archive, Unarchive and Delete: asynchronous operations (docs/docspace/folders.md §1, §6).

export const ROOM_LIFECYCLE_OPERATIONS = ['archive', 'unarchive', 'delete'];

/** FolderType of the Archive section (§4). */
const ARCHIVE = 20;

export const roomLifecycleDescription: INodeProperties[] = [
	optionsProperty({ resource: ['room'], operation: ROOM_LIFECYCLE_OPERATIONS }, [maxWaitOption]),
];

async function prepareRoomOperation(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillLocatorId(this, requestOptions, 'room');
	maxWaitMs(this);
	// deleteAfter: true would make DocSpace drop the result before anyone reads it (§1).
	requestBody(requestOptions).deleteAfter = false;
	return requestOptions;
}

function roomIdOf(context: IExecuteSingleFunctions): number | string {
	const id = String(context.getNodeParameter('room', undefined, { extractValue: true })).trim();
	return /^\d+$/.test(id) ? Number(id) : id;
}

function roomPath(context: IExecuteSingleFunctions): string {
	return `/api/2.0/files/rooms/${encodeURIComponent(String(roomIdOf(context)))}`;
}

function archiveOutput(archived: boolean): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const outcome = await waitForFileOperation(this, startedOperation(response.body));
		const json: IDataObject = {
			roomId: roomIdOf(this),
			archived,
			resultReported: outcome.state === 'finished',
		};
		if (outcome.state === 'vanished') {
			// Someone else read the result: the room's section tells whether it is archived.
			const room = await readEntryOrGone(this, roomPath(this), 'rooms:read');
			json.archived = room !== undefined && Number(room.rootFolderType) === ARCHIVE;
		}
		return [{ json, pairedItem: { item: this.getItemIndex() } }];
	};
}

/**
 * DocSpace answers a room deletion with the user's first operation, not necessarily this one (§1),
 * so the node waits until the room is gone instead of reading an operation's status.
 */
async function deleteOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!startedOperation(response.body)) await waitForFileOperation(this, undefined);
	await waitUntil(
		this,
		async () => (await readEntryOrGone(this, roomPath(this), 'rooms:read')) === undefined,
	);
	return [
		{ json: { roomId: roomIdOf(this), deleted: true }, pairedItem: { item: this.getItemIndex() } },
	];
}

export const roomLifecycleOperations: INodePropertyOptions[] = [
	{
		name: 'Archive',
		value: 'archive',
		action: 'Archive a room',
		description:
			'Move a room to the Archive (read-only, can be restored) and wait until DocSpace has finished',
		routing: docSpaceRouting({
			method: 'PUT',
			url: '/api/2.0/files/rooms/{roomId}/archive',
			preSend: [prepareRoomOperation],
			postReceive: [archiveOutput(true)],
			once: true,
		}),
	},
	{
		name: 'Delete',
		value: 'delete',
		action: 'Delete a room',
		description:
			'Delete a room with everything in it, permanently (no Trash), and wait until it is gone. Archive it first if DocSpace refuses.',
		routing: docSpaceRouting({
			method: 'DELETE',
			url: '/api/2.0/files/rooms/{roomId}',
			preSend: [prepareRoomOperation],
			postReceive: [deleteOutput],
			once: true,
		}),
	},
	{
		name: 'Unarchive',
		value: 'unarchive',
		action: 'Unarchive a room',
		description:
			'Move a room from the Archive back to the active rooms and wait until DocSpace has finished',
		routing: docSpaceRouting({
			method: 'PUT',
			url: '/api/2.0/files/rooms/{roomId}/unarchive',
			preSend: [prepareRoomOperation],
			postReceive: [archiveOutput(false)],
			once: true,
		}),
	},
];
