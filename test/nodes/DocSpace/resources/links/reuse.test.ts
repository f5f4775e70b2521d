/** Link: Create or Reuse (match by title), and the links read once per run (issue 12). */
import type { IDataObject } from 'n8n-workflow';

import {
	SEED_IDS,
	byId,
	roomLinkSet,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';

const ctx = useEmulator();

const fileLinkSet = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'fileLink',
	operation: 'set',
	file: byId('id', SEED_IDS.myDocxId),
	fileLinkAccess: 2,
	...overrides,
});
const reads = (path: string) =>
	ctx.emulator.requests.filter((request) => request.method === 'GET' && request.path === path);
const roomLinks = (room: string) => `/api/2.0/files/rooms/${room}/links`;
const fileLinks = `/api/2.0/files/file/${SEED_IDS.myDocxId}/links`;

describe('Link: Create or Reuse (match by title)', () => {
	it('creates the link once, then updates the same link on every later run', async () => {
		const { emulator } = ctx;
		const parameters = roomLinkSet({ link: 'createOrReuse', title: 'Client: read-only' });
		const first = await run(emulator, parameters, { executionId: 'run-1' });
		const second = await run(
			emulator,
			{ ...parameters, access: 6, title: ' Client: read-only ' },
			{ executionId: 'run-2' },
		);
		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		const [created, updated] = writes(emulator);
		expect(updated.body).toEqual({
			linkType: 1,
			access: 6,
			linkId: (created.body as IDataObject).linkId,
			title: 'Client: read-only',
			denyDownload: false,
			internal: false,
		});
		expect(second.items[0].json).toMatchObject({
			linkId: first.items[0].json.linkId,
			accessName: 'Commenter',
		});
		// One read of the room's links and one of the room (its type) per run, before its write.
		const room = `/api/2.0/files/rooms/${SEED_IDS.customRoomId}`;
		expect(emulator.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', roomLinks(SEED_IDS.customRoomId)],
			['GET', room],
			['PUT', roomLinks(SEED_IDS.customRoomId)],
			['GET', roomLinks(SEED_IDS.customRoomId)],
			['GET', room],
			['PUT', roomLinks(SEED_IDS.customRoomId)],
		]);
	});

	it('with several links of that title updates the first DocSpace lists; a primary link counts', async () => {
		const { emulator } = ctx;
		// The busy room: a primary "Shared link", five "Partner link n" and its invitation link.
		const primary = await run(
			emulator,
			roomLinkSet({
				room: byId('id', SEED_IDS.fullRoomId),
				link: 'createOrReuse',
				title: 'Shared link',
			}),
		);
		expect(primary.error).toBeUndefined();
		expect(primary.items[0].json).toMatchObject({
			linkId: 'c0ffee00-0107-4c00-a000-000000000001',
			primary: true,
		});
		emulator.requests.length = 0;
		const twice = await run(
			emulator,
			roomLinkSet({
				room: byId('id', SEED_IDS.fullRoomId),
				link: 'createOrReuse',
				title: 'Partner link 2',
			}),
		);
		expect(twice.error).toBeUndefined();
		expect((writes(emulator)[0].body as IDataObject).linkId).toBe(
			'c0ffee00-0107-4c00-a000-000000000012',
		);
	});

	it("reuses a room's one invitation link whatever its title; never an external link of that title", async () => {
		const { emulator } = ctx;
		const invitation = await run(
			emulator,
			roomLinkSet({
				room: byId('id', SEED_IDS.fullRoomId),
				link: 'createOrReuse',
				linkType: 'invitation',
				title: 'Join the project',
			}),
		);
		expect(invitation.error).toBeUndefined();
		expect(writes(emulator)[0].body).toMatchObject({
			linkType: 0,
			linkId: SEED_IDS.fullRoomInvitationLinkId,
			title: 'Join the project',
		});
		// "Partner link 1" is an external link: an invitation link of that title is a new one.
		const other = await run(
			emulator,
			roomLinkSet({ link: 'createOrReuse', linkType: 'invitation', title: 'Partner link 1' }),
		);
		expect(other.error).toBeUndefined();
		expect(other.items[0].json).toMatchObject({ linkType: 'invitation', title: 'Partner link 1' });
	});

	it('gives items of one run with the same title one link, reading the links once', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			roomLinkSet({
				link: 'createOrReuse',
				title: '={{ $json.title }}',
				access: '={{ $json.access }}',
			}),
			{
				items: [
					{ title: 'Team', access: 2 },
					{ title: 'Team', access: 6 },
					{ title: 'Other', access: 2 },
				],
			},
		);
		expect(result.error).toBeUndefined();
		const ids = writes(emulator).map((request) => (request.body as IDataObject).linkId);
		expect(ids[0]).toBe(ids[1]);
		expect(ids[2]).not.toBe(ids[0]);
		expect(reads(roomLinks(SEED_IDS.customRoomId))).toHaveLength(1);
		const titles = emulator.roomLinks(SEED_IDS.customRoomId).map((dto) => dto.sharedLink?.title);
		expect(titles.sort()).toEqual(['Other', 'Team']);
	});

	it('works for file links too', async () => {
		const { emulator } = ctx;
		const first = await run(emulator, fileLinkSet({ link: 'createOrReuse', title: 'Review' }), {
			executionId: 'a',
		});
		const second = await run(
			emulator,
			fileLinkSet({ link: 'createOrReuse', title: 'Review', fileLinkAccess: 6 }),
			{ executionId: 'b' },
		);
		expect(second.items[0].json).toMatchObject({
			linkId: first.items[0].json.linkId,
			accessName: 'Commenter',
		});
		expect(reads(fileLinks)).toHaveLength(2);
	});

	it('refuses an empty title before sending anything', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, roomLinkSet({ link: 'createOrReuse', title: '  ' }));
		expect(result.error?.message).toBe('Title: is empty [item 0]');
		expect(result.error?.description).toMatch(/finds the link by its title/);
		expect(emulator.requests).toEqual([]);
	});
});

