import { DocSpaceEmulator, SEED_IDS } from './index';
import { call, inYears, roomLinksPath } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const setLink = (roomId: string, body: unknown, authorization?: string) =>
	call(emulator, 'PUT', roomLinksPath(roomId), { body, authorization });
const ROLE_MESSAGE = 'The role is not available for this user type';

describe('access table per room type (§3.2)', () => {
	const rooms: Record<string, string> = {
		custom: SEED_IDS.customRoomId,
		public: SEED_IDS.publicRoomId,
		form: SEED_IDS.formRoomId,
		collab: SEED_IDS.collabRoomId,
		vdr: SEED_IDS.vdrRoomId,
		ai: SEED_IDS.aiRoomId,
	};
	const invitation: Record<string, number[]> = {
		custom: [11, 10, 5, 6, 2],
		public: [11, 2],
		form: [11, 7],
		collab: [11, 10, 2],
		vdr: [11, 10, 2, 7],
		ai: [11, 2],
	};
	const external: Record<string, number[]> = {
		custom: [10, 7, 5, 6, 2],
		public: [10, 7, 5, 6, 2],
		form: [7, 2],
		collab: [],
		vdr: [],
		ai: [],
	};
	const candidates = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11];

	for (const [roomName, roomId] of Object.entries(rooms)) {
		it(`${roomName} room: invitation links accept exactly ${invitation[roomName].join(',')}`, async () => {
			for (const access of candidates) {
				emulator.reset();
				const answer = await setLink(roomId, { linkType: 0, access });
				const allowed = invitation[roomName].includes(access);
				expect([access, answer.status]).toEqual([access, allowed ? 200 : 403]);
				if (allowed) expect(answer.json.response).toMatchObject({ access, subjectType: 3 });
				else expect(answer.json.error.message).toBe(ROLE_MESSAGE);
			}
		});

		it(`${roomName} room: external links accept exactly [${external[roomName].join(',')}]`, async () => {
			for (const access of candidates) {
				emulator.reset();
				const answer = await setLink(roomId, { linkType: 1, access });
				const allowed = external[roomName].includes(access);
				if (roomName === 'form' && allowed) {
					// Form rooms allow 1 primary + 0 additional links: a new external link hits the limit.
					expect(answer.json.error.message).toBe('The maximum number of links may not exceed 0');
					continue;
				}
				expect([access, answer.status]).toEqual([access, allowed ? 200 : 403]);
				if (!allowed) expect(answer.json.error.message).toBe(ROLE_MESSAGE);
			}
		});
	}

	it('updates the form room primary link with FillForms / Read only', async () => {
		expect(
			(
				await setLink(SEED_IDS.formRoomId, {
					linkId: SEED_IDS.formPrimaryLinkId,
					linkType: 1,
					access: 2,
				})
			).status,
		).toBe(200);
		expect(
			(
				await setLink(SEED_IDS.formRoomId, {
					linkId: SEED_IDS.formPrimaryLinkId,
					linkType: 1,
					access: 10,
				})
			).status,
		).toBe(403);
	});

	it('linkType other than 0/1 → 403 InvalidOperation', async () => {
		const answer = await setLink(SEED_IDS.customRoomId, { linkType: 2, access: 2 });
		expect(answer.status).toBe(403);
		expect(answer.json.error.type).toBe('System.InvalidOperationException');
	});
});

