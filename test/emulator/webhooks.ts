// DocSpace webhooks (docs/docspace/webhooks.md): the registry of configs, the URL check DocSpace
// runs on create/update/enable, and the sender with its signature, retries and 410 handling.

import { createHmac } from 'node:crypto';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

import { argumentError } from './apiErrors';

export interface WebhookEventDefinition {
	name: string;
	value: number;
	/** DocSpace admins and room admins only ([AvailableFor(A, R)]). */
	adminOnly?: boolean;
}

/** WebhookTrigger of DocSpace 3.7.2 (§3), in UI order. */
export const WEBHOOK_TRIGGERS: WebhookEventDefinition[] = [
	['user.created', 1, true],
	['user.invited', 2, true],
	['user.updated', 4],
	['user.deleted', 8],
	['group.created', 16, true],
	['group.updated', 32, true],
	['group.deleted', 64, true],
	['file.created', 128],
	['file.uploaded', 256],
	['file.updated', 512],
	['file.trashed', 1024],
	['file.deleted', 2048],
	['file.restored', 4096],
	['file.copied', 8192],
	['file.moved', 16384],
	['folder.created', 32768],
	['folder.updated', 65536],
	['folder.trashed', 131072],
	['folder.deleted', 262144],
	['folder.restored', 524288],
	['folder.copied', 1048576],
	['folder.moved', 2097152],
	['room.created', 4194304, true],
	['room.updated', 8388608],
	['room.archived', 16777216],
	['room.deleted', 33554432],
	['room.restored', 67108864],
	['room.copied', 134217728, true],
	['form.submit', 268435456],
	['form.filled.out', 536870912],
	['form.stopped', 1073741824],
	['agent.created', 2147483648, true],
	['agent.updated', 4294967296],
	['agent.deleted', 8589934592],
	['file.downloaded', 17179869184],
	['folder.downloaded', 34359738368],
].map(([name, value, adminOnly]) => ({
	name: name as string,
	value: value as number,
	adminOnly: adminOnly === true,
}));

/** Flags of a mask, read without 32-bit bitwise operators (values reach 2^35). */
export function hasFlag(mask: number, value: number): boolean {
	return Math.floor(mask / value) % 2 === 1;
}

export const MAX_WEBHOOK_MASK = WEBHOOK_TRIGGERS.reduce((sum, trigger) => sum + trigger.value, 0);

export interface WebhookConfigRecord {
	id: number;
	name: string;
	uri: string;
	secretKey: string;
	enabled: boolean;
	ssl: boolean;
	triggers: number;
	targetId?: string;
	createdBy: string;
	createdOn: Date;
	modifiedOn?: Date;
	lastFailureOn?: Date;
	lastFailureContent?: string;
	lastSuccessOn?: Date;
	/** HTTP status of the last delivered attempt, 0 when none. */
	lastStatus: number;
}

/** One POST the sender made (or could not make: status 0). */
export interface WebhookAttempt {
	configId: number;
	eventId: number;
	trigger: string;
	attempt: number;
	url: string;
	headers: Record<string, string>;
	body: string;
	status: number;
	error?: string;
}

export interface WebhookOptions {
	/** Test switch: accept loopback/private webhook URLs (a real portal refuses them, §5). */
	allowPrivateWebhookUrls?: boolean;
	/** Waits before each retry; DocSpace waits 1, 2, 4, 8 and 16 s (§7). */
	webhookRetryDelaysMs?: number[];
	/** Timeout of one delivery attempt (DocSpace: HttpClient's 100 s). */
	webhookTimeoutMs?: number;
}

export const DOCSPACE_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 16000];
const HEAD_TIMEOUT_MS = 10_000;

// UrlValidator's default webhooks:blacklist (§5).
const BLACKLIST = new BlockList();
for (const [address, prefix] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.168.0.0', 16],
] as const) {
	BLACKLIST.addSubnet(address, prefix, 'ipv4');
}
for (const [address, prefix] of [
	['::', 128],
	['::1', 128],
	['fc00::', 8],
	['fd00::', 8],
	['fe80::', 10],
] as const) {
	BLACKLIST.addSubnet(address, prefix, 'ipv6');
}

