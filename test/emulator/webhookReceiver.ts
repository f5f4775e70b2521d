// A loopback HTTP server standing in for a webhook receiver in the emulator's own tests.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
	method: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

export class WebhookReceiver {
	readonly received: ReceivedRequest[] = [];
	/** Status answered to each POST in turn; the last one repeats. HEAD gets `headStatus`. */
	postStatuses: number[] = [200];
	headStatus = 200;

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(): Promise<WebhookReceiver> {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const receiver = new WebhookReceiver(
			server,
			`http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		);
		server.on('request', (request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (chunk: Buffer) => chunks.push(chunk));
			request.on('end', () => {
				const method = request.method ?? 'GET';
				receiver.received.push({
					method,
					path: request.url ?? '/',
					headers: request.headers,
					body: Buffer.concat(chunks),
				});
				const posts = receiver.received.filter((entry) => entry.method === 'POST').length;
				const status =
					method === 'HEAD'
						? receiver.headStatus
						: receiver.postStatuses[Math.min(posts, receiver.postStatuses.length) - 1];
				response.writeHead(status).end();
			});
		});
		return receiver;
	}

	posts(): ReceivedRequest[] {
		return this.received.filter((entry) => entry.method === 'POST');
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}
}