describe('link count limits (§3.2)', () => {
	it('one invitation link per room', async () => {
		const answer = await setLink(SEED_IDS.fullRoomId, { linkType: 0, access: 2 });
		expect(answer.status).toBe(403);
		expect(answer.json.error.message).toBe('The maximum number of links may not exceed 1');
	});

	it('1 primary + 5 additional external links in Custom rooms', async () => {
		const answer = await setLink(SEED_IDS.fullRoomId, { linkType: 1, access: 2 });
		expect(answer.status).toBe(403);
		expect(answer.json.error.message).toBe('The maximum number of links may not exceed 5');
		for (let n = 0; n < 5; n++)
			expect((await setLink(SEED_IDS.customRoomId, { linkType: 1, access: 2 })).status).toBe(200);
		expect((await setLink(SEED_IDS.customRoomId, { linkType: 1, access: 2 })).status).toBe(403);
	});

	it('updating an existing link does not count against the limit', async () => {
		const answer = await setLink(SEED_IDS.fullRoomId, {
			linkId: SEED_IDS.fullRoomInvitationLinkId,
			linkType: 0,
			access: 11,
			title: 'Join us',
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response.sharedLink).toMatchObject({
			id: SEED_IDS.fullRoomInvitationLinkId,
			title: 'Join us',
			currentUseCount: 3,
		});
	});
});

describe('passwords (§3.2)', () => {
	it('trims and stores a valid password, returned in clear text', async () => {
		const answer = await setLink(SEED_IDS.customRoomId, {
			linkType: 1,
			access: 2,
			password: '  Str0ng!pass  ',
		});
		expect(answer.json.response.sharedLink.password).toBe('Str0ng!pass');
		expect(emulator.roomLinks(SEED_IDS.customRoomId)[0].sharedLink?.password).toBe('Str0ng!pass');
	});

	it.each(['short', 'x'.repeat(31), 'has space inside', 'pässwörter-1234'])(
		'rejects %p with 400',
		async (password) => {
			const answer = await setLink(SEED_IDS.customRoomId, { linkType: 1, access: 2, password });
			expect(answer.status).toBe(400);
			expect(answer.json.error.message).toBe(
				'Password must contain from 8 to 30 characters, only Latin letters, no spaces',
			);
		},
	);

	it('uses the configured minimum length', async () => {
		emulator.configure({ passwordMinLength: 12 });
		const answer = await setLink(SEED_IDS.customRoomId, {
			linkType: 1,
			access: 2,
			password: 'elevenchars',
		});
		expect(answer.json.error.message).toContain('from 12 to 30');
		expect(
			(await call(emulator, 'GET', '/api/2.0/settings/security/password')).json.response.minLength,
		).toBe(12);
	});

	it('ignores passwords on invitation links', async () => {
		const answer = await setLink(SEED_IDS.customRoomId, { linkType: 0, access: 2, password: 'x' });
		expect(answer.status).toBe(200);
		expect(answer.json.response.sharedLink).not.toHaveProperty('password');
	});
});

describe('expiration (§3.2)', () => {
	it('renders the date in the server "o" format', async () => {
		const answer = await setLink(SEED_IDS.customRoomId, {
			linkType: 1,
			access: 2,
			expirationDate: '2031-01-01T00:00:00.000Z',
		});
		expect(answer.json.response.sharedLink).toMatchObject({
			expirationDate: '2031-01-01T00:00:00.0000000Z',
			isExpired: false,
		});
	});

	it('external: a past date is silently dropped, more than 10 years → 400', async () => {
		const past = await setLink(SEED_IDS.customRoomId, {
			linkType: 1,
			access: 2,
			expirationDate: '2020-01-01T00:00:00Z',
		});
		expect(past.status).toBe(200);
		expect(past.json.response.sharedLink).not.toHaveProperty('expirationDate');
		const far = await setLink(SEED_IDS.customRoomId, {
			linkType: 1,
			access: 2,
			expirationDate: inYears(11),
		});
		expect(far.status).toBe(400);
		expect(far.json.error).toMatchObject({
			type: 'System.ArgumentException',
			message: expect.stringContaining('expirationDate'),
		});
	});

	it('invitation: a past date or more than 10 years → 400', async () => {
		expect(
			(
				await setLink(SEED_IDS.customRoomId, {
					linkType: 0,
					access: 2,
					expirationDate: '2020-01-01',
				})
			).status,
		).toBe(400);
		expect(
			(
				await setLink(SEED_IDS.customRoomId, {
					linkType: 0,
					access: 2,
					expirationDate: inYears(11),
				})
			).status,
		).toBe(400);
		expect(
			(await setLink(SEED_IDS.customRoomId, { linkType: 0, access: 2, expirationDate: inYears(1) }))
				.status,
		).toBe(200);
	});

	it("a Public room's primary link ignores expiry changes", async () => {
		const answer = await setLink(SEED_IDS.publicRoomId, {
			linkId: SEED_IDS.publicPrimaryLinkId,
			linkType: 1,
			access: 2,
			expirationDate: inYears(1),
		});
		expect(answer.status).toBe(200);
		expect(answer.json.response.sharedLink).not.toHaveProperty('expirationDate');
		expect(answer.json.response.canEditExpirationDate).toBe(false);
	});
});

describe('maxUseCount (§3.1)', () => {
	it('is kept on invitation links and ignored on external links', async () => {
		const invitation = await setLink(SEED_IDS.customRoomId, {
			linkType: 0,
			access: 2,
			maxUseCount: 25,
		});
		expect(invitation.json.response.sharedLink).toMatchObject({
			maxUseCount: 25,
			currentUseCount: 0,
		});
		const external = await setLink(SEED_IDS.customRoomId, {
			linkType: 1,
			access: 2,
			maxUseCount: 25,
		});
		expect(external.json.response.sharedLink).not.toHaveProperty('maxUseCount');
	});

	it('may not go below the current use count', async () => {
		const answer = await setLink(SEED_IDS.fullRoomId, {
			linkId: SEED_IDS.fullRoomInvitationLinkId,
			linkType: 0,
			access: 2,
			maxUseCount: 2,
		});
		expect(answer.status).toBe(400);
	});
});

describe('create, update, delete (§3.1, §3.2)', () => {
	it('creates with a client-supplied unknown linkId, then updates it', async () => {
		const linkId = '7e57ab1e-0000-4000-8000-000000000001';
		const created = await setLink(SEED_IDS.customRoomId, { linkId, linkType: 1, access: 2 });
		expect(created.json.response.sharedLink).toMatchObject({ id: linkId, title: 'Shared link' });
		const updated = await setLink(SEED_IDS.customRoomId, {
			linkId,
			linkType: 1,
			access: 10,
			title: 'Editors',
			denyDownload: true,
		});
		expect(updated.json.response).toMatchObject({
			access: 10,
			sharedLink: { id: linkId, title: 'Editors', denyDownload: true },
		});
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toHaveLength(1);
	});

	it('refuses to change the link type of an existing link', async () => {
		const answer = await setLink(SEED_IDS.fullRoomId, {
			linkId: SEED_IDS.fullRoomInvitationLinkId,
			linkType: 1,
			access: 2,
		});
		expect(answer.status).toBe(403);
	});

	it('access 0 or an omitted access deletes the link', async () => {
		const linkId = '7e57ab1e-0000-4000-8000-000000000002';
		await setLink(SEED_IDS.customRoomId, { linkId, linkType: 1, access: 2 });
		const deleted = await setLink(SEED_IDS.customRoomId, { linkId, linkType: 1 });
		expect(deleted.status).toBe(200);
		expect(deleted.json).not.toHaveProperty('response');
		expect(emulator.roomLinks(SEED_IDS.customRoomId)).toEqual([]);
	});

	it.each([
		[SEED_IDS.publicRoomId, SEED_IDS.publicPrimaryLinkId, 2],
		[SEED_IDS.formRoomId, SEED_IDS.formPrimaryLinkId, 7],
	])(
		'deleting the primary link of room %s recreates a new primary link',
		async (roomId, linkId, access) => {
			const answer = await setLink(roomId, { linkId, linkType: 1, access: 0 });
			expect(answer.status).toBe(200);
			const replacement = answer.json.response;
			expect(replacement).toMatchObject({ access, subjectType: 4, sharedLink: { primary: true } });
			expect(replacement.sharedLink.id).not.toBe(linkId);
			expect(replacement.sharedLink).not.toHaveProperty('requestToken');
			expect(emulator.roomLinks(roomId).map((link) => link.sharedLink?.id)).toEqual([
				replacement.sharedLink.id,
			]);
		},
	);

	it('forces internal=false in Public rooms', async () => {
		const answer = await setLink(SEED_IDS.publicRoomId, { linkType: 1, access: 2, internal: true });
		expect(answer.json.response.sharedLink.internal).toBe(false);
		expect(answer.json.response.canEditInternal).toBe(false);
	});

	it('defaults the invitation title and renders the full DTO of §3.3', async () => {
		emulator.configure({ linkBaseUrl: 'https://portal.example.com' });
		const answer = await setLink(SEED_IDS.customRoomId, { linkType: 0, access: 11, title: '' });
		const dto = answer.json.response;
		expect(dto.sharedTo).toEqual(dto.sharedLink);
		expect(dto).toMatchObject({
			access: 11,
			isLocked: false,
			isOwner: false,
			canEditAccess: false,
			canRevoke: true,
			subjectType: 3,
			sharedLink: {
				title: 'Invitation link',
				linkType: 0,
				primary: false,
				isExpired: false,
				currentUseCount: 0,
			},
		});
		expect(dto.sharedLink.shareLink).toMatch(/^https:\/\/portal\.example\.com\/s\/[A-Za-z0-9]{8}$/);
	});

	it('lets Jane manage room 101 only', async () => {
		expect(
			(await setLink(SEED_IDS.customRoomId, { linkType: 1, access: 2 }, SEED_IDS.janeToken)).status,
		).toBe(200);
		const denied = await setLink(
			SEED_IDS.fullRoomId,
			{ linkType: 1, access: 2 },
			SEED_IDS.janeToken,
		);
		expect([denied.status, denied.json.error.message]).toEqual([403, 'Access denied']);
	});

	it('404 for an unknown room; third-party string ids work', async () => {
		const missing = await setLink('424242', { linkType: 1, access: 2 });
		expect([missing.status, missing.json.error.message]).toEqual([
			404,
			'The required folder was not found',
		]);
		const thirdParty = await setLink(SEED_IDS.thirdPartyRoomId, { linkType: 1, access: 2 });
		expect(thirdParty.status).toBe(200);
		expect(emulator.roomLinks(SEED_IDS.thirdPartyRoomId)).toHaveLength(1);
	});
});
