import { CREDENTIAL_ADVICE } from './authentication';
import type { DocSpaceFailure, FailureContext } from './errors';

/*
 * The one table of DocSpace failures (status, error text, network code, answer shape) and the
 * messages a user acts on, tried in order by errors.ts mapDocSpaceError.
 */

/** How long DocSpace asks to wait (Retry-After: seconds or an HTTP date), in ms. */
export function retryAfterMs(headers: Record<string, unknown> | undefined): number | undefined {
	const raw = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (raw === undefined || raw === null || raw === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(raw));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function receivedWords(bytes: number | undefined): string {
	if (!bytes) return 'nothing received yet';
	return bytes < 1024 * 1024
		? `${Math.max(1, Math.round(bytes / 1024))} KB received so far`
		: `${(bytes / 1024 / 1024).toFixed(1)} MB received so far`;
}

const MAYBE_STARTED =
	' The request may have reached DocSpace before the connection failed, so the operation may have started: check the destination or the Trash before running it again (a second copy would be made).';

/** What a write that may or may not have reached DocSpace means for running it again. */
function maybeApplied(c: FailureContext): string {
	if (!c.isWrite) return '';
	if (c.notRepeatable) return MAYBE_STARTED;
	if (c.createsNew) {
		return ` The request may have reached DocSpace before the answer was lost, so the link may already exist. Running the workflow again creates another link: set Link to Create or Reuse (Match by Title) so that a rerun updates it, or check ${c.operation.startsWith('File') ? 'File' : 'Room'} Link: Get Many first.`;
	}
	return ' The request may have reached DocSpace before the connection failed, so the change may already be applied; running it again is safe (it sets the same values).';
}

const CHECK_BASE_URL =
	"Check the Base URL in the DocSpace credential: it must be the portal's address as you open it in the browser (e.g. https://yourportal.onlyoffice.com), not the address of a room, a sign-in page or another site. A captive portal or a proxy in front of DocSpace can also answer like this.";

interface ErrorRule {
	matches: (failure: DocSpaceFailure, text: string, context: FailureContext) => boolean;
	message: (context: FailureContext, failure: DocSpaceFailure, text: string) => string;
	description: (context: FailureContext, failure: DocSpaceFailure, text: string) => string;
}

/** Operations on files as files (not on their sharing): "Access denied" means no access to the file or folder. */
const FILE_ENTRY_OPERATIONS = new Set([
	'File: Upload',
	'File: Download',
	'File: Create',
	'File: Get',
	'File: Rename',
	'File: Get Primary Link',
]);

/** The one table of DocSpace failures the node knows, in the order they are tried. */
export const ERROR_TABLE: ErrorRule[] = [
	{
		matches: (f) => f.operationTimeout !== undefined,
		message: (c, f) =>
			`DocSpace had not finished ${c.operation} for ${c.target} after ${f.operationTimeout?.waitedSeconds} s (progress ${f.operationTimeout?.progress}%)`,
		description: () =>
			'The operation goes on in DocSpace; large folders take longer. Raise "Max Wait (Seconds)" under Options, or check the result in DocSpace before running the node again (running a copy again makes a second copy).',
	},
	{
		matches: (f) => f.operationError !== undefined,
		message: (c, f) =>
			`DocSpace could not finish ${c.operation} for ${c.target}: ${f.operationError}`,
		description: (_c, f) => operationErrorHint(f.operationError ?? ''),
	},
	{
		matches: (f) => f.storage !== undefined,
		message: (c, f) =>
			`DocSpace sent the download of ${c.target} to its storage at ${f.storage!.url}, which ${f.storage!.problem}`,
		description: () =>
			'The node follows one redirect of a download to the storage DocSpace keeps files in (https only) and sends no key, cookie or password there. Try again (storage addresses expire after a while); if it persists, check the storage settings of the portal. Nothing was changed.',
	},
	{
		matches: (f) => f.redirectTo !== undefined,
		message: (c, f) =>
			`The DocSpace address redirected the request for ${c.target} to ${f.redirectTo} (${f.statusCode ?? 'redirect'})`,
		description: (_c, f) =>
			`DocSpace does not redirect API requests, so the node did not follow it and sent nothing to the other address (your key stays with the portal). If ${f.redirectTo} is your portal, put its address (without /api/2.0) into the credential's Base URL. ${CHECK_BASE_URL}`,
	},
	{
		matches: (f) => f.tooLargeMb !== undefined,
		message: (c, f) =>
			`DocSpace's answer for ${c.target} is larger than ${f.tooLargeMb} MB, the node's limit`,
		description: (c) =>
			`The node stopped reading it. Raise "Max Response Size (MB)" under the node's Options, or ask for less (Limit instead of Return All, a search or filter).${maybeApplied(c)}`,
	},
	{
		matches: (f) => f.notDocSpace !== undefined,
		message: (c, f) => {
			const answer = f.notDocSpace!;
			const shown = answer.preview
				? `${answer.contentType || 'no content type'}: "${answer.preview}"`
				: `${answer.contentType || 'no content type'}, empty`;
			return `The answer for ${c.target} is not DocSpace's (${answer.what}; ${shown})`;
		},
		description: (c) =>
			`${CHECK_BASE_URL}${c.isWrite ? ' Whether the change was applied is unknown: check in DocSpace before running it again.' : ''}`,
	},
	{
		matches: (f) =>
			f.networkCode === 'ECONNREFUSED' ||
			f.networkCode === 'ENOTFOUND' ||
			f.networkCode === 'EAI_AGAIN',
		message: (c) => `Could not reach DocSpace for ${c.target}: the portal address did not answer`,
		description: (c) =>
			`Check the Base URL in the DocSpace credential (e.g. https://yourportal.onlyoffice.com) and that the portal is online${c.attempts && c.attempts > 1 ? ` (tried ${c.attempts} times)` : ''}. Nothing was changed.`,
	},
	{
		matches: (f) => f.deadline?.waitingFor !== undefined,
		message: (c, f) =>
			`DocSpace had not finished ${f.deadline!.waitingFor} for ${c.target} after ${f.deadline!.seconds} s (Max Wait): ${receivedWords(f.deadline!.receivedBytes)}`,
		description: () =>
			'DocSpace does the work while the node waits; large files take longer. Raise "Max Wait (Seconds)" under the node\'s Options (up to 1800 s), or try again later. Nothing was changed.',
	},
	{
		matches: (f) => f.deadline?.bodyStarted === true,
		message: (c, f) =>
			`DocSpace's answer for ${c.target} did not arrive in full within ${f.deadline!.seconds} s`,
		description: (c) =>
			`DocSpace (or a proxy in front of it) started answering but sent the answer too slowly. Try again later, or raise "Timeout (Seconds)" under the node's Options.${maybeApplied(c)}`,
	},
	{
		matches: (f) =>
			f.deadline !== undefined ||
			f.networkCode === 'ETIMEDOUT' ||
			f.networkCode === 'ECONNABORTED' ||
			f.networkCode === 'ESOCKETTIMEDOUT',
		message: (c, f) =>
			`DocSpace did not answer in time for ${c.target}${f.deadline ? ` (${f.deadline.seconds} s)` : ''}`,
		description: (c) =>
			`The request timed out. Try again later, or raise "Timeout (Seconds)" under the node's Options.${maybeApplied(c)}`,
	},
	{
		matches: (f) => f.networkCode !== undefined,
		message: (c, f) =>
			`The connection to DocSpace broke for ${c.target} (${networkWords(f.networkCode)})`,
		description: (c) =>
			`The connection was closed before DocSpace answered${c.attempts && c.attempts > 1 ? `, ${c.attempts} times` : ''}. Try again in a moment.${maybeApplied(c)}`,
	},
	{
		matches: (f) => f.malformedJson === true,
		message: (c) => `DocSpace sent an unreadable answer for ${c.target}`,
		description: (c) =>
			`The answer was not valid JSON; a proxy or an incomplete answer is the usual cause. Try again; if it persists, check the Base URL.${maybeApplied(c)}`,
	},
	{
		matches: (f) => f.statusCode === 401,
		message: () => 'DocSpace did not accept the credential (401 Unauthorized)',
		description: (c) => CREDENTIAL_ADVICE[c.authentication ?? 'apiKey'].unauthorized,
	},
	// The trigger's webhook registration (docs/docspace/webhooks.md §2, §5).
	{
		matches: (f, text, c) => isTrigger(c) && f.statusCode === 403 && text === '',
		message: () =>
			'The API key may not register webhooks in DocSpace (missing permission *:write, shown as "All" when creating a key)',
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
		matches: (f, text, c) =>
			isTrigger(c) && f.statusCode === 400 && /blacklist|private/i.test(text),
		message: () => "DocSpace refused n8n's webhook address: it is a private or local address",
		description: (_c, _f, text) =>
			`DocSpace answered "${text}". DocSpace only calls webhooks on public addresses: localhost, 127.x, 10.x, 172.16–31.x, 192.168.x and other private ranges are refused. Make n8n reachable from the internet (a public domain, or a tunnel such as ngrok or Cloudflare Tunnel) and set n8n's WEBHOOK_URL to that address, then activate the workflow again.`,
	},
	{
		matches: (f, text, c) =>
			isTrigger(c) &&
			f.statusCode === 400 &&
			/not avail?able\. HEAD|HEAD request|DNS resolution|HTTPS is required/i.test(text),
		message: () => "DocSpace could not reach n8n's webhook address",
		description: (_c, _f, text) =>
			`DocSpace answered "${text}". Before it registers a webhook DocSpace sends a HEAD request to the address and needs a 2xx answer, without redirects. Check that n8n's WEBHOOK_URL is the public address of this n8n (a tunnel or public domain) and that it is reachable from the DocSpace server.`,
	},
	{
		matches: (f, text, c) =>
			isTrigger(c) && f.statusCode === 400 && /trigger is not available/i.test(text),
		message: () => 'Your DocSpace role may not subscribe to some of the chosen events',
		description: () =>
			'Users who are not DocSpace admins or room admins cannot receive User: Created, User: Invited, every Group event, Room: Created, Room: Copied and AI Agent: Created. Remove those events or use the key of an admin or room admin.',
	},
	{
		matches: (f, text) => f.statusCode === 403 && text === '',
		message: (c) => {
			const advice = CREDENTIAL_ADVICE[c.authentication ?? 'apiKey'];
			return `${advice.who} is not allowed to ${c.operation} (missing ${advice.permission} ${c.requiredScope})`;
		},
		description: (c) =>
			CREDENTIAL_ADVICE[c.authentication ?? 'apiKey'].missingPermission(c.requiredScope),
	},
	{
		// File transfer and file entries: the account may not read or write there (docs/docspace/files.md §8).
		matches: (f, text, c) =>
			f.statusCode === 403 && /access denied/i.test(text) && FILE_ENTRY_OPERATIONS.has(c.operation),
		message: (c) => `You do not have access to ${c.target}`,
		description: (c) =>
			`DocSpace answered "Access denied": the account behind the credential may not ${c.isWrite ? 'add or change files in' : 'open'} ${c.target} (it is not a member of the room, the file belongs to someone else, or the folder is the Rooms section itself, which only holds rooms). Ask a room admin to add the account, or use another key.`,
	},
	{
		matches: (f, text) => f.statusCode === 403 && /not suspended/i.test(text),
		message: (c) => `DocSpace deletes only disabled users, and ${c.target} is active`,
		description: () =>
			'Disable the user first (User: Disable), then delete them. Nothing was changed.',
	},
	{
		// People and groups: the owner/admin rules of docs/docspace/people.md §2–§6.
		matches: (f, _text, c) => f.statusCode === 403 && /^(User|Group): /.test(c?.operation ?? ''),
		message: (c) =>
			`DocSpace did not let this account ${c.operation.replace(/^\w+: /, '').toLowerCase()} ${c.target}`,
		description: (c, _f, text) =>
			`DocSpace answered "${text}". ${
				c.operation.startsWith('Group: ')
					? 'Only DocSpace admins create, change and delete groups.'
					: 'Only DocSpace admins manage users (room admins may invite users). Nobody can disable, delete or change the type of the portal owner or of themselves; only the owner can do it for DocSpace admins or invite and make admins; LDAP users are managed in LDAP; guests join through rooms.'
			} Use a DocSpace admin's or the owner's key. Nothing was changed.`,
	},
	{
		matches: (f, _text, c) => f.statusCode === 402 && /^User: /.test(c?.operation ?? ''),
		message: () =>
			'Your DocSpace plan has no free seat for another room admin or DocSpace admin (402)',
		description: (_c, _f, text) =>
			`DocSpace answered "${text}". Room admins and DocSpace admins take paid seats. Choose the User type, free a seat, or add seats in Settings → Payments. Nothing was changed.`,
	},
	{
		matches: (f, text, c) =>
			f.statusCode === 403 && /access denied/i.test(text) && c.operation === 'Room: Create',
		message: () => 'The account behind the credential may not create rooms',
		description: () =>
			'DocSpace answered "Access denied": only room admins and DocSpace admins create rooms. Use the key of such an account, or ask a DocSpace admin to change the account type. Nothing was created.',
	},
	{
		matches: (f, text) => f.statusCode === 403 && /can't pin/i.test(text),
		message: (c) =>
			`DocSpace did not pin ${c.target}: the account already has the most pinned rooms allowed`,
		description: () =>
			'An account can pin at most 10 rooms. Unpin one first (Room: Unpin). Nothing was changed.',
	},
	{
		matches: (f, text, c) =>
			f.statusCode === 403 &&
			/access denied/i.test(text) &&
			c.isWrite &&
			c.operation.startsWith('Room: '),
		message: (c) => `You are not allowed to change ${c.target}`,
		description: (c) =>
			`DocSpace answered "Access denied": only the room's owner, its room managers and DocSpace admins change ${c.target}. Ask one of them, or use their key. Nothing was changed.`,
	},
	{
		// Reading a room (Room: Get / Get Many) needs membership, not the right to share it.
		matches: (f, text) => f.statusCode === 403 && /access denied/i.test(text),
		message: (c) =>
			/^(Room|Folder): /.test(c.operation)
				? `You are not allowed to open ${c.target}`
				: `You are not allowed to manage sharing of ${c.target}`,
		description: (c) =>
			c.operation.startsWith('Folder: ')
				? `DocSpace answered "Access denied": the account behind the credential cannot see ${c.target} (it is in another user's My Documents, or in a room the account is not a member of). Use another key or ask for access.`
				: c.operation.startsWith('Room: ')
					? `DocSpace answered "Access denied": the account behind the credential is not a member of ${c.target}. Ask a room admin to add it, or use another key.`
					: `DocSpace answered "Access denied": the account behind the credential cannot change access to ${c.target}.${
							c.operation === 'Room Link: Get Primary'
								? ' Collaboration, virtual data and AI rooms have no external links, and DocSpace answers the same for them.'
								: ''
						} Ask a room admin or the portal owner to do it, or use their key. Nothing was changed.`,
	},
	{
		matches: (f, text) => f.statusCode === 403 && /role is not available/i.test(text),
		message: (c) => `DocSpace does not allow this access level for ${c.target}`,
		description: (c, _f, text) =>
			`DocSpace answered "${text}". ${c.roleHint ?? ''} Nothing was changed.`.replace(/\s+/g, ' '),
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
		message: (c, _f, text) =>
			`DocSpace rejected a value for ${c.target}: ${text || 'invalid request'}`,
		description: () =>
			'Correct the field named in the message and run the node again. Nothing was changed.',
	},
	{
		matches: (f) => f.statusCode === 429,
		message: (c) => `DocSpace kept refusing requests for ${c.target}: too many requests (429)`,
		description: (c, f) => {
			const wait = retryAfterMs(f.headers);
			const when =
				wait === undefined ? 'in a minute' : `after ${new Date(Date.now() + wait).toISOString()}`;
			return `The portal's rate limit was still exceeded after ${c.attempts ?? 1} attempt(s). Try again ${when}, or lower "${c.isWrite ? 'Max Parallel Writes' : 'Max Parallel Reads'}" under the node's Options. Nothing was changed by this item.`;
		},
	},
	{
		matches: (f) => (f.statusCode ?? 0) >= 500,
		message: (c, f) =>
			`DocSpace${isHtml(f.body) ? ' (or a proxy in front of it)' : ''} failed with ${f.statusCode} for ${c.target}`,
		description: (c, _f, text) =>
			`${text ? `DocSpace said: "${text}". ` : ''}This is a problem on the server side; try again in a few minutes.${maybeApplied(c)}`,
	},
];

function operationErrorHint(text: string): string {
	if (/lock|edit/i.test(text))
		return 'The file is open for editing or locked. Close it in the editor or unlock it, then run the node again. Entries DocSpace did not report as failed were processed.';
	if (/permission|access|security/i.test(text))
		return 'The account behind the credential lacks the right for this entry or its destination. Ask a room admin or use another key. Entries DocSpace did not report as failed were processed.';
	if (/not found|not exist/i.test(text))
		return 'The entry or the destination no longer exists. Check the IDs. Entries DocSpace did not report as failed were processed.';
	return 'DocSpace reported this error when the operation finished. Entries it did not report as failed were processed.';
}

/** Node's error codes in words: n8n replaces a message that contains one (ECONNRESET…) with its own text. */
function networkWords(code: string | undefined): string {
	const words: Record<string, string> = {
		ECONNRESET: 'connection reset',
		EPIPE: 'connection closed while sending',
		EHOSTUNREACH: 'host unreachable',
		ENETUNREACH: 'network unreachable',
		ECONNABORTED: 'connection aborted',
	};
	return words[code ?? ''] ?? 'network error';
}

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