function blacklisted(address: string): boolean {
	const family = isIP(address);
	return family !== 0 && BLACKLIST.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** UrlValidator.ValidateAsync (§5): returns the error message, or undefined when the URL may be called. */
export async function validateWebhookUrl(
	uri: string,
	ssl: boolean,
	allowPrivate: boolean,
): Promise<string | undefined> {
	let url: URL;
	try {
		url = new URL(uri);
	} catch {
		return 'Invalid URL format';
	}
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		return `Invalid URL scheme: ${url.protocol.replace(':', '')}. Only http and https are allowed`;
	if (ssl && url.protocol !== 'https:') return 'HTTPS is required';
	const host = url.hostname.replace(/^\[|\]$/g, '');
	if (isIP(host))
		return !allowPrivate && blacklisted(host) ? 'URL host is in the blacklist' : undefined;
	let addresses: string[];
	try {
		addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
	} catch {
		return `DNS resolution failed for ${host}`;
	}
	if (addresses.length === 0) return `DNS resolution returned no addresses for ${host}`;
	return !allowPrivate && addresses.some(blacklisted)
		? 'URL resolves to a blacklisted IP address'
		: undefined;
}

export const MSG_WEBHOOK_URL_NOT_AVAILABLE =
	'Webhook URL is not available. HEAD request is not response 200 http status.';

/** CheckWebhook (§5): the URL check, then HEAD on the URL (10 s, no redirects) that must answer 2xx. */
export async function checkWebhookUrl(
	uri: string,
	ssl: boolean,
	allowPrivate: boolean,
): Promise<void> {
	const problem = await validateWebhookUrl(uri, ssl, allowPrivate);
	if (problem) throw argumentError(problem);
	let status: number;
	try {
		status = (
			await fetch(uri, {
				method: 'HEAD',
				redirect: 'manual',
				signal: AbortSignal.timeout(HEAD_TIMEOUT_MS),
			})
		).status;
	} catch (error) {
		// A connection failure surfaces as a generic exception: 500 (§5).
		throw new Error(`An error occurred while sending the request. ${(error as Error).message}`);
	}
	if (status < 200 || status > 299) throw argumentError(MSG_WEBHOOK_URL_NOT_AVAILABLE);
}

/**
 * System.Text.Json as WebhookSender uses it (§6): camelCase, null/false/0 left out
 * (WhenWritingDefault), and the default encoder's escapes: non-ASCII and " & ' + < > ` as \uXXXX.
 */
export function dotnetJson(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'string') {
		const escaped = Array.from(value, (char) => {
			const code = char.codePointAt(0)!;
			if (char === '\\') return '\\\\';
			if (code === 0x0a) return '\\n';
			if (code === 0x0d) return '\\r';
			if (code === 0x09) return '\\t';
			if (code < 0x20 || code > 0x7e || '"&\'+<>`'.includes(char)) {
				const units =
					code > 0xffff
						? [0xd800 + ((code - 0x10000) >> 10), 0xdc00 + ((code - 0x10000) & 0x3ff)]
						: [code];
				return units
					.map((unit) => `\\u${unit.toString(16).toUpperCase().padStart(4, '0')}`)
					.join('');
			}
			return char;
		});
		return `"${escaped.join('')}"`;
	}
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (value instanceof Date) return dotnetJson(value.toISOString().replace(/\.\d{3}Z$/, 'Z'));
	if (Array.isArray(value)) return `[${value.map(dotnetJson).join(',')}]`;
	const entries = Object.entries(value as Record<string, unknown>).filter(
		([, item]) => item !== null && item !== undefined && item !== false && item !== 0,
	);
	return `{${entries.map(([key, item]) => `${dotnetJson(key)}:${dotnetJson(item)}`).join(',')}}`;
}

/** `x-docspace-signature-256` (§6): HMAC-SHA256 of the body's UTF-8 bytes, UPPERCASE hex. */
export function docSpaceSignature(body: string, secret: string): string {
	return `sha256=${createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(body, 'utf8')).digest('hex').toUpperCase()}`;
}

