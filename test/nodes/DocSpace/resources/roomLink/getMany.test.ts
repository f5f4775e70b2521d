import type { IDataObject } from 'n8n-workflow';

import { SEED_IDS, byId, credentialsFor, run, useEmulator } from '../../../../harness/docspace';

const ctx = useEmulator();

function getLinks(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'roomLink',
		operation: 'getAll',
		room: byId('id', SEED_IDS.fullRoomId),
		...overrides,
	};
}

describe('Room Link: Get Many', () => {
	it('lists every link of a room, one simplified item each, without paging', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getLinks());
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/api/2.0/files/rooms/107/links', {}]]);
		expect(result.items).toHaveLength(7);
		expect(result.items[0].json).toEqual({
			linkId: 'c0ffee00-0107-4c00-a000-000000000001',
			title: 'Shared link',
			url: expect.stringContaining('/s/'),
			linkType: 'external',
			access: 2,
			accessName: 'Viewer',
			expirationDate: null,
			expired: false,
			passwordProtected: false,
			denyDownload: false,
			internal: false,
			maxUses: null,
			usesSoFar: null,
			primary: true,
			canRevoke: true,
		});
		expect(result.items[6].json).toMatchObject({
			linkId: SEED_IDS.fullRoomInvitationLinkId,
			linkType: 'invitation',
			maxUses: 10,
			usesSoFar: 3,
		});
		expect(result.items.every((item) => JSON.stringify(item.pairedItem) === '{"item":0}')).toBe(
			true,
		);
	});

	it('filters by link type with DocSpace’s LinkType integer', async () => {
		const { emulator } = ctx;
		const external = await run(emulator, getLinks({ linkTypeFilter: 'external' }));
		const invitation = await run(emulator, getLinks({ linkTypeFilter: 'invitation' }));
		expect(emulator.requests.map((request) => request.query)).toEqual([
			{ type: '1' },
			{ type: '0' },
		]);
		expect(external.items).toHaveLength(6);
		expect(external.items.every((item) => item.json.linkType === 'external')).toBe(true);
		expect(invitation.items.map((item) => item.json.linkId)).toEqual([
			SEED_IDS.fullRoomInvitationLinkId,
		]);
	});

	it('returns no items (and no error) for a room without links', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getLinks({ room: byId('id', SEED_IDS.collabRoomId) }));
		expect(result.error).toBeUndefined();
		expect(result.items).toEqual([]);
	});

	it('hides link passwords unless Include Password is on, in both output modes', async () => {
		const { emulator } = ctx;
		const set = await run(emulator, {
			resource: 'roomLink',
			operation: 'set',
			room: byId('id', SEED_IDS.customRoomId),
			linkType: 'external',
			access: 2,
			password: 'Secret#123',
		});
		const linkId = set.items[0].json.linkId;
		const simple = await run(emulator, getLinks({ room: byId('id', SEED_IDS.customRoomId) }));
		expect(simple.items[0].json).toMatchObject({ linkId, passwordProtected: true });
		expect(simple.items[0].json).not.toHaveProperty('password');
		const full = await run(
			emulator,
			getLinks({ room: byId('id', SEED_IDS.customRoomId), simplify: false }),
		);
		expect(full.items[0].json).toMatchObject({
			subjectType: 1,
			sharedLink: { id: linkId, password: expect.stringMatching(/hidden/) },
		});
		expect(JSON.stringify([simple.run, full.run])).not.toContain('Secret#123');
		const shown = await run(
			emulator,
			getLinks({ room: byId('id', SEED_IDS.customRoomId), options: { includePassword: true } }),
		);
		expect(shown.items[0].json).toMatchObject({ password: 'Secret#123' });
	});

	it('explains an unknown room, a room the account may not manage, and a key without rooms:read', async () => {
		const { emulator } = ctx;
		const unknown = await run(emulator, getLinks({ room: byId('id', '424242') }));
		expect(unknown.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
		const forbidden = await run(emulator, getLinks({ room: byId('id', SEED_IDS.publicRoomId) }), {
			credentials: credentialsFor(emulator, SEED_IDS.janeToken),
		});
		expect(forbidden.error?.message).toBe(
			'You are not allowed to manage sharing of room 102 [item 0]',
		);
		const scoped = await run(emulator, getLinks(), {
			credentials: credentialsFor(emulator, SEED_IDS.filesOnlyApiKey),
		});
		expect(scoped.error?.message).toMatch(
			/not allowed to Room Link: Get Many \(missing permission rooms:read\)/,
		);
	});

	it('refuses a bad room ID before sending anything', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getLinks({ room: byId('id', '={{ "../people" }}') }));
		expect(result.error?.message).toMatch(/^Room: "..\/people" is not a room ID \[item 0\]/);
		expect(emulator.requests).toHaveLength(0);
	});
});
