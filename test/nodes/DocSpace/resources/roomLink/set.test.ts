import type { IDataObject } from 'n8n-workflow';

import {
	SEED_IDS,
	byId,
	credentialsFor,
	roomLinkSet,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';
import { ENTRIES_CHECKED_PER_EXECUTION } from '../../../../../nodes/DocSpace/shared/entryChecks';

const ctx = useEmulator();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const setLink = roomLinkSet;

describe('Room Link: Set — what DocSpace receives', () => {
	it('creates an external link with a client-generated id and only the fields that apply', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, setLink({ title: 'Partner (read-only)' }));
		expect(result.error).toBeUndefined();
		const [request] = writes(emulator);
		expect(request.method).toBe('PUT');
		expect(request.path).toBe('/api/2.0/files/rooms/101/links');
		expect(request.headers['content-type']).toMatch(/application\/json/);
		expect(request.body).toEqual({
			linkType: 1,
			access: 2,
			linkId: expect.stringMatching(UUID),
			title: 'Partner (read-only)',
			denyDownload: false,
			internal: false,
		});
		const linkId = (request.body as IDataObject).linkId;
		expect(emulator.roomLinks(SEED_IDS.customRoomId).map((dto) => dto.sharedLink?.id)).toContain(
			linkId,
		);
		expect(result.items).toHaveLength(1);
		expect(result.items[0].json).toMatchObject({
			linkId,
			title: 'Partner (read-only)',
			url: expect.stringContaining('/s/'),
			linkType: 'external',
			access: 2,
			accessName: 'Viewer',
			expired: false,
			passwordProtected: false,
			denyDownload: false,
			internal: false,
			primary: false,
			canRevoke: true,
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('sends every external-link field in the form DocSpace reads it', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			setLink({
				access: 10,
				title: '  Client review  ',
				expirationDate: '2027-06-30T18:00:00',
				password: 'Str0ng!pass',
				denyDownload: true,
				internal: true,
			}),
			{ timezone: 'Europe/Berlin' },
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator)[0].body).toEqual({
			linkType: 1,
			access: 10,
			linkId: expect.stringMatching(UUID),
			title: 'Client review',
			expirationDate: '2027-06-30T16:00:00.000Z',
			password: 'Str0ng!pass',
			denyDownload: true,
			internal: true,
		});
		expect(result.items[0].json).toMatchObject({
			access: 10,
			accessName: 'Editor',
			expirationDate: expect.stringMatching(/^2027-06-30T16:00:00/),
			passwordProtected: true,
			denyDownload: true,
			internal: true,
		});
		expect(result.items[0].json).not.toHaveProperty('password');
		expect(JSON.stringify(result.run)).not.toContain('Str0ng!pass');
	});

	it('creates an invitation link with a use cap and without external-only fields', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			setLink({
				linkType: 'invitation',
				access: 11,
				maxUseCount: 25,
				password: 'ignored-pass',
				denyDownload: true,
			}),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator)[0].body).toEqual({
			linkType: 0,
			access: 11,
			linkId: expect.stringMatching(UUID),
			maxUseCount: 25,
		});
		expect(result.items[0].json).toMatchObject({
			linkType: 'invitation',
			access: 11,
			accessName: 'Content creator',
			maxUses: 25,
			usesSoFar: 0,
		});
	});

	it('leaves Max Uses out when it is 0 (no limit)', async () => {
		const { emulator } = ctx;
		await run(emulator, setLink({ linkType: 'invitation', access: 2, maxUseCount: 0 }));
		expect(writes(emulator)[0].body).not.toHaveProperty('maxUseCount');
	});

	it('updates an existing link by its id', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			setLink({
				room: byId('id', SEED_IDS.publicRoomId),
				link: 'update',
				linkId: SEED_IDS.publicPrimaryLinkId,
				access: 6,
				title: 'Press (comment)',
			}),
		);
		expect(result.error).toBeUndefined();
		expect((writes(emulator)[0].body as IDataObject).linkId).toBe(SEED_IDS.publicPrimaryLinkId);
		expect(result.items[0].json).toMatchObject({
			linkId: SEED_IDS.publicPrimaryLinkId,
			access: 6,
			title: 'Press (comment)',
			primary: true,
		});
	});

	it('takes the room from its DocSpace URL, and third-party room ids', async () => {
		const { emulator } = ctx;
		await run(
			emulator,
			setLink({
				room: byId('url', `${emulator.baseUrl}/rooms/shared/filter?folder=101&count=100`),
			}),
		);
		await run(
			emulator,
			setLink({ room: byId('url', `${emulator.baseUrl}/rooms/shared/101/filter?folder=101`) }),
		);
		await run(emulator, setLink({ room: byId('id', SEED_IDS.thirdPartyRoomId) }));
		expect(writes(emulator).map((request) => [request.path, request.status])).toEqual([
			['/api/2.0/files/rooms/101/links', 200],
			['/api/2.0/files/rooms/101/links', 200],
			['/api/2.0/files/rooms/sbox-42/links', 200],
		]);
	});

	it('reads access given by an expression as a number, a name or a label, and always sends an integer', async () => {
		const { emulator } = ctx;
		for (const access of ['={{ "Editor" }}', '={{ "Editing" }}', '={{ "10" }}', '={{ 10 }}']) {
			const result = await run(emulator, setLink({ access }));
			expect(result.error).toBeUndefined();
		}
		expect(writes(emulator).map((request) => (request.body as IDataObject).access)).toEqual([
			10, 10, 10, 10,
		]);
	});

	it('returns the full FileShareDto with Simplify off, password hidden unless asked for', async () => {
		const { emulator } = ctx;
		const hidden = await run(emulator, setLink({ password: 'Secret#123', simplify: false }));
		expect(hidden.items[0].json).toMatchObject({
			subjectType: 1,
			sharedLink: { password: expect.stringMatching(/hidden/) },
		});
		expect(JSON.stringify(hidden.items)).not.toContain('Secret#123');
		const shown = await run(
			emulator,
			setLink({ password: 'Secret#123', simplify: false, options: { includePassword: true } }),
		);
		expect(shown.items[0].json).toMatchObject({
			sharedLink: { password: 'Secret#123' },
			sharedTo: { password: 'Secret#123' },
		});
		const simple = await run(
			emulator,
			setLink({ password: 'Secret#123', options: { includePassword: true } }),
		);
		expect(simple.items[0].json).toMatchObject({ password: 'Secret#123', passwordProtected: true });
	});
});

