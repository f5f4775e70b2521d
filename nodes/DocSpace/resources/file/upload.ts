import type {
	IBinaryData,
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty, simplifyProperty } from '../../shared/descriptions';
import { type FileDto, fileItem } from '../../shared/fileOutput';
import { optionValue } from '../../shared/routing';
import { docSpaceApiRequest } from '../../shared/transport';
import {
	MAX_CHUNKS,
	MAX_UPLOAD_BYTES,
	SINGLE_REQUEST_MAX_BYTES,
	abortUploadSession,
	chunkFailureOf,
	chunkSize,
	createUploadSession,
	missingUploadedFile,
	parseRawAnswer,
	sendChunk,
	setMultipart,
} from '../../shared/upload';
import { afterEarlierItems, itemSlot } from '../../shared/itemOrder';
import { invalidField } from '../../shared/validation';
import { destinationFolderPath } from './destination';
import { fileTitle } from './fileName';

const show = { resource: ['file'], operation: ['upload'] };
const MAX_SEARCH_PAGES = 20;
/**
 * Items of one execution whose file data is in memory at the same time (bulk runner): as many as
 * DocSpace takes parallel writes, and only two of them files sent in chunks.
 */
const UPLOADS_IN_MEMORY = 15;
const LARGE_UPLOADS_IN_MEMORY = 2;

export const fileUploadDescription: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show },
		hint: 'The name of the input binary field containing the file to upload',
		description:
			'The binary field of the input item that holds the file (e.g. data, as the Read/Write Files and HTTP Request nodes name it)',
	},
	{
		displayName: 'If a File With This Name Exists',
		name: 'ifFileExists',
		type: 'options',
		default: 'keepBoth',
		displayOptions: { show },
		options: [
			{
				name: 'Keep Both',
				value: 'keepBoth',
				description:
					'Upload as a second file; DocSpace adds a number to the name, e.g. Offer (1).pdf',
			},
			{
				name: 'Overwrite',
				value: 'overwrite',
				description:
					'Replace the content of the existing file; DocSpace keeps the old content as an earlier version',
			},
			{
				name: 'Skip',
				value: 'skip',
				description: 'Upload nothing and return the existing file with skipped: true',
			},
		],
		description: 'What to do when the destination already holds a file with the same name',
	},
	simplifyProperty(show),
	optionsProperty(show, [
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Contract 2026-07.pdf',
			description:
				'Name of the file in DocSpace, with its extension. Empty: the name the binary data carries.',
		},
	]),
];

interface UploadSource {
	property: string;
	fileName: string;
	mimeType: string;
	/** The size the binary data announces (n8n's `bytes`, else the base64 text's), before reading it. */
	announcedBytes: number;
}

/** The binary field and the name the file gets (no data read yet). */
function uploadSource(context: IExecuteSingleFunctions): UploadSource {
	const property = String(context.getNodeParameter('binaryPropertyName', 'data') ?? '').trim();
	let binary: IBinaryData;
	try {
		binary = context.helpers.assertBinaryData(property);
	} catch {
		throw invalidField(
			context,
			'Input Binary Field',
			`the item has no binary field "${property}"`,
			"Enter the name of the field that holds the file (see the input item's Binary tab), or add a node that reads the file first, e.g. Read/Write Files from Disk.",
		);
	}
	const fileName = fileTitle(
		context,
		'File Name',
		optionValue(context, 'fileName', '') || binary.fileName || '',
	);
	const announcedBytes =
		Number(binary.bytes) > 0
			? Number(binary.bytes)
			: binary.id
				? 0
				: Math.floor((String(binary.data ?? '').length * 3) / 4);
	return {
		property,
		fileName,
		mimeType: binary.mimeType || 'application/octet-stream',
		announcedBytes,
	};
}

async function uploadData(context: IExecuteSingleFunctions, source: UploadSource): Promise<Buffer> {
	const data = await context.helpers.getBinaryDataBuffer(source.property);
	if (data.length === 0)
		throw invalidField(
			context,
			'Input Binary Field',
			`the file "${source.fileName}" is empty`,
			'DocSpace does not store empty files; check the node that produced it.',
		);
	if (data.length > MAX_UPLOAD_BYTES) {
		throw invalidField(
			context,
			'Input Binary Field',
			`the file is ${data.length} bytes; the node uploads at most 2 GiB`,
			'Split or compress the file.',
		);
	}
	return data;
}

