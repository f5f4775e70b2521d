/** The ideal raw client of the benchmark (the floor): plain requests, 15 at a time, nothing else. */
import { SEED_IDS } from '../../test/emulator/seed';
import type { RawRequest, Workload } from './workloads';

const WRITE_LIMIT = 15;

/** One plain request of the raw client; true when DocSpace answered as expected. */
async function rawRequest(baseUrl: string, request: RawRequest): Promise<boolean> {
	const headers: Record<string, string> = {
		Authorization: `Bearer ${SEED_IDS.apiKey}`,
		Accept: 'application/json',
	};
	let body: string | FormData | undefined;
	if (request.file) {
		const form = new FormData();
		form.append(
			'File',
			new Blob([request.file.data], { type: request.file.mimeType }),
			request.file.fileName,
		);
		body = form;
	} else if (request.body) {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(request.body);
	}
	const response = await fetch(`${baseUrl}${request.url}`, {
		method: request.method ?? 'PUT',
		headers,
		body,
	});
	await response.arrayBuffer();
	return response.ok || (request.notFoundIsOk === true && response.status === 404);
}

/** What the limits allow at best: a pool of 15 workers sending the same requests. */
export async function viaRawClient(
	baseUrl: string,
	requests: Workload['requests'],
): Promise<number> {
	let next = 0;
	let failed = 0;
	const worker = async () => {
		while (next < requests.length) {
			const entry = requests[next++];
			for (const request of Array.isArray(entry) ? entry : [entry]) {
				if (!(await rawRequest(baseUrl, request))) {
					failed++;
					break;
				}
			}
		}
	};
	await Promise.all(Array.from({ length: WRITE_LIMIT }, worker));
	return failed;
}
