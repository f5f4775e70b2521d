import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

/**
 * One declaration of Simplify and of Options for the whole node.
 *
 * n8n's RoutingNode evaluates a parameter's value once per DECLARATION of its name, for every item
 * and twice over (runNode, resolveBaseUrl), shown or not; an expression in Options cost 24
 * evaluations per pass while each operation declared its own. Each operation still declares its
 * Simplify and Options (`simplifyProperty`, `optionsProperty`): those declarations are fragments
 * that the node merges here into
 * - one collection whose entries carry `displayOptions` on `/resource` and `/operation` (root
 *   paths: inside a collection the editor resolves names against the collection's own values).
 *   RoutingNode, the runner and the editor apply only the entries shown for the operation, so
 *   an entry of one operation never reaches another;
 * - as few declarations of a plain parameter as `displayOptions` can express. One `show` is a
 *   rectangle (resources × operations): Simplify on User: Delete but not on File: Delete needs a
 *   second one.
 * Nothing a saved workflow stores changes: the names, the entries' names and their defaults.
 */
type Combo = { resource: string; operation: string };
type Rectangle = { resource: string[]; operation: string[] };

const key = (combo: Combo) => `${combo.resource}\u0000${combo.operation}`;

/** Every resource/operation pair the node offers, from the Resource and Operation declarations. */
function offeredCombos(properties: INodeProperties[]): Combo[] {
	const resource = properties.find((property) => property.name === 'resource');
	const combos: Combo[] = [];
	for (const { value } of (resource?.options ?? []) as INodePropertyOptions[]) {
		for (const operation of properties.filter((property) => property.name === 'operation')) {
			if (!NodeHelpers.displayParameter({ resource: value }, operation, null, null)) continue;
			for (const option of (operation.options ?? []) as INodePropertyOptions[])
				combos.push({ resource: String(value), operation: String(option.value) });
		}
	}
	return combos;
}

/** Where a fragment is shown; a fragment may only depend on the resource and the operation. */
function shownOn(fragment: INodeProperties, combos: Combo[]): Set<string> {
	const show = fragment.displayOptions?.show ?? {};
	const keys = Object.keys(show).filter((name) => name !== 'resource' && name !== 'operation');
	if (keys.length || fragment.displayOptions?.hide)
		throw new Error(
			`"${fragment.name}" may only be shown by resource and operation to be merged (${keys.join(', ') || 'hide'})`,
		);
	return new Set(
		combos
			.filter((combo) => NodeHelpers.displayParameter({ ...combo }, fragment, null, null))
			.map(key),
	);
}

/**
 * Rectangles that show exactly `shown` among the offered pairs: one per operation at first, then
 * merged two by two while the union still shows nothing else.
 */
function rectangles(shown: Set<string>, combos: Combo[]): Rectangle[] {
	const exact = (rectangle: Rectangle) =>
		combos.every(
			(combo) =>
				shown.has(key(combo)) ||
				!rectangle.resource.includes(combo.resource) ||
				!rectangle.operation.includes(combo.operation),
		);
	const result: Rectangle[] = [];
	for (const combo of combos.filter((pair) => shown.has(key(pair)))) {
		const rectangle = result.find((other) => other.operation[0] === combo.operation);
		if (rectangle) rectangle.resource.push(combo.resource);
		else result.push({ resource: [combo.resource], operation: [combo.operation] });
	}
	const union = (a: Rectangle, b: Rectangle): Rectangle => ({
		resource: [...new Set([...a.resource, ...b.resource])],
		operation: [...new Set([...a.operation, ...b.operation])],
	});
	// Bounded: each merge removes one rectangle.
	for (let merged = true; merged;) {
		merged = false;
		for (let i = 0; i < result.length && !merged; i++)
			for (let j = i + 1; j < result.length && !merged; j++) {
				const candidate = union(result[i], result[j]);
				if (!exact(candidate)) continue;
				result.splice(j, 1);
				result[i] = candidate;
				merged = true;
			}
	}
	return result;
}

