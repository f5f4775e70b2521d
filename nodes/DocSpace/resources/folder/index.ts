import type { INodeProperties } from 'n8n-workflow';

import { folderLocator, optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { docSpaceRouting, fillLocatorPath } from '../../shared/routing';
import { transferOperations } from '../../shared/transfer';
import {
	folderCreateDescription,
	folderOutput,
	prepareFolderCreate,
	prepareFolderRename,
} from './create';
import {
	folderGetContentsDescription,
	folderGetContentsOutput,
	prepareFolderGetContents,
} from './getContents';
import {
	folderGetHistoryDescription,
	folderHistoryPage,
	prepareFolderGetHistory,
	sendFolderHistoryPages,
} from './getHistory';

const showOnlyForFolders = { resource: ['folder'] };
const readAndWrite = {
	resource: ['folder'],
	operation: ['create', 'get', 'getContents', 'getHistory', 'rename'],
};

export const folderDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForFolders },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a folder',
				description: 'Create a folder in My Documents, in a room or in another folder',
				routing: docSpaceRouting({
					method: 'POST',
					url: '/api/2.0/files/folder/{parentId}',
					preSend: [prepareFolderCreate],
					postReceive: [folderOutput],
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a folder',
				description:
					'Read one folder: its name, address, section and how many files and folders it holds',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/folder/{folderId}',
					preSend: [fillLocatorPath('folder')],
					postReceive: [folderOutput],
				}),
			},
			{
				name: 'Get Contents',
				value: 'getContents',
				action: 'Get the contents of a folder',
				description:
					'List the files and folders in a folder or room, optionally searched, filtered by type and sorted',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/{folderId}',
					preSend: [prepareFolderGetContents],
					postReceive: [folderGetContentsOutput],
					list: true,
				}),
			},
			{
				name: 'Get History',
				value: 'getHistory',
				action: 'Get the history of a folder',
				description:
					'List who did what in a folder or room (uploads, renames, moves, deletions …), newest first',
				routing: docSpaceRouting({
					method: 'GET',
					url: '/api/2.0/files/folder/{folderId}/log',
					preSend: [prepareFolderGetHistory],
					postReceive: [folderHistoryPage],
					pagination: sendFolderHistoryPages,
					// HistoryDto[] (docs/docspace/folders.md §4); the hook pages it by `total`.
					answer: 'array',
				}),
			},
			{
				name: 'Rename',
				value: 'rename',
				action: 'Rename a folder',
				description: 'Give a folder a new name',
				routing: docSpaceRouting({
					method: 'PUT',
					url: '/api/2.0/files/folder/{folderId}',
					preSend: [prepareFolderRename],
					postReceive: [folderOutput],
				}),
			},
			...transferOperations('folder'),
		].sort((a, b) => a.name.localeCompare(b.name)),
		default: 'getContents',
	},
	// One declaration for every Folder operation but Create (see the Room Link locator).
	{
		...folderLocator,
		displayOptions: { show: showOnlyForFolders, hide: { operation: ['create'] } },
	},
	...folderCreateDescription,
	// Copy, Move and Delete fields of both Folder and File, declared once.
	...folderGetContentsDescription,
	...folderGetHistoryDescription,
	simplifyProperty(readAndWrite),
	optionsProperty(readAndWrite),
];