describe('Room Link: Set — many items', () => {
	it('resolves each item’s expressions into its own request and pairs each output with its input', async () => {
		const { emulator } = ctx;
		const items = [
			{ room: SEED_IDS.customRoomId, client: 'Acme', days: 7 },
			{ room: SEED_IDS.publicRoomId, client: 'Globex', days: 30 },
			{ room: SEED_IDS.thirdPartyRoomId, client: 'Initech', days: 90 },
		];
		const result = await run(
			emulator,
			setLink({
				room: byId('id', '={{ $json.room }}'),
				title: '={{ "Client " + $json.client }}',
				expirationDate: '={{ $now.plus({ days: $json.days }).toISO() }}',
			}),
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.title, item.pairedItem])).toEqual([
			['Client Acme', { item: 0 }],
			['Client Globex', { item: 1 }],
			['Client Initech', { item: 2 }],
		]);
		const sent = writes(emulator)
			.map((request) => [request.path, (request.body as IDataObject).title])
			.sort();
		expect(sent).toEqual([
			['/api/2.0/files/rooms/101/links', 'Client Acme'],
			['/api/2.0/files/rooms/102/links', 'Client Globex'],
			['/api/2.0/files/rooms/sbox-42/links', 'Client Initech'],
		]);
	});

	it('with continue-on-fail gives an error item for the failing item and links for the others', async () => {
		const { emulator } = ctx;
		const items = [
			{ room: SEED_IDS.customRoomId },
			{ room: '999999' },
			{ room: 'not a room' },
			{ room: SEED_IDS.publicRoomId },
		];
		const result = await run(emulator, setLink({ room: byId('id', '={{ $json.room }}') }), {
			items,
			continueOnFail: true,
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
		expect(result.items[0].json.linkId).toEqual(expect.stringMatching(UUID));
		expect(result.items[1].json.error).toMatch(/Room 999999 was not found/);
		expect(result.items[2].json.error).toMatch(/Room: "not a room" is not a room ID \[item 2\]/);
		expect(result.items[3].json.linkId).toEqual(expect.stringMatching(UUID));
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(writes(emulator)).toHaveLength(3);
	});

	it('without continue-on-fail the error names the failing item', async () => {
		const { emulator } = ctx;
		const items = [{ room: SEED_IDS.customRoomId }, { room: SEED_IDS.collabRoomId }];
		const result = await run(emulator, setLink({ room: byId('id', '={{ $json.room }}') }), {
			items,
		});
		expect(result.error?.message).toMatch(
			/^Team Drafts \(room 104\) is a collaboration room: .* \[item 1\]$/,
		);
	});
});

