// Answers as DocSpace writes them: the success envelope (docs/docspace/api.md §1.2), error bodies (§2.2),
// ProblemDetails wrapped in the success envelope (§2.3), and JSON without null values (§1.3).

import { DocSpaceException, ValidationProblem, errorBody, problemDetails } from './apiErrors';
import type { ActionResult } from './routes/context';

export interface Answer {
	status: number;
	headers: Record<string, string>;
	body: string | Buffer;
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** DefaultIgnoreCondition = WhenWritingNull: null and undefined properties are left out. */
export function serialize(value: unknown): string {
	return JSON.stringify(value, (_key, item) => (item === null ? undefined : item)) ?? '';
}

export function jsonAnswer(status: number, payload: unknown): Answer {
	return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE }, body: serialize(payload) };
}

export function emptyAnswer(status: number, headers: Record<string, string> = {}): Answer {
	return { status, headers, body: '' };
}

interface RequestLink {
	href: string;
	action: string;
}

function defaultCount(payload: unknown): number {
	if (payload === undefined || payload === null) return 0;
	return Array.isArray(payload) ? payload.length : 1;
}

export function successAnswer(result: ActionResult, link: RequestLink): Answer {
	if (result.answer) return result.answer;
	if (result.noContent) return emptyAnswer(204);
	return jsonAnswer(200, {
		response: result.payload,
		count: result.count ?? defaultCount(result.payload),
		total: result.total,
		links: [link],
		status: 0,
		statusCode: 200,
	});
}

/** Maps what an action threw to the answer CustomExceptionHandler / the result filter would write. */
export function failureAnswer(error: unknown, link: RequestLink): Answer {
	if (error instanceof ValidationProblem) {
		return jsonAnswer(400, {
			response: problemDetails(error),
			count: 1,
			links: [link],
			status: 1,
			statusCode: 400,
		});
	}
	if (error instanceof DocSpaceException) return jsonAnswer(error.kind.status, errorBody(error));
	const message = error instanceof Error ? error.message : String(error);
	return jsonAnswer(500, {
		error: { message, type: 'System.Exception', hresult: -2146233088 },
		status: 1,
		statusCode: 500,
	});
}
