import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, hasScope, type Principal } from './auth';
import { DtoRenderer } from './dto';
import { emptyAnswer, failureAnswer, successAnswer, type Answer } from './envelope';
import { FaultRegistry, NGINX_502_BODY, truncateJson } from './faults';
import { OpenApiValidator } from './openapi';
import { DOCSPACE_RATE_LIMITS, RateLimiter } from './rateLimiter';
import { findRoute } from './routes';
import type { Query } from './binding';
import { DEFAULT_SEED } from './seed';
import { PortalState } from './state';
import type {
	EmulatorOptions,
	EmulatorStats,
	Fault,
	FileShareDto,
	Notification,
	OpenApiViolation,
	PortalSeed,
	RateLimitOptions,
	RecordedRequest,
} from './types';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

function parseQuery(search: URLSearchParams): Query {
	const query: Query = {};
	for (const [key, value] of search) {
		const existing = query[key];
		query[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return query;
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

function parseBody(rawBody: string): unknown {
	if (rawBody === '') return undefined;
	try {
		return JSON.parse(rawBody);
	} catch {
		return rawBody;
	}
}

function rateLimitsOf(options: EmulatorOptions): Required<RateLimitOptions> | false {
	return options.rateLimits === false ? false : { ...DOCSPACE_RATE_LIMITS, ...options.rateLimits };
}

export class DocSpaceEmulator {
	readonly requests: RecordedRequest[] = [];
	private state: PortalState;
	private options: EmulatorOptions;
	private limiter: RateLimiter;
	private readonly faults = new FaultRegistry();
	private readonly validator = new OpenApiValidator();
	private violations: OpenApiViolation[] = [];
	/** Responses held open by `timeout` faults, ended on reset/stop. */
	private readonly hanging = new Set<ServerResponse>();

	private constructor(
		private readonly server: Server,
		readonly baseUrl: string,
		private readonly startOptions: EmulatorOptions,
	) {
		this.options = { ...startOptions };
		this.state = new PortalState(DEFAULT_SEED, startOptions.passwordMinLength);
		this.limiter = new RateLimiter(rateLimitsOf(startOptions));
	}

	static async start(options: EmulatorOptions = {}): Promise<DocSpaceEmulator> {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		const emulator = new DocSpaceEmulator(server, `http://127.0.0.1:${port}`, options);
		server.on('request', (request, response) => void emulator.handle(request, response));
		return emulator;
	}

	/** Notifications sent by `notify: true` file shares. */
	get notifications(): Notification[] {
		return this.state.notifications;
	}

	/** Peak in-flight requests observed and 429s answered since the last reset. */
	get stats(): EmulatorStats {
		return this.limiter.stats;
	}

	reset(seed: PortalSeed = DEFAULT_SEED): void {
		this.releaseHanging();
		this.options = { ...this.startOptions };
		this.state = new PortalState(seed, this.options.passwordMinLength);
		this.limiter = new RateLimiter(rateLimitsOf(this.options));
		this.faults.clear();
		this.violations = [];
		this.requests.length = 0;
	}

	configure(options: Partial<EmulatorOptions>): void {
		this.options = { ...this.options, ...options };
		this.limiter.configure(rateLimitsOf(this.options));
		if (options.passwordMinLength !== undefined) this.state.passwordPolicy.minLength = options.passwordMinLength;
	}

	inject(fault: Fault): void {
		this.faults.add(fault);
	}

	async stop(): Promise<void> {
		this.releaseHanging();
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	roomLinks(roomId: string | number): FileShareDto[] {
		const room = this.state.rooms.get(String(roomId));
		return room ? room.links.map((link) => this.renderer().roomLinkShare(room, link)) : [];
	}

	fileShares(fileId: string | number): FileShareDto[] {
		const file = this.state.files.get(String(fileId));
		if (!file) return [];
		return [...file.shares.entries()]
			.map(([subjectId, access]) => this.renderer().subjectShare(subjectId, access, this.state.ownerId))
			.filter((dto) => dto !== undefined);
	}

	/** Sign-in state: 2FA users, token lifetimes and expiry, OAuth2 clients, codes and refresh tokens. */
	get identity() {
		return this.state.identity;
	}

	openApiViolations(): OpenApiViolation[] {
		return [...this.violations];
	}

	private renderer(): DtoRenderer {
		return new DtoRenderer(this.state, this.baseUrl, this.options.linkBaseUrl ?? this.baseUrl);
	}

	private releaseHanging(): void {
		for (const response of this.hanging) response.socket?.destroy();
		this.hanging.clear();
	}

	private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
		const url = new URL(request.url ?? '/', this.baseUrl);
		const record: RecordedRequest = {
			method: (request.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query: parseQuery(url.searchParams),
			headers: flattenHeaders(request),
			body: undefined,
			rawBody: '',
			status: 0,
		};
		this.requests.push(record);
		record.rawBody = await readBody(request);
		record.body = parseBody(record.rawBody);
		// The OAuth2 server's own endpoints are not part of the REST API's OpenAPI document.
		const problems = !record.path.startsWith('/api/') ? [] : this.validator.validate(record.method, record.path, record.body, record.rawBody);
		if (problems.length > 0) this.violations.push({ method: record.method, path: record.path, problems });

		const send = (answer: Answer) => {
			if (response.destroyed || response.headersSent) return;
			record.status = answer.status;
			response.writeHead(answer.status, answer.headers);
			response.end(answer.body);
		};

		const match = findRoute(record.method, record.path);
		const allowAnonymous = match.found && match.route.allowAnonymous === true;
		const authentication = authenticate(this.state, record.headers);
		const principal = authentication.outcome === 'authenticated' ? authentication.principal : undefined;
		if (!principal && !allowAnonymous) {
			// §2.3: 401 with an empty body; Basic adds the challenge header.
			const basic = authentication.outcome === 'failed' && authentication.basicChallenge;
			if (this.options.latencyMs) await delay(this.options.latencyMs);
			return send(emptyAnswer(401, basic ? { 'WWW-Authenticate': 'Basic' } : {}));
		}

		const slot = this.limiter.acquire(principal?.userId ?? request.socket.remoteAddress ?? 'anonymous', record.method);
		if (!slot.granted) {
			if (this.options.latencyMs) await delay(this.options.latencyMs);
			return send(emptyAnswer(429, slot.rejection.headers));
		}
		response.on('close', slot.release);

		// latencyMs is spent while holding the concurrency slot (§8).
		if (this.options.latencyMs) await delay(this.options.latencyMs);
		const fault = this.faults.take(record.method, record.path);
		if (fault && !fault.afterProcessing) {
			if (fault.kind !== 'latency') return this.applyFault(fault, response, send, undefined);
			await delay(fault.ms);
		}
		const link = { href: `${this.baseUrl}${request.url ?? ''}`, action: record.method };
		const answer = this.process(record, match, principal, link);
		if (fault?.afterProcessing) return this.applyFault(fault, response, send, answer);
		send(answer);
	}

	private process(record: RecordedRequest, match: ReturnType<typeof findRoute>, principal: Principal | undefined, link: { href: string; action: string }): Answer {
		if (!match.found) return emptyAnswer(match.pathExists ? 405 : 404);
		// §2.3 / §6.3: a missing API-key or OAuth scope is an empty 403.
		if (principal && !hasScope(principal, record.method, record.path)) return emptyAnswer(403);
		try {
			const result = match.route.handler({
				state: this.state,
				render: this.renderer(),
				userId: principal?.userId,
				principal,
				params: match.params,
				query: record.query,
				rawBody: record.rawBody,
				portalUrl: this.baseUrl,
			});
			return result.answer ?? successAnswer(result, link);
		} catch (error) {
			return failureAnswer(error, link);
		}
	}

	private async applyFault(fault: Fault, response: ServerResponse, send: (answer: Answer) => void, processed: Answer | undefined): Promise<void> {
		switch (fault.kind) {
			case 'reset':
				response.socket?.destroy();
				return;
			case 'timeout':
				this.hanging.add(response);
				return;
			case 'html502':
				return send({ status: 502, headers: { 'Content-Type': 'text/html' }, body: NGINX_502_BODY });
			case 'malformedJson':
				return send({ status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' }, body: truncateJson(processed?.body ?? '') });
			case 'status': {
				const body = fault.body === undefined ? '' : typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
				const contentType: Record<string, string> = fault.body !== undefined && typeof fault.body !== 'string' ? { 'Content-Type': 'application/json; charset=utf-8' } : {};
				return send({ status: fault.status, headers: { ...contentType, ...fault.headers }, body });
			}
			case 'latency':
				await delay(fault.ms);
				if (processed) send(processed);
				return;
		}
	}
}
