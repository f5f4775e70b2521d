import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { credentialTypeOf } from './authentication';
import { failureContextFor } from './failureContext';
import { setBodyFromText } from './answers';
import { answerPreview } from './redaction';
import { authenticatedRequest } from './session';
import {
	DocSpaceFailureError,
	answerLimits,
	applyDocSpaceRequestPolicy,
	boundsOf,
	docSpaceApiRequest,
	failureOf,
	readDocSpaceAnswer,
	requestSettings,
	withDocSpaceLimits,
} from './transport';

/** Files up to this size go in one request; larger ones through an upload session (docs/docspace/files.md §2). */
export const SINGLE_REQUEST_MAX_BYTES = 10 * 1024 * 1024;
/** The largest file the node uploads (it is held in memory); DocSpace's own limits may be lower. */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;
const DEFAULT_CHUNK_BYTES = 10 * 1024 * 1024;
const MIN_CHUNK_BYTES = 1024;
const MAX_CHUNK_BYTES = 100 * 1024 * 1024;
export const MAX_CHUNKS = 10_000;
/** One upload request (a whole small file or one chunk) may take this long, unless Request Options say otherwise. */
export const UPLOAD_REQUEST_TIMEOUT_MS = 10 * 60 * 1000;

/** A multipart/form-data body with one file part named `File`, as DocSpace's upload actions bind it. */
export function multipartBody(
	fileName: string,
	mimeType: string,
	data: Buffer,
): { body: Buffer; contentType: string } {
	const boundary = `----n8nDocSpace${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const ascii = fileName.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
	const head =
		`--${boundary}\r\n` +
		`Content-Disposition: form-data; name="File"; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}\r\n` +
		`Content-Type: ${mimeType.replace(/[\r\n]/g, '') || 'application/octet-stream'}\r\n\r\n`;
	return {
		body: Buffer.concat([
			Buffer.from(head, 'utf8'),
			data,
			Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'),
		]),
		contentType: `multipart/form-data; boundary=${boundary}`,
	};
}

/** Turns the routing request into a multipart POST. */
export function setMultipart(
	requestOptions: IHttpRequestOptions,
	fileName: string,
	mimeType: string,
	data: Buffer,
): void {
	const { body, contentType } = multipartBody(fileName, mimeType, data);
	requestOptions.method = 'POST';
	requestOptions.body = body;
	requestOptions.headers = {
		...requestOptions.headers,
		'Content-Type': contentType,
		Accept: 'application/json',
	};
	requestOptions.timeout ??= UPLOAD_REQUEST_TIMEOUT_MS;
}

/** The portal's chunk size (GET files/settings → chunkUploadSize), within sane bounds. */
export async function chunkSize(context: IExecuteSingleFunctions): Promise<number> {
	const { response } = await docSpaceApiRequest.call(context, 'GET', '/api/2.0/files/settings');
	const size = Number((response as IDataObject | undefined)?.chunkUploadSize);
	if (!Number.isFinite(size) || size <= 0) return DEFAULT_CHUNK_BYTES;
	return Math.min(MAX_CHUNK_BYTES, Math.max(MIN_CHUNK_BYTES, Math.floor(size)));
}

export interface UploadSession {
	id: string;
	/** Path and query of ChunkedUploader.ashx on the credential's portal. */
	path: string;
}

/** POST files/{folderId}/upload/create_session (docs/docspace/files.md §2.2). */
export async function createUploadSession(
	context: IExecuteSingleFunctions,
	folderPath: string,
	body: { fileName: string; fileSize: number; createNewIfExist: boolean },
): Promise<UploadSession> {
	const { response } = await docSpaceApiRequest.call(
		context,
		'POST',
		`/api/2.0/files/${folderPath}/upload/create_session`,
		{},
		body,
	);
	const data = ((response as IDataObject | undefined)?.data ?? {}) as IDataObject;
	const id = typeof data.id === 'string' || typeof data.id === 'number' ? String(data.id) : '';
	if (!id)
		throw new DocSpaceFailureError({
			statusCode: 400,
			body: { error: { message: 'DocSpace did not open an upload session' } },
		});
	// The chunks go to the credential's portal only: the credential is never sent to another host.
	return { id, path: '/ChunkedUploader.ashx' };
}

/** A `raw` answer (see AnswerShape) as JSON when it is JSON, else as text; nothing when empty. */
export function parseRawAnswer(response: IN8nHttpFullResponse): void {
	const body: unknown = response.body;
	if (Buffer.isBuffer(body)) setBodyFromText(response, body.toString('utf8'));
}

function isChunkedUploaderAnswer(body: unknown): body is IDataObject {
	return (
		typeof body === 'object' &&
		body !== null &&
		!Array.isArray(body) &&
		typeof (body as IDataObject).success === 'boolean'
	);
}

/**
 * Checks an upload answer (docs/docspace/files.md §2): ChunkedUploader.ashx answers `{success, data,
 * message}` and reports failures with HTTP 200; POST files/{folderId}/upload (and the read that
 * replaces it with Skip) answers DocSpace's envelope. Anything else is not DocSpace answering.
 */
export function chunkFailureOf(response: IN8nHttpFullResponse): DocSpaceFailureError | undefined {
	const body = response.body;
	if (response.statusCode >= 200 && response.statusCode < 300 && isChunkedUploaderAnswer(body)) {
		if (body.success) return undefined;
		const message =
			typeof body.message === 'string' && body.message ? body.message : 'the upload was refused';
		return new DocSpaceFailureError({ statusCode: 400, body: { error: { message } } });
	}
	const failure = failureOf(response, 'list');
	return failure ? new DocSpaceFailureError(failure) : undefined;
}

/** The last chunk's answer without the uploaded file: not a success to pass on. */
export function missingUploadedFile(response: IN8nHttpFullResponse): DocSpaceFailureError {
	const contentType = String(
		Object.entries(response.headers ?? {}).find(
			([key]) => key.toLowerCase() === 'content-type',
		)?.[1] ?? '',
	);
	return new DocSpaceFailureError({
		statusCode: response.statusCode,
		headers: response.headers as IDataObject,
		notDocSpace: {
			contentType: contentType.split(';')[0].trim(),
			preview: answerPreview(response.body),
			what: 'an upload answer without the file',
		},
	});
}

/**
 * POSTs one file part (multipart, field `File`) within the user's limits, with the node's bounds
 * and retries; `answerOf` reads DocSpace's answer and throws a DocSpaceFailureError when it refuses.
 */
export async function postFilePart<T>(
	context: IExecuteSingleFunctions,
	request: { url: string; qs?: IDataObject },
	file: { fileName: string; mimeType: string; data: Buffer },
	answerOf: (full: IN8nHttpFullResponse) => T,
): Promise<T> {
	const itemIndex = context.getItemIndex();
	const credentials = await context.getCredentials(credentialTypeOf(context));
	const bounds = boundsOf(context);
	const { settings, baseUrl } = await requestSettings(
		context,
		'POST',
		credentials.baseUrl,
		itemIndex,
		bounds,
	);
	const options = applyDocSpaceRequestPolicy<IHttpRequestOptions>(
		{ method: 'POST', baseURL: baseUrl, ...request },
		bounds,
	);
	setMultipart(options, file.fileName, file.mimeType, file.data);
	return await withDocSpaceLimits(
		settings,
		() => failureContextFor(context, 'POST', itemIndex),
		context.getNode(),
		async () => {
			const full = await authenticatedRequest(context, options);
			await readDocSpaceAnswer(full, answerLimits(bounds));
			return answerOf(full);
		},
	);
}

/** Sends one chunk of a session (not the last one: that is the operation's own request). */
export async function sendChunk(
	context: IExecuteSingleFunctions,
	session: UploadSession,
	fileName: string,
	chunk: Buffer,
	extraQuery: IDataObject = {},
): Promise<void> {
	await postFilePart(
		context,
		{ url: session.path, qs: { uid: session.id, ...extraQuery } },
		{ fileName, mimeType: 'application/octet-stream', data: chunk },
		(full) => {
			const failure = chunkFailureOf(full);
			if (failure) throw failure;
		},
	);
}

/** Best effort: tells DocSpace to drop a session that cannot be finished. */
export async function abortUploadSession(
	context: IExecuteSingleFunctions,
	session: UploadSession,
): Promise<void> {
	try {
		await sendChunk(context, session, 'abort', Buffer.alloc(0), { abort: 'true' });
	} catch {
		// The session expires on its own.
	}
}
