/**
 * User: Invite through the bulk runner and through RoutingNode (see runnerBulkWrites.test.ts).
 */
import type { IDataObject } from 'n8n-workflow';

import { run, useEmulator, writes } from '../../../harness/docspace';
import { bothPaths, countExpressions } from '../../../harness/equivalence';

const ctx = useEmulator({ latencyMs: 2 });
countExpressions();

/** New user ids. */
const NEW_USER_IDS = [/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g];

const methodsAndPaths = (requests: string[]) =>
	requests.map((request) => {
		const { method, path } = JSON.parse(request) as { method: string; path: string };
		return `${method} ${path}`;
	});

const invite = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'user',
	operation: 'invite',
	email: '={{ $json.email }}',
	inviteType: '={{ $json.type }}',
	...overrides,
});

describe('runner and RoutingNode: User: Invite', () => {
	it('send the same invitations with expressions', async () => {
		const items = [
			{ email: 'ann@client.example', type: 'user' },
			{ email: 'ben@client.example', type: 'roomAdmin' },
			{ email: 'bob@example.com', type: 'roomAdmin' },
		];
		const result = await bothPaths(ctx.emulator, invite({ culture: 'de-DE' }), {
			items,
			volatile: NEW_USER_IDS,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.email, item.json.invited])).toEqual([
			['ann@client.example', true],
			['ben@client.example', true],
			['bob@example.com', false],
		]);
		// Email and Type are plain fields of the item, read from the item; n8n's engine evaluates the
		// Email only for each lookup DocSpace answers 404 (a new address): the failure's context names
		// the field (shared/failureContext.ts).
		expect(result.runnerExpressions).toBe(2);
		expect(result.routedExpressions).toBeGreaterThan(result.runnerExpressions);
	});

	it('repeat an invitation after a 429, a 503 or a lost answer: DocSpace emails an address once', async () => {
		const items = [{ email: 'ann@client.example', type: 'user' }];
		const limited = await bothPaths(ctx.emulator, invite(), {
			items,
			volatile: NEW_USER_IDS,
			setup: (emulator) =>
				emulator.inject({
					method: 'POST',
					path: /\/people\/invite$/,
					kind: 'status',
					status: 429,
					headers: { 'Retry-After': '0' },
					times: 1,
				}),
		});
		expect(limited.error).toBeUndefined();
		expect(
			methodsAndPaths(limited.requests).filter((request) => request.startsWith('POST')),
		).toEqual(['POST /api/2.0/people/invite', 'POST /api/2.0/people/invite']);
		for (const fault of [
			{ kind: 'status' as const, status: 503 },
			{ kind: 'reset' as const, afterProcessing: true },
		]) {
			const repeated = await bothPaths(ctx.emulator, invite(), {
				items,
				volatile: NEW_USER_IDS,
				setup: (emulator) =>
					emulator.inject({ method: 'POST', path: /\/people\/invite$/, times: 1, ...fault }),
			});
			expect(repeated.error).toBeUndefined();
			expect(repeated.items.map((item) => item.json.invited)).toEqual([true]);
			expect(
				methodsAndPaths(repeated.requests).filter((request) => request.startsWith('POST')),
			).toEqual(['POST /api/2.0/people/invite', 'POST /api/2.0/people/invite']);
			expect(ctx.emulator.portal.invitationEmails).toEqual(['ann@client.example']);
		}
	});

	it('runner: the same address again in a later item finds the account instead of inviting twice', async () => {
		const { emulator } = ctx;
		const items = [
			{ email: 'ann@client.example', type: 'user' },
			{ email: 'Ann@Client.example', type: 'user' },
		];
		const result = await run(emulator, invite(), { items });
		expect(result.items.map((item) => [item.json.email, item.json.invited])).toEqual([
			['ann@client.example', true],
			['ann@client.example', false],
		]);
		expect(result.items[1].json.id).toBe(result.items[0].json.id);
		// DocSpace sends no second invitation to an address that has an account (docs/docspace/people.md).
		expect(writes(emulator)).toHaveLength(2);
	});

	it('give the same items and errors with continue-on-fail: a bad address, a guest, a disabled user, a success', async () => {
		const items = [
			{ email: 'nobody', type: 'user' },
			{ email: 'gus@client.example', type: 'guest' },
			{ email: 'dana@example.com', type: 'user' },
			{ email: 'cal@client.example', type: 'user' },
		];
		const result = await bothPaths(ctx.emulator, invite(), {
			items,
			continueOnFail: true,
			volatile: NEW_USER_IDS,
		});
		expect(result.items.map((item) => item.error === undefined)).toEqual([
			false,
			false,
			false,
			true,
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			items.map((_item, index) => ({ item: index })),
		);
	});
});
