import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { portalUrl } from '../room/output';

/** FolderType of the section an entry lives in (docs/docspace/folders.md §4). */
const SECTIONS: Record<number, string> = {
	3: 'trash',
	5: 'myDocuments',
	14: 'rooms',
	20: 'archive',
};

/** The folder's address in DocSpace's web client; the Folder field's "By URL" mode reads it back. */
export function folderWebUrl(baseUrl: string, folder: IDataObject): string | null {
	if (!baseUrl || folder.id === undefined || folder.id === null) return null;
	const id = encodeURIComponent(String(folder.id));
	return Number(folder.rootFolderType) === 5
		? `${baseUrl}/rooms/personal/filter?folder=${id}`
		: `${baseUrl}/rooms/shared/filter?folder=${id}`;
}

function personName(person: unknown): string | null {
	if (!person || typeof person !== 'object') return null;
	const { displayName, name } = person as IDataObject;
	return (displayName ?? name ?? null) as string | null;
}

export function simplifyFolder(folder: IDataObject, baseUrl: string): IDataObject {
	return {
		type: 'folder',
		id: folder.id,
		title: folder.title,
		parentId: folder.parentId ?? null,
		url: folderWebUrl(baseUrl, folder),
		section: SECTIONS[Number(folder.rootFolderType)] ?? null,
		isRoom: folder.roomType !== undefined && folder.roomType !== null,
		filesCount: folder.filesCount ?? 0,
		foldersCount: folder.foldersCount ?? 0,
		createdBy: personName(folder.createdBy),
		createdById: ((folder.createdBy ?? {}) as IDataObject).id ?? null,
		created: folder.created ?? null,
		updated: folder.updated ?? null,
	};
}

export function simplifyFile(file: IDataObject): IDataObject {
	return {
		type: 'file',
		id: file.id,
		title: file.title,
		folderId: file.folderId ?? null,
		extension: file.fileExst ?? null,
		sizeBytes: file.pureContentLength ?? null,
		url: file.webUrl ?? null,
		createdBy: personName(file.createdBy),
		createdById: ((file.createdBy ?? {}) as IDataObject).id ?? null,
		created: file.created ?? null,
		updated: file.updated ?? null,
	};
}

/** One item per folder, simplified unless Simplify is off. */
export async function folderItems(
	context: IExecuteSingleFunctions,
	folders: IDataObject[],
): Promise<INodeExecutionData[]> {
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	const baseUrl = simplify ? await portalUrl(context) : '';
	const item = context.getItemIndex();
	return folders.map((folder) => ({
		json: simplify ? simplifyFolder(folder, baseUrl) : folder,
		pairedItem: { item },
	}));
}
