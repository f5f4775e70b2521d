import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { optionsProperty } from '../../shared/descriptions';
import { fillLocatorId, optionValue } from '../../shared/routing';
import { DocSpaceFailureError, setAnswerWait } from '../../shared/transport';
import { integerInRange, refusal } from '../../shared/validation';
import { extensionOf } from './fileName';

const show = { resource: ['file'], operation: ['download'] };
const DEFAULT_WAIT_SECONDS = 300;
const MIN_WAIT_SECONDS = 1;
const MAX_WAIT_SECONDS = 1800;

// Formats DocSpace converts to on download (the server lists per source format in GET files/settings
// → extsConvertible; a target it cannot produce is ignored, which the node detects afterwards).
const CONVERT_TO = [
	'docx',
	'odt',
	'rtf',
	'txt',
	'xlsx',
	'ods',
	'csv',
	'pptx',
	'odp',
	'pdf',
	'epub',
	'html',
];

export const fileDownloadDescription: INodeProperties[] = [
	{
		displayName: 'Put Output File in Field',
		name: 'outputBinaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show },
		hint: 'The name of the output binary field to put the file in',
		description: 'The binary field of the output item that receives the file',
	},
	{
		displayName: 'Convert To',
		name: 'convertTo',
		type: 'options',
		default: '',
		displayOptions: { show },
		options: [
			{ name: 'Original Format', value: '' },
			...CONVERT_TO.map((format) => ({ name: format.toUpperCase(), value: format })),
		],
		description:
			'Download the file converted to another format (DocSpace converts while the node waits). A format DocSpace cannot produce from this file stops the item with an error.',
	},
	optionsProperty(show, [
		{
			displayName: 'Max Wait (Seconds)',
			name: 'maxWaitSeconds',
			type: 'number',
			typeOptions: { minValue: MIN_WAIT_SECONDS, maxValue: MAX_WAIT_SECONDS },
			default: DEFAULT_WAIT_SECONDS,
			description:
				'How long to wait in all for DocSpace to send the file, retries included (at most 1800). With Convert To, DocSpace converts while the node waits, so one request may take all of it, even beyond Timeout; without it, each request is also bounded by Timeout.',
		},
	]),
];

/** GET filehandler.ashx?action=download&fileid=… (docs/docspace/files.md §3): the bytes, not JSON. */
export async function prepareFileDownload(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fileId = fillLocatorId(this, requestOptions, 'file');
	const convertTo = String(this.getNodeParameter('convertTo', '') ?? '');
	const wait = integerInRange(
		this,
		'Max Wait (Seconds)',
		optionValue(this, 'maxWaitSeconds', DEFAULT_WAIT_SECONDS),
		MIN_WAIT_SECONDS,
		MAX_WAIT_SECONDS,
	);
	requestOptions.qs = {
		action: 'download',
		fileid: fileId,
		...(convertTo ? { outputtype: `.${convertTo}` } : {}),
	};
	// The routing reads the bytes as a `raw` answer, bounded by Max Response Size. Max Wait bounds the
	// whole wait; a conversion happens inside the request (docs/docspace/files.md §4), so then one
	// attempt may take all of it, else each attempt is also bounded by Timeout. A redirect to storage
	// is followed once without the credential (shared/storageRedirect.ts).
	setAnswerWait(this, {
		totalSeconds: wait,
		wholeWaitPerAttempt: convertTo !== '',
		waitingFor: convertTo ? `the conversion to ${convertTo.toUpperCase()}` : undefined,
	});
	requestOptions.headers = { ...requestOptions.headers, Accept: '*/*' };
	return requestOptions;
}

function header(response: IN8nHttpFullResponse, name: string): string {
	const entry = Object.entries(response.headers ?? {}).find(([key]) => key.toLowerCase() === name);
	return entry ? String(entry[1]) : '';
}

/** The file name of a Content-Disposition header: filename* (UTF-8) first, then filename. */
export function dispositionFileName(disposition: string): string | undefined {
	const encoded = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition)?.[1];
	if (encoded) {
		try {
			return decodeURIComponent(encoded.trim());
		} catch {
			// fall through to the plain name
		}
	}
	return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]?.trim();
}

function asBuffer(body: unknown): Buffer {
	if (Buffer.isBuffer(body)) return body;
	if (body instanceof ArrayBuffer) return Buffer.from(body);
	if (typeof body === 'string') return Buffer.from(body);
	return Buffer.alloc(0);
}

/** One item per file: its bytes in the binary field, name, type and size in the JSON. */
export async function fileDownloadOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const data = asBuffer(response.body);
	if (response.statusCode >= 400) {
		let body: unknown;
		try {
			body = JSON.parse(data.toString('utf8'));
		} catch {
			body = data.toString('utf8');
		}
		// filehandler.ashx is not an API action: an empty 403 is a refusal, never a missing key permission.
		if (response.statusCode === 403 && !body) body = { error: { message: 'Access denied' } };
		throw new DocSpaceFailureError({
			statusCode: response.statusCode,
			body,
			headers: response.headers as IDataObject,
		});
	}
	const fileId = String(this.getNodeParameter('file', '', { extractValue: true }));
	const fileName = dispositionFileName(header(response, 'content-disposition')) ?? `file-${fileId}`;
	const mimeType =
		header(response, 'content-type').split(';')[0].trim() || 'application/octet-stream';
	const convertTo = String(this.getNodeParameter('convertTo', '') ?? '');
	if (convertTo && extensionOf(fileName) !== `.${convertTo}`) {
		const itemIndex = this.getItemIndex();
		throw refusal(
			this.getNode(),
			`Convert To: DocSpace cannot convert "${fileName}" to ${convertTo.toUpperCase()} [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'DocSpace sent the file in its original format instead. Choose a format this file type converts to (documents: DOCX, ODT, RTF, TXT, PDF; spreadsheets: XLSX, ODS, CSV, PDF; presentations: PPTX, ODP, PDF), or Original Format.',
			},
		);
	}
	const property =
		String(this.getNodeParameter('outputBinaryPropertyName', 'data') ?? '').trim() || 'data';
	const binary = await this.helpers.prepareBinaryData(data, fileName, mimeType);
	return [
		{
			json: { fileId, fileName, mimeType, sizeBytes: data.length, convertedTo: convertTo || null },
			binary: { [property]: binary },
			pairedItem: { item: this.getItemIndex() },
		},
	];
}
