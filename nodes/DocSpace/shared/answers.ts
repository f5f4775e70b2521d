import type { IDataObject, IN8nHttpFullResponse } from 'n8n-workflow';

import type { DocSpaceFailure } from './errors';
import { afterMs } from './limiter';
import { answerPreview, safeUrl } from './redaction';

/** Thrown inside a request attempt; the retry loop decides whether to try again. */
export class DocSpaceFailureError extends Error {
	constructor(readonly failure: DocSpaceFailure) {
		super(
			`DocSpace request failed (${failure.statusCode ?? (failure.networkCode ? 'network' : 'no answer')})`,
		);
	}
}

/**
 * What the `response` of DocSpace's envelope must hold for an operation (docs/docspace/transport.md §2):
 * `object` a DTO, `array` a list, `list` either (paged lists, folder contents), `any` also nothing
 * (DocSpace leaves `response` out when an action returns null, e.g. a revoked link). `none`: the few
 * actions DocSpace answers with 204 No Content (`DELETE group/{id}`, docs/docspace/people.md §5)
 * also pass with an empty 204; an empty 200 still fails, and any other answer is checked as `any`.
 * `raw`: the answer is not DocSpace's API envelope (a downloaded file's bytes, ChunkedUploader's
 * `{success, data, message}`): it is read as bytes (`readRawAnswer`, same size cap and deadline),
 * a redirect is still a failure, and the operation's post-receive must check everything else.
 */
export type AnswerShape = 'object' | 'array' | 'list' | 'any' | 'none' | 'raw';

interface ReadableAnswer {
	on(event: string, listener: (...args: unknown[]) => void): unknown;
	removeAllListeners?(event?: string): unknown;
	destroy(error?: Error): unknown;
	pipe?: unknown;
}

function isStream(body: unknown): body is ReadableAnswer {
	return (
		typeof body === 'object' &&
		body !== null &&
		typeof (body as ReadableAnswer).on === 'function' &&
		typeof (body as ReadableAnswer).pipe === 'function'
	);
}

function lowerHeaders(headers: IDataObject | undefined): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(headers ?? {}).map(([key, value]) => [key.toLowerCase(), value]),
	);
}

export interface AnswerLimits {
	/** Epoch ms when the attempt must be over. */
	deadlineAt: number;
	timeoutSeconds: number;
	maxResponseMb: number;
	/** The work DocSpace does inside the request (a conversion); the deadline is then Max Wait. */
	waitingFor?: string;
}

function readStream(
	stream: ReadableAnswer,
	limits: AnswerLimits,
	statusCode: number,
): Promise<Buffer> {
	const maxBytes = limits.maxResponseMb * 1024 * 1024;
	return new Promise<Buffer>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const finish = (error?: Error) => {
			if (settled) return;
			settled = true;
			cancelDeadline();
			if (error) {
				stream.destroy();
				reject(error);
			} else resolve(Buffer.concat(chunks));
		};
		const cancelDeadline = afterMs(limits.deadlineAt - Date.now(), () =>
			finish(
				new DocSpaceFailureError({
					statusCode,
					deadline: {
						seconds: limits.timeoutSeconds,
						bodyStarted: true,
						...(limits.waitingFor ? { waitingFor: limits.waitingFor, receivedBytes: size } : {}),
					},
				}),
			),
		);
		stream.on('data', (chunk: unknown) => {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += buffer.length;
			if (size > maxBytes)
				finish(new DocSpaceFailureError({ statusCode, tooLargeMb: limits.maxResponseMb }));
			else chunks.push(buffer);
		});
		stream.on('end', () => finish());
		stream.on('error', (error: unknown) =>
			finish(error instanceof Error ? error : new Error(String(error))),
		);
		stream.on('aborted', () =>
			finish(Object.assign(new Error('The answer was cut off'), { code: 'ECONNRESET' })),
		);
	});
}

/**
 * Reads an answer sent as a stream (see `applyDocSpaceRequestPolicy`) within the attempt's
 * deadline and the response size cap, and puts the parsed JSON (or the text) into `response.body`.
 * Answers already read (a body that is not a stream) are left alone.
 */
export async function readDocSpaceAnswer(
	response: IN8nHttpFullResponse,
	limits: AnswerLimits,
): Promise<void> {
	const headers = lowerHeaders(response.headers);
	const declared = Number(headers['content-length']);
	if (Number.isFinite(declared) && declared > limits.maxResponseMb * 1024 * 1024) {
		if (isStream(response.body)) response.body.destroy();
		throw new DocSpaceFailureError({
			statusCode: response.statusCode,
			tooLargeMb: limits.maxResponseMb,
		});
	}
	if (!isStream(response.body)) return;
	setBodyFromText(
		response,
		(await readStream(response.body, limits, response.statusCode)).toString('utf8'),
	);
}

