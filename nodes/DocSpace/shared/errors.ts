import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

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
	matches: (failure: DocSpaceFailure, text: string, context: FailureContext) => boolean;
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
		description: () =>
			'The Auth Key is wrong, expired or revoked. In DocSpace open Settings → Developer Tools → API keys, create a new key and paste it into the DocSpace credential. Nothing was changed.',
	},
	// The trigger's webhook registration (docs/docspace/webhooks.md §2, §5).
	{
		matches: (f, text, c) => isTrigger(c) && f.statusCode === 403 && text === '',
		message: () => 'The API key may not register webhooks in DocSpace (missing permission *:write, shown as "All" when creating a key)',
		description: () =>
			'DocSpace manages webhooks only with keys that have full access: create a key with the permission "All" (*) under Settings → Developer Tools → API keys, or use a personal access token. Keys limited to files, rooms or accounts cannot, and neither can OAuth apps. Nothing was registered.',
	},
	{
		matches: (f, _text, c) => isTrigger(c) && f.statusCode === 403,
		message: () => 'DocSpace does not let this account use webhooks (Access denied)',
		description: () =>
			'Guests can never register webhooks, and when the portal limits Developer Tools to admins only DocSpace admins can. Use the key of a DocSpace admin, or ask one to allow Developer Tools for users. Nothing was registered.',
	},
	{
		matches: (f, text, c) => isTrigger(c) && f.statusCode === 400 && /blacklist|private/i.test(text),
		message: () => "DocSpace refused n8n's webhook address: it is a private or local address",
		description: (_c, _f, text) =>
			`DocSpace answered "${text}". DocSpace only calls webhooks on public addresses: localhost, 127.x, 10.x, 172.16–31.x, 192.168.x and other private ranges are refused. Make n8n reachable from the internet (a public domain, or a tunnel such as ngrok or Cloudflare Tunnel) and set n8n's WEBHOOK_URL to that address, then activate the workflow again.`,
	},
	{
		matches: (f, text, c) => isTrigger(c) && f.statusCode === 400 && /not avail?able\. HEAD|HEAD request|DNS resolution|HTTPS is required/i.test(text),
		message: () => "DocSpace could not reach n8n's webhook address",
		description: (_c, _f, text) =>
			`DocSpace answered "${text}". Before it registers a webhook DocSpace sends a HEAD request to the address and needs a 2xx answer, without redirects. Check that n8n's WEBHOOK_URL is the public address of this n8n (a tunnel or public domain) and that it is reachable from the DocSpace server.`,
	},
	{
		matches: (f, text, c) => isTrigger(c) && f.statusCode === 400 && /trigger is not available/i.test(text),
		message: () => 'Your DocSpace role may not subscribe to some of the chosen events',
		description: () =>
			'Users who are not DocSpace admins or room admins cannot receive User: Created, User: Invited, every Group event, Room: Created, Room: Copied and AI Agent: Created. Remove those events or use the key of an admin or room admin.',
	},
	{
		matches: (f, text) => f.statusCode === 403 && text === '',
		message: (c) => `The API key is not allowed to ${c.operation} (missing permission ${c.requiredScope})`,
		description: (c) =>
			`DocSpace refused the request because the key lacks the "${c.requiredScope}" permission. Create a key with that permission (Settings → Developer Tools → API keys) or use a key with full access. Nothing was changed.`,
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

/** Rules that only apply to the DocSpace Trigger's webhook registration requests. */
function isTrigger(context: FailureContext): boolean {
	return context.operation.startsWith('DocSpace Trigger');
}

function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function isHtml(body: unknown): boolean {
	return typeof body === 'string' && /<\s*(html|body|center|h1)\b/i.test(body);
}

export function mapDocSpaceError(failure: DocSpaceFailure, context: FailureContext) {
	const text = docSpaceErrorText(failure.body);
	const rule = ERROR_TABLE.find((candidate) => candidate.matches(failure, text, context));
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