function whole(date: Date): Date {
	return new Date(Math.floor(date.getTime() / 1000) * 1000);
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface PublishedEvent {
	trigger: string;
	payload: Record<string, unknown>;
	/** Who acted; the owner by default. */
	actorId: string;
	/** Compared with a config's targetId; the payload's id (form.submit: originalForm.id) by default. */
	entityId: string;
}

/** The configs, the delivery log ids and the sender of one emulated portal. */
export class WebhookRegistry {
	readonly configs = new Map<number, WebhookConfigRecord>();
	readonly attempts: WebhookAttempt[] = [];
	private nextConfigId = 1;
	private nextEventId = 48_201;
	private stopped = false;

	add(fields: Omit<WebhookConfigRecord, 'id' | 'createdOn' | 'lastStatus'>): WebhookConfigRecord {
		const record: WebhookConfigRecord = {
			...fields,
			id: this.nextConfigId++,
			createdOn: new Date(),
			lastStatus: 0,
		};
		this.configs.set(record.id, record);
		return record;
	}

	/** Ends pending retries (emulator reset/stop). */
	stop(): void {
		this.stopped = true;
	}

	/** WebhookPublisher + WebhookSender: one log row (one event id) per matching config, then delivery with retries. */
	async publish(event: PublishedEvent, options: WebhookOptions): Promise<WebhookAttempt[]> {
		const definition = WEBHOOK_TRIGGERS.find((trigger) => trigger.name === event.trigger);
		if (!definition) throw new Error(`unknown webhook trigger ${event.trigger}`);
		const matching = [...this.configs.values()].filter(
			(config) =>
				config.enabled &&
				(config.triggers === 0 || hasFlag(config.triggers, definition.value)) &&
				(config.targetId === undefined || config.targetId === event.entityId),
		);
		const createOn = whole(new Date());
		const results = await Promise.all(
			matching.map((config) =>
				this.deliver(config, { id: this.nextEventId++, createOn, definition, event }, options),
			),
		);
		return results.flat();
	}

	private async deliver(
		config: WebhookConfigRecord,
		row: { id: number; createOn: Date; definition: WebhookEventDefinition; event: PublishedEvent },
		options: WebhookOptions,
	): Promise<WebhookAttempt[]> {
		const delays = options.webhookRetryDelaysMs ?? DOCSPACE_RETRY_DELAYS_MS;
		const made: WebhookAttempt[] = [];
		for (let retry = 0; retry <= delays.length && !this.stopped; retry++) {
			if (!this.configs.has(config.id)) break;
			// The URL check is repeated before every delivery: a blacklisted address deletes the config (§5).
			const problem = await validateWebhookUrl(
				config.uri,
				config.ssl,
				options.allowPrivateWebhookUrls === true,
			);
			if (problem) {
				if (/blacklist/.test(problem)) this.configs.delete(config.id);
				else config.enabled = false;
				break;
			}
			const attempt = await this.send(config, row, retry, options);
			made.push(attempt);
			if (attempt.status >= 200 && attempt.status <= 299) {
				config.lastSuccessOn = new Date();
				config.lastStatus = attempt.status;
				return made;
			}
			config.lastFailureOn = new Date();
			config.lastFailureContent =
				attempt.error ?? `Response status code does not indicate success: ${attempt.status}`;
			if (retry < delays.length) await delay(delays[retry]);
		}
		// 410 Gone deletes the config once the retries are used up (§7).
		if (made.at(-1)?.status === 410) this.configs.delete(config.id);
		return made;
	}

	private async send(
		config: WebhookConfigRecord,
		row: { id: number; createOn: Date; definition: WebhookEventDefinition; event: PublishedEvent },
		retry: number,
		options: WebhookOptions,
	): Promise<WebhookAttempt> {
		const triggers =
			config.triggers === 0
				? ['*']
				: WEBHOOK_TRIGGERS.filter((trigger) => hasFlag(config.triggers, trigger.value)).map(
						(trigger) => trigger.name,
					);
		const body = dotnetJson({
			event: {
				id: row.id,
				createOn: row.createOn,
				createBy: row.event.actorId,
				trigger: row.definition.name,
				triggerId: row.definition.value,
			},
			payload: row.event.payload,
			webhook: {
				id: config.id,
				name: config.name,
				url: config.uri,
				triggers,
				target:
					config.targetId === undefined
						? undefined
						: { id: config.targetId, type: row.definition.name.split('.')[0] },
				lastFailureOn: retry > 0 ? config.lastFailureOn : undefined,
				lastFailureContent: retry > 0 ? config.lastFailureContent : undefined,
				lastSuccessOn: retry > 0 ? config.lastSuccessOn : undefined,
				retryCount: retry,
				retryOn: retry > 0 ? whole(new Date()) : undefined,
			},
		});
		const headers = {
			Accept: '*/*',
			'Content-Type': 'application/json; charset=utf-8',
			'x-docspace-signature-256': docSpaceSignature(body, config.secretKey),
		};
		const attempt: WebhookAttempt = {
			configId: config.id,
			eventId: row.id,
			trigger: row.definition.name,
			attempt: retry + 1,
			url: config.uri,
			headers,
			body,
			status: 0,
		};
		try {
			const response = await fetch(config.uri, {
				method: 'POST',
				headers,
				body,
				redirect: 'manual',
				signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 100_000),
			});
			attempt.status = response.status;
			await response.arrayBuffer().catch(() => undefined);
		} catch (error) {
			attempt.error = (error as Error).message;
		}
		this.attempts.push(attempt);
		return attempt;
	}
}
