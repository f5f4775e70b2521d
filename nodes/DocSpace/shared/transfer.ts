import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	PostReceiveAction,
	PreSendAction,
} from 'n8n-workflow';

import { folderLocatorNamed, optionsProperty } from './descriptions';
import {
	STARTED_OPERATION_ANSWER,
	maxWaitMs,
	maxWaitOption,
	readEntryOrGone,
	startedOperation,
	waitForFileOperation,
	type FileEntryDto,
} from './fileOperations';
import { docSpaceRouting, fillLocatorId, locatorValue, requestBody } from './routing';
import { booleanValue, entryId, invalidField } from './validation';

// Copy, move and delete of files and folders (docs/docspace/folders.md §1–§3). Both resources share
// these parameters: each name is declared once, for both resources.

type Kind = 'file' | 'folder';

export const TRANSFER_RESOURCES = ['file', 'folder'];

/** FileConflictResolveType, sent as DocSpace's string names (§2). */
const CONFLICT_RESOLUTION: Record<string, string> = {
	duplicate: 'Duplicate',
	overwrite: 'Overwrite',
	skip: 'Skip',
};

export const transferDescription: INodeProperties[] = [
	{
		// One declaration for every operation that puts a file or folder somewhere.
		...folderLocatorNamed(
			'destinationFolder',
			'Destination Folder or Room',
			'Where the file or folder goes: My Documents, a room, or a folder in a room',
		),
		displayOptions: {
			show: { resource: TRANSFER_RESOURCES, operation: ['upload', 'create', 'copy', 'move'] },
		},
	},
	{
		displayName: 'If the Name Exists',
		name: 'conflictResolution',
		type: 'options',
		options: [
			{
				name: 'Keep Both',
				value: 'duplicate',
				description: 'Add the entry under a new name such as "Report (1).docx"',
			},
			{
				name: 'Overwrite',
				value: 'overwrite',
				description:
					'Replace the file with the same name (as a new version); merge a folder into the one with the same name',
			},
			{
				name: 'Skip',
				value: 'skip',
				description: 'Leave the destination as it is; the output says the entry was skipped',
			},
		],
		default: 'duplicate',
		displayOptions: { show: { resource: TRANSFER_RESOURCES, operation: ['copy', 'move'] } },
		description:
			'What DocSpace does when the destination already holds an entry with the same name',
	},
	{
		displayName: 'Delete Permanently',
		name: 'deletePermanently',
		type: 'boolean',
		default: false,
		displayOptions: { show: { resource: TRANSFER_RESOURCES, operation: ['delete'] } },
		description:
			'Whether to delete at once instead of moving to the Trash, where it can be restored. An entry already in the Trash is always deleted permanently.',
	},
	optionsProperty({ resource: TRANSFER_RESOURCES, operation: ['copy', 'move', 'delete'] }, [
		maxWaitOption,
	]),
];

function numericOrText(id: string): number | string {
	return /^\d+$/.test(id) ? Number(id) : id;
}

function destinationId(context: IExecuteSingleFunctions): string {
	return entryId(
		context,
		'Destination Folder',
		locatorValue(context, 'destinationFolder'),
		'folder',
	);
}

/** Pre-send of Copy and Move: `BatchRequestDto` with one entry (§2). */
export function prepareTransfer(kind: Kind): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const label = kind === 'file' ? 'File' : 'Folder';
		const id = entryId(this, label, locatorValue(this, kind), kind);
		const destination = destinationId(this);
		if (kind === 'folder' && destination === id) {
			throw invalidField(
				this,
				'Destination Folder',
				'is the folder itself',
				'Pick another folder: a folder cannot be copied or moved into itself.',
			);
		}
		maxWaitMs(this);
		const resolution =
			CONFLICT_RESOLUTION[String(this.getNodeParameter('conflictResolution', 'duplicate'))];
		if (!resolution) {
			throw invalidField(
				this,
				'If the Name Exists',
				'is not one of Keep Both, Overwrite, Skip',
				'Choose one of the listed values.',
			);
		}
		Object.assign(requestBody(requestOptions), {
			fileIds: kind === 'file' ? [numericOrText(id)] : [],
			folderIds: kind === 'folder' ? [numericOrText(id)] : [],
			destFolderId: numericOrText(destination),
			conflictResolveType: resolution,
			deleteAfter: false,
			content: false,
			returnSingleOperation: true,
		});
		return requestOptions;
	};
}

function entryOutput(entry: FileEntryDto, kind: Kind): IDataObject {
	return {
		id: entry.id,
		title: entry.title,
		type: kind,
		parentId: (kind === 'file' ? entry.folderId : entry.parentId) ?? null,
	};
}

