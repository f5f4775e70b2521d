import { SEED_IDS, seedMany } from '../../../emulator';
import { credentialsFor, run, useEmulator, byId } from '../../../harness/docspace';
import { listSearch } from '../../../harness/loadOptionsContext';

const ctx = useEmulator();

describe('searchAllUsers (User picker of the User resource)', () => {
	it('lists every user, disabled and invited ones marked, so Enable and Delete can pick them', async () => {
		const { emulator } = ctx;
		await run(emulator, { resource: 'user', operation: 'invite', email: 'new@example.com' });
		emulator.requests.length = 0;
		const page = await listSearch(credentialsFor(emulator), 'searchAllUsers');
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ startIndex: '0', count: '100' },
		]);
		expect(page.results).toEqual([
			{ name: 'Olivia Owner (olivia@example.com)', value: SEED_IDS.ownerId },
			{ name: 'Jane Doe (jane@example.com)', value: SEED_IDS.janeId },
			{ name: 'Bob Stone (bob@example.com)', value: SEED_IDS.bobId },
			{ name: 'Gary Guest (gary@example.com)', value: SEED_IDS.guestId },
			{ name: 'Dana Disabled (dana@example.com) — disabled', value: SEED_IDS.disabledUserId },
			{ name: 'new@example.com (new@example.com) — invited', value: expect.any(String) },
		]);
		expect(page.paginationToken).toBeUndefined();
	});

	it('searches by name or email and pages through 325 users, each once', async () => {
		const { emulator } = ctx;
		expect(
			(await listSearch(credentialsFor(emulator), 'searchAllUsers', 'dana')).results.map(
				(result) => result.value,
			),
		).toEqual([SEED_IDS.disabledUserId]);
		emulator.reset(seedMany({ users: 320 }));
		const seen: string[] = [];
		let token: string | undefined;
		for (let calls = 0; calls < 10; calls++) {
			const page = await listSearch(credentialsFor(emulator), 'searchAllUsers', undefined, token);
			seen.push(...page.results.map((result) => String(result.value)));
			token = page.paginationToken as string | undefined;
			if (!token) break;
		}
		expect(seen).toHaveLength(325);
		expect(new Set(seen).size).toBe(325);
	});

	it('a value picked from the list works in the operations', async () => {
		const { emulator } = ctx;
		const page = await listSearch(credentialsFor(emulator), 'searchAllUsers', 'dana');
		const result = await run(emulator, {
			resource: 'user',
			operation: 'enable',
			user: byId('list', String(page.results[0].value)),
		});
		expect(result.items[0].json).toMatchObject({ id: SEED_IDS.disabledUserId, status: 'active' });
	});
});
