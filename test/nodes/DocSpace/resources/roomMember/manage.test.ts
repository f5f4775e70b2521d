import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { getRoomMemberAccessLevels } from '../../../../../nodes/DocSpace/loadOptions/getRoomMemberAccessLevels';
import { searchRoomMembers } from '../../../../../nodes/DocSpace/listSearch/searchRoomMembers';
import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';
import { editorContext } from '../../../../harness/loadOptionsContext';

const ctx = useEmulator();
const room = byId('id', SEED_IDS.customRoomId);

/** Bob (Content creator) and the Legal group (Viewer) join the custom room next to Jane (Room manager). */
function seedMembers() {
	const record = ctx.emulator.portal.rooms.get(SEED_IDS.customRoomId)!;
	record.members = new Map([
		[SEED_IDS.bobId, 11],
		[SEED_IDS.legalGroupId, 2],
	]);
}

describe('Room Member: Get Many', () => {
	const getMany = (overrides: IDataObject = {}) => ({
		resource: 'roomMember',
		operation: 'getAll',
		room,
		returnAll: true,
		...overrides,
	});

	it('lists the owner and the members, simplified, one item each', async () => {
		const { emulator } = ctx;
		seedMembers();
		const result = await run(emulator, getMany());
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
			['/api/2.0/files/rooms/101/share', { filterType: '0', startIndex: '0', count: '100' }],
		]);
		expect(
			result.items.map((item) => [
				item.json.name,
				item.json.subjectType,
				item.json.accessName,
				item.json.owner,
			]),
		).toEqual([
			['Olivia Owner', 'user', 'Full access', true],
			['Jane Doe', 'user', 'Room manager', false],
			['Bob Stone', 'user', 'Content creator', false],
			['Legal', 'group', 'Viewer', false],
		]);
		expect(result.items[0].json).toMatchObject({ roomId: '101', email: SEED_IDS.ownerEmail });
		const raw = await run(emulator, getMany({ simplify: false }));
		expect(raw.items[1].json).toMatchObject({
			roomId: '101',
			access: 9,
			sharedToUser: { id: SEED_IDS.janeId },
		});
	});

	it('filters by kind and text on DocSpace’s side, by role on ours, and pages until Limit matches are found', async () => {
		const { emulator } = ctx;
		seedMembers();
		const groups = await run(emulator, getMany({ memberFilters: { subjects: 'groups' } }));
		expect(groups.items.map((item) => item.json.name)).toEqual(['Legal']);
		const search = await run(emulator, getMany({ memberFilters: { search: 'stone' } }));
		expect(search.items.map((item) => item.json.name)).toEqual(['Bob Stone']);
		const roles = await run(emulator, getMany({ memberFilters: { roles: [9, 'owner'] } }));
		expect(roles.items.map((item) => item.json.name)).toEqual(['Olivia Owner', 'Jane Doe']);

		const record = emulator.portal.rooms.get(SEED_IDS.customRoomId)!;
		for (let n = 0; n < 230; n++) {
			const id = `0e0e0e0e-0000-4e00-8e00-${String(n).padStart(12, '0')}`;
			emulator.portal.users.set(id, {
				...emulator.portal.users.get(SEED_IDS.bobId)!,
				id,
				email: `m${n}@example.com`,
			});
			record.members!.set(id, n % 2 === 0 ? 10 : 2);
		}
		emulator.requests.splice(0);
		const editors = await run(
			emulator,
			getMany({ returnAll: false, limit: 110, memberFilters: { roles: [10] } }),
		);
		expect(editors.items).toHaveLength(110);
		expect(editors.items.every((item) => item.json.access === 10)).toBe(true);
		expect(emulator.requests.map((request) => request.query.startIndex)).toEqual([
			'0',
			'100',
			'200',
		]);
	});

	it('refuses a bad filter before sending; explains an unknown room', async () => {
		const { emulator } = ctx;
		const bad = await run(emulator, getMany({ memberFilters: { roles: ['boss'] } }));
		expect(bad.error?.message).toBe('Roles: "boss" is not a room role [item 0]');
		expect(emulator.requests).toHaveLength(0);
		const missing = await run(emulator, getMany({ room: byId('id', '424242') }));
		expect(missing.error?.message).toBe('Room 424242 was not found in DocSpace [item 0]');
	});
});

