/**
 * The runner's per-execution parameter reads (shared/runner/parameters.ts): n8n's getNodeParameter
 * runs once per execution for a parameter without an expression, per item for one with.
 */
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { parameterReader } from '../../../../nodes/DocSpace/shared/runner/parameters';

function fakeContext(parameters: INode['parameters'], items: IDataObject[] = []) {
	const calls: Array<[string, number]> = [];
	const context = {
		getInputData: () => items.map((json) => ({ json })),
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
			title: '={{ "Client " + $json.title }}',
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

describe('runner field reads', () => {
	const locator = { __rl: true, mode: 'id', value: '={{ $json.room }}', cachedResultName: 'Room' };

	it('reads a plain field of the item without n8n: the value, or the locator with it', () => {
		const { read, calls } = fakeContext({ title: '={{ $json.client.title }}', room: locator }, [
			{ client: { title: 'Offer' }, room: 7 },
			{ client: { title: 42 }, room: '8' },
		]);
		expect(read('title', 0)).toBe('Offer');
		expect(read('title', 1)).toBe(42);
		expect(read('room', 0, undefined, { extractValue: true })).toBe(7);
		expect(read('room', 1)).toEqual({ ...locator, value: '8' });
		expect(calls).toEqual([]);
	});

	it('leaves other values, URL locators and other read options to n8n', () => {
		const { read, calls } = fakeContext(
			{ title: '={{ $json.title }}', room: { ...locator, mode: 'url' } },
			[{ title: null, room: 'https://portal.example/rooms/shared/7' }, { title: { a: 1 } }, {}],
		);
		read('title', 0);
		read('title', 1);
		read('title', 2);
		read('room', 0, undefined, { extractValue: true });
		read('room', 0);
		expect(calls).toEqual([
			['title', 0],
			['title', 1],
			['title', 2],
			['room', 0],
		]);
		const plain = fakeContext({ title: '={{ $json.title }}' }, [{ title: 'x' }]);
		plain.read('title', 0, undefined, { ensureType: 'string' });
		expect(plain.calls).toEqual([['title', 0]]);
	});
});
