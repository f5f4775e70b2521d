import { DEFAULT_SEED } from '../../../../emulator';
import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';

const ctx = useEmulator();

const legal = byId('id', SEED_IDS.legalGroupId);
const groupOp = (operation: string, overrides: Record<string, unknown> = {}) => ({
	resource: 'group',
	operation,
	...overrides,
});
const sent = () =>
	writes(ctx.emulator).map((request) => [request.method, request.path, request.body ?? null]);

describe('Group: Create', () => {
	it('creates a group with a manager by email and members by ID and email', async () => {
		const result = await run(
			ctx.emulator,
			groupOp('create', {
				groupName: ' Client Success ',
				groupManager: 'jane@example.com',
				groupMembers: `${SEED_IDS.bobId}, gary@example.com`,
			}),
		);
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([
			[
				'POST',
				'/api/2.0/group',
				{
					groupName: 'Client Success',
					groupManager: SEED_IDS.janeId,
					members: [SEED_IDS.bobId, SEED_IDS.guestId],
				},
			],
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: expect.any(String),
				name: 'Client Success',
				manager: 'Jane Doe',
				managerId: SEED_IDS.janeId,
				membersCount: 3,
				members: [
					{ id: SEED_IDS.bobId, name: 'Bob Stone', email: 'bob@example.com' },
					{ id: SEED_IDS.guestId, name: 'Gary Guest', email: 'gary@example.com' },
					{ id: SEED_IDS.janeId, name: 'Jane Doe', email: 'jane@example.com' },
				],
			},
		]);
	});

	it('takes members as a list from an expression; Simplify off gives DocSpace’s group', async () => {
		const result = await run(
			ctx.emulator,
			groupOp('create', {
				groupName: 'Team',
				groupMembers: `={{ ["${SEED_IDS.bobId}", "${SEED_IDS.bobId}"] }}`,
				simplify: false,
			}),
		);
		expect(sent()[0][2]).toEqual({ groupName: 'Team', members: [SEED_IDS.bobId] });
		expect(result.items[0].json).toMatchObject({
			name: 'Team',
			isLDAP: false,
			members: [expect.objectContaining({ id: SEED_IDS.bobId, isCollaborator: true })],
		});
	});

	it('refuses bad input before any request', async () => {
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ groupName: '' }, /^Name: is empty \[item 0\]/],
			[
				{ groupName: 'x'.repeat(129) },
				/^Name: is 129 characters long; DocSpace accepts at most 128/,
			],
			[
				{ groupName: 'A', groupMembers: 'bob, jane@example.com' },
				/^Members: "bob" is not a user ID/,
			],
			[
				{ groupName: 'A', groupManager: `${SEED_IDS.bobId}, ${SEED_IDS.janeId}` },
				/^Manager: 2 users given/,
			],
			[
				{ groupName: 'A', groupManager: 'jane@example.com', groupMembers: 'nope' },
				/^Members: "nope" is not a user ID/,
			],
		];
		for (const [overrides, message] of cases) {
			expect((await run(ctx.emulator, groupOp('create', overrides))).error?.message).toMatch(
				message,
			);
		}
		expect(ctx.emulator.requests).toEqual([]);
	});

	it('names an unknown member email; explains a non-admin account', async () => {
		const unknown = await run(
			ctx.emulator,
			groupOp('create', { groupName: 'A', groupMembers: 'nobody@example.com' }),
		);
		expect(unknown.error?.message).toBe(
			'Members: no DocSpace user has the email nobody@example.com [item 0]',
		);
		const jane = await run(ctx.emulator, groupOp('create', { groupName: 'A' }), {
			credentials: credentialsFor(ctx.emulator, SEED_IDS.janeToken),
		});
		expect(jane.error?.message).toBe('DocSpace did not let this account create group A [item 0]');
		expect(jane.error?.description).toMatch(
			/Only DocSpace admins create, change and delete groups/,
		);
		expect(writes(ctx.emulator).every((request) => request.status === 403)).toBe(true);
	});
});

