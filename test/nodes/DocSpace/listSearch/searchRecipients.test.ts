import { SEED_IDS, seedMany } from '../../../emulator';
import { credentialsFor, useEmulator } from '../../../harness/docspace';
import { listSearch } from '../../../harness/loadOptionsContext';

const ctx = useEmulator();

describe('searchRecipients (User or Group picker)', () => {
	it('lists groups, then users, labelled for people to recognise', async () => {
		const { emulator } = ctx;
		const page = await listSearch(credentialsFor(emulator), 'searchRecipients');
		expect(page.results.slice(0, 4)).toEqual([
			{ name: 'Legal (group)', value: SEED_IDS.legalGroupId },
			{ name: 'Sales (group)', value: SEED_IDS.salesGroupId },
			{ name: 'Olivia Owner (olivia@example.com)', value: SEED_IDS.ownerId },
			{ name: 'Jane Doe (jane@example.com)', value: SEED_IDS.janeId },
		]);
		expect(page.results.map((result) => result.value)).not.toContain(SEED_IDS.disabledUserId);
		expect(page.paginationToken).toBeUndefined();
	});

	it('searches by name and by email', async () => {
		const { emulator } = ctx;
		expect(
			(await listSearch(credentialsFor(emulator), 'searchRecipients', 'stone')).results,
		).toEqual([{ name: 'Bob Stone (bob@example.com)', value: SEED_IDS.bobId }]);
		expect(
			(await listSearch(credentialsFor(emulator), 'searchRecipients', 'jane@')).results.map(
				(r) => r.value,
			),
		).toEqual([SEED_IDS.janeId]);
		expect(
			(await listSearch(credentialsFor(emulator), 'searchRecipients', 'legal')).results.map(
				(r) => r.value,
			),
		).toEqual([SEED_IDS.legalGroupId]);
		const queries = emulator.requests.map((request) => [request.path, request.query.filterValue]);
		expect(queries).toContainEqual(['/api/2.0/people/filter', 'stone']);
		expect(queries).toContainEqual(['/api/2.0/group', 'stone']);
	});

	it('pages through more than 300 users, each exactly once', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ users: 320 }));
		const seen: string[] = [];
		let token: string | undefined;
		let calls = 0;
		do {
			const page = await listSearch(credentialsFor(emulator), 'searchRecipients', undefined, token);
			seen.push(...page.results.map((result) => String(result.value)));
			token = page.paginationToken;
			calls++;
		} while (token && calls < 20);
		// 2 groups + 324 active users (the deactivated one is left out)
		expect(seen).toHaveLength(326);
		expect(new Set(seen).size).toBe(326);
		expect(seen).toContain('0e0e0e0e-0000-4e00-8e00-000000000320');
		expect(calls).toBe(4);
		const userPages = emulator.requests.filter(
			(request) => request.path === '/api/2.0/people/filter',
		);
		expect(userPages.map((request) => request.query.startIndex)).toEqual([
			'0',
			'100',
			'200',
			'300',
		]);
		expect(
			userPages.every(
				(request) => request.query.count === '100' && request.query.employeeStatus === '1',
			),
		).toBe(true);
	});

	it('searchUsers and searchGroups page on their own', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ users: 150 }));
		const first = await listSearch(credentialsFor(emulator), 'searchUsers', 'user');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const second = await listSearch(
			credentialsFor(emulator),
			'searchUsers',
			'user',
			first.paginationToken,
		);
		expect(second.results).toHaveLength(50);
		expect(second.paginationToken).toBeUndefined();
		const groups = await listSearch(credentialsFor(emulator), 'searchGroups');
		expect(groups.results.map((result) => result.name)).toEqual(['Legal (group)', 'Sales (group)']);
	});
});
