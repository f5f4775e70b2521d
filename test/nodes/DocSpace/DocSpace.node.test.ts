import { loadNodeType } from '../../harness/engine';

describe('DocSpace node description', () => {
	// n8n's RoutingNode resolves the value of every declaration of a parameter, for every item and
	// twice (once for the request, once for its base-URL check), whether or not it is shown. A room
	// given by an expression would be evaluated once more per extra declaration.
	it.each([
		['room', 2],
		['file', 2],
		['user', 1],
		['group', 1],
		['folder', 1],
	])('declares the %s locator once per resource that takes it, %i times in all', (name, count) => {
		const declarations = loadNodeType().description.properties.filter(
			(property) => property.name === name,
		);
		const resources = declarations.flatMap(
			(property) => property.displayOptions?.show?.resource ?? [undefined],
		);
		expect(resources.every((resource) => typeof resource === 'string')).toBe(true);
		expect(new Set(resources).size).toBe(resources.length);
		expect(declarations).toHaveLength(count);
	});

	// The Room and Room Member fields users fill with expressions are declared once, under names of
	// their own: Room: Create's title is `roomTitle`, since the link operations declare `title`.
	it.each([
		'roomTitle',
		'memberList',
		'member',
		'tagNames',
		'updateFields',
		'additionalFields',
		'memberAccess',
		'listAccess',
	])('declares %s once', (name) => {
		expect(
			loadNodeType().description.properties.filter((property) => property.name === name),
		).toHaveLength(1);
	});

	it.each(['destinationFolder', 'conflictResolution', 'deletePermanently', 'folderName'])(
		'declares %s once, for every resource and operation that shows it',
		(name) => {
			expect(
				loadNodeType().description.properties.filter((property) => property.name === name),
			).toHaveLength(1);
		},
	);

	it('sends no routing value through an expression of its own', () => {
		const expressions: string[] = [];
		JSON.stringify(loadNodeType().description.properties, (key, value) => {
			if (key === 'value' && typeof value === 'string' && value.startsWith('='))
				expressions.push(value);
			return value;
		});
		expect(expressions).toEqual([]);
	});
});
