import type { IDataObject, IGetNodeParameterOptions, INodeExecutionData } from 'n8n-workflow';

/**
 * Parameters whose expressions are all plain fields of the input item: `{{ $json.room }}`,
 * `{{ $json.client["room id"] }}`, `{{ $json.rooms[0] }}`, the expression n8n's editor writes when
 * a field is dragged in, alone, in text (`Client {{ $json.name }}`), inside a locator or a list of
 * rows. The runner reads such a field from the item itself when it holds a string, a number or a
 * boolean, the values n8n's expression engine gives back unchanged (in text: as `String()` writes
 * them); anything else (no such field, null, an object, any other expression) goes through n8n's
 * engine as before. Engine tests and test/e2e/fieldReads.e2e.ts (n8n's vm
 * engine) compare both.
 * On n8n's default engine one evaluation costs about 0.5 ms (an isolate call and a data proxy per
 * item), which was about a fifth of the CPU per item of Room Link: Set (README, Performance).
 */
export type FieldPath = Array<string | number>;

const SEGMENT =
	/^(?:\.([A-Za-z_$][\w$]*)|\[\s*(\d+)\s*\]|\[\s*"([^"\\]*)"\s*\]|\[\s*'([^'\\]*)'\s*\])/;
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** The field path of an expression that is nothing but `$json` and its keys; undefined otherwise. */
export function fieldPathOf(value: unknown): FieldPath | undefined {
	if (typeof value !== 'string') return undefined;
	const whole = /^=\{\{\s*\$json((?:\.|\[)[^]*?)\s*\}\}$/.exec(value);
	return whole ? keysOf(whole[1]) : undefined;
}

/** `.client["room id"][0]` → ['client', 'room id', 0]; undefined for anything else. */
function keysOf(keys: string): FieldPath | undefined {
	const path: FieldPath = [];
	let rest = keys;
	while (rest.length > 0) {
		const segment = SEGMENT.exec(rest);
		if (!segment) return undefined;
		const [, name, index, doubleQuoted, singleQuoted] = segment;
		const key = index !== undefined ? Number(index) : (name ?? doubleQuoted ?? singleQuoted);
		if (FORBIDDEN.has(String(key))) return undefined;
		path.push(key);
		rest = rest.slice(segment[0].length);
	}
	return path;
}

/** Text around fields (`Client {{ $json.name }}`): literal parts and field paths, in order. */
export type FieldTemplate = Array<string | FieldPath>;

/**
 * The parts of an expression that is text with plain fields in it; undefined for anything else,
 * and for text holding a brace or a backslash (left to n8n's own template reading).
 */
export function fieldTemplateOf(value: unknown): FieldTemplate | undefined {
	if (typeof value !== 'string' || !value.startsWith('=')) return undefined;
	const parts: FieldTemplate = [];
	const field = /\{\{\s*\$json((?:\.|\[)[^{}]*?)\s*\}\}/g;
	let last = 1;
	for (let match = field.exec(value); match; match = field.exec(value)) {
		const path = keysOf(match[1]);
		if (!path) return undefined;
		parts.push(value.slice(last, match.index), path);
		last = match.index + match[0].length;
	}
	parts.push(value.slice(last));
	const text = parts.filter((part): part is string => typeof part === 'string');
	const fieldCount = parts.length - text.length;
	// One field and no text is the whole-field form (fieldPathOf), whose value keeps its type.
	if (fieldCount === 0 || (fieldCount === 1 && text.join('') === '')) return undefined;
	if (text.some((part) => /[{}\\]/.test(part))) return undefined;
	return parts.filter((part) => part !== '');
}

/** The item's own field at the path when it is a string, a finite number or a boolean. */
function primitiveField(
	item: INodeExecutionData | undefined,
	path: FieldPath,
): string | number | boolean | undefined {
	let value: unknown = item?.json;
	for (const key of path) {
		if (typeof value !== 'object' || value === null) return undefined;
		if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = (value as IDataObject)[key as string];
	}
	if (typeof value === 'string' || typeof value === 'boolean') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	return undefined;
}

/** A stored parameter value whose every expression is a plain field of the item, or text with them. */
export interface FieldParameter {
	stored: unknown;
	fields: Map<string, { path: FieldPath } | { template: FieldTemplate }>;
}

export function fieldParameterOf(stored: unknown): FieldParameter | undefined {
	const fields: FieldParameter['fields'] = new Map();
	const collect = (value: unknown): boolean => {
		if (typeof value === 'string') {
			if (!value.startsWith('=')) return true;
			const path = fieldPathOf(value);
			const template = path ? undefined : fieldTemplateOf(value);
			if (path) fields.set(value, { path });
			else if (template) fields.set(value, { template });
			return path !== undefined || template !== undefined;
		}
		if (typeof value !== 'object' || value === null) return true;
		return Object.values(value).every(collect);
	};
	return collect(stored) && fields.size > 0 ? { stored, fields } : undefined;
}

/** What n8n's engine gives the expression for this item, when it is a field or text with fields. */
export function fieldExpressionValue(
	field: { path: FieldPath } | { template: FieldTemplate },
	item: INodeExecutionData | undefined,
): string | number | boolean | undefined {
	if ('path' in field) return primitiveField(item, field.path);
	let text = '';
	for (const part of field.template) {
		const value = typeof part === 'string' ? part : primitiveField(item, part);
		if (value === undefined) return undefined;
		text += String(value);
	}
	return text;
}

const NOT_A_FIELD_VALUE = Symbol('not a field value');

/** A fresh copy of the stored value with each field replaced by the item's, as n8n resolves it. */
function withFields(
	value: unknown,
	fields: FieldParameter['fields'],
	item: INodeExecutionData | undefined,
): unknown {
	if (typeof value === 'string') {
		const field = fields.get(value);
		return field ? (fieldExpressionValue(field, item) ?? NOT_A_FIELD_VALUE) : value;
	}
	if (typeof value !== 'object' || value === null) return value;
	const copy = (Array.isArray(value) ? [] : {}) as Record<string, unknown>;
	for (const [key, entry] of Object.entries(value)) {
		const resolved = withFields(entry, fields, item);
		if (resolved === NOT_A_FIELD_VALUE) return NOT_A_FIELD_VALUE;
		copy[key] = resolved;
	}
	return copy;
}

/**
 * What n8n's getNodeParameter gives a field parameter for this item; undefined when n8n has to
 * work it out. A locator's value is extracted as n8n does for its ID and list modes (they have no
 * extraction pattern); the URL mode and any other read option go to n8n.
 */
export function fieldParameterValue(
	parameter: FieldParameter,
	item: INodeExecutionData | undefined,
	options: IGetNodeParameterOptions | undefined,
): unknown {
	if (options && Object.keys(options).some((key) => key !== 'extractValue')) return undefined;
	const value = withFields(parameter.stored, parameter.fields, item);
	if (value === NOT_A_FIELD_VALUE) return undefined;
	if (!options?.extractValue) return value;
	const locator = value as { __rl?: unknown; mode?: unknown; value?: unknown } | null;
	const extractable =
		typeof locator === 'object' &&
		locator?.__rl === true &&
		(locator.mode === 'id' || locator.mode === 'list');
	return extractable ? locator.value : undefined;
}
