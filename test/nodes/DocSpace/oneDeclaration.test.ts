/**
 * Simplify and Options: each operation declares its own (its Options entries stay in its file),
 * the node merges them into one declaration of Options and as few of Simplify as displayOptions
 * can express (shared/declarations.ts). These tests prove the merge changes nothing a user sees
 * or sends, and that an expression in Options is evaluated once per item and pass.
 */
import type {
	INodeParameters,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
} from 'n8n-workflow';
import { Expression, NodeHelpers } from 'n8n-workflow';

import type { DocSpace as DocSpaceClass } from '../../../nodes/DocSpace/DocSpace.node';
import { oneDeclarationEach } from '../../../nodes/DocSpace/shared/declarations';
import { SEED_IDS, byId, run, useEmulator } from '../../harness/docspace';
import { loadNodeType } from '../../harness/engine';

/** The node's properties as the operation files declare them, before the merge. */
function declaredProperties(): INodeProperties[] {
	let properties: INodeProperties[] = [];
	jest.isolateModules(() => {
		jest.doMock('../../../nodes/DocSpace/shared/declarations', () => ({
			oneDeclarationEach: (list: INodeProperties[]) => list,
		}));
		const { DocSpace } = require('../../../nodes/DocSpace/DocSpace.node.ts') as {
			DocSpace: typeof DocSpaceClass;
		};
		properties = new DocSpace().description.properties;
	});
	return properties;
}

const merged = () => loadNodeType().description.properties;

function offered(properties: INodeProperties[]): Array<{ resource: string; operation: string }> {
	const resource = properties.find((property) => property.name === 'resource');
	return ((resource?.options ?? []) as INodePropertyOptions[]).flatMap(({ value }) =>
		properties
			.filter(
				(property) =>
					property.name === 'operation' &&
					NodeHelpers.displayParameter({ resource: value }, property, null, null),
			)
			.flatMap((operation) => (operation.options ?? []) as INodePropertyOptions[])
			.map((option) => ({ resource: String(value), operation: String(option.value) })),
	);
}

/** What the editor shows on one operation: the declarations of `name`, and a collection's entries. */
function shown(properties: INodeProperties[], parameters: INodeParameters, name: string) {
	return properties
		.filter(
			(property) =>
				property.name === name && NodeHelpers.displayParameter(parameters, property, null, null),
		)
		.map(({ displayOptions: _shownOn, options, ...property }) => ({
			...property,
			// Inside a collection the editor resolves displayOptions against the collection's values,
			// with the node's parameters as the root ('/resource').
			entries: ((options ?? []) as INodeProperties[])
				.filter((entry) => NodeHelpers.displayParameter({}, entry, null, null, parameters))
				.map(({ displayOptions: _entryShownOn, ...entry }) => entry)
				.sort((a, b) => a.name.localeCompare(b.name)),
		}));
}

