import type { IDataObject } from 'n8n-workflow';

import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';

const ctx = useEmulator();
const PARTNER_LINK = 'c0ffee00-0107-4c00-a000-000000000011';

function revoke(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'roomLink',
		operation: 'revoke',
		room: byId('id', SEED_IDS.fullRoomId),
		linkType: 'external',
		linkId: PARTNER_LINK,
		...overrides,
	};
}

const linkIds = (roomId: string) => ctx.emulator.roomLinks(roomId).map((dto) => dto.sharedLink?.id);

describe('Room Link: Revoke — what DocSpace receives', () => {
	it('checks the link exists, then sends access 0 with its id and type', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, revoke());
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.body]),
		).toEqual([
			['GET', '/api/2.0/files/rooms/107/links', undefined],
			['PUT', '/api/2.0/files/rooms/107/links', { linkId: PARTNER_LINK, linkType: 1, access: 0 }],
		]);
		expect(result.items).toEqual([
			{
				json: { linkId: PARTNER_LINK, linkType: 'external', revoked: true },
				pairedItem: { item: 0 },
			},
		]);
		expect(linkIds(SEED_IDS.fullRoomId)).not.toContain(PARTNER_LINK);
		expect(linkIds(SEED_IDS.fullRoomId)).toHaveLength(6);
	});

	it('revokes the invitation link with linkType 0', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			revoke({ linkType: 'invitation', linkId: SEED_IDS.fullRoomInvitationLinkId.toUpperCase() }),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator)[0].body).toEqual({
			linkId: SEED_IDS.fullRoomInvitationLinkId,
			linkType: 0,
			access: 0,
		});
		expect(result.items[0].json).toEqual({
			linkId: SEED_IDS.fullRoomInvitationLinkId,
			linkType: 'invitation',
			revoked: true,
		});
	});

	it('reports the primary link DocSpace creates in place of a revoked public-room primary link', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			revoke({ room: byId('id', SEED_IDS.publicRoomId), linkId: SEED_IDS.publicPrimaryLinkId }),
		);
		expect(result.error).toBeUndefined();
		const json = result.items[0].json as IDataObject;
		expect(json).toMatchObject({
			linkId: SEED_IDS.publicPrimaryLinkId,
			revoked: true,
			replacedBy: { primary: true, linkType: 'external', access: 2 },
		});
		const replacement = (json.replacedBy as IDataObject).linkId;
		expect(replacement).not.toBe(SEED_IDS.publicPrimaryLinkId);
		expect(linkIds(SEED_IDS.publicRoomId)).toEqual([replacement]);

		const full = await run(
			emulator,
			revoke({
				room: byId('id', SEED_IDS.formRoomId),
				linkId: SEED_IDS.formPrimaryLinkId,
				simplify: false,
			}),
		);
		expect(full.items[0].json).toMatchObject({
			revoked: true,
			replacedBy: { access: 7, subjectType: 4, sharedLink: { primary: true } },
		});
	});
});

describe('Room Link: Revoke — refusals', () => {
	it('refuses a link the room does not have (already revoked?) and changes nothing', async () => {
		const { emulator } = ctx;
		await run(emulator, revoke());
		const again = await run(emulator, revoke());
		expect(again.error?.message).toBe(`Link ID: room 107 has no link ${PARTNER_LINK} [item 0]`);
		expect(again.error?.description).toMatch(/revoked already/);
		expect(writes(emulator)).toHaveLength(1);
	});

	it('refuses a link of the other type and says which it is', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, revoke({ linkType: 'invitation' }));
		expect(result.error?.message).toBe(
			`Link Type: link ${PARTNER_LINK} is an external link, not an invitation link [item 0]`,
		);
		expect(writes(emulator)).toHaveLength(0);
	});

	it('refuses a Link ID that is not an ID, and an empty one, before sending anything', async () => {
		const { emulator } = ctx;
		const bad = await run(emulator, revoke({ linkId: 'partner link 1' }));
		expect(bad.error?.message).toMatch(/^Link ID: "partner link 1" is not a link ID \[item 0\]/);
		const empty = await run(emulator, revoke({ linkId: '={{ "" }}' }));
		expect(empty.error?.message).toMatch(/^Link ID: "" is not a link ID/);
		expect(emulator.requests).toHaveLength(0);
	});

	it('explains an unknown room and a room the account may not manage', async () => {
		const { emulator } = ctx;
		const unknown = await run(emulator, revoke({ room: byId('id', '424242') }));
		expect(unknown.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
		const forbidden = await run(
			emulator,
			revoke({ room: byId('id', SEED_IDS.publicRoomId), linkId: SEED_IDS.publicPrimaryLinkId }),
			{
				credentials: credentialsFor(emulator, SEED_IDS.janeToken),
			},
		);
		expect(forbidden.error?.message).toBe(
			'You are not allowed to manage sharing of room 102 [item 0]',
		);
		expect(writes(emulator)).toHaveLength(0);
	});

	it('with continue-on-fail revokes the good items and reports the others', async () => {
		const { emulator } = ctx;
		const items = [
			{ id: PARTNER_LINK },
			{ id: 'c0ffee00-0107-4c00-a000-0000000000ff' },
			{ id: 'c0ffee00-0107-4c00-a000-000000000012' },
		];
		const result = await run(emulator, revoke({ linkId: '={{ $json.id }}' }), {
			items,
			continueOnFail: true,
		});
		expect(result.items.map((item) => item.json.revoked ?? item.json.error)).toEqual([
			true,
			'Link ID: room 107 has no link c0ffee00-0107-4c00-a000-0000000000ff [item 1]',
			true,
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(linkIds(SEED_IDS.fullRoomId)).toHaveLength(5);
	});
});

describe('Room Link: Set never revokes', () => {
	it('refuses None (0) by expression, by name, by label', async () => {
		const { emulator } = ctx;
		for (const access of ['={{ 0 }}', '={{ "None" }}', '={{ "0" }}']) {
			const result = await run(emulator, {
				resource: 'roomLink',
				operation: 'set',
				room: byId('id', SEED_IDS.fullRoomId),
				linkType: 'external',
				link: 'update',
				linkId: PARTNER_LINK,
				access,
			});
			expect(result.error?.message).toMatch(
				/^Access: None would revoke the link, which Set never does/,
			);
		}
		expect(writes(emulator)).toHaveLength(0);
		expect(linkIds(SEED_IDS.fullRoomId)).toContain(PARTNER_LINK);
	});
});
