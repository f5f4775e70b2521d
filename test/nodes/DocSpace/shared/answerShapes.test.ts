/**
 * The `none` answer shape (DELETE group/{id} answers 204 No Content, docs/docspace/people.md §5)
 * lets exactly that through; every other empty or foreign answer still fails, and the other
 * shapes still refuse a 204.
 */
import type { IN8nHttpFullResponse } from 'n8n-workflow';

import { failureOf } from '../../../../nodes/DocSpace/shared/answers';

const answer = (
	statusCode: number,
	body: unknown,
	headers: Record<string, string> = {},
): IN8nHttpFullResponse => ({ statusCode, body, headers }) as IN8nHttpFullResponse;

describe("answer shape 'none'", () => {
	it('passes an empty 204', () => {
		expect(failureOf(answer(204, undefined), 'none')).toBeUndefined();
		expect(failureOf(answer(204, ''), 'none')).toBeUndefined();
		expect(failureOf(answer(204, Buffer.alloc(0)), 'none')).toBeUndefined();
	});

	it("passes DocSpace's envelope too, whatever its response", () => {
		expect(failureOf(answer(200, { status: 0, statusCode: 200 }), 'none')).toBeUndefined();
	});

	it("still refuses an empty 200, an HTML page, {} and DocSpace's errors", () => {
		expect(failureOf(answer(200, undefined), 'none')?.notDocSpace?.what).toBe('an empty answer');
		expect(
			failureOf(answer(200, '<html></html>', { 'content-type': 'text/html' }), 'none')?.notDocSpace
				?.what,
		).toBe('not JSON');
		expect(failureOf(answer(200, {}), 'none')?.notDocSpace).toBeDefined();
		expect(failureOf(answer(403, undefined), 'none')?.statusCode).toBe(403);
		expect(
			failureOf(answer(302, undefined, { location: 'https://elsewhere.example.com/' }), 'none')
				?.redirectTo,
		).toBeDefined();
	});

	it('other shapes still refuse a 204', () => {
		for (const shape of ['object', 'array', 'list', 'any'] as const) {
			expect(failureOf(answer(204, undefined), shape)?.notDocSpace?.what).toBe('an empty answer');
		}
	});
});
