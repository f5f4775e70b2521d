import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

/** FileDto as DocSpace sends it (docs/docspace/files.md §1); only the fields the node reads. */
export interface FileDto extends IDataObject {
	id?: number | string;
	title?: string;
	folderId?: number | string;
	version?: number;
	fileExst?: string;
	fileType?: number;
	contentLength?: string;
	pureContentLength?: number;
	viewUrl?: string;
	webUrl?: string;
	shortWebUrl?: string;
	created?: string;
	updated?: string;
	createdBy?: IDataObject;
	isForm?: boolean;
}

const FILE_TYPES: Record<number, string> = {
	1: 'archive',
	2: 'video',
	3: 'audio',
	4: 'image',
	5: 'spreadsheet',
	6: 'presentation',
	7: 'document',
	10: 'pdf',
	11: 'diagram',
};

/** A file as a non-developer maps it: names instead of enums, the size in bytes, its addresses. */
export function simplifyFile(file: FileDto): IDataObject {
	return {
		id: file.id,
		title: file.title,
		extension: file.fileExst ?? null,
		fileType: FILE_TYPES[Number(file.fileType)] ?? 'other',
		sizeBytes: file.pureContentLength ?? null,
		size: file.contentLength ?? null,
		version: file.version ?? null,
		folderId: file.folderId ?? null,
		url: file.webUrl ?? null,
		downloadUrl: file.viewUrl ?? null,
		isForm: file.isForm ?? false,
		createdBy: (file.createdBy?.displayName as string | undefined) ?? null,
		created: file.created ?? null,
		updated: file.updated ?? null,
	};
}

/** One item for one file, simplified unless Simplify is off; `extra` is added either way. */
export function fileItem(
	context: IExecuteSingleFunctions,
	file: FileDto,
	extra: IDataObject = {},
): INodeExecutionData {
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	return {
		json: { ...(simplify ? simplifyFile(file) : file), ...extra },
		pairedItem: { item: context.getItemIndex() },
	};
}
