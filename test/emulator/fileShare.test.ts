import { DocSpaceEmulator, SEED_IDS } from './index';
import { call, fileSharePath } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const share = (fileId: string, body: unknown, authorization?: string) =>
	call(emulator, 'PUT', fileSharePath(fileId), { body, authorization });
const ROLE_MESSAGE = 'The role is not available for this user type';

describe('PUT files/file/{fileId}/share (§4)', () => {
	it('shares with a user and a group and returns one FileShareDto per processed subject', async () => {
		const answer = await share(SEED_IDS.myDocxId, {
			share: [
				{ shareTo: SEED_IDS.bobId, access: 10 },
				{ shareTo: SEED_IDS.legalGroupId, access: 'Comment' },
			],
			notify: false,
		});
		expect(answer.status).toBe(200);
		expect(answer.json.count).toBe(2);
		expect(answer.json).not.toHaveProperty('total');
		const [user, group] = answer.json.response;
		expect(user).toMatchObject({
			access: 10,
			subjectType: 0,
			canEditAccess: true,
			isOwner: false,
			sharedToUser: { id: SEED_IDS.bobId, displayName: 'Bob Stone', email: 'bob@example.com' },
		});
		expect(user.sharedTo).toEqual(user.sharedToUser);
		expect(user).not.toHaveProperty('sharedToGroup');
		expect(group).toMatchObject({
			access: 6,
			subjectType: 2,
			sharedToGroup: { id: SEED_IDS.legalGroupId, name: 'Legal' },
		});
		expect(group.sharedTo).toEqual(group.sharedToGroup);
		expect(
			emulator.fileShares(SEED_IDS.myDocxId).map((dto) => [dto.subjectType, dto.access]),
		).toEqual([
			[0, 2],
			[0, 10],
			[2, 6],
		]);
	});

	it('updates an existing share (Jane Read → Review)', async () => {
		const answer = await share(SEED_IDS.myDocxId, {
			share: [{ shareTo: SEED_IDS.janeId, access: 5 }],
		});
		expect(answer.json.response).toEqual([expect.objectContaining({ access: 5 })]);
		expect(emulator.fileShares(SEED_IDS.myDocxId)).toEqual([
			expect.objectContaining({
				access: 5,
				sharedToUser: expect.objectContaining({ id: SEED_IDS.janeId }),
			}),
		]);
	});

	it('removes with access 0 and does not return removed subjects', async () => {
		const answer = await share(SEED_IDS.myDocxId, {
			share: [
				{ shareTo: SEED_IDS.janeId, access: 0 },
				{ shareTo: SEED_IDS.bobId, access: 2 },
			],
		});
		expect(
			answer.json.response.map((dto: { sharedTo: { id: string } }) => dto.sharedTo.id),
		).toEqual([SEED_IDS.bobId]);
		expect(emulator.fileShares(SEED_IDS.myDocxId).map((dto) => dto.sharedToUser?.id)).toEqual([
			SEED_IDS.bobId,
		]);
	});

	it('silently drops guests, disabled users and unknown ids', async () => {
		const answer = await share(SEED_IDS.myDocxId, {
			share: [
				{ shareTo: SEED_IDS.guestId, access: 2 },
				{ shareTo: SEED_IDS.disabledUserId, access: 2 },
				{ shareTo: '12345678-1234-4234-8234-123456789012', access: 2 },
			],
		});
		expect(answer.status).toBe(200);
		expect(answer.json).toMatchObject({ response: [], count: 0 });
		expect(emulator.fileShares(SEED_IDS.myDocxId)).toHaveLength(1);
	});

	it('an empty or missing share list is a no-op', async () => {
		expect((await share(SEED_IDS.myDocxId, {})).json.response).toEqual([]);
		expect((await share(SEED_IDS.myDocxId, { share: null })).json.response).toEqual([]);
	});

	describe('access levels per format (§4.2)', () => {
		const candidates = [1, 2, 3, 5, 6, 7, 9, 10, 11];
		it.each([
			['docx', SEED_IDS.myDocxId, [1, 10, 5, 6, 2, 3]],
			['pdf form', SEED_IDS.myPdfFormId, [1, 10, 7, 5, 6, 2, 3]],
			['txt', SEED_IDS.myTxtId, [3, 2]],
		])('%s accepts exactly %p (plus 0)', async (_name, fileId, allowed) => {
			for (const access of candidates) {
				const answer = await share(fileId as string, {
					share: [{ shareTo: SEED_IDS.bobId, access }],
				});
				const ok = (allowed as number[]).includes(access);
				expect([access, answer.status]).toEqual([access, ok ? 200 : 403]);
				if (!ok) expect(answer.json.error.message).toBe(ROLE_MESSAGE);
			}
		});
	});

	it('user/group shares of a file inside a room → 403 role not available', async () => {
		const answer = await share(SEED_IDS.roomFileId, {
			share: [{ shareTo: SEED_IDS.bobId, access: 2 }],
		});
		expect([answer.status, answer.json.error.message]).toEqual([403, ROLE_MESSAGE]);
	});

	it('unknown file → 404', async () => {
		const answer = await share('99999', { share: [{ shareTo: SEED_IDS.bobId, access: 2 }] });
		expect([answer.status, answer.json.error.message]).toEqual([
			404,
			'The required file was not found',
		]);
	});

	it("Jane may not change the owner's sharing → 403 Access denied", async () => {
		const answer = await share(
			SEED_IDS.myDocxId,
			{ share: [{ shareTo: SEED_IDS.bobId, access: 2 }] },
			SEED_IDS.janeToken,
		);
		expect([answer.status, answer.json.error.message]).toEqual([403, 'Access denied']);
	});

	it('records notifications with the HTML-stripped message, expanding groups', async () => {
		await share(SEED_IDS.myDocxId, {
			share: [{ shareTo: SEED_IDS.legalGroupId, access: 2 }],
			notify: true,
			sharingMessage: '<p>Please <b>review</b> &amp; sign</p>',
		});
		expect(emulator.notifications).toEqual([
			{
				fileId: SEED_IDS.myDocxId,
				userIds: [SEED_IDS.janeId, SEED_IDS.bobId],
				message: 'Please review & sign',
			},
		]);
		await share(SEED_IDS.myDocxId, {
			share: [{ shareTo: SEED_IDS.bobId, access: 2 }],
			notify: false,
		});
		expect(emulator.notifications).toHaveLength(1);
	});

	it('ignores advancedSettings; binding errors in entries are ProblemDetails', async () => {
		const ignored = await share(SEED_IDS.myDocxId, {
			share: [{ shareTo: SEED_IDS.bobId, access: 2 }],
			advancedSettings: { denyDownload: true },
		});
		expect(ignored.status).toBe(200);
		const badUuid = await share(SEED_IDS.myDocxId, { share: [{ shareTo: 'bob', access: 2 }] });
		expect(badUuid.status).toBe(400);
		expect(badUuid.json.response.errors).toHaveProperty(['$.share[0].shareTo']);
		const badNotify = await share(SEED_IDS.myDocxId, { share: [], notify: 'yes' });
		expect(badNotify.json.response.errors).toHaveProperty(['$.notify']);
	});
});
