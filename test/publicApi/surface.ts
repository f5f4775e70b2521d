/**
 * What saved workflows depend on: for every node and credential the package registers, the
 * values of resource and operation, every parameter name (collection entries as `parent.child`)
 * and the option values stored for options parameters; for credentials, their field names.
 * Renaming or removing any of these breaks workflows users have saved.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
	ICredentialType,
	INodeProperties,
	INodePropertyCollection,
	INodeType,
} from 'n8n-workflow';

export const REPO_ROOT = resolve(__dirname, '..', '..');
export const SURFACE_FILE = join(__dirname, 'surface.json');

export interface PublicSurface {
	nodes: Record<
		string,
		{
			versions: number[];
			operations: Record<string, string[]>;
			parameters: Record<string, string[]>;
		}
	>;
	credentials: Record<string, string[]>;
}

/** package.json lists compiled paths (dist/…/X.node.js); the sources sit at …/X.node.ts. */
function sourcesOf(kind: 'nodes' | 'credentials'): string[] {
	const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
		n8n: Record<string, string[]>;
	};
	return manifest.n8n[kind].map((path) =>
		join(REPO_ROOT, path.replace(/^dist\//, '').replace(/\.js$/, '.ts')),
	);
}

function exportedInstance<T>(file: string): T {
	const exports = require(file) as Record<string, new () => T>;
	const [constructor] = Object.values(exports).filter((value) => typeof value === 'function');
	return new constructor();
}

function addValues(parameters: Record<string, Set<string>>, name: string, values: string[]): void {
	parameters[name] ??= new Set();
	for (const value of values) parameters[name].add(value);
}

function collect(
	properties: INodeProperties[],
	prefix: string,
	parameters: Record<string, Set<string>>,
): void {
	for (const property of properties) {
		if (property.type === 'notice') continue;
		const name = `${prefix}${property.name}`;
		const options = (property.options ?? []) as Array<
			INodeProperties | INodePropertyCollection | { value?: unknown }
		>;
		const values =
			property.type === 'options' || property.type === 'multiOptions'
				? options.map((option) => String((option as { value?: unknown }).value))
				: [];
		addValues(parameters, name, values);
		if (property.type === 'collection')
			collect(options as INodeProperties[], `${name}.`, parameters);
		if (property.type === 'fixedCollection') {
			for (const group of options as INodePropertyCollection[])
				collect(group.values, `${name}.${group.name}.`, parameters);
		}
	}
}

export function currentSurface(): PublicSurface {
	const surface: PublicSurface = { nodes: {}, credentials: {} };
	for (const file of sourcesOf('nodes')) {
		const { description } = exportedInstance<INodeType>(file);
		const parameters: Record<string, Set<string>> = {};
		const operations: Record<string, Set<string>> = {};
		for (const property of description.properties) {
			if (property.name === 'operation') {
				const resources = (property.displayOptions?.show?.resource as string[] | undefined) ?? [
					'(none)',
				];
				for (const resource of resources)
					addValues(
						operations,
						resource,
						(property.options ?? []).map((option) => String((option as { value: unknown }).value)),
					);
			}
		}
		collect(
			description.properties.filter((property) => property.name !== 'operation'),
			'',
			parameters,
		);
		const sorted = (record: Record<string, Set<string>>) =>
			Object.fromEntries(
				Object.keys(record)
					.sort()
					.map((key) => [key, [...record[key]].sort()]),
			);
		surface.nodes[description.name] = {
			versions: [description.version].flat().sort(),
			operations: sorted(operations),
			parameters: sorted(parameters),
		};
	}
	for (const file of sourcesOf('credentials')) {
		const credential = exportedInstance<ICredentialType>(file);
		surface.credentials[credential.name] = credential.properties
			.filter((property) => property.type !== 'notice')
			.map((property) => property.name)
			.sort();
	}
	return surface;
}

/** Everything in `recorded` that `current` no longer has, as readable lines. */
export function missingFrom(recorded: PublicSurface, current: PublicSurface): string[] {
	const missing: string[] = [];
	for (const [node, saved] of Object.entries(recorded.nodes)) {
		const now = current.nodes[node];
		if (!now) {
			missing.push(`node ${node}`);
			continue;
		}
		for (const version of saved.versions)
			if (!now.versions.includes(version)) missing.push(`${node} version ${version}`);
		for (const [resource, values] of Object.entries(saved.operations)) {
			for (const value of values)
				if (!now.operations[resource]?.includes(value))
					missing.push(`${node} operation ${resource}:${value}`);
		}
		for (const [parameter, values] of Object.entries(saved.parameters)) {
			if (!now.parameters[parameter]) missing.push(`${node} parameter ${parameter}`);
			else
				for (const value of values)
					if (!now.parameters[parameter].includes(value))
						missing.push(`${node} parameter ${parameter} value ${value}`);
		}
	}
	for (const [credential, fields] of Object.entries(recorded.credentials)) {
		const now = current.credentials[credential];
		if (!now) missing.push(`credential ${credential}`);
		else
			for (const field of fields)
				if (!now.includes(field)) missing.push(`credential ${credential} field ${field}`);
	}
	return missing;
}
