// Small fetch wrapper used by the emulator's own tests.

import { SEED_IDS, type DocSpaceEmulator } from './index';

export interface ApiAnswer {
	status: number;
	headers: Headers;
	text: string;
	json: any;
}

export interface CallOptions {
	/** Authorization header value; defaults to the owner's API key. `null` sends none. */
	authorization?: string | null;
	body?: unknown;
	/** Sent verbatim instead of JSON-encoding `body`. */
	rawBody?: string;
	headers?: Record<string, string>;
}

export async function call(
	emulator: DocSpaceEmulator,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<ApiAnswer> {
	const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
	const authorization =
		options.authorization === undefined ? `Bearer ${SEED_IDS.apiKey}` : options.authorization;
	if (authorization !== null) headers.Authorization = authorization;
	let body: string | undefined = options.rawBody;
	if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(`${emulator.baseUrl}${path}`, { method, headers, body });
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

export const roomLinksPath = (roomId: string) => `/api/2.0/files/rooms/${roomId}/links`;
export const fileSharePath = (fileId: string) => `/api/2.0/files/file/${fileId}/share`;

export function inYears(years: number): string {
	const date = new Date();
	date.setUTCFullYear(date.getUTCFullYear() + years);
	return date.toISOString();
}