describe('Group: Get, Update, Delete', () => {
	it('reads a group by ID, URL or picker, with or without members', async () => {
		const byUrl = await run(
			ctx.emulator,
			groupOp('get', {
				group: byId(
					'url',
					`https://portal.example.com/accounts/groups/${SEED_IDS.legalGroupId}/filter`,
				),
			}),
		);
		const withoutMembers = await run(
			ctx.emulator,
			groupOp('get', { group: byId('list', SEED_IDS.salesGroupId), includeMembers: false }),
		);
		expect(ctx.emulator.requests.map((request) => [request.path, request.query])).toEqual([
			[`/api/2.0/group/${SEED_IDS.legalGroupId}`, { includeMembers: 'true' }],
			[`/api/2.0/group/${SEED_IDS.salesGroupId}`, { includeMembers: 'false' }],
		]);
		expect(byUrl.items[0].json).toMatchObject({
			name: 'Legal',
			manager: 'Jane Doe',
			membersCount: 2,
			members: [{ id: SEED_IDS.janeId }, { id: SEED_IDS.bobId }],
		});
		expect(withoutMembers.items[0].json).toEqual({
			id: SEED_IDS.salesGroupId,
			name: 'Sales',
			manager: null,
			managerId: null,
			membersCount: 0,
		});
	});

	it('explains an unknown group and refuses a malformed ID', async () => {
		const unknown = await run(
			ctx.emulator,
			groupOp('get', { group: byId('id', '00000000-0000-4000-8000-00000000abcd') }),
		);
		expect(unknown.error?.message).toBe(
			'Group 00000000-0000-4000-8000-00000000abcd was not found in DocSpace [item 0]',
		);
		const bad = await run(ctx.emulator, groupOp('delete', { group: byId('id', '={{ "Legal" }}') }));
		expect(bad.error?.message).toMatch(/^Group: "Legal" is not a group ID \[item 0\]/);
		expect(ctx.emulator.requests).toHaveLength(1);
	});

	it('renames a group and sets its manager; an empty update is refused', async () => {
		const result = await run(
			ctx.emulator,
			groupOp('update', { group: legal, groupName: 'Legal Team', groupManager: 'bob@example.com' }),
		);
		expect(sent()).toEqual([
			[
				'PUT',
				`/api/2.0/group/${SEED_IDS.legalGroupId}`,
				{ groupName: 'Legal Team', groupManager: SEED_IDS.bobId },
			],
		]);
		expect(result.items[0].json).toMatchObject({ name: 'Legal Team', manager: 'Bob Stone' });
		const empty = await run(ctx.emulator, groupOp('update', { group: legal }));
		expect(empty.error?.message).toMatch(/^Name: nothing to change/);
	});

	it('deletes a group (DocSpace answers 204 without a body)', async () => {
		const result = await run(ctx.emulator, groupOp('delete', { group: legal }));
		expect(result.error).toBeUndefined();
		expect(sent()).toEqual([['DELETE', `/api/2.0/group/${SEED_IDS.legalGroupId}`, null]]);
		expect(result.items.map((item) => item.json)).toEqual([
			{ id: SEED_IDS.legalGroupId, deleted: true },
		]);
		const again = await run(ctx.emulator, groupOp('delete', { group: legal }));
		expect(again.error?.message).toBe(
			`Group ${SEED_IDS.legalGroupId} was not found in DocSpace [item 0]`,
		);
	});
});

describe('Group: Add Members and Remove Members', () => {
	it('adds members by ID and email; adding someone already in the group changes nothing', async () => {
		const sales = byId('id', SEED_IDS.salesGroupId);
		const first = await run(
			ctx.emulator,
			groupOp('addMembers', { group: sales, groupMembers: `bob@example.com, ${SEED_IDS.guestId}` }),
		);
		const again = await run(
			ctx.emulator,
			groupOp('addMembers', { group: sales, groupMembers: 'bob@example.com' }),
		);
		expect(sent()).toEqual([
			[
				'PUT',
				`/api/2.0/group/${SEED_IDS.salesGroupId}/members`,
				{ members: [SEED_IDS.bobId, SEED_IDS.guestId] },
			],
			['PUT', `/api/2.0/group/${SEED_IDS.salesGroupId}/members`, { members: [SEED_IDS.bobId] }],
		]);
		expect(first.items[0].json).toMatchObject({
			membersCount: 2,
			added: [SEED_IDS.bobId, SEED_IDS.guestId],
			alreadyMembers: [],
		});
		expect(again.items[0].json).toMatchObject({
			membersCount: 2,
			added: [],
			alreadyMembers: [SEED_IDS.bobId],
		});
		expect(
			ctx.emulator.requests
				.filter((request) => request.method === 'GET')
				.map((request) => [request.path, request.query]),
		).toContainEqual([`/api/2.0/group/${SEED_IDS.salesGroupId}`, { includeMembers: 'true' }]);
	});

	it('removes members with DELETE group/{id}/members and a body', async () => {
		const result = await run(
			ctx.emulator,
			groupOp('removeMembers', {
				group: legal,
				groupMembers: `${SEED_IDS.bobId}, gary@example.com`,
			}),
		);
		expect(sent()).toEqual([
			[
				'DELETE',
				`/api/2.0/group/${SEED_IDS.legalGroupId}/members`,
				{ members: [SEED_IDS.bobId, SEED_IDS.guestId] },
			],
		]);
		expect(result.items[0].json).toMatchObject({
			membersCount: 1,
			members: [{ id: SEED_IDS.janeId }],
			removed: [SEED_IDS.bobId],
			notMembers: [SEED_IDS.guestId],
		});
	});

	it('refuses an empty member list; one item per input with continue-on-fail', async () => {
		const result = await run(
			ctx.emulator,
			groupOp('addMembers', { group: legal, groupMembers: '={{ $json.who }}' }),
			{ items: [{ who: '' }, { who: 'gary@example.com' }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error ?? item.json.membersCount)).toEqual([
			'Members: no user given [item 0]',
			3,
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('a key without accounts:read is told which permission it misses (DocSpace reads groups with accounts:read only)', async () => {
		const writeOnly = 'sk-emu-accounts-write-0123456789';
		ctx.emulator.reset({
			...DEFAULT_SEED,
			apiKeys: [
				...DEFAULT_SEED.apiKeys,
				{
					id: 'a91b0000-0009-4d00-b000-000000000009',
					key: writeOnly,
					name: 'Accounts write',
					userId: SEED_IDS.ownerId,
					permissions: ['accounts:write'],
				},
			],
		});
		const result = await run(
			ctx.emulator,
			groupOp('addMembers', { group: legal, groupMembers: SEED_IDS.guestId }),
			{ credentials: credentialsFor(ctx.emulator, writeOnly) },
		);
		expect(result.error?.message).toMatch(/missing permission accounts:read\) \[item 0\]$/);
		expect(writes(ctx.emulator)).toEqual([]);
	});
});