/** A stable identity for a declaration's content without the `skip` keys, functions by identity. */
function signature(property: object, skip: string[]): string {
	const functions: unknown[] = [];
	return JSON.stringify(property, (name, value: unknown) => {
		if (skip.includes(name)) return undefined;
		if (typeof value !== 'function') return value;
		if (!functions.includes(value)) functions.push(value);
		return `function#${functions.indexOf(value)}`;
	});
}

function withoutDisplayOptions(property: INodeProperties): INodeProperties {
	const copy = { ...property };
	delete copy.displayOptions;
	return copy;
}

/** Group items by content; each group keeps the pairs its members are shown on. */
function groupByContent<T extends INodeProperties>(
	items: Array<{ item: T; shown: Set<string> }>,
	skip: string[],
): Array<{ item: T; shown: Set<string> }> {
	const groups = new Map<string, { item: T; shown: Set<string> }>();
	for (const { item, shown } of items) {
		const id = signature(item, skip);
		const group = groups.get(id) ?? { item, shown: new Set<string>() };
		for (const pair of shown) group.shown.add(pair);
		groups.set(id, group);
	}
	return [...groups.values()];
}

function mergeCollection(
	fragments: Array<{ item: INodeProperties; shown: Set<string> }>,
	combos: Combo[],
): INodeProperties[] {
	const shells = groupByContent(fragments, ['displayOptions', 'options']);
	if (shells.length !== 1)
		throw new Error(`The "${fragments[0].item.name}" fragments differ in more than their entries`);
	const collectionShown = shells[0].shown;
	const entries = groupByContent(
		fragments.flatMap(({ item, shown }) =>
			(item.options as INodeProperties[]).map((entry) => ({ item: entry, shown })),
		),
		[],
	);
	const options: INodeProperties[] = [];
	for (const { item: entry, shown } of entries) {
		// n8n 2.41's editor adds the shown entry of a name; older editors the first one's default.
		const first = options.find((other) => other.name === entry.name);
		if (first && (first.type !== entry.type || first.default !== entry.default))
			throw new Error(`Options entries named "${entry.name}" differ in type or default`);
		if ([...collectionShown].every((pair) => shown.has(pair))) {
			options.push(entry);
			continue;
		}
		for (const rectangle of rectangles(shown, combos)) {
			const own = entry.displayOptions?.show ?? {};
			options.push({
				...entry,
				displayOptions: {
					...entry.displayOptions,
					show: { ...own, '/resource': rectangle.resource, '/operation': rectangle.operation },
				},
			});
		}
	}
	// The operations' own entries first, then those every operation shares (as each fragment had them).
	options.sort((a, b) => Number(!a.displayOptions) - Number(!b.displayOptions));
	return declare({ ...withoutDisplayOptions(shells[0].item), options }, collectionShown, combos);
}

function declare(
	property: INodeProperties,
	shown: Set<string>,
	combos: Combo[],
): INodeProperties[] {
	if (combos.every((combo) => shown.has(key(combo)))) return [property];
	return rectangles(shown, combos).map((show) => ({ ...property, displayOptions: { show } }));
}

/**
 * Replaces every declaration named in `names` by the fewest declarations that show the same thing
 * on every resource and operation, appended at the end (after Return All and Limit).
 */
export function oneDeclarationEach(
	properties: INodeProperties[],
	names: string[],
): INodeProperties[] {
	const combos = offeredCombos(properties);
	const merged: INodeProperties[] = [];
	for (const name of names) {
		const fragments = properties
			.filter((property) => property.name === name)
			.map((item) => ({ item, shown: shownOn(item, combos) }));
		if (!fragments.length) continue;
		if (fragments[0].item.type === 'collection') merged.push(...mergeCollection(fragments, combos));
		else
			for (const { item, shown } of groupByContent(fragments, ['displayOptions']))
				merged.push(...declare(withoutDisplayOptions(item), shown, combos));
	}
	return [...properties.filter((property) => !names.includes(property.name)), ...merged];
}
