import { readFileSync } from 'node:fs';

import { type PublicSurface, SURFACE_FILE, currentSurface, missingFrom } from './surface';

// surface.json records what saved workflows store. A rename or removal must come with a new node
// version that keeps the old one; additions are recorded with `npm run public-api`.
describe('public API that saved workflows depend on', () => {
	const recorded = JSON.parse(readFileSync(SURFACE_FILE, 'utf8')) as PublicSurface;
	const current = currentSurface();

	it('keeps every recorded operation value, parameter name, option value and credential field', () => {
		expect(missingFrom(recorded, current)).toEqual([]);
	});

	it('has recorded everything the package offers now (run npm run public-api after adding)', () => {
		expect(missingFrom(current, recorded)).toEqual([]);
	});

	it('notices a renamed operation value', () => {
		const renamed = structuredClone(current);
		const [resource] = Object.keys(renamed.nodes.docSpace.operations);
		renamed.nodes.docSpace.operations[resource] = renamed.nodes.docSpace.operations[resource].map(
			(value) => `${value}X`,
		);
		expect(missingFrom(current, renamed).length).toBeGreaterThan(0);
	});

	it('uses n8n\'s value getAll for every "Get Many"', () => {
		const values = Object.values(current.nodes).flatMap((node) =>
			Object.values(node.operations).flat(),
		);
		expect(values).not.toContain('getMany');
	});
});
