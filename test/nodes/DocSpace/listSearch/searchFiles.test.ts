import { SEED_IDS, seedMany, type PortalSeed } from '../../../emulator';
import { credentialsFor, useEmulator } from '../../../harness/docspace';
import { listSearch } from '../../../harness/loadOptionsContext';

const ctx = useEmulator();

describe('searchFiles (File picker)', () => {
	it('finds files in My Documents and in rooms, saying where each lives', async () => {
		const { emulator } = ctx;
		const page = await listSearch(credentialsFor(emulator), 'searchFiles');
		expect(page.results).toEqual([
			{ name: 'Contract.docx — My Documents', value: SEED_IDS.myDocxId },
			{ name: 'Application.pdf — My Documents', value: SEED_IDS.myPdfFormId },
			{ name: 'notes.txt — My Documents', value: SEED_IDS.myTxtId },
			{ name: 'Brief.docx — Client Projects', value: SEED_IDS.roomFileId },
			{ name: 'Logo Guidelines.pdf — Press Kit', value: SEED_IDS.publicRoomFileId },
		]);
		expect(page.paginationToken).toBeUndefined();
	});

	it.each(['share', 'removeSharing'])(
		'for File: %s lists only My Documents files, without looking into rooms',
		async (operation) => {
			const { emulator } = ctx;
			const page = await listSearch(credentialsFor(emulator), 'searchFiles', undefined, undefined, {
				resource: 'file',
				operation,
			});
			expect(page.results).toEqual([
				{ name: 'Contract.docx — My Documents', value: SEED_IDS.myDocxId },
				{ name: 'Application.pdf — My Documents', value: SEED_IDS.myPdfFormId },
				{ name: 'notes.txt — My Documents', value: SEED_IDS.myTxtId },
			]);
			expect(page.paginationToken).toBeUndefined();
			expect(emulator.requests.map((request) => request.path)).toEqual(['/api/2.0/files/@my']);
			const brief = await listSearch(credentialsFor(emulator), 'searchFiles', 'brief', undefined, {
				resource: 'file',
				operation,
			});
			expect(brief.results).toEqual([]);
		},
	);

	it('for File: Share pages through My Documents only', async () => {
		const { emulator } = ctx;
		const base = seedMany({ rooms: 1 });
		emulator.reset({
			...base,
			files: Array.from({ length: 150 }, (_, n) => ({
				id: String(7000 + n),
				title: `Memo ${n}.docx`,
				location: 'my' as const,
				createdBy: SEED_IDS.ownerId,
			})),
		});
		const parameters = { resource: 'file', operation: 'share' };
		const first = await listSearch(
			credentialsFor(emulator),
			'searchFiles',
			undefined,
			undefined,
			parameters,
		);
		expect(first.results).toHaveLength(100);
		expect(first.paginationToken).toBe('my:100');
		const second = await listSearch(
			credentialsFor(emulator),
			'searchFiles',
			undefined,
			first.paginationToken as string,
			parameters,
		);
		expect(second.results).toHaveLength(50);
		expect(second.paginationToken).toBeUndefined();
	});

	it('searches by name everywhere', async () => {
		const { emulator } = ctx;
		const page = await listSearch(credentialsFor(emulator), 'searchFiles', 'brief');
		expect(page.results).toEqual([
			{ name: 'Brief.docx — Client Projects', value: SEED_IDS.roomFileId },
		]);
		const roomSearches = emulator.requests.filter(
			(request) =>
				/^\/api\/2\.0\/files\/\w[\w-]*$/.test(request.path) &&
				!request.path.endsWith('rooms') &&
				!request.path.endsWith('@my'),
		);
		expect(roomSearches.length).toBeGreaterThan(0);
		expect(
			roomSearches.every(
				(request) =>
					request.query.filterValue === 'brief' && request.query.withSubFolders === 'true',
			),
		).toBe(true);
	});

	it('pages through many rooms a batch at a time, every file found once', async () => {
		const { emulator } = ctx;
		const base = seedMany({ rooms: 120 });
		const seed: PortalSeed = {
			...base,
			files: [
				...base.files,
				...base.rooms
					.filter((room) => room.id.startsWith('1') && room.id.length === 4)
					.map((room, n) => ({
						id: String(5000 + n),
						title: `Report ${n}.docx`,
						location: { roomId: room.id },
						createdBy: SEED_IDS.ownerId,
					})),
			],
		};
		emulator.reset(seed);
		const seen: string[] = [];
		let token: string | undefined;
		let calls = 0;
		do {
			const page = await listSearch(credentialsFor(emulator), 'searchFiles', 'report', token);
			seen.push(...page.results.map((result) => String(result.value)));
			token = page.paginationToken;
			calls++;
		} while (token && calls < 30);
		expect(seen).toHaveLength(120);
		expect(new Set(seen).size).toBe(120);
		expect(calls).toBeGreaterThan(1);
	});
});
