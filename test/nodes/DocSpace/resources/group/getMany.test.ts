import { SEED_IDS, run, useEmulator } from '../../../../harness/docspace';

const ctx = useEmulator();

describe('Group: Get Many', () => {
	it('lists groups, simplified', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, { resource: 'group', operation: 'getAll', returnAll: true });
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
			['/api/2.0/group', { startIndex: '0', count: '100' }],
		]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: SEED_IDS.legalGroupId,
				name: 'Legal',
				manager: 'Jane Doe',
				managerId: SEED_IDS.janeId,
				membersCount: 2,
			},
			{ id: SEED_IDS.salesGroupId, name: 'Sales', manager: null, managerId: null, membersCount: 0 },
		]);
	});

	it('searches by name; full output; Limit', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, {
			resource: 'group',
			operation: 'getAll',
			search: 'sal',
			simplify: false,
		});
		expect(emulator.requests[0].query).toEqual({
			filterValue: 'sal',
			startIndex: '0',
			count: '50',
		});
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({ id: SEED_IDS.salesGroupId, name: 'Sales', isSystem: false }),
		]);
		const limited = await run(emulator, { resource: 'group', operation: 'getAll', limit: 1 });
		expect(limited.items).toHaveLength(1);
	});
});
