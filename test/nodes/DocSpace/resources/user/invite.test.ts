import {
	SEED_IDS,
	byId,
	credentialsFor,
	run,
	useEmulator,
	writes,
} from '../../../../harness/docspace';
import { ADMIN_TOKEN, SEED_WITH_ADMIN } from '../../../../emulator/peopleSeed';

const ctx = useEmulator();

const invite = (overrides: Record<string, unknown> = {}) => ({
	resource: 'user',
	operation: 'invite',
	email: 'new.client@example.com',
	...overrides,
});

describe('User: Invite', () => {
	it('invites a new address with type and language, and returns the invited user', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			invite({ email: ' New.Client@Example.com ', inviteType: 'roomAdmin', culture: 'de-DE' }),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[
				[
					'POST',
					'/api/2.0/people/invite',
					{
						invitations: [{ email: 'new.client@example.com', type: 'RoomAdmin' }],
						culture: 'de-DE',
					},
				],
			],
		);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				id: expect.any(String),
				name: 'new.client@example.com',
				email: 'new.client@example.com',
				type: 'room admin',
				owner: false,
				status: 'pending',
				groups: [],
				invited: true,
				previousType: null,
			},
		]);
	});

	it('an existing user gets no new invitation; a higher type raises theirs', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			invite({ email: 'bob@example.com', inviteType: 'roomAdmin' }),
		);
		expect(result.items[0].json).toMatchObject({
			id: SEED_IDS.bobId,
			type: 'room admin',
			invited: false,
			previousType: 'user',
		});
	});

	it('refuses guests, bad addresses, unknown types and culture codes before sending anything', async () => {
		const { emulator } = ctx;
		const cases: Array<[Record<string, unknown>, RegExp]> = [
			[{ inviteType: 'guest' }, /^Type: DocSpace does not invite guests to the portal \[item 0\]/],
			[{ inviteType: '={{ "boss" }}' }, /^Type: "boss" is not a user type/],
			[{ email: 'not-an-address' }, /^Email: "not-an-address" is not an email address/],
			[{ email: '={{ 42 }}' }, /^Email: number 42 is not an email address/],
			[{ culture: 'German' }, /^Language: "German" is not a culture code/],
		];
		for (const [overrides, message] of cases) {
			const result = await run(emulator, invite(overrides));
			expect(result.error?.message).toMatch(message);
		}
		expect(emulator.requests).toEqual([]);
	});

	it('a disabled address is refused with what to do instead; nothing is invited', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, invite({ email: 'dana@example.com' }));
		expect(result.error?.message).toBe(
			'Email: dana@example.com belongs to a disabled DocSpace user [item 0]',
		);
		expect(result.error?.description).toMatch(/User: Enable/);
		expect(writes(emulator)).toEqual([]);
	});

	it('explains DocSpace refusing: an admin inviting an admin, a room admin inviting anyone above user', async () => {
		const { emulator } = ctx;
		emulator.reset(SEED_WITH_ADMIN);
		const result = await run(emulator, invite({ inviteType: 'admin' }), {
			credentials: credentialsFor(emulator, ADMIN_TOKEN),
		});
		expect(result.error?.message).toBe(
			'DocSpace did not let this account invite user new.client@example.com [item 0]',
		);
		expect(result.error?.description).toMatch(/only the owner can .* invite and make admins/);
		const fromJane = await run(emulator, invite({ inviteType: 'roomAdmin' }), {
			credentials: credentialsFor(emulator, SEED_IDS.janeToken),
		});
		expect(fromJane.error?.message).toMatch(/^DocSpace did not let this account invite/);
	});

	it('paid-seat overflow (402) is explained; continue-on-fail gives one item per input', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: '/api/2.0/people/invite',
			method: 'POST',
			times: 1,
			kind: 'status',
			status: 402,
			body: {
				error: { message: 'The number of paid users exceeds the limit' },
				status: 1,
				statusCode: 402,
			},
		});
		const result = await run(
			emulator,
			invite({ email: '={{ $json.email }}', inviteType: 'roomAdmin' }),
			{ items: [{ email: 'a@example.com' }, { email: 'b@example.com' }], continueOnFail: true },
		);
		expect(result.items.map((item) => item.json.error ?? item.json.email)).toEqual([
			'Your DocSpace plan has no free seat for another room admin or DocSpace admin (402) [item 0]',
			'b@example.com',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('User: Get', () => {
	it('reads a user by ID, email or picker', async () => {
		const { emulator } = ctx;
		const byEmail = await run(emulator, {
			resource: 'user',
			operation: 'get',
			user: byId('email', 'GARY@example.com'),
		});
		const byUserId = await run(emulator, {
			resource: 'user',
			operation: 'get',
			user: byId('id', SEED_IDS.janeId),
		});
		const fromList = await run(emulator, {
			resource: 'user',
			operation: 'get',
			user: byId('list', SEED_IDS.disabledUserId),
			simplify: false,
		});
		expect(emulator.requests.map((request) => [request.path, request.query])).toEqual([
			['/api/2.0/people/email', { email: 'gary@example.com' }],
			[`/api/2.0/people/${SEED_IDS.janeId}`, {}],
			[`/api/2.0/people/${SEED_IDS.disabledUserId}`, {}],
		]);
		expect(byEmail.items[0].json).toEqual({
			id: SEED_IDS.guestId,
			name: 'Gary Guest',
			email: 'gary@example.com',
			type: 'guest',
			owner: false,
			status: 'active',
			groups: [],
		});
		expect(byUserId.items[0].json).toMatchObject({ type: 'room admin', groups: ['Legal'] });
		expect(fromList.items[0].json).toMatchObject({
			id: SEED_IDS.disabledUserId,
			status: 2,
			isVisitor: false,
		});
	});

	it('explains an unknown user and refuses a malformed ID without a request', async () => {
		const { emulator } = ctx;
		const unknown = await run(emulator, {
			resource: 'user',
			operation: 'get',
			user: byId('email', 'nobody@example.com'),
		});
		expect(unknown.error?.message).toBe(
			'User nobody@example.com was not found in DocSpace [item 0]',
		);
		const bad = await run(emulator, {
			resource: 'user',
			operation: 'get',
			user: byId('id', '={{ "12345" }}'),
		});
		expect(bad.error?.message).toMatch(/^User: "12345" is not a user ID \[item 0\]/);
		expect(emulator.requests).toHaveLength(1);
	});
});
