/**
 * Cancelling an execution while items wait for a DocSpace slot, or between retries, sends nothing
 * more. n8n hands the execution's cancel signal to programmatic nodes (and to the node's
 * custom operations); n8n 2.41 runs declarative routing without one, so this is checked on the
 * transport the operations share, with the signal n8n provides.
 */
import type { INode } from 'n8n-workflow';

import { DocSpaceFailureError } from '../../../../nodes/DocSpace/shared/answers';
import { activeLimiterKeys } from '../../../../nodes/DocSpace/shared/limiter';
import { withDocSpaceLimits } from '../../../../nodes/DocSpace/shared/transport';

const node = {
	id: 'n',
	name: 'DocSpace',
	type: 'docSpace',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
} as INode;
const context = () => ({
	operation: 'File: Share',
	target: 'file 201',
	requiredScope: 'files:write',
	isWrite: true,
	itemIndex: 0,
});
const settings = (signal: AbortSignal, overrides = {}) => ({
	key: `cancel-test|${Math.random()}`,
	method: 'PUT',
	limit: 3,
	maxRetries: 5,
	signal,
	...overrides,
});

describe('cancellation', () => {
	it('items waiting for a slot are never sent once the execution is cancelled', async () => {
		const controller = new AbortController();
		const common = settings(controller.signal);
		let started = 0;
		const release: Array<() => void> = [];
		const attempt = async () => {
			started++;
			await new Promise<void>((resolve) => release.push(resolve));
			return 'done';
		};
		const runs = Array.from(
			{ length: 40 },
			async () =>
				await withDocSpaceLimits(common, context, node, attempt).then(
					() => 'sent',
					() => 'stopped',
				),
		);
		await new Promise((resolve) => setImmediate(resolve));
		expect(started).toBe(3);
		controller.abort();
		release.forEach((resolve) => resolve());
		const outcomes = await Promise.all(runs);
		expect(started).toBe(3);
		expect(outcomes.filter((outcome) => outcome === 'sent')).toHaveLength(3);
		expect(outcomes.filter((outcome) => outcome === 'stopped')).toHaveLength(37);
		expect(activeLimiterKeys().filter((key) => key.startsWith('cancel-test'))).toEqual([]);
	});

	it('a request waiting to be retried is not sent again', async () => {
		const controller = new AbortController();
		let attempts = 0;
		const failing = async () => {
			attempts++;
			throw new DocSpaceFailureError({ statusCode: 503, headers: { 'retry-after': '5' } });
		};
		const running = withDocSpaceLimits(settings(controller.signal), context, node, failing);
		await new Promise((resolve) => setTimeout(resolve, 100));
		controller.abort();
		const started = Date.now();
		await expect(running).rejects.toThrow();
		expect(Date.now() - started).toBeLessThan(1000);
		expect(attempts).toBe(1);
	});
});
