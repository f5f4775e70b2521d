import { SEED_IDS, seedMany } from '../../../emulator';
import { credentialsFor, useEmulator } from '../../../harness/docspace';
import { listSearch } from '../../../harness/loadOptionsContext';

const ctx = useEmulator();

describe('searchRooms (Room picker)', () => {
	it('lists the rooms with their type, as values the By ID mode would take', async () => {
		const { emulator } = ctx;
		const page = await listSearch(credentialsFor(emulator), 'searchRooms');
		expect(page.results).toEqual([
			{ name: 'Client Projects (Custom room)', value: SEED_IDS.customRoomId },
			{ name: 'Press Kit (Public room)', value: SEED_IDS.publicRoomId },
			{ name: 'Applications (Form filling room)', value: SEED_IDS.formRoomId },
			{ name: 'Team Drafts (Collaboration room)', value: SEED_IDS.collabRoomId },
			{ name: 'Due Diligence (Virtual data room)', value: SEED_IDS.vdrRoomId },
			{ name: 'Research Assistant (AI room)', value: SEED_IDS.aiRoomId },
			{ name: 'Busy Room (Custom room)', value: SEED_IDS.fullRoomId },
			{ name: 'Box Archive (Custom room)', value: SEED_IDS.thirdPartyRoomId },
		]);
		expect(page.paginationToken).toBeUndefined();
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
			['/api/2.0/files/rooms', { startIndex: '0', count: '100' }],
		]);
	});

	it('pages through a 358-room portal with paginationToken, every room exactly once', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ rooms: 350 }));
		const first = await listSearch(credentialsFor(emulator), 'searchRooms');
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('100');
		const seen = first.results.map((result) => String(result.value));
		let token = first.paginationToken;
		let calls = 1;
		while (token && calls < 20) {
			const page = await listSearch(credentialsFor(emulator), 'searchRooms', undefined, token);
			seen.push(...page.results.map((result) => String(result.value)));
			token = page.paginationToken;
			calls++;
		}
		expect(calls).toBe(4);
		expect(seen).toHaveLength(358);
		expect(new Set(seen).size).toBe(358);
		expect(seen).toContain('1350');
		expect(emulator.requests.map((request) => request.query.startIndex)).toEqual([
			'0',
			'100',
			'200',
			'300',
		]);
		expect(emulator.requests.every((request) => request.query.count === '100')).toBe(true);
	});

	it('searches by name, also across pages', async () => {
		const { emulator } = ctx;
		emulator.reset(seedMany({ rooms: 350 }));
		const press = await listSearch(credentialsFor(emulator), 'searchRooms', 'press');
		expect(press.results).toEqual([
			{ name: 'Press Kit (Public room)', value: SEED_IDS.publicRoomId },
		]);
		expect(emulator.requests[0].query).toEqual({
			startIndex: '0',
			count: '100',
			filterValue: 'press',
		});

		const generated = await listSearch(credentialsFor(emulator), 'searchRooms', 'generated room 3');
		// "Generated Room 3", "…30"–"…39", "…300"–"…350": 1 + 10 + 51 = 62, one page
		expect(generated.results).toHaveLength(62);
		expect(generated.paginationToken).toBeUndefined();

		const many = await listSearch(credentialsFor(emulator), 'searchRooms', 'generated');
		expect(many.results).toHaveLength(100);
		const rest = await listSearch(
			credentialsFor(emulator),
			'searchRooms',
			'generated',
			many.paginationToken,
		);
		expect(rest.paginationToken).toBe('200');
	});

	it('shows only the rooms the account can see', async () => {
		const { emulator } = ctx;
		const page = await listSearch(credentialsFor(emulator, SEED_IDS.janeToken), 'searchRooms');
		expect(page.results).toEqual([
			{ name: 'Client Projects (Custom room)', value: SEED_IDS.customRoomId },
		]);
	});

	it('explains a key without rooms:read', async () => {
		const { emulator } = ctx;
		await expect(
			listSearch(credentialsFor(emulator, SEED_IDS.filesOnlyApiKey), 'searchRooms'),
		).rejects.toThrow(/rooms:read/);
	});
});
