import { SEED_IDS, byId, credentialsFor, run, useEmulator } from '../../../../harness/docspace';

const ctx = useEmulator();

const getPrimary = (roomId: string, extra = {}) => ({
	resource: 'roomLink',
	operation: 'getPrimary',
	room: byId('id', roomId),
	...extra,
});

describe('Room Link: Get Primary', () => {
	it('reads the primary external link of a public room', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getPrimary(SEED_IDS.publicRoomId));
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/api/2.0/files/rooms/102/link', {}]]);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			linkId: SEED_IDS.publicPrimaryLinkId,
			primary: true,
			linkType: 'external',
			access: 2,
			accessName: 'Viewer',
			url: expect.stringContaining('/s/'),
		});
	});

	it('gives DocSpace’s entry with Simplify off', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getPrimary(SEED_IDS.formRoomId, { simplify: false }));
		expect(result.items[0].json).toMatchObject({
			access: 7,
			subjectType: 4,
			sharedLink: { id: SEED_IDS.formPrimaryLinkId, primary: true },
		});
	});

	it('explains rooms without external links, rooms without a primary link and unknown rooms', async () => {
		const { emulator } = ctx;
		const collab = await run(emulator, getPrimary(SEED_IDS.collabRoomId));
		expect(collab.error?.message).toBe(
			'You are not allowed to manage sharing of room 104 [item 0]',
		);
		expect(collab.error?.description).toMatch(
			/Collaboration, virtual data and AI rooms have no external links/,
		);
		const none = await run(emulator, getPrimary(SEED_IDS.customRoomId));
		expect(none.error?.message).toBe('DocSpace found no such link in room 101 [item 0]');
		expect(none.error?.description).toMatch(/no primary external link/);
		const unknown = await run(emulator, getPrimary('424242'));
		expect(unknown.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
	});

	it('explains a room the account may not manage', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getPrimary(SEED_IDS.publicRoomId), {
			credentials: credentialsFor(emulator, SEED_IDS.janeToken),
		});
		expect(result.error?.message).toBe(
			'You are not allowed to manage sharing of room 102 [item 0]',
		);
	});
});