/** Skip: the existing file of that name in the folder (its direct children only), if any. */
async function existingFile(
	context: IExecuteSingleFunctions,
	folderPath: string,
	title: string,
): Promise<FileDto | undefined> {
	const wanted = title.toLowerCase();
	for (let page = 0, startIndex = 0; page < MAX_SEARCH_PAGES; page++) {
		const qs = { filterValue: title, withSubFolders: false, filterType: 1, startIndex, count: 100 };
		const { response } = await docSpaceApiRequest.call(
			context,
			'GET',
			`/api/2.0/files/${folderPath}`,
			qs,
		);
		const content = (response ?? {}) as { files?: FileDto[]; folders?: unknown[]; total?: number };
		const match = (content.files ?? []).find(
			(file) => String(file.title ?? '').toLowerCase() === wanted,
		);
		if (match) return match;
		const received = (content.files?.length ?? 0) + (content.folders?.length ?? 0);
		startIndex += received;
		if (received < 100 || startIndex >= Number(content.total ?? 0)) return undefined;
	}
	return undefined;
}

/**
 * Files up to 10 MiB: the operation's request is POST files/{folderId}/upload. Larger files: an upload
 * session; every chunk but the last is sent here, the last one is the operation's request.
 * Skip with an existing file: the request becomes a read of that file. docs/docspace/files.md §2.
 */
export async function prepareFileUpload(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const folderPath = destinationFolderPath(this);
	const source = uploadSource(this);
	// In bulk (the runner overlaps items): the items uploading the same name into the same folder
	// go in item order (keep both numbers them, skip sees the earlier upload), and only a few
	// items hold their file's data in memory at once.
	await Promise.all([
		afterEarlierItems(this, `upload:${folderPath}:${source.fileName.toLowerCase()}`),
		itemSlot(this, 'fileUpload', UPLOADS_IN_MEMORY),
		source.announcedBytes > SINGLE_REQUEST_MAX_BYTES || source.announcedBytes === 0
			? itemSlot(this, 'largeFileUpload', LARGE_UPLOADS_IN_MEMORY)
			: undefined,
	]);
	const input = { ...source, data: await uploadData(this, source) };
	const ifFileExists = String(this.getNodeParameter('ifFileExists', 'keepBoth'));
	if (ifFileExists === 'skip') {
		const existing = await existingFile(this, folderPath, input.fileName);
		if (existing?.id !== undefined) {
			requestOptions.method = 'GET';
			requestOptions.url = `/api/2.0/files/file/${encodeURIComponent(String(existing.id))}`;
			return requestOptions;
		}
	}
	const createNewIfExist = ifFileExists === 'keepBoth';
	if (input.data.length <= SINGLE_REQUEST_MAX_BYTES) {
		requestOptions.url = `/api/2.0/files/${folderPath}/upload`;
		requestOptions.qs = { ...requestOptions.qs, createNewIfExist };
		setMultipart(requestOptions, input.fileName, input.mimeType, input.data);
		return requestOptions;
	}
	const size = await chunkSize(this);
	const chunkCount = Math.ceil(input.data.length / size);
	if (chunkCount > MAX_CHUNKS) {
		throw invalidField(
			this,
			'Input Binary Field',
			`the file needs ${chunkCount} chunks of ${size} bytes`,
			`The node sends at most ${MAX_CHUNKS} chunks.`,
		);
	}
	const session = await createUploadSession(this, folderPath, {
		fileName: input.fileName,
		fileSize: input.data.length,
		createNewIfExist,
	});
	let sent = 0;
	try {
		for (; sent < chunkCount - 1; sent++) {
			await sendChunk(
				this,
				session,
				input.fileName,
				input.data.subarray(sent * size, (sent + 1) * size),
			);
		}
	} finally {
		// A chunk failed: the session is dropped, the failure goes on to the user.
		if (sent < chunkCount - 1) await abortUploadSession(this, session);
	}
	requestOptions.url = session.path;
	requestOptions.qs = { uid: session.id };
	setMultipart(
		requestOptions,
		input.fileName,
		'application/octet-stream',
		input.data.subarray((chunkCount - 1) * size),
	);
	return requestOptions;
}

/**
 * One item: the uploaded file, or with Skip the existing one (`skipped: true`). The routing reads
 * the answer as `raw` (ChunkedUploader's answer is not DocSpace's envelope): it is checked here.
 */
export async function fileUploadOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	parseRawAnswer(response);
	const failure = chunkFailureOf(response);
	if (failure) throw failure;
	const body = response.body as IDataObject;
	// Session: {success, data: {file}}; one request: envelope with FileDto[]; Skip: envelope with FileDto.
	const file =
		body.success === true
			? (body.data as IDataObject | undefined)?.file
			: Array.isArray(body.response)
				? body.response[0]
				: body.response;
	if (typeof file !== 'object' || file === null || Array.isArray(file))
		throw missingUploadedFile(response);
	return [
		fileItem(this, file as FileDto, {
			skipped: body.success !== true && !Array.isArray(body.response),
		}),
	];
}
