import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { type Authentication, CREDENTIAL_ADVICE } from './authentication';

/** What came back from DocSpace (or did not), reduced to what the error table needs. */
export interface DocSpaceFailure {
	statusCode?: number;
	body?: unknown;
	headers?: Record<string, unknown>;
	/** Node/axios error code for failures without an HTTP answer (ECONNREFUSED, ECONNRESET, ETIMEDOUT…). */
	networkCode?: string;
	/** The answer claimed JSON but could not be parsed. */
	malformedJson?: boolean;
}

/** Who failed: lets every message name the operation, the item and the DocSpace object. */
export interface FailureContext {
	operation: string;
	/** e.g. `room 101`, `file 201`. */
	target: string;
	/** The API-key permission the operation needs, e.g. `rooms:write`. */
	requiredScope: string;
	isWrite: boolean;
	itemIndex: number;
	attempts?: number;
	/** How the node signed in; the 401 and missing-permission advice depends on it. */
	authentication?: Authentication;
	/** Extra hint for 403 "The role is not available for this user type". */
	roleHint?: string;
}

interface ProblemDetails {
	title?: string;
	errors?: Record<string, string[]>;
}

/** `error.message` of DocSpace's error body, else the ProblemDetails text (docspace-api.md §2.3). */
export function docSpaceErrorText(body: unknown): string {
	if (!body || typeof body !== 'object') return '';
	const { error, response } = body as { error?: { message?: unknown }; response?: ProblemDetails };
	if (error && typeof error.message === 'string') return error.message;
	if (response && typeof response === 'object' && (response.errors || response.title)) {
		const fieldErrors = Object.entries(response.errors ?? {}).map(
			([field, messages]) => `${field.replace(/^\$\.?/, '') || 'body'}: ${[messages].flat().join(' ')}`,
		);
		return fieldErrors.length ? fieldErrors.join('; ') : String(response.title);
	}
	return '';
}

export function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const MAYBE_APPLIED =
	' The request may have reached DocSpace before the connection failed, so the change may already be applied; running it again is safe (it sets the same values).';

interface ErrorRule {
	matches: (failure: DocSpaceFailure, text: string) => boolean;
	message: (context: FailureContext, failure: DocSpaceFailure, text: string) => string;
	description: (context: FailureContext, failure: DocSpaceFailure, text: string) => string;
}