/** An answer's text as its body: parsed JSON when it is JSON, else the text; nothing when empty. */
export function setBodyFromText(response: IN8nHttpFullResponse, text: string): void {
	if (text.trim() === '') {
		response.body = undefined;
		return;
	}
	try {
		response.body = JSON.parse(text) as IDataObject;
	} catch {
		response.body = text;
	}
}

/**
 * Reads an answer of the `raw` shape: its bytes into `response.body` (a Buffer), within the
 * attempt's deadline and the response size cap, like `readDocSpaceAnswer`.
 */
export async function readRawAnswer(
	response: IN8nHttpFullResponse,
	limits: AnswerLimits,
): Promise<void> {
	const declared = Number(lowerHeaders(response.headers)['content-length']);
	if (Number.isFinite(declared) && declared > limits.maxResponseMb * 1024 * 1024) {
		if (isStream(response.body)) response.body.destroy();
		throw new DocSpaceFailureError({
			statusCode: response.statusCode,
			tooLargeMb: limits.maxResponseMb,
		});
	}
	const body: unknown = response.body;
	if (isStream(body)) response.body = await readStream(body, limits, response.statusCode);
	else if (body instanceof ArrayBuffer) response.body = Buffer.from(body);
	else if (typeof body === 'string') response.body = Buffer.from(body);
	else if (body === undefined || body === null) response.body = Buffer.alloc(0);
}

function notDocSpace(
	response: IN8nHttpFullResponse,
	headers: Record<string, unknown>,
	what: string,
): DocSpaceFailure {
	const contentType = String(headers['content-type'] ?? '')
		.split(';')[0]
		.trim();
	return {
		statusCode: response.statusCode,
		headers,
		notDocSpace: { contentType, preview: answerPreview(response.body), what },
	};
}

function shapeProblem(payload: unknown, shape: AnswerShape): string | undefined {
	const isObject = typeof payload === 'object' && payload !== null && !Array.isArray(payload);
	if (shape === 'array' && !Array.isArray(payload)) return 'no list in its "response"';
	if (shape === 'object' && !isObject) return 'no object in its "response"';
	if (shape === 'list' && !Array.isArray(payload) && !isObject) return 'no list in its "response"';
	return undefined;
}

function isEmptyBody(body: unknown): boolean {
	if (body === undefined || body === null) return true;
	if (typeof body === 'string') return body.trim() === '';
	return Buffer.isBuffer(body) && body.length === 0;
}

/**
 * Reads a full HTTP answer; returns the failure it represents, if any: an HTTP error or DocSpace's
 * error envelope, a redirect, and any success that is not DocSpace's envelope with the expected
 * shape (an HTML page, an empty answer, `{}`...), which must never pass for a success.
 */
export function failureOf(
	response: IN8nHttpFullResponse,
	shape: AnswerShape = 'any',
): DocSpaceFailure | undefined {
	const { statusCode, body } = response;
	const headers = lowerHeaders(response.headers);
	if (statusCode >= 300 && statusCode < 400) {
		const location = headers.location;
		return {
			statusCode,
			headers,
			redirectTo: location ? safeUrl(String(location)) : 'another address',
		};
	}
	// Not the envelope: the operation's post-receive checks it.
	if (shape === 'raw') return undefined;
	const failed =
		statusCode >= 400 ||
		(typeof body === 'object' && body !== null && (body as IDataObject).status === 1);
	if (failed) return { statusCode: statusCode >= 400 ? statusCode : 400, body, headers };
	if (shape === 'none' && statusCode === 204 && isEmptyBody(body)) return undefined;
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		const text = Buffer.isBuffer(body) ? body.toString('utf8', 0, 64) : body;
		const isJson = /json/i.test(String(headers['content-type'] ?? ''));
		if (text.trim() !== '' && (isJson || /^\s*[[{]/.test(text)))
			return { statusCode, body, headers, malformedJson: true };
		return notDocSpace(response, headers, text.trim() === '' ? 'an empty answer' : 'not JSON');
	}
	if (body === undefined || body === null) return notDocSpace(response, headers, 'an empty answer');
	const envelope = body as IDataObject;
	if (
		typeof body !== 'object' ||
		Array.isArray(body) ||
		(typeof envelope.statusCode !== 'number' && typeof envelope.status !== 'number')
	) {
		return notDocSpace(response, headers, "JSON without DocSpace's envelope");
	}
	const problem =
		shape === 'any' || shape === 'none' ? undefined : shapeProblem(envelope.response, shape);
	return problem
		? notDocSpace(response, headers, `DocSpace's envelope with ${problem}`)
		: undefined;
}

/** `total` of a paged answer: the envelope's, or the one inside a folder's contents. */
export function totalOf(body: unknown): number | undefined {
	const envelope = (body ?? {}) as IDataObject;
	const inner = envelope.response as IDataObject | undefined;
	const total =
		envelope.total ??
		(inner && typeof inner === 'object' && !Array.isArray(inner) ? inner.total : undefined);
	return typeof total === 'number' && Number.isFinite(total) ? total : undefined;
}
