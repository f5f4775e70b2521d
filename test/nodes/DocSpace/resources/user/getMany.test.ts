import { seedMany } from '../../../../emulator';
import { SEED_IDS, run, useEmulator } from '../../../../harness/docspace';

const ctx = useEmulator();

describe('User: Get Many', () => {
	it('lists active users, simplified', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, { resource: 'user', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
			['/api/2.0/people/filter', { employeeStatus: '1', startIndex: '0', count: '100' }],
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: SEED_IDS.ownerId,
				name: 'Olivia Owner',
				email: 'olivia@example.com',
				type: 'admin',
				owner: true,
				status: 'active',
				groups: [],
			},
			{
				id: SEED_IDS.janeId,
				name: 'Jane Doe',
				email: 'jane@example.com',
				type: 'room admin',
				owner: false,
				status: 'active',
				groups: ['Legal'],
			},
			{
				id: SEED_IDS.bobId,
				name: 'Bob Stone',
				email: 'bob@example.com',
				type: 'user',
				owner: false,
				status: 'active',
				groups: ['Legal'],
			},
			{
				id: SEED_IDS.guestId,
				name: 'Gary Guest',
				email: 'gary@example.com',
				type: 'guest',
				owner: false,
				status: 'active',
				groups: [],
			},
		]);
	});

	it('searches by name or email, any status, full output', async () => {
		const { emulator } = ctx;
		const byName = await run(emulator, {
			resource: 'user',
			operation: 'getAll',
			search: 'dana',
			status: 'any',
			simplify: false,
		});
		expect(emulator.requests[0].query).toEqual({
			filterValue: 'dana',
			startIndex: '0',
			count: '50',
		});
		expect(byName.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				id: SEED_IDS.disabledUserId,
				status: 2,
				email: 'dana@example.com',
			}),
		]);
		const byEmail = await run(emulator, {
			resource: 'user',
			operation: 'getAll',
			search: 'bob@example',
			status: 'any',
		});
		expect(byEmail.items.map((item) => item.json.id)).toEqual([SEED_IDS.bobId]);
		const disabled = await run(emulator, {
			resource: 'user',
			operation: 'getAll',
			status: 'disabled',
		});
		expect(disabled.items.map((item) => [item.json.id, item.json.status])).toEqual([
			[SEED_IDS.disabledUserId, 'disabled'],
		]);
	});

	it('Return All pages through 325 users, each once', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ users: 320 }));
		const result = await run(emulator, {
			resource: 'user',
			operation: 'getAll',
			status: 'any',
			returnAll: true,
		});
		expect(result.items).toHaveLength(325);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(325);
		expect(
			emulator.requests.map((request) => [request.query.startIndex, request.query.count]),
		).toEqual([
			['0', '100'],
			['100', '100'],
			['200', '100'],
			['300', '100'],
		]);
	});

	it('Limit stops early, with a search over many users', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ users: 320 }));
		const result = await run(emulator, {
			resource: 'user',
			operation: 'getAll',
			search: 'user',
			limit: 120,
		});
		expect(result.items).toHaveLength(120);
		expect(
			emulator.requests.map((request) => [request.query.startIndex, request.query.count]),
		).toEqual([
			['0', '100'],
			['100', '20'],
		]);
	});

	it('explains a key without accounts permission', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			{ resource: 'user', operation: 'getAll' },
			{ credentials: { baseUrl: emulator.baseUrl, authKey: SEED_IDS.filesOnlyApiKey } },
		);
		expect(result.error?.message).toMatch(/missing permission accounts:read/);
	});
});
