import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, hasScope, type Principal } from './auth';
import { DtoRenderer, setPortalTimeZoneOffset } from './dto';
import { readOperations } from './fileOperations';
import { emptyAnswer, failureAnswer, successAnswer, type Answer } from './envelope';
import { FaultRegistry, NGINX_502_BODY, truncateJson } from './faults';
import { OpenApiValidator } from './openapi';
import { DOCSPACE_RATE_LIMITS, RateLimiter } from './rateLimiter';
import { findRoute } from './routes';
import type { Query } from './binding';
import { DEFAULT_SEED } from './seed';
import { PortalState } from './state';
import { StorageOrigin } from './storage';
import type { WebhookAttempt } from './webhooks';
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
	WebhooksConfigDto,
} from './types';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(request: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks)));
		request.on('error', reject);
	});
}

function parseQuery(search: URLSearchParams): Query {
	const query: Query = {};
	for (const [key, value] of search) {
		const existing = query[key];
		query[key] =
			existing === undefined
				? value
				: Array.isArray(existing)
					? [...existing, value]
					: [existing, value];
	}
	return query;
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers)) {
		if (value !== undefined)
			headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
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
	private storage: StorageOrigin | undefined;

	private constructor(
		private readonly server: Server,
		readonly baseUrl: string,
		private readonly startOptions: EmulatorOptions,
	) {
		this.options = { ...startOptions };
		setPortalTimeZoneOffset(startOptions.timeZoneOffsetMinutes ?? 0);
		this.state = new PortalState(DEFAULT_SEED, startOptions.passwordMinLength);
		this.state.fileOperationReads = startOptions.fileOperationReads ?? 1;
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
		this.state.webhooks.stop();
		this.options = { ...this.startOptions };
		setPortalTimeZoneOffset(this.options.timeZoneOffsetMinutes ?? 0);
		this.state = new PortalState(seed, this.options.passwordMinLength);
		this.state.fileOperationReads = this.options.fileOperationReads ?? 1;
		this.limiter = new RateLimiter(rateLimitsOf(this.options));
		this.faults.clear();
		this.violations = [];
		this.requests.length = 0;
		this.storage?.reset();
	}

	/**
	 * Puts the portal's files on external storage: downloads without conversion are redirected to
	 * a second loopback origin that serves the bytes and records the headers it received. Until reset.
	 */
	async useExternalStorage(): Promise<StorageOrigin> {
		this.storage ??= await StorageOrigin.start();
		this.configure({ externalStorage: this.storage });
		return this.storage;
	}

	configure(options: Partial<EmulatorOptions>): void {
		this.options = { ...this.options, ...options };
		this.limiter.configure(rateLimitsOf(this.options));
		if (options.timeZoneOffsetMinutes !== undefined)
			setPortalTimeZoneOffset(options.timeZoneOffsetMinutes);
		if (options.passwordMinLength !== undefined)
			this.state.passwordPolicy.minLength = options.passwordMinLength;
		if (options.fileOperationReads !== undefined)
			this.state.fileOperationReads = options.fileOperationReads;
	}

	/**
	 * Reads the user's file operations like a second client would (DocSpace's own web client polls
	 * `GET files/fileops` without an id): finished ones are consumed (docs/docspace/folders.md §1).
	 */
	consumeFileOperations(userId: string): number {
		return readOperations(this.state, userId).filter((view) => view.finished).length;
	}

	inject(fault: Fault): void {
		this.faults.add(fault);
	}

	async stop(): Promise<void> {
		this.releaseHanging();
		this.state.webhooks.stop();
		await this.storage?.stop();
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
			.map(([subjectId, access]) =>
				this.renderer().subjectShare(subjectId, access, this.state.ownerId),
			)
			.filter((dto) => dto !== undefined);
	}

	/** The live portal state, for tests that arrange or inspect what the API does not show (roles, members, pins). */
	get portal(): PortalState {
		return this.state;
	}

	/** Webhook configs as `GET settings/webhook` renders them (secrets are never rendered). */
	webhookConfigs(): WebhooksConfigDto[] {
		return [...this.state.webhooks.configs.values()].map((config) =>
			this.renderer().webhookConfig(config),
		);
	}

	/** The secret DocSpace keeps for a config, as a test receiver would have to know it. */
	webhookSecret(configId: number): string | undefined {
		return this.state.webhooks.configs.get(configId)?.secretKey;
	}

	/** Every POST the webhook sender made since the last reset, retries included. */
	get webhookAttempts(): WebhookAttempt[] {
		return this.state.webhooks.attempts;
	}

	/**
	 * Something happened in the portal: every enabled config subscribed to `trigger` (and whose
	 * target is this entity) gets a signed delivery, retried like DocSpace does. Resolves when all
	 * deliveries are done, retries included.
	 */
	async publishWebhookEvent(
		trigger: string,
		payload: Record<string, unknown>,
		options: { actorId?: string; entityId?: string } = {},
	): Promise<WebhookAttempt[]> {
		const form = payload.originalForm as { id?: unknown } | undefined;
		const entityId = options.entityId ?? String(trigger === 'form.submit' ? form?.id : payload.id);
		return await this.state.webhooks.publish(
			{ trigger, payload, actorId: options.actorId ?? this.state.ownerId, entityId },
			this.options,
		);
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
		record.bytes = await readBody(request);
		record.rawBody = record.bytes.toString('utf8');
		record.body = /^multipart\//i.test(record.headers['content-type'] ?? '')
			? undefined
			: parseBody(record.rawBody);
		// The OAuth2 server's own endpoints are not part of the REST API's OpenAPI document.
		const problems = !record.path.startsWith('/api/')
			? []
			: this.validator.validate(record.method, record.path, record.body, record.rawBody);
		if (problems.length > 0)
			this.violations.push({ method: record.method, path: record.path, problems });

		const send = (answer: Answer) => {
			if (response.destroyed || response.headersSent) return;
			record.status = answer.status;
			response.writeHead(answer.status, answer.headers);
			response.end(answer.body);
		};

		const match = findRoute(record.method, record.path);
		const allowAnonymous = match.found && match.route.allowAnonymous === true;
		const authentication = authenticate(this.state, record.headers);
		const principal =
			authentication.outcome === 'authenticated' ? authentication.principal : undefined;
		if (!principal && !allowAnonymous) {
			// §2.3: 401 with an empty body; Basic adds the challenge header.
			const basic = authentication.outcome === 'failed' && authentication.basicChallenge;
			if (this.options.latencyMs) await delay(this.options.latencyMs);
			return send(emptyAnswer(401, basic ? { 'WWW-Authenticate': 'Basic' } : {}));
		}

		const slot = this.limiter.acquire(
			principal?.userId ?? request.socket.remoteAddress ?? 'anonymous',
			record.method,
		);
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
		const { answer, delayMs } = await this.process(record, match, principal, link);
		if (delayMs) await delay(delayMs);
		if (fault?.afterProcessing) return this.applyFault(fault, response, send, answer);
		send(answer);
	}

	private async process(
		record: RecordedRequest,
		match: ReturnType<typeof findRoute>,
		principal: Principal | undefined,
		link: { href: string; action: string },
	): Promise<{ answer: Answer; delayMs?: number }> {
		if (!match.found) return { answer: emptyAnswer(match.pathExists ? 405 : 404) };
		// §2.3 / §6.3: a missing API-key or OAuth scope is an empty 403.
		if (principal && !hasScope(principal, record.method, record.path))
			return { answer: emptyAnswer(403) };
		try {
			const result = await match.route.handler({
				state: this.state,
				render: this.renderer(),
				userId: principal?.userId,
				principal,
				params: match.params,
				query: record.query,
				rawBody: record.rawBody,
				bytes: record.bytes ?? Buffer.alloc(0),
				headers: record.headers,
				baseUrl: this.baseUrl,
				options: this.options,
			});
			return { answer: successAnswer(result, link), delayMs: result.delayMs };
		} catch (error) {
			return { answer: failureAnswer(error, link) };
		}
	}

	private async applyFault(
		fault: Fault,
		response: ServerResponse,
		send: (answer: Answer) => void,
		processed: Answer | undefined,
	): Promise<void> {
		switch (fault.kind) {
			case 'reset':
				response.socket?.destroy();
				return;
			case 'timeout':
				this.hanging.add(response);
				return;
			case 'html502':
				return send({
					status: 502,
					headers: { 'Content-Type': 'text/html' },
					body: NGINX_502_BODY,
				});
			case 'malformedJson':
				return send({
					status: 200,
					headers: { 'Content-Type': 'application/json; charset=utf-8' },
					body: truncateJson(String(processed?.body ?? '')),
				});
			case 'status': {
				const body =
					fault.body === undefined
						? ''
						: typeof fault.body === 'string'
							? fault.body
							: JSON.stringify(fault.body);
				const contentType: Record<string, string> =
					fault.body !== undefined && typeof fault.body !== 'string'
						? { 'Content-Type': 'application/json; charset=utf-8' }
						: {};
				return send({ status: fault.status, headers: { ...contentType, ...fault.headers }, body });
			}
			case 'latency':
				await delay(fault.ms);
				if (processed) send(processed);
				return;
		}
	}
}
