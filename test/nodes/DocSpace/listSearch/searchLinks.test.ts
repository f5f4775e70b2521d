import { SEED_IDS, byId, credentialsFor, run, useEmulator } from '../../../harness/docspace';
import { listSearch } from '../../../harness/loadOptionsContext';

const ctx = useEmulator();

const busyRoom = (parameters: Record<string, unknown> = {}) => ({
	resource: 'roomLink',
	operation: 'revoke',
	room: byId('id', SEED_IDS.fullRoomId),
	...parameters,
});

describe('searchLinks (Existing Link picker)', () => {
	it("lists a room's links by title, type, access and expiry; Revoke lists every type", async () => {
		const { emulator } = ctx;
		const page = await listSearch(
			credentialsFor(emulator),
			'searchLinks',
			undefined,
			undefined,
			busyRoom(),
		);
		expect(page.results[0]).toEqual({
			name: 'Shared link (external, primary) — Viewer, no expiry',
			value: 'c0ffee00-0107-4c00-a000-000000000001',
			url: expect.stringMatching(/^http/),
		});
		expect(page.results.map((result) => result.name)).toContain(
			'Invitation link (invitation) — Viewer, no expiry',
		);
		expect(page.results).toHaveLength(7);
		expect(emulator.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', `/api/2.0/files/rooms/${SEED_IDS.fullRoomId}/links`],
		]);
	});

	it('Create or Update lists only links of the chosen Link Type, and searches by title', async () => {
		const { emulator } = ctx;
		const invitation = await listSearch(
			credentialsFor(emulator),
			'searchLinks',
			undefined,
			undefined,
			busyRoom({ operation: 'set', linkType: 'invitation', link: 'update' }),
		);
		expect(invitation.results.map((result) => result.value)).toEqual([
			SEED_IDS.fullRoomInvitationLinkId,
		]);
		const partner = await listSearch(
			credentialsFor(emulator),
			'searchLinks',
			'partner link 3',
			undefined,
			busyRoom({ operation: 'set', linkType: 'external', link: 'update' }),
		);
		expect(partner.results.map((result) => result.name)).toEqual([
			'Partner link 3 (external) — Viewer, no expiry',
		]);
	});

	it("lists a file's links with their expiry", async () => {
		const { emulator } = ctx;
		await run(emulator, {
			resource: 'fileLink',
			operation: 'set',
			file: byId('id', SEED_IDS.myDocxId),
			fileLinkAccess: 6,
			title: 'Review',
			expirationDate: '2030-06-01T12:00:00Z',
		});
		emulator.requests.length = 0;
		const page = await listSearch(credentialsFor(emulator), 'searchLinks', undefined, undefined, {
			resource: 'fileLink',
			operation: 'set',
			file: byId('id', SEED_IDS.myDocxId),
			link: 'update',
		});
		expect(page.results.map((result) => result.name)).toEqual([
			'Review (external) — Commenter, expires 2030-06-01',
		]);
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
			[`/api/2.0/files/file/${SEED_IDS.myDocxId}/links`, { startIndex: '0', count: '100' }],
		]);
	});

	it('asks for the room first, without a request', async () => {
		const { emulator } = ctx;
		await expect(
			listSearch(credentialsFor(emulator), 'searchLinks', undefined, undefined, {
				resource: 'roomLink',
				operation: 'revoke',
			}),
		).rejects.toThrow(
			'Choose the room first (From List, By ID or By URL); the list shows its links.',
		);
		expect(emulator.requests).toEqual([]);
	});
});
