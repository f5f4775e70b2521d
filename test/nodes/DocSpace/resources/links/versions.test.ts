/**
 * Node version 1.1: new nodes create or reuse links by title and share files without notifying;
 * nodes saved at version 1 keep creating a new link and notifying (n8n saves no parameter equal to
 * its default, so a saved version 1 node holds neither field).
 */
import type { IDataObject } from 'n8n-workflow';

import {
	SEED_IDS,
	byId,
	fileShare,
	roomLinkSet,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';
import { loadNodeType } from '../../../../harness/engine';

const ctx = useEmulator();

/** The parameters as a saved node holds them when Link and Notify were left at their defaults. */
function saved(parameters: IDataObject): IDataObject {
	const { link: _link, notify: _notify, ...rest } = parameters;
	return rest;
}

describe('node versions', () => {
	it('is version 1.1 for new nodes, and still runs version 1', () => {
		const { description } = loadNodeType();
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
	});

	it('Room Link: Create or Update, version 1: every run adds a link', async () => {
		const { emulator } = ctx;
		const parameters = saved(roomLinkSet({ title: 'Client' }));
		await run(emulator, parameters, { executionId: 'a', typeVersion: 1 });
		await run(emulator, parameters, { executionId: 'b', typeVersion: 1 });
		const ids = writes(emulator).map((request) => (request.body as IDataObject).linkId);
		expect(ids[0]).not.toBe(ids[1]);
		// Create a New Link reads no links first (only the room, for its type).
		expect(
			emulator.requests.filter(
				(request) => request.method === 'GET' && request.path.endsWith('/links'),
			),
		).toEqual([]);
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(2);
	});

	it('Room Link: Create or Update, version 1.1: a second run updates the link of that title', async () => {
		const { emulator } = ctx;
		const parameters = saved(roomLinkSet({ title: 'Client' }));
		await run(emulator, parameters, { executionId: 'a', typeVersion: 1.1 });
		await run(emulator, parameters, { executionId: 'b', typeVersion: 1.1 });
		const ids = writes(emulator).map((request) => (request.body as IDataObject).linkId);
		expect(ids[0]).toBe(ids[1]);
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(1);
	});

	it('File Link: Create or Update follows the same defaults', async () => {
		const { emulator } = ctx;
		const parameters = {
			resource: 'fileLink',
			operation: 'set',
			file: byId('id', SEED_IDS.myDocxId),
			title: 'Review',
		};
		for (const typeVersion of [1, 1, 1.1, 1.1])
			await run(emulator, parameters, {
				executionId: `${typeVersion}-${Math.random()}`,
				typeVersion,
			});
		const ids = writes(emulator).map((request) => (request.body as IDataObject).linkId);
		// Two new links at version 1; version 1.1 reuses the first "Review" both times.
		expect(new Set(ids).size).toBe(2);
		expect([ids[2], ids[3]]).toEqual([ids[0], ids[0]]);
	});

	it('File: Share notifies at version 1 and not at 1.1, unless Notify is set', async () => {
		const { emulator } = ctx;
		const parameters = saved(fileShare());
		await run(emulator, parameters, { typeVersion: 1 });
		await run(emulator, parameters, { typeVersion: 1.1 });
		await run(emulator, { ...parameters, notify: true }, { typeVersion: 1.1 });
		await run(emulator, { ...parameters, notify: false }, { typeVersion: 1 });
		expect(writes(emulator).map((request) => (request.body as IDataObject).notify)).toEqual([
			true,
			false,
			true,
			false,
		]);
	});

	it('Room Link: Revoke, version 1.1: the link from the list, its type taken from the link', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			{
				resource: 'roomLink',
				operation: 'revoke',
				room: byId('id', SEED_IDS.fullRoomId),
				linkId: byId('list', SEED_IDS.fullRoomInvitationLinkId),
			},
			{ typeVersion: 1.1 },
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

	it('Room Link: Revoke, version 1: Link Type is asked for and a contradiction refused', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			{
				resource: 'roomLink',
				operation: 'revoke',
				room: byId('id', SEED_IDS.fullRoomId),
				linkId: SEED_IDS.fullRoomInvitationLinkId,
			},
			{ typeVersion: 1 },
		);
		expect(result.error?.message).toBe(
			`Link Type: link ${SEED_IDS.fullRoomInvitationLinkId} is an invitation link, not an external link [item 0]`,
		);
		expect(writes(emulator)).toEqual([]);
	});

	it('Create or Update, version 1.1: the link to update picked from the list (or by ID)', async () => {
		const { emulator } = ctx;
		for (const mode of ['list', 'id'] as const) {
			const result = await run(
				emulator,
				roomLinkSet({
					room: byId('id', SEED_IDS.fullRoomId),
					link: 'update',
					linkId: byId(mode, 'c0ffee00-0107-4c00-a000-000000000011'),
					title: `Partner (${mode})`,
				}),
				{ typeVersion: 1.1 },
			);
			expect(result.error).toBeUndefined();
			expect(result.items[0].json).toMatchObject({
				linkId: 'c0ffee00-0107-4c00-a000-000000000011',
				title: `Partner (${mode})`,
			});
		}
		const bad = await run(
			emulator,
			roomLinkSet({ link: 'update', linkId: byId('id', 'not-a-link') }),
			{ typeVersion: 1.1 },
		);
		// n8n itself refuses a By ID value that does not look like a link ID, before running.
		expect(bad.error?.message).toMatch(/A link ID looks like 5b1a2c3d-/);
		expect(writes(emulator)).toHaveLength(2);
	});
});
