/**
 * The one redaction step for text that leaves the node (messages, descriptions, previews of
 * answers): the credential's key, link passwords and anything a server echoes that looks like an
 * Authorization header, a bearer token, an API key or a password is replaced.
 */
const REDACTED = '[redacted]';

const PATTERNS: Array<[RegExp, string]> = [
	// "Authorization": "Bearer …" / authorization=… / Authorization: Basic …
	[
		/(authori[sz]ation["']?\s*[:=]\s*["']?)(?:(?:bearer|basic|token)\s+)?[^\s"',;}&]+/gi,
		`$1${REDACTED}`,
	],
	[/\b(bearer|basic)\s+[\w.~+/=-]{6,}/gi, `$1 ${REDACTED}`],
	[/\bsk-[\w-]{4,}/g, `sk-${REDACTED}`],
	[/(asc_auth_key["']?\s*[:=]\s*["']?)[^\s;"',&}]+/gi, `$1${REDACTED}`],
	[
		/((?:password|passwd|pwd|secret|token|auth_?key|api_?key)["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s,;}&]+)/gi,
		`$1"${REDACTED}"`,
	],
	[/\beyJ[\w-]{4,}\.[\w-]{4,}\.[\w-]*/g, REDACTED],
];

function variants(secret: string): string[] {
	const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
	return [...forms].filter((form) => form.length >= 4);
}

/** `text` with every known secret and every secret-looking value replaced. */
export function redactText(text: string, secrets: readonly unknown[] = []): string {
	let result = text;
	const known = secrets
		.filter((secret): secret is string => typeof secret === 'string' && secret.trim().length >= 4)
		.flatMap((secret) => variants(secret.trim()))
		.sort((a, b) => b.length - a.length);
	for (const secret of known) result = result.split(secret).join(REDACTED);
	for (const [pattern, replacement] of PATTERNS) result = result.replace(pattern, replacement);
	return result;
}

/** At most `max` characters of an answer body, whitespace collapsed, secrets removed, for a message. */
export function answerPreview(body: unknown, secrets: readonly unknown[] = [], max = 80): string {
	let text: string;
	if (body === undefined || body === null) text = '';
	else if (Buffer.isBuffer(body)) text = body.subarray(0, 4 * max).toString('utf8');
	else if (typeof body === 'string') text = body.slice(0, 4 * max);
	else {
		try {
			text = (JSON.stringify(body) ?? '').slice(0, 4 * max);
		} catch {
			text = String(body);
		}
	}
	const collapsed = redactText(text.replace(/\s+/g, ' ').trim(), secrets);
	return collapsed.length > max ? `${collapsed.slice(0, max)}…` : collapsed;
}

/** A URL reduced to what may be shown: origin and path, without user name, query or fragment. */
export function safeUrl(raw: string, base?: string): string {
	try {
		const url = new URL(raw, base);
		return redactText(`${url.protocol}//${url.host}${url.pathname}`);
	} catch {
		return 'an address that is not a valid URL';
	}
}
