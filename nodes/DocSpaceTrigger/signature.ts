// n8n's community-node rules allow node:crypto (the only built-in they allow); n8n-workflow has no HMAC helper.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-docspace-signature-256';

const SIGNATURE_PATTERN = /^sha256=([0-9a-fA-F]{64})$/;

/**
 * DocSpace signs the exact body bytes it sends with HMAC-SHA256 under the secret and sends
 * `sha256=<UPPERCASE hex>` (docs/docspace/webhooks.md §6). The raw bytes are hashed, never a
 * re-serialised body: DocSpace escapes non-ASCII and `<>&'+` as \uXXXX, JSON.stringify does not.
 */
export function signatureIsValid(rawBody: Buffer, header: unknown, secret: string): boolean {
	const value = Array.isArray(header) ? header[0] : header;
	const match = typeof value === 'string' ? SIGNATURE_PATTERN.exec(value.trim()) : null;
	if (!match || !secret) return false;
	const expected = createHmac('sha256', Buffer.from(secret, 'utf8')).update(rawBody).digest();
	const received = Buffer.from(match[1], 'hex');
	return received.length === expected.length && timingSafeEqual(received, expected);
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
// Symbols every DocSpace password policy accepts (docs/docspace/webhooks.md §2).
const SYMBOLS = '!#$%&()*+,.:;<>?@^_{}~';
const SECRET_LENGTH = 30;

function pick(alphabet: string): string {
	return alphabet[randomInt(alphabet.length)];
}

/**
 * A fresh webhook secret: 30 characters (DocSpace's maximum), at least one capital, small
 * letter, digit and symbol, so it passes the strictest portal password policy.
 */
export function generateSecret(): string {
	const all = UPPER + LOWER + DIGITS + SYMBOLS;
	const characters = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
	while (characters.length < SECRET_LENGTH) characters.push(pick(all));
	for (let index = characters.length - 1; index > 0; index--) {
		const swap = randomInt(index + 1);
		[characters[index], characters[swap]] = [characters[swap], characters[index]];
	}
	return characters.join('');
}
