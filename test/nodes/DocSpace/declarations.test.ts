import type { INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadNodeType } from '../../harness/engine';

/**
 * The per-item cost rule. n8n's RoutingNode evaluates a parameter's value once per DECLARATION of
 * its name, for every item and twice over, shown or not. So a name users can fill with an
 * expression is declared once: one declaration shown for several operations (displayOptions
 * listing them), or a name of its own for a new field.
 *
 * Names declared several times before the rule existed are listed with their current count; the
 * list may only shrink. Any other name, including every parameter a new operation adds, must be
 * declared once.
 */
const DECLARED_BEFORE_THE_RULE: Record<string, number> = {
	room: 2,
	file: 2,
	linkId: 3,
	access: 2,
	title: 2,
	expirationDate: 2,
	password: 2,
	denyDownload: 2,
	internal: 2,
	// Each operation declares its own Simplify and Options; the node merges them
	// (shared/declarations.ts): one Options, whose entries are shown per operation, and two Simplify,
	// as one displayOptions cannot show it on User and Group: Delete without Room: Delete.
	simplify: 2,
	search: 2,
};

/** Names nobody can fill with an expression: notices and noDataExpression fields (resource, operation, …). */
function takesExpressions(property: INodeProperties): boolean {
	return property.type !== 'notice' && property.noDataExpression !== true;
}

/** Whether a declaration can be shown at this node version (its `@version` show/hide rules). */
function shownAtVersion(property: INodeProperties, version: number): boolean {
	const { show, hide } = property.displayOptions ?? {};
	const only = {
		displayOptions: {
			show: show?.['@version'] ? { '@version': show['@version'] } : undefined,
			hide: hide?.['@version'] ? { '@version': hide['@version'] } : undefined,
		},
	};
	return NodeHelpers.displayParameter(
		{},
		only as INodeProperties,
		{ typeVersion: version } as never,
		nodeType.description,
	);
}

/** Declarations per name (at one node version: only those it can show). */
function declarationCounts(properties: INodeProperties[], version?: number): Map<string, number> {
	const counts = new Map<string, number>();
	for (const property of properties.filter(takesExpressions)) {
		if (version !== undefined && !shownAtVersion(property, version)) continue;
		counts.set(property.name, (counts.get(property.name) ?? 0) + 1);
	}
	return counts;
}

/** Names declared more often than the rule allows (at each node version). */
function violations(properties: INodeProperties[]): string[] {
	const found = new Set<string>();
	for (const version of VERSIONS)
		for (const [name, count] of declarationCounts(properties, version))
			if (count > (DECLARED_BEFORE_THE_RULE[name] ?? 1)) found.add(`${name} ×${count}`);
	return [...found];
}

const nodeType = loadNodeType();
const VERSIONS = [nodeType.description.version].flat();
const description = () => nodeType.description.properties;

describe('per-item cost rule: one declaration per parameter name', () => {
	it('checks every parameter of the description (Request Options included)', () => {
		const counts = declarationCounts(description());
		expect(counts.size).toBeGreaterThan(20);
		expect(counts.get('requestOptions')).toBe(1);
	});

	it('declares no parameter name users can fill with an expression more often than allowed', () => {
		expect(VERSIONS).toEqual([1, 1.1]);
		expect(violations(description())).toEqual([]);
	});

	/**
	 * A default that changes with the node version needs one declaration per version (n8n saves no
	 * parameter equal to its default). RoutingNode would evaluate each of them for every item; the
	 * runner (customOperations) reads only the declaration shown. So a name declared more often
	 * across versions than at any one version is shown only on operations the runner runs.
	 */
	it('declares a name once more per version only where the runner runs the operation', () => {
		const runner = nodeType.customOperations ?? {};
		const across = declarationCounts(description());
		const split = [...across]
			.filter(([name, count]) => count > (DECLARED_BEFORE_THE_RULE[name] ?? 1))
			.map(([name]) => name);
		expect(split.sort()).toEqual(['linkId', 'notify']);
		for (const name of split) {
			for (const property of description().filter((entry) => entry.name === name)) {
				const show = property.displayOptions?.show ?? {};
				for (const resource of show.resource as string[])
					for (const operation of show.operation as string[])
						expect(`${resource}:${operation} ${typeof runner[resource]?.[operation]}`).toBe(
							`${resource}:${operation} function`,
						);
			}
		}
	});

	it('spots a new name declared twice and a repeated name declared once more', () => {
		const properties = description();
		const title = properties.find((property) => property.name === 'title') as INodeProperties;
		const other = { show: { resource: ['room'], operation: ['get'] } };
		const extra: INodeProperties[] = [
			{ ...title, displayOptions: other },
			{ ...title, name: 'aNewField' },
			{ ...title, name: 'aNewField', displayOptions: other },
		];
		expect(violations([...properties, ...extra])).toEqual([
			`title ×${DECLARED_BEFORE_THE_RULE.title + 1}`,
			'aNewField ×2',
		]);
	});
});
