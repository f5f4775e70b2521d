/**
 * Small loopback servers that answer like broken or hostile portals (tests only): each request is
 * recorded with its headers and body, and answered by the test's handler.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export type Handler = (request: SeenRequest, response: ServerResponse) => void;

export interface HostilePortal {
	readonly baseUrl: string;
	readonly requests: SeenRequest[];
	handle(handler: Handler): void;
	stop(): Promise<void>;
}

/**
 * Room Link: Set, File: Share and File: Remove Sharing read the room or file once before writing
 * (nodes/DocSpace/shared/entryChecks.ts). The portal answers those reads like DocSpace, unrecorded,
 * so that the test's handler sees the request under test. Without a title: messages name the ID.
 */
function answerEntryRead(request: IncomingMessage, response: ServerResponse): boolean {
	if (request.method !== 'GET') return false;
	const path = (request.url ?? '').split('?')[0];
	const room = /^\/api\/2\.0\/files\/rooms\/(\d+)$/.exec(path);
	const file = /^\/api\/2\.0\/files\/file\/(\d+)$/.exec(path);
	if (!room && !file) return false;
	const entry = room
		? { id: Number(room[1]), roomType: 5, rootFolderType: 14 }
		: { id: Number(file![1]), rootFolderType: 5 };
	response.writeHead(200, { 'Content-Type': 'application/json' });
	response.end(envelope(entry));
	return true;
}

export async function startHostilePortal(
	options: { answerEntryReads?: boolean } = {},
): Promise<HostilePortal> {
	const requests: SeenRequest[] = [];
	let handler: Handler = (_request, response) => response.end();
	const open = new Set<ServerResponse>();
	const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
		if (options.answerEntryReads && answerEntryRead(request, response)) return;
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const seen = {
				method: request.method ?? 'GET',
				url: request.url ?? '/',
				headers: request.headers,
				body: Buffer.concat(chunks).toString('utf8'),
			};
			requests.push(seen);
			open.add(response);
			response.on('close', () => open.delete(response));
			handler(seen, response);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		handle(next) {
			handler = next;
			requests.length = 0;
		},
		async stop() {
			for (const response of open) response.socket?.destroy();
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			});
		},
	};
}

/** A DocSpace envelope around `response`. */
export function envelope(response: unknown, extra: Record<string, unknown> = {}): string {
	return JSON.stringify({
		response,
		count: Array.isArray(response) ? response.length : 1,
		status: 0,
		statusCode: 200,
		...extra,
	});
}

/** Writes `body` one small chunk every `everyMs` (a trickling proxy); stops when the client goes. */
export function trickle(response: ServerResponse, body: string, everyMs: number): void {
	response.writeHead(200, { 'Content-Type': 'application/json' });
	let offset = 0;
	const timer = setInterval(() => {
		if (response.destroyed || offset >= body.length) {
			clearInterval(timer);
			if (!response.destroyed) response.end();
			return;
		}
		response.write(body.slice(offset, offset + 1));
		offset += 1;
	}, everyMs);
	response.on('close', () => clearInterval(timer));
}