describe('Room Member: Change Access and Remove', () => {
	const change = (
		member: IDataObject,
		memberAccess: string | number,
		overrides: IDataObject = {},
	): IDataObject => ({
		resource: 'roomMember',
		operation: 'changeAccess',
		room,
		member,
		memberAccess,
		...overrides,
	});
	const remove = (member: IDataObject, overrides: IDataObject = {}): IDataObject => ({
		resource: 'roomMember',
		operation: 'remove',
		room,
		member,
		...overrides,
	});

	it('changes a member’s role (by picker, ID or email), and writes nothing when the role is the same', async () => {
		const { emulator } = ctx;
		seedMembers();
		const result = await run(
			emulator,
			change({ __rl: true, mode: 'email', value: 'bob@example.com' }, 10),
		);
		expect(writes(emulator).map((request) => [request.path, request.body])).toEqual([
			[
				'/api/2.0/files/rooms/101/share',
				{ invitations: [{ id: SEED_IDS.bobId, access: 10 }], notify: false },
			],
		]);
		expect(result.items[0].json).toMatchObject({
			name: 'Bob Stone',
			access: 10,
			result: 'accessChanged',
			previousAccessName: 'Content creator',
		});
		const same = await run(emulator, change(byId('list', SEED_IDS.legalGroupId), 'Viewer'));
		expect(same.items[0].json).toMatchObject({ name: 'Legal', result: 'unchanged' });
		expect(writes(emulator)).toHaveLength(1);
	});

	it('refuses a non-member, the owner and a role the room lacks before writing', async () => {
		const { emulator } = ctx;
		seedMembers();
		expect((await run(emulator, change(byId('id', SEED_IDS.guestId), 2))).error?.message).toBe(
			`Member (User or Group ID): ${SEED_IDS.guestId} is not a member of room 101 [item 0]`,
		);
		expect((await run(emulator, change(byId('id', SEED_IDS.ownerId), 2))).error?.message).toBe(
			'Member (User or Group ID): is the room owner [item 0]',
		);
		expect((await run(emulator, change(byId('id', SEED_IDS.bobId), 7))).error?.message).toBe(
			'Role: a custom room has no Form filler role [item 0]',
		);
		expect((await run(emulator, change(byId('id', SEED_IDS.bobId), 0))).error?.message).toBe(
			'Role: None would remove the member; use Room Member: Remove [item 0]',
		);
		expect(writes(emulator)).toHaveLength(0);
		const manager = await run(emulator, change(byId('id', SEED_IDS.legalGroupId), 9));
		expect(manager.error?.message).toBe('Role: a group cannot be Room manager [item 0]');
		expect(writes(emulator)).toHaveLength(0);
	});

	it('removes a member with access 0; someone not in the room is reported and nothing is written', async () => {
		const { emulator } = ctx;
		seedMembers();
		const removed = await run(
			emulator,
			remove(byId('id', SEED_IDS.legalGroupId), { options: { force: true } }),
		);
		expect(writes(emulator).map((request) => request.body)).toEqual([
			{ invitations: [{ id: SEED_IDS.legalGroupId, access: 0 }], notify: false, force: true },
		]);
		expect(removed.items[0].json).toMatchObject({
			name: 'Legal',
			removed: true,
			result: 'removed',
			previousAccessName: 'Viewer',
		});
		const again = await run(emulator, remove(byId('id', SEED_IDS.legalGroupId)));
		expect(again.items[0].json).toMatchObject({
			id: SEED_IDS.legalGroupId,
			removed: false,
			result: 'notAMember',
		});
		expect(writes(emulator)).toHaveLength(1);
		const owner = await run(
			emulator,
			remove({ __rl: true, mode: 'email', value: SEED_IDS.ownerEmail }),
		);
		expect(owner.error?.message).toBe('Member (Email): is the room owner [item 0]');
	});

	it('reports a member DocSpace kept because of a form role (error 1)', async () => {
		const { emulator } = ctx;
		seedMembers();
		emulator.inject({
			path: '/api/2.0/files/rooms/101/share',
			method: 'PUT',
			kind: 'status',
			status: 200,
			body: { response: { members: [], error: 1 }, status: 0, statusCode: 200 },
		});
		const result = await run(emulator, remove(byId('id', SEED_IDS.bobId)));
		expect(result.items[0].json).toMatchObject({ removed: false, result: 'blockedByFormRole' });
		expect(result.items[0].json.message).toMatch(/Remove Even With Form Roles/);
	});

	it('a key without the rooms permissions is told what is missing', async () => {
		const { emulator } = ctx;
		seedMembers();
		const result = await run(emulator, remove(byId('id', SEED_IDS.bobId)), {
			credentials: credentialsFor(emulator, SEED_IDS.filesOnlyApiKey),
		});
		expect(result.error?.message).toBe(
			'The API key is not allowed to Room Member: Remove (missing permission rooms:read) [item 0]',
		);
	});
});

