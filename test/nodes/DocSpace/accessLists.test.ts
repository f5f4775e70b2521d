import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { ACCESS_LEVELS, accessName } from '../../../nodes/DocSpace/shared/accessLevels';
import { loadNodeType } from '../../harness/engine';

/** Every options list whose values are access levels, at any depth (collections, fixed collections). */
function accessLists(
	properties: Array<INodeProperties | { name: string; values?: INodeProperties[] }>,
	path = '',
): Array<[string, INodePropertyOptions[]]> {
	return properties.flatMap((property) => {
		const here = `${path}${property.name}`;
		const nested = [
			...((property as INodeProperties).options ?? []),
			...((property as { values?: INodeProperties[] }).values ?? []),
		].filter(
			(entry) =>
				typeof entry === 'object' && entry !== null && 'name' in entry && !('value' in entry),
		);
		const own =
			(property as INodeProperties).type === 'options' ||
			(property as INodeProperties).type === 'multiOptions'
				? [(property as INodeProperties).options as INodePropertyOptions[]]
				: [];
		const levels = own.filter((options) =>
			options.some(
				(option) => typeof option.value === 'number' && accessName(option.value) === option.name,
			),
		);
		return [
			...levels.map((options) => [here, options] as [string, INodePropertyOptions[]]),
			...accessLists(nested as INodeProperties[], `${here}.`),
		];
	});
}

const lists = accessLists(loadNodeType().description.properties);

describe('Access lists: the same names everywhere, each level explained in one line', () => {
	it('finds the access lists of Room Link, File Link, File: Share and Room Member', () => {
		expect(lists.map(([name]) => name).sort()).toEqual(
			[
				'access',
				'access',
				'accessForAll',
				'fileLinkAccess',
				'listAccess',
				'memberAccess',
				'memberFilters.roles',
				'members.member.access',
				'recipients.recipient.access',
			].sort(),
		);
	});

	it.each(lists.map(([name, options], index) => [`${name} #${index}`, options]))(
		'%s: every option has the DocSpace name and a one-line description',
		(_name, options) => {
			for (const option of options as INodePropertyOptions[]) {
				expect(typeof option.description).toBe('string');
				expect(option.description!.length).toBeGreaterThan(10);
				expect(option.description).not.toMatch(/\n|[.!?]\s+\S/);
				if (typeof option.value === 'number') expect(option.name).toBe(accessName(option.value));
			}
		},
	);

	it("File: Share's Full access and Deny access are explained", () => {
		const share = lists.find(([name]) => name === 'accessForAll')![1];
		const described = Object.fromEntries(share.map((option) => [option.name, option.description]));
		expect(described[ACCESS_LEVELS.fullAccess.label]).toMatch(/edit/);
		expect(described[ACCESS_LEVELS.denyAccess.label]).toMatch(/Cannot open the file/);
	});
});
