/**
 * Writes the part of DocSpace's OpenAPI document the emulator serves into the repository
 * (test/emulator/docspace-openapi.json), so that request validation needs nothing outside it.
 *
 *   npm run vendor:openapi -- <path to DocSpace's api-docs.json>
 *
 * Kept: every path whose template matches a route of the emulator (test/emulator/routes), with
 * only the methods the emulator serves, each reduced to its operationId, summary and request
 * body; and the schemas those bodies reference, followed transitively.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { ROUTES } from '../../test/emulator/routes';
import { VENDORED_OPENAPI_PATH } from '../../test/emulator/openapi';

interface Operation {
	operationId?: string;
	summary?: string;
	requestBody?: unknown;
}
interface OpenApiDocument {
	openapi: string;
	info: { title?: string; version?: string };
	paths: Record<string, Record<string, Operation>>;
	components: { schemas: Record<string, unknown> };
}

/** Same shape: literal segments equal (case-insensitive), `{x}` against `{y}`. */
function sameTemplate(a: string, b: string): boolean {
	const left = a.split('/');
	const right = b.split('/');
	return (
		left.length === right.length &&
		left.every((segment, index) => {
			const other = right[index];
			const isParameter = (value: string) => /^\{\w+\}$/.test(value);
			return isParameter(segment)
				? isParameter(other)
				: segment.toLowerCase() === other.toLowerCase();
		})
	);
}

function referencedSchemas(
	value: unknown,
	found: Set<string>,
	schemas: Record<string, unknown>,
): void {
	if (Array.isArray(value)) {
		for (const item of value) referencedSchemas(item, found, schemas);
		return;
	}
	if (!value || typeof value !== 'object') return;
	for (const [key, item] of Object.entries(value)) {
		if (key === '$ref' && typeof item === 'string' && item.startsWith('#/components/schemas/')) {
			const name = item.slice('#/components/schemas/'.length);
			if (!found.has(name) && schemas[name] !== undefined) {
				found.add(name);
				referencedSchemas(schemas[name], found, schemas);
			}
		} else {
			referencedSchemas(item, found, schemas);
		}
	}
}

function main(): void {
	const source = process.argv[2];
	if (!source) throw new Error('usage: npm run vendor:openapi -- <path to DocSpace api-docs.json>');
	const document = JSON.parse(readFileSync(resolve(source), 'utf8')) as OpenApiDocument;

	const paths: OpenApiDocument['paths'] = {};
	for (const [template, operations] of Object.entries(document.paths)) {
		const served = ROUTES.filter((route) => sameTemplate(route.template, template)).map((route) =>
			route.method.toLowerCase(),
		);
		for (const method of served) {
			const operation = operations[method];
			if (!operation) continue;
			paths[template] ??= {};
			paths[template][method] = {
				operationId: operation.operationId,
				summary: operation.summary,
				requestBody: operation.requestBody,
			};
		}
	}
	const names = new Set<string>();
	referencedSchemas(paths, names, document.components.schemas);
	const schemas = Object.fromEntries(
		[...names].sort().map((name) => [name, document.components.schemas[name]]),
	);

	const vendored = {
		openapi: document.openapi,
		info: {
			title: 'ONLYOFFICE DocSpace API (subset served by the emulator)',
			version: document.info.version,
			description:
				`A subset of the OpenAPI document published with ONLYOFFICE DocSpace-server ${document.info.version} ` +
				'(its api-docs.json): only the paths and methods test/emulator serves, their request bodies and the ' +
				'schemas those reference. Regenerate with scripts/openapi/vendor.ts; do not edit by hand.',
		},
		paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
		components: { schemas },
	};
	writeFileSync(VENDORED_OPENAPI_PATH, `${JSON.stringify(vendored, null, '\t')}\n`);
	process.stdout.write(
		`${Object.keys(paths).length} paths, ${names.size} schemas → ${VENDORED_OPENAPI_PATH}\n`,
	);
}

main();