describe('Link Type follows the link', () => {
	it('refuses an update whose Link Type contradicts the link, before writing', async () => {
		const { emulator } = ctx;
		for (const link of ['update']) {
			emulator.requests.length = 0;
			const result = await run(
				emulator,
				roomLinkSet({
					room: byId('id', SEED_IDS.fullRoomId),
					link,
					linkId: SEED_IDS.fullRoomInvitationLinkId,
				}),
			);
			expect(result.error?.message).toBe(
				`Link Type: link ${SEED_IDS.fullRoomInvitationLinkId} is an invitation link, not an external link [item 0]`,
			);
			expect(result.error?.description).toMatch(/Set Link Type to Invitation Link/);
			expect(writes(emulator)).toEqual([]);
		}
	});
});

describe("a room's or file's links are read once per run", () => {
	it('a burst of lost answers on the shared read: each waiting item reads once more on its own, none fails', async () => {
		const { emulator } = ctx;
		const created = await run(emulator, fileLinkSet({ title: 'Bench' }));
		const linkId = created.items[0].json.linkId as string;
		emulator.requests.length = 0;
		// 8 resets: more than one read's retries (1 + 5).
		emulator.inject({ path: /\/links$/, method: 'GET', kind: 'reset', times: 8 });
		const items = Array.from({ length: 5 }, (_, n) => ({ title: `Review ${n}` }));
		const result = await run(
			emulator,
			fileLinkSet({ link: 'update', linkId, title: '={{ $json.title }}' }),
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.title)).toEqual(items.map((item) => item.title));
		expect(writes(emulator)).toHaveLength(5);
	});

	it('File Link: update by ID, 20 items on one file: one read, 20 writes', async () => {
		const { emulator } = ctx;
		const created = await run(emulator, fileLinkSet({ title: 'Bench' }));
		const linkId = created.items[0].json.linkId as string;
		emulator.requests.length = 0;
		const items = Array.from({ length: 20 }, (_, n) => ({ title: `Review ${n}` }));
		const result = await run(
			emulator,
			fileLinkSet({ link: 'update', linkId, title: '={{ $json.title }}' }),
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(20);
		expect(reads(fileLinks)).toHaveLength(1);
		expect(writes(emulator)).toHaveLength(20);
	});

	it('a failed read is tried once more by the item, and not kept: the next item reads again', async () => {
		const { emulator } = ctx;
		emulator.inject({ path: /\/links$/, kind: 'status', status: 404, times: 2 });
		// Batches of one, 2 s apart: the second item starts after the first one's read failed.
		const requestOptions = { batching: { batch: { batchSize: 1, batchInterval: 2000 } } };
		const result = await run(
			emulator,
			fileLinkSet({ link: 'createOrReuse', title: 'Review', requestOptions }),
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(result.items[0].error).toBeDefined();
		expect(result.items[1].error).toBeUndefined();
		expect(reads(fileLinks)).toHaveLength(3);
	});

	it('Revoke twice in one run: the second is refused, one read, one write', async () => {
		const { emulator } = ctx;
		const linkId = 'c0ffee00-0107-4c00-a000-000000000013';
		const revoked = await run(
			emulator,
			{
				resource: 'roomLink',
				operation: 'revoke',
				room: byId('id', SEED_IDS.fullRoomId),
				linkId: byId('id', '={{ $json.id }}'),
			},
			{ typeVersion: 1.1, items: [{ id: linkId }, { id: linkId }], continueOnFail: true },
		);
		expect(revoked.items[0].json).toMatchObject({ linkId, linkType: 'external', revoked: true });
		expect(revoked.items[1].error?.message).toBe(
			`Link ID: room ${SEED_IDS.fullRoomId} has no link ${linkId} [item 1]`,
		);
		expect(reads(roomLinks(SEED_IDS.fullRoomId))).toHaveLength(1);
		expect(writes(emulator)).toHaveLength(1);
	});
});