/** Post-receive of Copy and Move: waits for the operation and returns the resulting entry. */
export function transferOutput(kind: Kind, verb: 'copy' | 'move'): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const sourceId = String(locatorValue(this, kind)).trim();
		const destination = destinationId(this);
		const outcome = await waitForFileOperation(this, startedOperation(response.body));
		const base: IDataObject = {
			operation: verb,
			sourceId: numericOrText(sourceId),
			destinationFolderId: numericOrText(destination),
		};
		const pairedItem = { item: this.getItemIndex() };
		if (outcome.state === 'vanished') {
			// The result was read by someone else (§1). A move can be confirmed from the entry itself.
			const entry =
				verb === 'move'
					? await readEntryOrGone(this, `/api/2.0/files/${kind}/${encodeURIComponent(sourceId)}`)
					: undefined;
			const parent = entry
				? String((kind === 'file' ? entry.folderId : entry.parentId) ?? '')
				: undefined;
			const confirmed = parent === destination;
			return [
				{
					json: {
						...base,
						skipped: false,
						resultReported: false,
						confirmed,
						...(entry && confirmed ? entryOutput(entry, kind) : {}),
					},
					pairedItem,
				},
			];
		}
		// folders[] also lists the destination folder (§1).
		const entries = (kind === 'file' ? outcome.operation.files : outcome.operation.folders) ?? [];
		const result = entries.find((entry) => String(entry.id) !== destination || kind === 'file');
		if (!result) return [{ json: { ...base, skipped: true, resultReported: true }, pairedItem }];
		return [
			{
				json: { ...base, skipped: false, resultReported: true, ...entryOutput(result, kind) },
				pairedItem,
			},
		];
	};
}

/** Pre-send of Delete: a file by `DELETE files/file/{id}`, a folder by `PUT files/fileops/delete` (§3). */
export function prepareDelete(kind: Kind): PreSendAction {
	return async function (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) {
		const immediately = booleanValue(
			this,
			'Delete Permanently',
			this.getNodeParameter('deletePermanently', false),
		);
		maxWaitMs(this);
		if (kind === 'file') {
			fillLocatorId(this, requestOptions, 'file');
			requestOptions.qs = { ...(requestOptions.qs ?? {}), returnSingleOperation: true };
			Object.assign(requestBody(requestOptions), { deleteAfter: false, immediately });
			return requestOptions;
		}
		const id = entryId(this, 'Folder', locatorValue(this, 'folder'), 'folder');
		Object.assign(requestBody(requestOptions), {
			folderIds: [numericOrText(id)],
			fileIds: [],
			deleteAfter: false,
			immediately,
			returnSingleOperation: true,
		});
		return requestOptions;
	};
}

/** Post-receive of Delete: waits, then says where the entry went. */
export function deleteOutput(kind: Kind): PostReceiveAction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const id = String(locatorValue(this, kind)).trim();
		const permanently = booleanValue(
			this,
			'Delete Permanently',
			this.getNodeParameter('deletePermanently', false),
		);
		const outcome = await waitForFileOperation(this, startedOperation(response.body));
		const json: IDataObject = {
			id: numericOrText(id),
			type: kind,
			deleted: true,
			permanently,
			resultReported: outcome.state === 'finished',
		};
		if (outcome.state === 'vanished') {
			const entry = await readEntryOrGone(this, `/api/2.0/files/${kind}/${encodeURIComponent(id)}`);
			// Trash is FolderType 3 (§4); anything else means the entry is still in place.
			json.deleted = entry === undefined || Number(entry.rootFolderType) === 3;
			json.permanently = entry === undefined;
		}
		return [{ json, pairedItem: { item: this.getItemIndex() } }];
	};
}

/** The Copy, Delete and Move operations of a resource, in the shape of its Operation options. */
export function transferOperations(kind: Kind): INodePropertyOptions[] {
	const what = kind === 'file' ? 'file' : 'folder with everything in it';
	return [
		{
			name: 'Copy',
			value: 'copy',
			action: `Copy a ${kind}`,
			description: `Copy a ${what} into another folder or room and wait until DocSpace has finished`,
			routing: docSpaceRouting({
				method: 'PUT',
				url: '/api/2.0/files/fileops/copy',
				preSend: [prepareTransfer(kind)],
				postReceive: [transferOutput(kind, 'copy')],
				once: true,
				answer: STARTED_OPERATION_ANSWER,
			}),
		},
		{
			name: 'Delete',
			value: 'delete',
			action: `Delete a ${kind}`,
			description: `Move a ${what} to the Trash, or delete it permanently, and wait until DocSpace has finished`,
			routing: docSpaceRouting(
				kind === 'file'
					? {
							method: 'DELETE',
							url: '/api/2.0/files/file/{fileId}',
							preSend: [prepareDelete(kind)],
							postReceive: [deleteOutput(kind)],
							once: true,
							answer: STARTED_OPERATION_ANSWER,
						}
					: {
							method: 'PUT',
							url: '/api/2.0/files/fileops/delete',
							preSend: [prepareDelete(kind)],
							postReceive: [deleteOutput(kind)],
							once: true,
							answer: STARTED_OPERATION_ANSWER,
						},
			),
		},
		{
			name: 'Move',
			value: 'move',
			action: `Move a ${kind}`,
			description: `Move a ${what} into another folder or room and wait until DocSpace has finished`,
			routing: docSpaceRouting({
				method: 'PUT',
				url: '/api/2.0/files/fileops/move',
				preSend: [prepareTransfer(kind)],
				postReceive: [transferOutput(kind, 'move')],
				once: true,
				answer: STARTED_OPERATION_ANSWER,
			}),
		},
	];
}
