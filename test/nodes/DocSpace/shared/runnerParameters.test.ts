/**
 * The runner's per-execution parameter reads (shared/runner/parameters.ts): n8n's getNodeParameter
 * runs once per execution for a parameter without an expression, per item for one with.
 */
import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { parameterReader } from '../../../../nodes/DocSpace/shared/runner/parameters';

function fakeContext(parameters: INode['parameters']) {
	const calls: Array<[string, number]> = [];
	const context = {
		getNodeParameter: (name: string, itemIndex: number, fallback?: unknown) => {
			calls.push([name, itemIndex]);
			const value = name
				.split('.')
				.reduce<unknown>(
					(current, key) => (current as Record<string, unknown> | undefined)?.[key],
					parameters,
				);
			if (typeof value === 'string' && value.startsWith('=')) return `item ${itemIndex}`;
			return value === undefined ? fallback : JSON.parse(JSON.stringify(value));
		},
	} as unknown as IExecuteFunctions;
	const node = { parameters } as INode;
	return { read: parameterReader(context, node), calls };
}

describe('runner parameter reads', () => {
	it('resolves a parameter without an expression once per execution, handing out copies', () => {
		const { read, calls } = fakeContext({ options: { includePassword: true, maxRetries: 3 } });
		const first = read('options', 0, {}) as Record<string, unknown>;
		first.includePassword = false;
		expect(read('options', 1, {})).toEqual({ includePassword: true, maxRetries: 3 });
		expect(read('options.maxRetries', 2)).toBe(3);
		expect(read('options.maxRetries', 3)).toBe(3);
		expect(calls).toEqual([
			['options', 0],
			['options.maxRetries', 2],
		]);
	});

	it('reads a parameter holding an expression, anywhere inside it, for every item', () => {
		const { read, calls } = fakeContext({
			title: '={{ $json.title }}',
			options: { nested: { deep: '={{ $json.x }}' } },
		});
		expect(read('title', 0)).toBe('item 0');
		expect(read('title', 1)).toBe('item 1');
		read('options', 0, {});
		read('options', 1, {});
		expect(calls).toEqual([
			['title', 0],
			['title', 1],
			['options', 0],
			['options', 1],
		]);
	});

	it('leaves parameters that are not stored (defaults, fallbacks) and bracket paths to n8n', () => {
		const { read, calls } = fakeContext({ list: [{ a: 1 }] });
		expect(read('missing', 0, 'fallback')).toBe('fallback');
		expect(read('missing', 1, 'other')).toBe('other');
		read('list[0].a', 0);
		read('list[0].a', 1);
		expect(calls).toHaveLength(4);
	});

	it('keys a read by its options (extractValue)', () => {
		const { read, calls } = fakeContext({ room: { __rl: true, mode: 'id', value: '7' } });
		read('room', 0, undefined, { extractValue: true });
		read('room', 1, undefined, { extractValue: true });
		read('room', 2);
		expect(calls).toEqual([
			['room', 0],
			['room', 2],
		]);
	});
});
