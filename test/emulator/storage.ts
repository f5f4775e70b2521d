// External storage of a portal on S3-like storage (docs/docspace/files.md §3): filehandler.ashx
// answers a download with 302 to a pre-signed address of this second loopback origin, which serves
// the bytes and records every request with the headers it received. Like S3, it refuses a request
// that carries an Authorization header next to the signature in the query, and an expired address.

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StorageRequest {
	method: string;
	url: string;
	/** Lower-case header names, as node:http gives them. */
	headers: Record<string, string | string[] | undefined>;
	status: number;
}

interface StoredObject {
	body: Buffer;
	headers: Record<string, string>;
	expiresAt: number;
}

/** How long a pre-signed address is valid (DocSpace: an hour). */
const PRESIGNED_LIFETIME_MS = 60 * 60 * 1000;

export class StorageOrigin {
	readonly requests: StorageRequest[] = [];
	private readonly objects = new Map<string, StoredObject>();
	/** A second redirect instead of the bytes, for tests of the one-redirect bound. */
	redirectAgainTo: string | undefined;
	/** How long new pre-signed addresses are valid; 0 gives addresses that have already expired. */
	lifetimeMs = PRESIGNED_LIFETIME_MS;

	private constructor(
		private readonly server: Server,
		readonly baseUrl: string,
	) {}

	static async start(): Promise<StorageOrigin> {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const storage = new StorageOrigin(server, `http://127.0.0.1:${port}`);
		server.on('request', (request, response) => storage.handle(request, response));
		return storage;
	}

	/** Stores the bytes and returns their pre-signed address. */
	presign(key: string, body: Buffer, headers: Record<string, string>, now = Date.now()): string {
		const signature = randomBytes(16).toString('hex');
		this.objects.set(signature, { body, headers, expiresAt: now + this.lifetimeMs });
		return `${this.baseUrl}/bucket/${encodeURIComponent(key)}?X-Amz-Expires=3600&X-Amz-Signature=${signature}`;
	}

	expireAll(): void {
		for (const object of this.objects.values()) object.expiresAt = 0;
	}

	reset(): void {
		this.requests.length = 0;
		this.objects.clear();
		this.redirectAgainTo = undefined;
		this.lifetimeMs = PRESIGNED_LIFETIME_MS;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private handle(request: IncomingMessage, response: ServerResponse): void {
		const url = new URL(request.url ?? '/', this.baseUrl);
		const answer = (status: number, headers: Record<string, string> = {}, body?: Buffer) => {
			this.requests.push({
				method: request.method ?? 'GET',
				url: request.url ?? '/',
				headers: { ...request.headers },
				status,
			});
			response.writeHead(status, headers);
			response.end(body);
		};
		if (request.method !== 'GET' || !url.pathname.startsWith('/bucket/')) return answer(404);
		if (request.headers.authorization)
			return answer(
				400,
				{ 'Content-Type': 'application/xml' },
				Buffer.from(
					'<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed</Message></Error>',
				),
			);
		const object = this.objects.get(url.searchParams.get('X-Amz-Signature') ?? '');
		if (!object || object.expiresAt <= Date.now()) return answer(403);
		if (this.redirectAgainTo) return answer(302, { Location: this.redirectAgainTo });
		return answer(
			200,
			{ ...object.headers, 'Content-Length': String(object.body.length) },
			object.body,
		);
	}
}
