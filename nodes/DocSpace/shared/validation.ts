import type { IExecuteSingleFunctions, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/**
 * An error raised before anything was sent. RoutingNode passes a NodeApiError on as it is and
 * wraps anything else into one with the code "none", which the editor shows as a "From DocSpace …
 * Error code: none" section. This one has no code and no raw messages: no such section.
 */
export function refusal(
	node: INode,
	message: string,
	options: { itemIndex?: number; description?: string },
): NodeApiError {
	const error = new NodeApiError(node, {} as JsonObject, {
		message,
		description: options.description,
		itemIndex: options.itemIndex,
	});
	error.httpCode = null;
	error.messages = [];
	error.message = message;
	return error;
}

/** A refusal before anything is sent: names the field, the item and what to do. */
export function invalidField(
	context: IExecuteSingleFunctions,
	field: string,
	problem: string,
	fix: string,
): NodeApiError {
	const itemIndex = context.getItemIndex();
	return refusal(context.getNode(), `${field}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: `${fix} Nothing was sent to DocSpace.`,
	});
}

export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string')
		return value.length > 60 ? `"${value.slice(0, 57)}…"` : `"${value}"`;
	if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'an object';
	return `${typeof value} ${String(value)}`;
}

// Internal entries have integer ids; entries in connected storages have ids like `sbox-42`
// (docs/docspace/api.md §1.1). Both go into the URL path, so nothing else is let through.
const ENTRY_ID = /^(\d{1,18}|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9_.-]{1,200})$/;

export function entryId(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	what: string,
): string {
	const text = typeof value === 'number' && Number.isInteger(value) ? String(value) : value;
	if (typeof text !== 'string' || !ENTRY_ID.test(text.trim()) || /^0+$/.test(text.trim())) {
		throw invalidField(
			context,
			field,
			`${describeValue(value)} is not a ${what} ID`,
			`Use the ${what}'s numeric ID (e.g. 1234), an ID of a connected storage (e.g. sbox-42), or switch the field to "By URL" and paste the ${what}'s address.`,
		);
	}
	return text.trim();
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const EMPTY_UUID = '00000000-0000-0000-0000-000000000000';

export function uuid(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	what: string,
): string {
	const text = typeof value === 'string' ? value.trim() : value;
	if (typeof text !== 'string' || !UUID.test(text) || text === EMPTY_UUID) {
		throw invalidField(
			context,
			field,
			`${describeValue(value)} is not a ${what} ID`,
			`A ${what} ID looks like 5b1a2c3d-0000-4e5f-8a9b-0c1d2e3f4a5b.`,
		);
	}
	return text.toLowerCase();
}

export function optionalText(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	maxLength: number,
): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw invalidField(
			context,
			field,
			`expected text, got ${describeValue(value)}`,
			`Enter plain text for "${field}".`,
		);
	}
	const text = String(value).trim();
	if (text.length > maxLength) {
		throw invalidField(
			context,
			field,
			`is ${text.length} characters long; DocSpace accepts at most ${maxLength}`,
			`Shorten "${field}".`,
		);
	}
	return text === '' ? undefined : text;
}

export function booleanValue(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
): boolean {
	if (typeof value === 'boolean') return value;
	if (value === 'true' || value === 'false') return value === 'true';
	throw invalidField(
		context,
		field,
		`expected true or false, got ${describeValue(value)}`,
		`Set "${field}" to true or false.`,
	);
}

export function integerInRange(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
	min: number,
	max: number,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw invalidField(
			context,
			field,
			`${describeValue(value)} is not a whole number from ${min} to ${max}`,
			`Enter a whole number between ${min} and ${max}.`,
		);
	}
	return number;
}

// DocSpace's password policy (PasswordSettingsManager, docs/docspace/api.md §3.2): printable ASCII
// without spaces, from the portal minimum (8 by default) to a hard maximum of 30.
export function linkPassword(context: IExecuteSingleFunctions, value: unknown): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value !== 'string') {
		throw invalidField(
			context,
			'Password',
			`expected text, got ${describeValue(value)}`,
			'Enter the password as text.',
		);
	}
	const password = value.trim();
	const problem = !/^[\x21-\x7E]*$/.test(password)
		? 'may only contain Latin letters, digits and symbols, without spaces'
		: password.length < 8 || password.length > 30
			? `must be 8 to 30 characters long (it has ${password.length})`
			: undefined;
	if (problem) {
		throw invalidField(
			context,
			'Password',
			`the link password ${problem}`,
			'Use 8–30 characters: Latin letters, digits and symbols such as !#$%, no spaces (your portal may also require digits, capitals or symbols).',
		);
	}
	return password;
}
