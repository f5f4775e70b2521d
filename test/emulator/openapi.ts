// A small OpenAPI 3.0 request validator for the DocSpace spec (docs/docspace/api.md §9).
// Violations are recorded, never answered: the real server ignores unknown properties.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { matchTemplate } from './routes';

type Schema = {
	$ref?: string;
	type?: string;
	format?: string;
	enum?: unknown[];
	nullable?: boolean;
	properties?: Record<string, Schema>;
	additionalProperties?: boolean | Schema;
	required?: string[];
	items?: Schema;
	allOf?: Schema[];
	oneOf?: Schema[];
	anyOf?: Schema[];
	maxLength?: number;
	minLength?: number;
	minimum?: number;
	maximum?: number;
};

interface Operation {
	requestBody?: { content?: Record<string, { schema?: Schema }>; required?: boolean };
}

interface OpenApiDocument {
	paths: Record<string, Record<string, Operation>>;
	components: { schemas: Record<string, Schema> };
}

/** DocSpace's OpenAPI document, reduced to what the emulator serves (scripts/openapi/vendor.ts). */
export const VENDORED_OPENAPI_PATH = path.resolve(__dirname, 'docspace-openapi.json');

let cachedDocument: OpenApiDocument | undefined;

function loadDocument(): OpenApiDocument {
	cachedDocument ??= JSON.parse(readFileSync(VENDORED_OPENAPI_PATH, 'utf8')) as OpenApiDocument;
	return cachedDocument;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** §1.5: ApiDateTime is an ISO string on the wire, not the {utcTime, timeZoneOffset} object of the spec. */
const API_DATE_TIME_REF = '#/components/schemas/ApiDateTime';
/** WatermarkAdditions is a [Flags] enum (docs/docspace/rooms.md §1): sums such as 3 are valid, the spec lists single bits. */
const WATERMARK_ADDITIONS_REF = '#/components/schemas/WatermarkAdditions';
const WEBHOOK_TRIGGER_REF = '#/components/schemas/WebhookTrigger';

export class OpenApiValidator {
	private readonly document = loadDocument();

	/** Problems of one request; empty when it conforms. */
	validate(method: string, requestPath: string, body: unknown, rawBody: string): string[] {
		// filehandler.ashx and ChunkedUploader.ashx are middleware outside the API document.
		if (!requestPath.startsWith('/api/2.0/')) return [];
		const templates = Object.keys(this.document.paths).filter(
			(template) => matchTemplate(template, requestPath) !== undefined,
		);
		if (templates.length === 0) return [`no path in the OpenAPI document matches ${requestPath}`];
		const literal = templates.find((template) => !template.includes('{')) ?? templates[0];
		const operation = [literal, ...templates]
			.map((template) => this.document.paths[template][method.toLowerCase()])
			.find((candidate) => candidate !== undefined);
		if (!operation) return [`${method} is not defined for ${literal}`];
		const schema = operation.requestBody?.content?.['application/json']?.schema;
		if (!schema) return [];
		if (rawBody.trim() === '')
			return operation.requestBody?.required ? ['request body is required'] : [];
		if (typeof body === 'string') return ['request body is not valid JSON'];
		const problems: string[] = [];
		this.check(schema, body, 'body', problems);
		return problems;
	}

	private resolve(schema: Schema): Schema {
		let current = schema;
		while (current.$ref) {
			if (current.$ref === API_DATE_TIME_REF) return { type: 'string', nullable: true };
			if (current.$ref === WATERMARK_ADDITIONS_REF)
				return { type: 'integer', minimum: 0, maximum: 31 };
			// WebhookTrigger is a flags enum (a long up to 2^35): the document lists single flags only (docs/docspace/webhooks.md §3).
			if (current.$ref === WEBHOOK_TRIGGER_REF)
				return { type: 'integer', minimum: 0, maximum: 2 ** 36 - 1 };
			current =
				this.document.components.schemas[current.$ref.replace('#/components/schemas/', '')] ?? {};
		}
		return current;
	}

	/** allOf parts merged into one object schema (properties union; closed if any part is closed). */
	private flatten(schema: Schema): Schema {
		const resolved = this.resolve(schema);
		if (!resolved.allOf) return resolved;
		const merged: Schema = {
			...resolved,
			allOf: undefined,
			properties: { ...resolved.properties },
			required: [...(resolved.required ?? [])],
		};
		for (const part of resolved.allOf.map((item) => this.flatten(item))) {
			Object.assign(merged.properties!, part.properties);
			merged.required!.push(...(part.required ?? []));
			merged.type ??= part.type;
			if (part.additionalProperties === false) merged.additionalProperties = false;
		}
		return merged;
	}

	private check(schemaOrRef: Schema, value: unknown, at: string, problems: string[]): void {
		const schema = this.flatten(schemaOrRef);
		if (value === null) {
			if (!schema.nullable && schema.type !== undefined)
				problems.push(`${at}: null is not allowed`);
			return;
		}
		const alternatives = schema.oneOf ?? schema.anyOf;
		if (alternatives) {
			const ok = alternatives.some((alternative) => {
				const found: string[] = [];
				this.check(alternative, value, at, found);
				return found.length === 0;
			});
			if (!ok) problems.push(`${at}: matches none of the allowed schemas`);
			return;
		}
		if (!this.checkType(schema, value, at, problems)) return;
		if (schema.enum && !schema.enum.includes(value))
			problems.push(`${at}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
		if (typeof value === 'string') this.checkString(schema, value, at, problems);
		if (typeof value === 'number') {
			if (schema.minimum !== undefined && value < schema.minimum)
				problems.push(`${at}: ${value} is below the minimum ${schema.minimum}`);
			if (schema.maximum !== undefined && value > schema.maximum)
				problems.push(`${at}: ${value} is above the maximum ${schema.maximum}`);
		}
		if (Array.isArray(value) && schema.items) {
			value.forEach((item, index) => this.check(schema.items!, item, `${at}[${index}]`, problems));
		}
		if (typeof value === 'object' && !Array.isArray(value) && schema.properties)
			this.checkObject(schema, value as Record<string, unknown>, at, problems);
	}

	private checkType(schema: Schema, value: unknown, at: string, problems: string[]): boolean {
		const actual = Array.isArray(value) ? 'array' : typeof value;
		const ok =
			schema.type === undefined ||
			(schema.type === 'integer' && typeof value === 'number' && Number.isInteger(value)) ||
			(schema.type === 'number' && typeof value === 'number') ||
			(schema.type === 'object' && actual === 'object') ||
			schema.type === actual;
		if (!ok)
			problems.push(
				`${at}: expected ${schema.type}, got ${actual === 'number' && schema.type === 'integer' ? 'non-integer number' : actual}`,
			);
		return ok;
	}

	private checkString(schema: Schema, value: string, at: string, problems: string[]): void {
		if (schema.maxLength !== undefined && value.length > schema.maxLength)
			problems.push(`${at}: longer than ${schema.maxLength} characters`);
		if (schema.minLength !== undefined && value.length < schema.minLength)
			problems.push(`${at}: shorter than ${schema.minLength} characters`);
		if (schema.format === 'uuid' && !UUID.test(value)) problems.push(`${at}: not a uuid`);
		if (schema.format === 'email' && !/^[^@\s]+@[^@\s]+$/.test(value))
			problems.push(`${at}: not an email address`);
	}

	private checkObject(
		schema: Schema,
		value: Record<string, unknown>,
		at: string,
		problems: string[],
	): void {
		const properties = schema.properties ?? {};
		for (const [key, item] of Object.entries(value)) {
			const propertySchema = properties[key];
			if (propertySchema) this.check(propertySchema, item, `${at}.${key}`, problems);
			else if (schema.additionalProperties === false)
				problems.push(`${at}.${key}: unknown property`);
		}
		for (const key of schema.required ?? []) {
			if (!(key in value)) problems.push(`${at}.${key}: required property missing`);
		}
	}
}