describe('Room member pickers', () => {
	const editor = (parameters: INodeParameters) =>
		editorContext(credentialsFor(ctx.emulator), {
			resource: 'roomMember',
			operation: 'add',
			...parameters,
		}).context;

	it.each([
		[
			SEED_IDS.customRoomId,
			['Viewer', 'Reviewer', 'Commenter', 'Editor', 'Content creator', 'Room manager'],
		],
		[SEED_IDS.publicRoomId, ['Content creator', 'Room manager']],
		[SEED_IDS.formRoomId, ['Form filler', 'Content creator', 'Room manager']],
		[SEED_IDS.collabRoomId, ['Viewer', 'Editor', 'Content creator', 'Room manager']],
		[SEED_IDS.vdrRoomId, ['Viewer', 'Form filler', 'Editor', 'Content creator', 'Room manager']],
		[SEED_IDS.aiRoomId, ['Viewer', 'Content creator', 'Room manager']],
	])('roles offered for room %s follow its type', async (roomId, expected) => {
		const options = await getRoomMemberAccessLevels.call(editor({ room: byId('list', roomId) }));
		expect(options.map((option) => option.name).sort()).toEqual([...expected].sort());
	});

	it('offers every role when the room is an expression, without asking DocSpace', async () => {
		const options = await getRoomMemberAccessLevels.call(
			editor({ room: byId('id', '={{ $json.room }}') }),
		);
		expect(options).toHaveLength(7);
		expect(ctx.emulator.requests).toHaveLength(0);
	});

	it('the member picker lists the room’s members (not the owner) and searches them', async () => {
		seedMembers();
		const all = await searchRoomMembers.call(
			editor({ room: byId('list', SEED_IDS.customRoomId), operation: 'remove' }),
		);
		expect(all.results.map((result) => result.name)).toEqual([
			'Jane Doe (jane@example.com) — Room manager',
			'Bob Stone (bob@example.com) — Content creator',
			'Legal (group) — Viewer',
		]);
		expect(all.results[2].value).toBe(SEED_IDS.legalGroupId);
		const found = await searchRoomMembers.call(
			editor({ room: byId('list', SEED_IDS.customRoomId) }),
			'legal',
		);
		expect(found.results.map((result) => result.value)).toEqual([SEED_IDS.legalGroupId]);
		await expect(searchRoomMembers.call(editor({ room: byId('list', '') }))).rejects.toThrow(
			/Choose the room first/,
		);
	});
});
