import { DocSpaceEmulator, SEED_IDS, seedMany } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

describe('people, keys, authentication, password settings', () => {
	it('GET people/@self returns the EmployeeFullDto of the caller', async () => {
		const answer = await call(emulator, 'GET', '/api/2.0/people/@self', {
			authorization: SEED_IDS.janeToken,
		});
		expect(answer.json.response).toMatchObject({
			id: SEED_IDS.janeId,
			displayName: 'Jane Doe',
			firstName: 'Jane',
			lastName: 'Doe',
			email: 'jane@example.com',
			status: 1,
			activationStatus: 1,
			isAdmin: false,
			isRoomAdmin: true,
			isVisitor: false,
			isOwner: false,
			profileUrl: expect.any(String),
			avatarSmall: expect.any(String),
			groups: [{ id: SEED_IDS.legalGroupId, name: 'Legal' }],
		});
	});

	it('GET keys/@self is for API keys only', async () => {
		expect((await call(emulator, 'GET', '/api/2.0/keys/@self')).json.response.permissions).toEqual([
			'*',
		]);
		expect(
			(await call(emulator, 'GET', '/api/2.0/keys/@self', { authorization: SEED_IDS.token }))
				.status,
		).toBe(404);
	});

	it('GET settings/security/password returns the PasswordSettingsDto', async () => {
		const answer = await call(emulator, 'GET', '/api/2.0/settings/security/password');
		expect(answer.json.response).toMatchObject({
			minLength: 8,
			upperCase: false,
			digits: false,
			specSymbols: false,
			allowedCharactersRegexStr: expect.any(String),
		});
	});

	it('GET people and people/filter page with filterValue, startIndex, count and total', async () => {
		emulator.reset(seedMany({ users: 320 }));
		const all = await call(emulator, 'GET', '/api/2.0/people?startIndex=300&count=100');
		expect(all.json).toMatchObject({ count: 25, total: 325 });
		const unbounded = await call(emulator, 'GET', '/api/2.0/people?count=500');
		expect(unbounded.json.count).toBe(325);
		const filtered = await call(emulator, 'GET', '/api/2.0/people/filter?filterValue=STONE');
		expect(filtered.json).toMatchObject({ count: 1, total: 1, response: [{ id: SEED_IDS.bobId }] });
		const byEmail = await call(
			emulator,
			'GET',
			'/api/2.0/people/filter?filterValue=user31&count=5',
		);
		expect(byEmail.json).toMatchObject({ count: 5, total: 11 });
		expect((await call(emulator, 'GET', '/api/2.0/people/filter?count=101')).status).toBe(400);
	});

	it('GET people/email finds a user or answers 404', async () => {
		expect(
			(await call(emulator, 'GET', '/api/2.0/people/email?email=BOB@example.com')).json.response.id,
		).toBe(SEED_IDS.bobId);
		expect(
			(await call(emulator, 'GET', '/api/2.0/people/email?email=nobody@example.com')).status,
		).toBe(404);
	});

	it('GET group filters and pages', async () => {
		const answer = await call(emulator, 'GET', '/api/2.0/group?filterValue=leg');
		expect(answer.json).toMatchObject({
			count: 1,
			total: 1,
			response: [{ id: SEED_IDS.legalGroupId, name: 'Legal', membersCount: 2 }],
		});
		expect((await call(emulator, 'GET', '/api/2.0/group?count=1&startIndex=1')).json).toMatchObject(
			{ count: 1, total: 2, response: [{ name: 'Sales' }] },
		);
	});
});