describe('one declaration of Options and Simplify', () => {
	it('shows every operation the same Simplify and Options entries as its own declarations did', () => {
		const before = declaredProperties();
		const after = merged();
		const combos = offered(before);
		expect(combos.length).toBeGreaterThan(40);
		for (const combo of combos) {
			for (const name of ['simplify', 'options']) {
				const expected = shown(before, combo, name);
				expect({ combo, name, shown: shown(after, combo, name) }).toEqual({
					combo,
					name,
					shown: expected,
				});
			}
		}
		// Simplify's default stays true wherever it is shown (File: Download and the waits have none).
		expect(shown(after, { resource: 'file', operation: 'download' }, 'simplify')).toEqual([]);
		expect(shown(after, { resource: 'user', operation: 'delete' }, 'simplify')[0].default).toBe(
			true,
		);
	});

	it('declares Options once and Simplify twice (User and Group: Delete have it, Room: Delete not)', () => {
		const count = (name: string) => merged().filter((property) => property.name === name).length;
		expect(count('options')).toBe(1);
		expect(count('simplify')).toBe(2);
		const options = merged().find((property) => property.name === 'options') as INodeProperties;
		// Shown entries keep their names; an entry name shared by two definitions keeps one default.
		expect((options.options as INodeProperties[]).map((entry) => entry.name)).toEqual([
			'includePassword',
			'maxWaitSeconds',
			'fileName',
			'maxWaitSeconds',
			'force',
			'maxParallelWrites',
			'maxParallelReads',
			'maxRetries',
			'maxRetryWaitSeconds',
			'timeoutSeconds',
			'maxResponseMb',
		]);
	});

	it('refuses entries of one name with different defaults (the editor adds the first one’s)', () => {
		const properties = declaredProperties();
		const options = properties.filter((property) => property.name === 'options');
		const changed = {
			...options[0],
			options: [{ ...(options[0].options as INodeProperties[])[0], default: 'other' }],
		};
		expect(() =>
			oneDeclarationEach(
				[...properties, { ...changed, displayOptions: { show: { resource: ['room'] } } }],
				['options'],
			),
		).toThrow(/differ in type or default/);
	});

	it('refuses a fragment shown by anything but the resource and the operation', () => {
		const properties = declaredProperties();
		const simplify = properties.find((property) => property.name === 'simplify') as INodeProperties;
		const odd = {
			...simplify,
			displayOptions: { show: { resource: ['room'], returnAll: [true] } },
		};
		expect(() => oneDeclarationEach([...properties, odd], ['simplify'])).toThrow(/returnAll/);
	});
});

describe('an expression in Options on RoutingNode', () => {
	const ctx = useEmulator();
	let evaluated: string[] = [];
	const evaluate = Expression.prototype.resolveSimpleParameterValue;
	beforeAll(() => {
		Expression.prototype.resolveSimpleParameterValue = function (
			this: Expression,
			...args: Parameters<typeof evaluate>
		) {
			if (typeof args[0] === 'string' && args[0].startsWith('=')) evaluated.push(args[0]);
			return evaluate.apply(this, args);
		};
	});
	afterAll(() => {
		Expression.prototype.resolveSimpleParameterValue = evaluate;
	});

	it('is evaluated once per item and pass (runNode, base URL), plus the operation’s own read', async () => {
		const room = byId('id', SEED_IDS.customRoomId);
		const link = { linkType: 'external', access: 2, password: 'Secret#123' };
		await run(ctx.emulator, { resource: 'roomLink', operation: 'set', room, ...link });
		const items = [{ show: true }, { show: false }, { show: true }];
		const parameters = {
			resource: 'roomLink',
			operation: 'getAll',
			room,
			options: { includePassword: '={{ $json.show }}' },
		};
		const evaluations = async (nodeType?: () => INodeType) => {
			evaluated = [];
			const result = await run(ctx.emulator, parameters, { items, nodeType });
			expect(result.error).toBeUndefined();
			// The link with a password shows it only for the items whose expression gave true.
			const withPassword = result.items.filter((item) => item.json.password === 'Secret#123');
			expect(
				new Set(withPassword.map((item) => (item.pairedItem as { item: number }).item)),
			).toEqual(new Set([0, 2]));
			return evaluated.filter((expression) => expression.includes('$json.show')).length;
		};
		// Per item: RoutingNode's two passes over the one declaration, and the operation's own two
		// reads of Options (request limits, Include Password).
		expect(await evaluations()).toBe(items.length * 4);
		// The same node with the operations' own declarations, as before the merge: 2 × 24 + 2.
		const unmerged = () => {
			const nodeType = loadNodeType();
			const added = nodeType.description.properties.filter((p) => p.name === 'requestOptions');
			nodeType.description = {
				...nodeType.description,
				properties: [...declaredProperties(), ...added],
			};
			return nodeType;
		};
		expect(await evaluations(unmerged)).toBe(items.length * (2 * 24 + 2));
	});
});
