import { FOLDER_SEED_IDS as F, SEED_IDS, seedMany, seedWithFolders } from '../../../emulator';
import { credentialsFor, useEmulator } from '../../../harness/docspace';
import { listSearch } from '../../../harness/loadOptionsContext';

const ctx = useEmulator();
beforeEach(() => ctx.emulator.reset(seedWithFolders()));

describe('searchFolders (folder pickers)', () => {
	it('offers My Documents and its folders, then each room with its folders, saying where each lives', async () => {
		const { emulator } = ctx;
		const page = await listSearch(credentialsFor(emulator), 'searchFolders');
		expect(page.results.slice(0, 5)).toEqual([
			{ name: 'My Documents', value: '10' },
			{ name: 'Contracts — My Documents', value: F.contractsFolderId },
			{ name: 'Client Projects (room)', value: SEED_IDS.customRoomId },
			{ name: 'Drafts — Client Projects', value: F.draftsFolderId },
			{ name: 'Press Kit (room)', value: SEED_IDS.publicRoomId },
		]);
		expect(page.paginationToken).toBeUndefined();
		// Only folders are asked for.
		expect(
			emulator.requests
				.filter((request) => /^\/api\/2\.0\/files\/(@my|\d+|sbox-42)$/.test(request.path))
				.every((request) => request.query.filterType === '2'),
		).toBe(true);
	});

	it('searches by name at any depth (withSubFolders), rooms by title', async () => {
		const { emulator } = ctx;
		const page = await listSearch(credentialsFor(emulator), 'searchFolders', '2026');
		expect(page.results).toEqual([{ name: '2026 — Client Projects', value: F.nestedFolderId }]);
		const rooms = await listSearch(credentialsFor(emulator), 'searchFolders', 'press');
		expect(rooms.results).toEqual([{ name: 'Press Kit (room)', value: SEED_IDS.publicRoomId }]);
	});

	it('pages through many rooms with a token, each room once', async () => {
		const { emulator } = ctx;
		emulator.reset(seedWithFolders(seedMany({ rooms: 120 })));
		const seen: string[] = [];
		let token: string | undefined;
		for (let call = 0; call < 20; call++) {
			const page = await listSearch(credentialsFor(emulator), 'searchFolders', undefined, token);
			seen.push(...page.results.map((result) => result.value as string));
			token = page.paginationToken;
			if (!token) break;
		}
		expect(token).toBeUndefined();
		expect(seen.filter((value) => Number(value) > 1000 && Number(value) < 2000)).toHaveLength(120);
		expect(new Set(seen).size).toBe(seen.length);
	});
});
