import { loadNodeType } from '../../harness/engine';

describe('DocSpace node description', () => {
	// n8n's RoutingNode resolves the value of every declaration of a parameter, for every item and
	// twice (once for the request, once for its base-URL check), whether or not it is shown. A room
	// given by an expression would be evaluated once more per extra declaration.
	it.each(['room', 'file', 'folder'])('declares the %s locator once per resource that takes it', (name) => {
		const declarations = loadNodeType().description.properties.filter((property) => property.name === name);
		const resources = declarations.map((property) => property.displayOptions?.show?.resource);
		expect(resources.every((resource) => Array.isArray(resource) && resource.length === 1)).toBe(true);
		expect(new Set(resources.map(String)).size).toBe(declarations.length);
	});

	it.each(['destinationFolder', 'conflictResolution', 'deletePermanently', 'folderName', 'parentFolder'])(
		'declares %s once, for every resource and operation that shows it',
		(name) => {
			expect(loadNodeType().description.properties.filter((property) => property.name === name)).toHaveLength(1);
		},
	);

	it('sends no routing value through an expression of its own', () => {
		const expressions: string[] = [];
		JSON.stringify(loadNodeType().description.properties, (key, value) => {
			if (key === 'value' && typeof value === 'string' && value.startsWith('=')) expressions.push(value);
			return value;
		});
		expect(expressions).toEqual([]);
	});
});
