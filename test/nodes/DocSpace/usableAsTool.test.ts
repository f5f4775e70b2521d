import type { INode, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { loadNodeType } from '../../harness/engine';

/**
 * n8n's AI Agent picks a tool by its action and fills each parameter from its description:
 * every operation of every resource (whatever exists now or is added later) must have both.
 */
const nodeType = loadNodeType();
const { properties } = nodeType.description;

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return (property?.options ?? []) as INodePropertyOptions[];
}

const resources = optionsOf(properties.find((property) => property.name === 'resource')).map(
	(option) => String(option.value),
);

const operations = resources.flatMap((resource) =>
	properties
		.filter(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes(resource),
		)
		.flatMap((property) => optionsOf(property).map((option) => ({ resource, option }))),
);

/** Parameters shown for a resource/operation (conditions on other parameters do not hide them here). */
function parametersOf(resource: string, operation: string): INodeProperties[] {
	return properties.filter((property) => {
		const show = property.displayOptions?.show;
		if (!show || ['resource', 'operation'].includes(property.name)) return false;
		const resourceOk = !show.resource || show.resource.includes(resource);
		const operationOk = !show.operation || show.operation.includes(operation);
		return (
			resourceOk && operationOk && (show.resource !== undefined || show.operation !== undefined)
		);
	});
}

function isDescribed(property: INodeProperties): boolean {
	if (property.type === 'notice') return property.displayName.length > 20;
	// A collection is described by its entries (checked one by one below).
	if (property.type === 'collection' || property.type === 'fixedCollection') return true;
	if (typeof property.description === 'string' && property.description.trim().length >= 10)
		return true;
	// A choice whose every option says what it does is described by its options.
	const options = optionsOf(property);
	return (
		['options', 'multiOptions'].includes(property.type) &&
		options.length > 0 &&
		options.every((option) => option.name.length > 2)
	);
}

describe('the node as an AI Agent tool', () => {
	it('is usable as a tool', () => {
		expect(nodeType.description.usableAsTool).toBe(true);
		expect(nodeType.description.description.length).toBeGreaterThan(20);
	});

	it('has resources and operations to check (Room, Room Link and File at least)', () => {
		expect(resources).toEqual(expect.arrayContaining(['room', 'roomLink', 'file']));
		expect(operations.length).toBeGreaterThanOrEqual(7);
	});

	it.each(
		operations.map(
			({ resource, option }) => [`${resource}: ${option.name}`, resource, option] as const,
		),
	)(
		'%s has an action and a description n8n turns into the tool description',
		(_label, resource, option) => {
			expect(option.action).toEqual(expect.any(String));
			expect(String(option.action).length).toBeGreaterThan(5);
			expect(option.description).toEqual(expect.any(String));
			expect(String(option.description).length).toBeGreaterThan(20);
			const node = { parameters: { resource, operation: option.value } } as unknown as INode;
			expect(NodeHelpers.getToolDescriptionForNode(node, nodeType)).toBe(
				`${String(option.action)} in DocSpace`,
			);
		},
	);

	it.each(
		operations.map(
			({ resource, option }) =>
				[`${resource}: ${option.name}`, resource, String(option.value)] as const,
		),
	)('every parameter of %s is described', (_label, resource, operation) => {
		const parameters = parametersOf(resource, operation);
		expect(parameters.length).toBeGreaterThan(0);
		const undescribed = parameters
			.filter((property) => !isDescribed(property))
			.map((property) => property.name);
		expect(undescribed).toEqual([]);
		// Inside collections too: each option of Options / Filters says what it does.
		const nested = parameters
			.filter((property) => property.type === 'collection' || property.type === 'fixedCollection')
			.flatMap((property) =>
				(property.options ?? []).flatMap((entry) =>
					'values' in entry
						? (entry.values as INodeProperties[])
						: 'type' in entry
							? [entry as INodeProperties]
							: [],
				),
			)
			.filter((property) => !isDescribed(property))
			.map((property) => property.name);
		expect(nested).toEqual([]);
	});

	it('ids of room operations are plain values an agent can fill (By ID modes and no-expression flags)', () => {
		const room = properties.find((property) => property.name === 'room');
		expect(room?.type).toBe('resourceLocator');
		expect(room?.modes?.map((mode) => mode.name)).toEqual(['list', 'id', 'url']);
	});
});