describe('rooms', () => {
	it('GET files/rooms returns a FolderContentDto with RoomType values and paging', async () => {
		const answer = await call(emulator, 'GET', '/api/2.0/files/rooms?count=3&startIndex=1');
		const content = answer.json.response;
		expect(content).toMatchObject({
			files: [],
			startIndex: 1,
			count: 3,
			total: 8,
			current: { title: 'Rooms' },
			pathParts: expect.any(Array),
		});
		expect(
			content.folders.map((room: { id: number; roomType: number }) => [room.id, room.roomType]),
		).toEqual([
			[102, 6],
			[103, 1],
			[104, 2],
		]);
	});

	it('filters rooms by title and by repeated type', async () => {
		const byTitle = await call(emulator, 'GET', '/api/2.0/files/rooms?filterValue=press');
		expect(byTitle.json.response.folders.map((room: { title: string }) => room.title)).toEqual([
			'Press Kit',
		]);
		const byType = await call(emulator, 'GET', '/api/2.0/files/rooms?type=8&type=9');
		expect(byType.json.response.folders.map((room: { id: number }) => room.id)).toEqual([105, 106]);
	});

	it('supports more than 300 rooms', async () => {
		emulator.reset(seedMany({ rooms: 350 }));
		const answer = await call(emulator, 'GET', '/api/2.0/files/rooms?startIndex=300&count=100');
		expect(answer.json.response).toMatchObject({ count: 58, total: 358 });
	});

	it('Jane only sees the rooms she manages', async () => {
		const answer = await call(emulator, 'GET', '/api/2.0/files/rooms', {
			authorization: SEED_IDS.janeToken,
		});
		expect(answer.json.response.folders.map((room: { id: number }) => room.id)).toEqual([101]);
		expect(
			(
				await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.publicRoomId}`, {
					authorization: SEED_IDS.janeToken,
				})
			).status,
		).toBe(403);
	});

	it('GET files/rooms/{id} returns the room, string ids included', async () => {
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.vdrRoomId}`)).json.response,
		).toMatchObject({ id: 105, title: 'Due Diligence', roomType: 8 });
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.thirdPartyRoomId}`)).json
				.response,
		).toMatchObject({ id: 'sbox-42', providerItem: true });
		expect((await call(emulator, 'GET', '/api/2.0/files/rooms/9999')).status).toBe(404);
	});

	it('GET files/rooms/{id}/links lists links, filtered by type, with count and no total', async () => {
		const all = await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.fullRoomId}/links`);
		expect(all.json.count).toBe(7);
		expect(all.json).not.toHaveProperty('total');
		const invitations = await call(
			emulator,
			'GET',
			`/api/2.0/files/rooms/${SEED_IDS.fullRoomId}/links?type=0`,
		);
		expect(invitations.json.response).toEqual([
			expect.objectContaining({
				subjectType: 3,
				sharedLink: expect.objectContaining({ id: SEED_IDS.fullRoomInvitationLinkId }),
			}),
		]);
	});

	it('GET files/rooms/{id}/link returns the primary external link, 404 when none, 403 where links are not allowed', async () => {
		const primary = await call(
			emulator,
			'GET',
			`/api/2.0/files/rooms/${SEED_IDS.publicRoomId}/link`,
		);
		expect(primary.json.response).toMatchObject({
			subjectType: 4,
			sharedLink: { id: SEED_IDS.publicPrimaryLinkId, title: 'Shared link', primary: true },
		});
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.customRoomId}/link`)).status,
		).toBe(404);
		expect(
			(await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.collabRoomId}/link`)).status,
		).toBe(403);
	});
});

describe('files', () => {
	it('GET files/file/{id} returns the FileDto', async () => {
		const answer = await call(emulator, 'GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}`);
		expect(answer.json.response).toMatchObject({
			id: 201,
			title: 'Contract.docx',
			fileExst: '.docx',
			rootFolderType: 5,
			folderId: expect.any(Number),
		});
		const inRoom = await call(emulator, 'GET', `/api/2.0/files/file/${SEED_IDS.roomFileId}`);
		expect(inRoom.json.response).toMatchObject({ folderId: 101, rootFolderType: 14 });
		expect((await call(emulator, 'GET', '/api/2.0/files/file/9999')).status).toBe(404);
	});

	it('GET files/file/{id}/share lists user and group shares with paging and total', async () => {
		await call(emulator, 'PUT', `/api/2.0/files/file/${SEED_IDS.myDocxId}/share`, {
			body: { share: [{ shareTo: SEED_IDS.legalGroupId, access: 2 }] },
		});
		const answer = await call(
			emulator,
			'GET',
			`/api/2.0/files/file/${SEED_IDS.myDocxId}/share?count=1&startIndex=1`,
		);
		expect(answer.json).toMatchObject({ count: 1, total: 2, response: [{ subjectType: 2 }] });
	});

	it('GET/PUT files/file/{id}/links manage external file links (max 6)', async () => {
		for (let n = 0; n < 6; n++) {
			const created = await call(
				emulator,
				'PUT',
				`/api/2.0/files/file/${SEED_IDS.myDocxId}/links`,
				{ body: { access: 2, primary: n === 0 } },
			);
			expect(created.json.response).toMatchObject({
				subjectType: n === 0 ? 4 : 1,
				sharedLink: { linkType: 1, title: 'Shared link' },
			});
		}
		const seventh = await call(emulator, 'PUT', `/api/2.0/files/file/${SEED_IDS.myDocxId}/links`, {
			body: { access: 2 },
		});
		expect([seventh.status, seventh.json.error.message]).toEqual([
			403,
			'The maximum number of links may not exceed 6',
		]);
		const listed = await call(
			emulator,
			'GET',
			`/api/2.0/files/file/${SEED_IDS.myDocxId}/links?count=4`,
		);
		expect(listed.json).toMatchObject({ count: 4, total: 6 });
		const txt = await call(emulator, 'PUT', `/api/2.0/files/file/${SEED_IDS.myTxtId}/links`, {
			body: { access: 10 },
		});
		expect(txt.status).toBe(403);
	});

	it('GET files/@my lists the My documents files with paging', async () => {
		const answer = await call(emulator, 'GET', '/api/2.0/files/@my?count=2');
		expect(answer.json.response).toMatchObject({
			count: 2,
			total: 3,
			startIndex: 0,
			folders: [],
			current: { title: 'My documents', rootFolderType: 5 },
		});
		expect(answer.json.response.files.map((file: { title: string }) => file.title)).toEqual([
			'Contract.docx',
			'Application.pdf',
		]);
	});
});
