// Request binding as System.Text.Json + MVC model binding do it with DocSpace's JSON options
// (docs/docspace/api.md §1.3–§1.5, §2.3). Failures become ValidationProblem (400 ProblemDetails).

import { ValidationProblem } from './apiErrors';

export type JsonObject = Record<string, unknown>;

const FILE_SHARE_NAMES = [
	'None',
	'ReadWrite',
	'Read',
	'Restrict',
	'Varies',
	'Review',
	'Comment',
	'FillForms',
	'CustomFilter',
	'RoomManager',
	'Editing',
	'ContentCreator',
];

const UUID_PATTERN =
	/^[{(]?[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}[)}]?$/i;
export const EMPTY_UUID = '00000000-0000-0000-0000-000000000000';

export function isUuid(value: string): boolean {
	return UUID_PATTERN.test(value);
}

export function normalizeUuid(value: string): string {
	const hex = value.replace(/[^0-9a-f]/gi, '').toLowerCase();
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function conversionError(path: string, typeName: string): ValidationProblem {
	return ValidationProblem.single(
		path,
		`The JSON value could not be converted to ${typeName}. Path: ${path} | LineNumber: 0 | BytePositionInLine: 1.`,
	);
}

/** Parses a JSON request body; an empty or malformed body fails model binding. */
export function parseJsonObject(rawBody: string): JsonObject {
	if (rawBody.trim() === '') {
		throw ValidationProblem.single('', 'A non-empty request body is required.');
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(rawBody);
	} catch {
		throw new ValidationProblem({
			$: [
				`'${rawBody.trim()[0]}' is an invalid start of a value or the JSON is incomplete. Path: $ | LineNumber: 0 | BytePositionInLine: 0.`,
			],
			inDto: ['The inDto field is required.'],
		});
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new ValidationProblem({
			$: [
				'The JSON value could not be converted to the request DTO. Path: $ | LineNumber: 0 | BytePositionInLine: 1.',
			],
			inDto: ['The inDto field is required.'],
		});
	}
	return parsed as JsonObject;
}

/** Body property names are matched case-insensitively (JsonSerializerDefaults.Web, §1.3). */
export function property(
	body: JsonObject,
	name: string,
): { key: string; value: unknown } | undefined {
	const lower = name.toLowerCase();
	const key = Object.keys(body).find((candidate) => candidate.toLowerCase() === lower);
	return key === undefined ? undefined : { key, value: body[key] };
}

/**
 * FileShareConverter (§1.4): integer, numeric string or exact (case-sensitive) name.
 * Anything it cannot parse silently becomes 0 (None) — which deletes links.
 */
export function readFileShare(value: unknown): number {
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string') {
		if (/^-?\d+$/.test(value.trim())) return Number(value.trim());
		const index = FILE_SHARE_NAMES.indexOf(value);
		return index >= 0 ? index : 0;
	}
	return 0;
}

function readInteger(value: unknown, path: string, typeName: string): number {
	// NumberHandling = AllowReadingFromString (§1.3)
	if (typeof value === 'number' && Number.isInteger(value)) return value;
	if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
	throw conversionError(path, typeName);
}

/** Enums without a custom converter (LinkType, …): integers only; a name string is a 400 (§1.4). */
export function readEnum(value: unknown, path: string, typeName: string): number {
	return readInteger(value, path, typeName);
}

export function readOptionalInt(value: unknown, path: string): number | undefined {
	if (value === null || value === undefined) return undefined;
	return readInteger(value, path, 'System.Nullable`1[System.Int32]');
}

export function readBoolean(value: unknown, path: string): boolean {
	if (typeof value === 'boolean') return value;
	throw conversionError(path, 'System.Boolean');
}

export function readString(value: unknown, path: string): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return value;
	throw conversionError(path, 'System.String');
}

export function readUuid(value: unknown, path: string): string {
	if (typeof value === 'string' && isUuid(value)) return normalizeUuid(value);
	throw conversionError(path, 'System.Guid');
}

