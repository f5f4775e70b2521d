// Downloads (docs/docspace/files.md §3, §4): GET filehandler.ashx?action=download&fileid=&outputtype=
// answers the file's bytes outside the API envelope; an outputtype the format cannot be converted to
// is silently ignored (the original comes back); conversion runs inside the request.
// GET files/settings gives chunkUploadSize and extsConvertible.

import { emptyAnswer } from '../envelope';
import { queryValue } from '../binding';
import { fileContent, fileExtension } from '../state';
import { requireUser, type ActionResult, type RouteContext, type RouteDefinition } from './context';
import { DEFAULT_CHUNK_UPLOAD_SIZE } from './uploads';

/** What each format converts to (a subset of a default portal's extsConvertible). */
export const EXTS_CONVERTIBLE: Record<string, string[]> = {
	'.docx': ['.pdf', '.odt', '.rtf', '.txt', '.docm', '.dotx', '.epub', '.fb2', '.html'],
	'.doc': ['.docx', '.pdf', '.odt', '.rtf', '.txt'],
	'.odt': ['.docx', '.pdf', '.rtf', '.txt'],
	'.txt': ['.docx', '.pdf', '.odt', '.rtf'],
	'.xlsx': ['.pdf', '.ods', '.csv', '.xltx'],
	'.csv': ['.xlsx', '.pdf', '.ods'],
	'.pptx': ['.pdf', '.odp', '.potx'],
	'.pdf': ['.docx', '.txt'],
};

const MIME_TYPES: Record<string, string> = {
	'.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'.pdf': 'application/pdf',
	'.odt': 'application/vnd.oasis.opendocument.text',
	'.ods': 'application/vnd.oasis.opendocument.spreadsheet',
	'.odp': 'application/vnd.oasis.opendocument.presentation',
	'.txt': 'text/plain',
	'.csv': 'text/csv',
	'.rtf': 'application/rtf',
	'.html': 'text/html',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
};

export function mimeTypeOf(title: string): string {
	return MIME_TYPES[fileExtension(title)] ?? 'application/octet-stream';
}

/** attachment; filename="…" (ASCII fallback) plus RFC 5987 filename* for any name. */
export function contentDisposition(title: string): string {
	const ascii = title.replace(/[^\x20-\x7E]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(title)}`;
}

function download(context: RouteContext): ActionResult {
	const userId = requireUser(context);
	if (queryValue(context.query, 'action') !== 'download')
		return { payload: undefined, answer: emptyAnswer(400) };
	const file = context.state.files.get(queryValue(context.query, 'fileid') ?? '');
	if (!file) return { payload: undefined, answer: emptyAnswer(404) };
	if (!context.state.canReadFile(userId, file))
		return { payload: undefined, answer: emptyAnswer(403) };
	const extension = fileExtension(file.title);
	const requested = (queryValue(context.query, 'outputtype') ?? '').trim().toLowerCase();
	const convert =
		requested !== '' &&
		requested !== extension &&
		(EXTS_CONVERTIBLE[extension] ?? []).includes(requested);
	const title = convert
		? `${file.title.slice(0, file.title.length - extension.length)}${requested}`
		: file.title;
	const body = convert
		? Buffer.from(`${file.title} converted to ${requested}\n`)
		: fileContent(file);
	const headers = {
		'Content-Type': mimeTypeOf(title),
		'Content-Disposition': contentDisposition(title),
	};
	// On S3-like storage the handler redirects a plain download to a pre-signed address (§3).
	const storage = context.options.externalStorage;
	if (storage && !convert) {
		const location = storage.presign(`${file.id}/${title}`, body, headers);
		return {
			payload: undefined,
			answer: { status: 302, headers: { Location: location }, body: '' },
		};
	}
	return {
		payload: undefined,
		delayMs: convert ? context.options.conversionMs : undefined,
		answer: {
			status: 200,
			headers: { ...headers, 'Content-Length': String(body.length) },
			body,
		},
	};
}

function settings(context: RouteContext): ActionResult {
	requireUser(context);
	return {
		payload: {
			chunkUploadSize: context.options.chunkUploadSize ?? DEFAULT_CHUNK_UPLOAD_SIZE,
			extsConvertible: EXTS_CONVERTIBLE,
			extsWebEdited: ['.docx', '.xlsx', '.pptx', '.pdf'],
			fileDownloadUrlString: `${context.baseUrl}/filehandler.ashx?action=download&fileid={0}`,
			storeOriginalFiles: true,
		},
	};
}

export const downloadRoutes: RouteDefinition[] = [
	{ method: 'GET', template: '/filehandler.ashx', handler: download },
	{ method: 'GET', template: '/api/2.0/files/settings', handler: settings },
];
