import { DEFAULT_SEED, DocSpaceEmulator, SEED_IDS } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const legal = `/api/2.0/group/${SEED_IDS.legalGroupId}`;
const memberIds = (answer: { json: { response: { members: { id: string }[] } } }) =>
	answer.json.response.members.map((member) => member.id);

describe('groups', () => {
	it('POST group creates a group with manager and members (the manager becomes a member)', async () => {
		const created = await call(emulator, 'POST', '/api/2.0/group', {
			body: { groupName: 'Onboarding', groupManager: SEED_IDS.janeId, members: [SEED_IDS.bobId] },
		});
		expect(created.json.response).toMatchObject({
			name: 'Onboarding',
			manager: { id: SEED_IDS.janeId },
			membersCount: 2,
			isLDAP: false,
		});
		expect(memberIds(created)).toEqual([SEED_IDS.bobId, SEED_IDS.janeId]);
		const listed = await call(emulator, 'GET', '/api/2.0/group?filterValue=onboard');
		expect(listed.json.response).toEqual([
			expect.objectContaining({ id: created.json.response.id }),
		]);
	});

	it('POST group refuses an empty or long name (ProblemDetails), an unknown member (400) and non-admins (403)', async () => {
		const empty = await call(emulator, 'POST', '/api/2.0/group', { body: { groupName: '' } });
		expect([empty.status, empty.json.response.errors]).toEqual([
			400,
			{ GroupName: ['The GroupName field is required.'] },
		]);
		expect(
			(await call(emulator, 'POST', '/api/2.0/group', { body: { groupName: 'x'.repeat(129) } }))
				.status,
		).toBe(400);
		const unknown = await call(emulator, 'POST', '/api/2.0/group', {
			body: { groupName: 'A', members: ['00000000-0000-4000-8000-00000000abcd'] },
		});
		expect([unknown.status, unknown.json.error.message]).toEqual([
			400,
			'The user could not be found',
		]);
		expect(
			(
				await call(emulator, 'POST', '/api/2.0/group', {
					body: { groupName: 'A' },
					authorization: SEED_IDS.janeToken,
				})
			).status,
		).toBe(403);
	});

	it('GET group/{id} includes members unless includeMembers=false; 404 for an unknown group', async () => {
		expect(memberIds(await call(emulator, 'GET', legal))).toEqual([
			SEED_IDS.janeId,
			SEED_IDS.bobId,
		]);
		expect(
			(await call(emulator, 'GET', `${legal}?includeMembers=false`)).json.response,
		).not.toHaveProperty('members');
		expect(
			(await call(emulator, 'GET', '/api/2.0/group/00000000-0000-4000-8000-00000000abcd')).status,
		).toBe(404);
	});

	it('PUT group/{id} renames, sets the manager and skips unknown members silently', async () => {
		const updated = await call(emulator, 'PUT', legal, {
			body: {
				groupName: 'Legal Team',
				groupManager: SEED_IDS.bobId,
				membersToAdd: [SEED_IDS.guestId, '00000000-0000-4000-8000-00000000abcd'],
				membersToRemove: [SEED_IDS.janeId],
			},
		});
		expect(updated.json.response).toMatchObject({
			name: 'Legal Team',
			manager: { id: SEED_IDS.bobId },
			membersCount: 2,
		});
		expect(memberIds(updated)).toEqual([SEED_IDS.bobId, SEED_IDS.guestId]);
	});

	it('PUT and DELETE group/{id}/members add and remove members', async () => {
		const sales = `/api/2.0/group/${SEED_IDS.salesGroupId}/members`;
		expect(
			memberIds(
				await call(emulator, 'PUT', sales, {
					body: { members: [SEED_IDS.bobId, SEED_IDS.guestId, SEED_IDS.bobId] },
				}),
			),
		).toEqual([SEED_IDS.bobId, SEED_IDS.guestId]);
		expect(
			memberIds(await call(emulator, 'DELETE', sales, { body: { members: [SEED_IDS.bobId] } })),
		).toEqual([SEED_IDS.guestId]);
		expect((await call(emulator, 'PUT', sales, { body: { members: ['nope'] } })).status).toBe(400);
	});

	it('DELETE group/{id} answers 204 without a body', async () => {
		const deleted = await call(emulator, 'DELETE', legal);
		expect([deleted.status, deleted.text]).toEqual([204, '']);
		expect((await call(emulator, 'GET', legal)).status).toBe(404);
		expect((await call(emulator, 'DELETE', legal)).status).toBe(404);
	});
});

describe('group scopes', () => {
	it('GET group needs accounts:read itself; accounts:write alone reads people but not groups', async () => {
		const writeOnly = 'sk-emu-accounts-write-0123456789';
		emulator.reset({
			...DEFAULT_SEED,
			apiKeys: [
				...DEFAULT_SEED.apiKeys,
				{
					id: 'a91b0000-0009-4d00-b000-000000000009',
					key: writeOnly,
					name: 'Accounts write',
					userId: SEED_IDS.ownerId,
					permissions: ['accounts:write'],
				},
			],
		});
		const authorization = `Bearer ${writeOnly}`;
		expect((await call(emulator, 'GET', '/api/2.0/group', { authorization })).status).toBe(403);
		expect((await call(emulator, 'GET', legal, { authorization })).status).toBe(403);
		expect((await call(emulator, 'GET', '/api/2.0/people/filter', { authorization })).status).toBe(
			200,
		);
		expect(
			(
				await call(emulator, 'PUT', `${legal}/members`, {
					authorization,
					body: { members: [SEED_IDS.guestId] },
				})
			).status,
		).toBe(200);
	});
});