const ISO_DATE =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}[:-]\d{2}(?:[:-]\d{2}(?:\.\d{1,7})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Parses a date string the way ApiDateTimeConverter does (§1.5); undefined = "no date". */
export function parseApiDate(text: string): Date | undefined {
	const trimmed = text.trim();
	const iso = ISO_DATE.exec(trimmed);
	if (iso) {
		let normalized = trimmed.replace(' ', 'T');
		// dash-separated time variants (HH-mm-ss)
		normalized = normalized.replace(
			/T(\d{2})-(\d{2})(?:-(\d{2}))?/,
			(_m, h, mi, s) => `T${h}:${mi}${s ? `:${s}` : ''}`,
		);
		if (!iso[1] && normalized.includes('T')) normalized += 'Z'; // no offset: portal time zone (UTC here)
		normalized = normalized.replace(/(\.\d{3})\d+/, '$1');
		const time = Date.parse(normalized);
		return Number.isNaN(time) ? undefined : new Date(time);
	}
	if (/^[A-Z][a-z]{2}, \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(trimmed)) {
		return new Date(Date.parse(trimmed));
	}
	return undefined;
}

/** ApiDateTime on input: must be a JSON string (or null); an object fails binding (§1.5). */
export function readApiDate(value: unknown, path: string): Date | undefined {
	if (value === null || value === undefined) return undefined;
	if (typeof value === 'string') return parseApiDate(value);
	throw conversionError(path, 'ASC.Api.Core.ApiDateTime');
}

/** Collects DataAnnotations failures, keyed by the C# property name like MVC does. */
export class AttributeValidator {
	private readonly errors: Record<string, string[]> = {};

	maxLength(propertyName: string, value: string | undefined, max: number): void {
		if (value !== undefined && value.length > max) {
			this.add(
				propertyName,
				`The field ${propertyName} must be a string with a maximum length of ${max}.`,
			);
		}
	}

	range(propertyName: string, value: number | undefined, min: number, max: number): void {
		if (value !== undefined && (value < min || value > max)) {
			this.add(propertyName, `The field ${propertyName} must be between ${min} and ${max}.`);
		}
	}

	private add(key: string, message: string): void {
		(this.errors[key] ??= []).push(message);
	}

	throwIfInvalid(): void {
		if (Object.keys(this.errors).length > 0) throw new ValidationProblem(this.errors);
	}
}

export type Query = Record<string, string | string[]>;

export function queryValue(query: Query, name: string): string | undefined {
	const lower = name.toLowerCase();
	const key = Object.keys(query).find((candidate) => candidate.toLowerCase() === lower);
	if (key === undefined) return undefined;
	const value = query[key];
	return Array.isArray(value) ? value[0] : value;
}

export function queryValues(query: Query, name: string): string[] {
	const lower = name.toLowerCase();
	const result: string[] = [];
	for (const [key, value] of Object.entries(query)) {
		const bare = key.toLowerCase().replace(/\[\d*\]$/, '');
		if (bare === lower) result.push(...(Array.isArray(value) ? value : [value]));
	}
	return result;
}

function queryInt(query: Query, name: string): number | undefined {
	const text = queryValue(query, name);
	if (text === undefined || text === '') return undefined;
	if (!/^-?\d+$/.test(text.trim())) {
		throw ValidationProblem.single(
			name,
			`The value '${text}' is not valid for ${name[0].toUpperCase()}${name.slice(1)}.`,
		);
	}
	return Number(text);
}

export interface Paging {
	startIndex: number;
	count: number;
}

/** startIndex/count (§7): count defaults to 100 and has [Range(1, 100)] unless `unbounded`. */
export function readPaging(query: Query, unbounded = false): Paging {
	const count = queryInt(query, 'count');
	const startIndex = queryInt(query, 'startIndex') ?? 0;
	if (!unbounded) {
		const validator = new AttributeValidator();
		validator.range('Count', count, 1, 100);
		validator.throwIfInvalid();
	}
	return { startIndex: Math.max(0, startIndex), count: count ?? 100 };
}

export function readQueryEnum(query: Query, name: string): number | undefined {
	return queryInt(query, name);
}
