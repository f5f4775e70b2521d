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

const room = byId('id', SEED_IDS.customRoomId);
const addRows = (rows: IDataObject[], overrides: IDataObject = {}) => ({
	resource: 'roomMember',
	operation: 'add',
	room,
	membersFrom: 'rows',
	members: { member: rows },
	notifyMembers: false,
	...overrides,
});
const addList = (memberList: string, overrides: IDataObject = {}) => ({
	resource: 'roomMember',
	operation: 'add',
	room,
	membersFrom: 'list',
	memberList,
	listAccess: 2,
	notifyMembers: false,
	...overrides,
});

describe('Room Member: Add', () => {
	it('reads the room and its members, then sends only new members (users, groups, emails) with integer roles', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			addRows(
				[
					{ id: byId('list', SEED_IDS.bobId), access: 10 },
					{ id: byId('id', SEED_IDS.legalGroupId), access: 'Viewer' },
					{ id: { __rl: true, mode: 'email', value: 'New.Client@Acme.example' }, access: 2 },
				],
				{ notifyMembers: true, invitationMessage: 'Welcome to your project room' },
			),
		);
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([
			['GET', '/api/2.0/files/rooms/101', {}],
			['GET', '/api/2.0/files/rooms/101/share', { filterType: '0', startIndex: '0', count: '100' }],
			['PUT', '/api/2.0/files/rooms/101/share', {}],
		]);
		expect(writes(emulator)[0].body).toEqual({
			invitations: [
				{ id: SEED_IDS.bobId, access: 10 },
				{ id: SEED_IDS.legalGroupId, access: 2 },
				{ email: 'new.client@acme.example', access: 2 },
			],
			notify: true,
			message: 'Welcome to your project room',
		});
		expect(
			result.items.map((item) => [
				item.json.name,
				item.json.subjectType,
				item.json.accessName,
				item.json.result,
			]),
		).toEqual([
			['Bob Stone', 'user', 'Editor', 'added'],
			['Legal', 'group', 'Viewer', 'added'],
			['new.client', 'user', 'Viewer', 'invited'],
		]);
		expect(result.items[2].json).toMatchObject({ roomId: '101', email: 'new.client@acme.example' });
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 0 },
		]);
	});

	it('is idempotent: a member with the same role is left alone and said so; nothing at all is written when nothing changes', async () => {
		const { emulator } = ctx;
		const rows = [
			{ id: byId('id', SEED_IDS.janeId), access: 9 },
			{ id: { __rl: true, mode: 'email', value: 'bob@example.com' }, access: 11 },
		];
		await run(emulator, addRows(rows));
		emulator.requests.splice(0);
		const again = await run(emulator, addRows(rows));
		expect(again.error).toBeUndefined();
		expect(writes(emulator)).toEqual([]);
		expect(
			again.items.map((item) => [item.json.name, item.json.result, item.json.message]),
		).toEqual([
			['Jane Doe', 'unchanged', 'Already a member with this role; nothing was changed'],
			['Bob Stone', 'unchanged', 'Already a member with this role; nothing was changed'],
		]);
		const changed = await run(
			emulator,
			addRows([
				{ id: byId('id', SEED_IDS.bobId), access: 10 },
				{ id: byId('id', SEED_IDS.ownerId), access: 2 },
			]),
		);
		expect(writes(emulator).map((request) => request.body)).toEqual([
			{ invitations: [{ id: SEED_IDS.bobId, access: 10 }], notify: false },
		]);
		expect(
			changed.items.map((item) => [
				item.json.result,
				item.json.accessName,
				item.json.previousAccessName,
			]),
		).toEqual([
			['accessChanged', 'Editor', 'Content creator'],
			['owner', 'Full access', undefined],
		]);
	});

	it('takes a list of IDs and emails, or objects with their own role (two access levels in one node)', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, addList('={{ $json.contacts }}', { listAccess: 10 }), {
			items: [
				{
					contacts: [
						{ email: 'anna@acme.example', access: 'viewer' },
						{ email: 'bob@example.com' },
						SEED_IDS.salesGroupId,
					],
				},
			],
		});
		expect(result.error).toBeUndefined();
		expect(writes(emulator)[0].body).toEqual({
			invitations: [
				{ email: 'anna@acme.example', access: 2 },
				{ email: 'bob@example.com', access: 10 },
				{ id: SEED_IDS.salesGroupId, access: 10 },
			],
			notify: false,
		});
		expect(
			result.items.map((item) => [
				item.json.email ?? item.json.name,
				item.json.accessName,
				item.json.result,
			]),
		).toEqual([
			['anna@acme.example', 'Viewer', 'invited'],
			['bob@example.com', 'Editor', 'added'],
			['Sales', 'Editor', 'added'],
		]);
		const text = await run(emulator, addList(`jane@example.com; ${SEED_IDS.bobId}`));
		expect(text.items.map((item) => item.json.result)).toEqual(['accessChanged', 'accessChanged']);
	});

	it('reports entries DocSpace silently skipped (deactivated or unknown users), with its warning', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			addRows([
				{ id: byId('id', SEED_IDS.disabledUserId), access: 2 },
				{ id: byId('id', SEED_IDS.bobId), access: 2 },
			]),
		);
		expect(result.items.map((item) => [item.json.id, item.json.result])).toEqual([
			[SEED_IDS.disabledUserId, 'notApplied'],
			[SEED_IDS.bobId, 'added'],
		]);
		expect(result.items[0].json.message).toMatch(/did not apply this entry/);
	});

	it('refuses bad input before any request, and a role the room type lacks before writing', async () => {
		const { emulator } = ctx;
		const cases: Array<[IDataObject, string]> = [
			[addRows([]), 'Members: no user or group to add [item 0]'],
			[
				addRows([{ id: byId('id', 'not-a-guid'), access: 2 }]),
				'Member 1 (User or Group ID): "not-a-guid" is not a user or group ID [item 0]',
			],
			[
				addRows([{ id: { __rl: true, mode: 'email', value: '={{ "nobody" }}' }, access: 2 }]),
				'Member 1 (Email): "nobody" is not an email address [item 0]',
			],
			[
				addRows([{ id: byId('id', SEED_IDS.bobId), access: 0 }]),
				'Member 1 (Role): None would remove the member; use Room Member: Remove [item 0]',
			],
			[
				addRows([{ id: byId('id', SEED_IDS.bobId), access: 'owner' }]),
				'Member 1 (Role): "owner" is not a room role [item 0]',
			],
			[
				addRows([{ id: byId('id', SEED_IDS.bobId), access: 2 }], {
					invitationMessage: 'x'.repeat(256),
					notifyMembers: true,
				}),
				'Message: is 256 characters long; DocSpace accepts at most 255 [item 0]',
			],
		];
		for (const [parameters, message] of cases)
			expect((await run(emulator, parameters)).error?.message).toBe(message);
		expect(emulator.requests).toHaveLength(0);

		const wrongRole = await run(
			emulator,
			addRows([{ id: byId('id', SEED_IDS.bobId), access: 10 }], {
				room: byId('id', SEED_IDS.publicRoomId),
			}),
		);
		expect(wrongRole.error?.message).toBe(
			'Member 1 (Role): a public room has no Editor role [item 0]',
		);
		expect(wrongRole.error?.description).toMatch(
			/Use one of: Room manager \(9\), Content creator \(11\)/,
		);
		const twice = await run(
			emulator,
			addRows([
				{ id: byId('id', SEED_IDS.janeId), access: 10 },
				{ id: { __rl: true, mode: 'email', value: 'jane@example.com' }, access: 2 },
			]),
		);
		expect(twice.error?.message).toBe(
			'Member 2 (Email): this member is listed twice with different roles [item 0]',
		);
		expect(writes(emulator)).toHaveLength(0);
	});

	it('explains DocSpace’s refusals: Room manager for a plain user, a group as Room manager, a room the account may not manage', async () => {
		const { emulator } = ctx;
		const bob = await run(emulator, addRows([{ id: byId('id', SEED_IDS.bobId), access: 9 }]));
		expect(bob.error?.message).toBe(
			'DocSpace does not allow this access level for room 101 [item 0]',
		);
		expect(bob.error?.description).toMatch(
			/Room manager only for room admins and DocSpace admins, never for groups/,
		);
		const group = await run(
			emulator,
			addRows([{ id: byId('id', SEED_IDS.legalGroupId), access: 9 }]),
		);
		expect(group.error?.message).toBe(
			'DocSpace does not allow this access level for room 101 [item 0]',
		);
		const forbidden = await run(
			emulator,
			addRows([{ id: byId('id', SEED_IDS.bobId), access: 11 }], {
				room: byId('id', SEED_IDS.publicRoomId),
			}),
			{
				credentials: credentialsFor(emulator, SEED_IDS.janeToken),
			},
		);
		expect(forbidden.error?.message).toMatch(/^You are not allowed to manage sharing of room 102/);
		const missing = await run(
			emulator,
			addRows([{ id: byId('id', SEED_IDS.bobId), access: 2 }], { room: byId('id', '424242') }),
		);
		expect(missing.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
		expect(writes(emulator)).toHaveLength(2);
	});

	it('one output per member per item, paired; continue-on-fail keeps going', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, addList('={{ $json.who }}'), {
			items: [{ who: 'bob@example.com' }, { who: 'nobody' }, { who: SEED_IDS.guestId }],
			continueOnFail: true,
		});
		expect(
			result.items.map((item) => [item.json.result ?? item.json.error, item.pairedItem]),
		).toEqual([
			['added', { item: 0 }],
			[
				'Member List entry 1 (User or Group ID): "nobody" is not a user or group ID [item 1]',
				{ item: 1 },
			],
			['added', { item: 2 }],
		]);
	});
});

describe('Room Member: Add, retried', () => {
	it('an answer lost after DocSpace applied the change: the same invitations are sent again, nothing is duplicated', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: '/api/2.0/files/rooms/101/share',
			method: 'PUT',
			kind: 'status',
			status: 503,
			times: 1,
			afterProcessing: true,
		});
		const result = await run(
			emulator,
			addList(`anna@acme.example, ${SEED_IDS.bobId}, jane@example.com`, { listAccess: 11 }),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator).map((request) => request.status)).toEqual([503, 200]);
		expect(writes(emulator)[1].body).toEqual(writes(emulator)[0].body);
		expect(
			result.items.map((item) => [item.json.email, item.json.result, item.json.previousAccessName]),
		).toEqual([
			['anna@acme.example', 'invited', undefined],
			['bob@example.com', 'added', undefined],
			['jane@example.com', 'accessChanged', 'Room manager'],
		]);
		expect(emulator.portal.users.size).toBe(6);
	});
});