describe('Room Link: Set — room type checks stay bounded', () => {
	it('reads the type of at most 50 rooms per run, so a run over many rooms does not double its requests', async () => {
		const { emulator } = ctx;
		const items = Array.from({ length: 60 }, (_, n) => ({ room: String(900_000 + n) }));
		const result = await run(emulator, setLink({ room: byId('id', '={{ $json.room }}') }), {
			items,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(60);
		const roomReads = emulator.requests.filter(
			(request) =>
				request.method === 'GET' && /^\/api\/2\.0\/files\/rooms\/\d+$/.test(request.path),
		);
		expect(roomReads).toHaveLength(ENTRIES_CHECKED_PER_EXECUTION);
		expect(writes(emulator)).toHaveLength(60);
	});
});

describe('Room Link: Set — DocSpace refusals become actionable messages', () => {
	it('refuses, before sending, an external link in a room that takes none', async () => {
		const { emulator } = ctx;
		const cases: Array<[string, string]> = [
			[
				SEED_IDS.collabRoomId,
				'Team Drafts (room 104) is a collaboration room: it takes no external links. Choose Invitation Link or another room. [item 0]',
			],
			[
				SEED_IDS.vdrRoomId,
				'Due Diligence (room 105) is a virtual data room: it takes no external links. Choose Invitation Link or another room. [item 0]',
			],
			[
				SEED_IDS.aiRoomId,
				'Research Assistant (room 106) is an AI room: it takes no external links. Choose Invitation Link or another room. [item 0]',
			],
		];
		for (const [roomId, message] of cases) {
			const result = await run(emulator, setLink({ room: byId('id', roomId) }));
			expect(result.error?.message).toBe(message);
			expect(result.error?.description).toMatch(/Nothing was sent to DocSpace\.$/);
			expect((result.error as { httpCode?: unknown }).httpCode).toBeNull();
		}
		expect(writes(emulator)).toEqual([]);
	});

	it('refuses, before sending, an access level the room type does not allow', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			setLink({ room: byId('id', SEED_IDS.formRoomId), access: 10 }),
		);
		expect(result.error?.message).toBe(
			'Access: Editor (10) does not fit Applications (room 103), a form filling room [item 0]',
		);
		expect(result.error?.description).toBe(
			'For external links it allows: Form filler (7), Viewer (2). Nothing was sent to DocSpace.',
		);
		expect(writes(emulator)).toEqual([]);
	});

	it('reads each room once per execution, however many items name it', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, setLink({ room: byId('id', '={{ $json.room }}') }), {
			items: [
				{ room: SEED_IDS.customRoomId },
				{ room: SEED_IDS.customRoomId },
				{ room: SEED_IDS.collabRoomId },
				{ room: SEED_IDS.customRoomId },
			],
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.error === undefined)).toEqual([
			true,
			true,
			false,
			true,
		]);
		const roomReads = emulator.requests
			.filter((request) => /^\/api\/2\.0\/files\/rooms\/\d+$/.test(request.path))
			.map((request) => request.path)
			.sort();
		expect(roomReads).toEqual(['/api/2.0/files/rooms/101', '/api/2.0/files/rooms/104']);
	});

	it("still explains DocSpace's own refusal when the room could not be read first", async () => {
		const { emulator } = ctx;
		emulator.inject({
			method: 'GET',
			path: '/api/2.0/files/rooms/104',
			kind: 'status',
			status: 404,
			body: { error: { message: 'The required folder was not found' }, status: 1, statusCode: 404 },
		});
		const result = await run(emulator, setLink({ room: byId('id', SEED_IDS.collabRoomId) }));
		expect(result.error?.message).toBe(
			'DocSpace does not allow this access level for room 104 [item 0]',
		);
		expect(result.error?.description).toMatch(/Collaboration room: no external links/);
	});

	it('explains that the account may not manage the room', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, setLink({ room: byId('id', SEED_IDS.publicRoomId) }), {
			credentials: credentialsFor(emulator, SEED_IDS.janeToken),
		});
		expect(result.error?.message).toMatch(/not allowed to manage sharing of room 102/);
	});

	it('explains the link limit of a room', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, setLink({ room: byId('id', SEED_IDS.fullRoomId) }));
		expect(result.error?.message).toMatch(
			/^Busy Room \(room 107\) already has as many links as DocSpace allows/,
		);
		expect(result.error?.description).toMatch(/maximum number of links may not exceed 5/);
	});

	it('passes on the portal password policy', async () => {
		const { emulator } = ctx;
		emulator.configure({ passwordMinLength: 12 });
		const result = await run(emulator, setLink({ password: 'Short#123' }));
		expect(result.error?.message).toMatch(
			/DocSpace rejected a value for Client Projects \(room 101\): .*Password must contain from 12 to 30 characters/,
		);
		expect(result.error?.message).not.toContain('Short#123');
	});

	it('explains an unknown room', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, setLink({ room: byId('id', '424242') }));
		expect(result.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
	});
});