/** The one table of DocSpace failures the node knows, in the order they are tried. */
const ERROR_TABLE: ErrorRule[] = [
	{
		matches: (f) => f.networkCode === 'ECONNREFUSED' || f.networkCode === 'ENOTFOUND' || f.networkCode === 'EAI_AGAIN',
		message: (c) => `Could not reach DocSpace for ${c.target}: the portal address did not answer`,
		description: () =>
			'Check the Base URL in the DocSpace credential (e.g. https://yourportal.onlyoffice.com) and that the portal is online. Nothing was changed.',
	},
	{
		matches: (f) => f.networkCode === 'ETIMEDOUT' || f.networkCode === 'ECONNABORTED' || f.networkCode === 'ESOCKETTIMEDOUT',
		message: (c) => `DocSpace did not answer in time for ${c.target}`,
		description: (c) =>
			`The request timed out. Raise "Timeout" under the node's Request Options or try again later.${c.isWrite ? MAYBE_APPLIED : ''}`,
	},
	{
		matches: (f) => f.networkCode !== undefined,
		message: (c, f) => `The connection to DocSpace broke for ${c.target} (${f.networkCode})`,
		description: (c) =>
			`The connection was closed before DocSpace answered${c.attempts && c.attempts > 1 ? `, ${c.attempts} times` : ''}. Try again in a moment.${c.isWrite ? MAYBE_APPLIED : ''}`,
	},
	{
		matches: (f) => f.malformedJson === true,
		message: (c) => `DocSpace sent an unreadable answer for ${c.target}`,
		description: (c) =>
			`The answer was not valid JSON; a proxy or an incomplete answer is the usual cause. Try again; if it persists, check the Base URL.${c.isWrite ? MAYBE_APPLIED : ''}`,
	},
	{
		matches: (f) => f.statusCode === 401,
		message: () => 'DocSpace did not accept the credential (401 Unauthorized)',
		description: (c) => CREDENTIAL_ADVICE[c.authentication ?? 'apiKey'].unauthorized,
	},
	{
		matches: (f, text) => f.statusCode === 403 && text === '',
		message: (c) => {
			const advice = CREDENTIAL_ADVICE[c.authentication ?? 'apiKey'];
			return `${advice.who} is not allowed to ${c.operation} (missing ${advice.permission} ${c.requiredScope})`;
		},
		description: (c) => CREDENTIAL_ADVICE[c.authentication ?? 'apiKey'].missingPermission(c.requiredScope),
	},
	{
		// Reading a room (Room: Get / Get Many) needs membership, not the right to share it.
		matches: (f, text) => f.statusCode === 403 && /access denied/i.test(text),
		message: (c) =>
			c.operation.startsWith('Room: ') ? `You are not allowed to open ${c.target}` : `You are not allowed to manage sharing of ${c.target}`,
		description: (c) =>
			c.operation.startsWith('Room: ')
				? `DocSpace answered "Access denied": the account behind the credential is not a member of ${c.target}. Ask a room admin to add it, or use another key.`
				: `DocSpace answered "Access denied": the account behind the credential cannot change access to ${c.target}.${
						c.operation === 'Room Link: Get Primary' ? ' Collaboration, virtual data and AI rooms have no external links, and DocSpace answers the same for them.' : ''
					} Ask a room admin or the portal owner to do it, or use their key. Nothing was changed.`,
	},
	{
		matches: (f, text) => f.statusCode === 403 && /role is not available/i.test(text),
		message: (c) => `DocSpace does not allow this access level for ${c.target}`,
		description: (c, _f, text) => `DocSpace answered "${text}". ${c.roleHint ?? ''} Nothing was changed.`.replace(/\s+/g, ' '),
	},
	{
		matches: (f, text) => f.statusCode === 403 && /maximum number of links/i.test(text),
		message: (c) => `${c.target} already has as many links as DocSpace allows`,
		description: (_c, _f, text) =>
			`DocSpace answered "${text}". A room has at most one invitation link and, in custom and public rooms, one primary and 5 additional external links. Update an existing link (Link: Update Existing, with its ID) or revoke one first.`,
	},
	{
		matches: (f) => f.statusCode === 403,
		message: (c, _f, text) => `DocSpace refused the request for ${c.target}: ${text}`,
		description: () => 'DocSpace did not allow this change. Nothing was changed.',
	},
	{
		matches: (f, text) => f.statusCode === 404 && /link was not found/i.test(text),
		message: (c) => `DocSpace found no such link in ${c.target}`,
		description: (c) =>
			`${capitalize(c.target)} exists but has no matching link (for Get Primary: no primary external link; it may have been revoked). Room Link: Get Many lists the room's links.`,
	},
	{
		matches: (f) => f.statusCode === 404,
		message: (c) => `${capitalize(c.target)} was not found in DocSpace`,
		description: (c) =>
			`Check the ID or URL of ${c.target}: it does not exist, was deleted, or the credential's account cannot see it.`,
	},
	{
		matches: (f) => f.statusCode === 402,
		message: () => 'The DocSpace portal is suspended or its payment is due (402)',
		description: () =>
			'DocSpace blocks API changes while the portal is unpaid or deactivated. Ask the portal owner to check Settings → Payments.',
	},
	{
		matches: (f) => f.statusCode === 400,
		message: (c, _f, text) => `DocSpace rejected a value for ${c.target}: ${text || 'invalid request'}`,
		description: () => 'Correct the field named in the message and run the node again. Nothing was changed.',
	},
	{
		matches: (f) => f.statusCode === 429,
		message: (c) => `DocSpace kept refusing requests for ${c.target}: too many requests (429)`,
		description: (c, f) => {
			const wait = retryAfterMs(f.headers);
			const when = wait === undefined ? 'in a minute' : `after ${new Date(Date.now() + wait).toISOString()}`;
			return `The portal's rate limit was still exceeded after ${c.attempts ?? 1} attempt(s). Try again ${when}, or lower "Max Parallel Requests" under Options. Nothing was changed by this item.`;
		},
	},
	{
		matches: (f) => (f.statusCode ?? 0) >= 500,
		message: (c, f) =>
			`DocSpace${isHtml(f.body) ? ' (or a proxy in front of it)' : ''} failed with ${f.statusCode} for ${c.target}`,
		description: (c, _f, text) =>
			`${text ? `DocSpace said: "${text}". ` : ''}This is a problem on the server side; try again in a few minutes.${c.isWrite ? MAYBE_APPLIED : ''}`,
	},
];

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function isHtml(body: unknown): boolean {
	return typeof body === 'string' && /<\s*(html|body|center|h1)\b/i.test(body);
}

export function mapDocSpaceError(failure: DocSpaceFailure, context: FailureContext) {
	const text = docSpaceErrorText(failure.body);
	const rule = ERROR_TABLE.find((candidate) => candidate.matches(failure, text));
	const message = rule?.message(context, failure, text) ?? `DocSpace failed for ${context.target}: ${text || `status ${failure.statusCode}`}`;
	const description = rule?.description(context, failure, text) ?? 'Try again; if it persists, contact the portal administrator.';
	return { message: `${message} [item ${context.itemIndex}]`, description };
}

/**
 * The error the user sees. It is built from our own text only: neither the request (it holds
 * the Authorization header and link passwords) nor the raw answer goes into it.
 */
export function docSpaceNodeError(node: INode, failure: DocSpaceFailure, context: FailureContext): NodeApiError {
	const { message, description } = mapDocSpaceError(failure, context);
	const errorResponse: JsonObject = { message, statusCode: failure.statusCode ?? null };
	return new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: failure.statusCode ? String(failure.statusCode) : undefined,
		itemIndex: context.itemIndex,
	});
}
