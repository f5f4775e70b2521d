import type { PortalSeed, SeedFile, SeedLink, SeedRoom, SeedUser } from './types';

const ownerId = '6f1c2a40-0001-4a00-8000-000000000001';
const janeId = '6f1c2a40-0002-4a00-8000-000000000002';
const bobId = '6f1c2a40-0003-4a00-8000-000000000003';
const guestId = '6f1c2a40-0004-4a00-8000-000000000004';
const disabledUserId = '6f1c2a40-0005-4a00-8000-000000000005';

export const SEED_IDS = {
	ownerId,
	janeId,
	bobId,
	guestId,
	disabledUserId,
	legalGroupId: '9a7e0c10-0001-4b00-9000-000000000001',
	salesGroupId: '9a7e0c10-0002-4b00-9000-000000000002',
	apiKey: 'sk-emu-owner-0123456789abcdef',
	roomsOnlyApiKey: 'sk-emu-rooms-0123456789abcdef',
	filesOnlyApiKey: 'sk-emu-files-0123456789abcdef',
	expiredApiKey: 'sk-emu-expired-000000000000',
	token: 'U2Vzc2lvbk9saXZpYU93bmVyMDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=',
	janeToken: 'U2Vzc2lvbkphbmVEb2UwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==',
	jwt:
		'eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.' +
		'eyJzdWIiOiI2ZjFjMmE0MC0wMDAxLTRhMDAtODAwMC0wMDAwMDAwMDAwMDEiLCJhdWQiOiJodHRwOi8vMTI3LjAuMC4xIiwic2NvcGUiOiJyb29tczp3cml0ZSBmaWxlczp3cml0ZSBhY2NvdW50cy5zZWxmOnJlYWQgYWNjb3VudHM6cmVhZCJ9.' +
		'ZW11bGF0b3Itc2lnbmF0dXJlLW5vdC12ZXJpZmllZA',
	ownerEmail: 'olivia@example.com',
	ownerPassword: 'owner-password',
	customRoomId: '101',
	publicRoomId: '102',
	publicPrimaryLinkId: 'c0ffee00-0102-4c00-a000-000000000001',
	formRoomId: '103',
	formPrimaryLinkId: 'c0ffee00-0103-4c00-a000-000000000001',
	collabRoomId: '104',
	vdrRoomId: '105',
	aiRoomId: '106',
	fullRoomId: '107',
	fullRoomInvitationLinkId: 'c0ffee00-0107-4c00-a000-000000000099',
	thirdPartyRoomId: 'sbox-42',
	myDocxId: '201',
	myPdfFormId: '202',
	myTxtId: '203',
	roomFileId: '301',
	publicRoomFileId: '302',
} as const;

function fullRoomLinks(): SeedLink[] {
	const links: SeedLink[] = [
		{
			id: 'c0ffee00-0107-4c00-a000-000000000001',
			linkType: 1,
			primary: true,
			access: 2,
			title: 'Shared link',
		},
	];
	for (let n = 1; n <= 5; n++) {
		links.push({
			id: `c0ffee00-0107-4c00-a000-00000000001${n}`,
			linkType: 1,
			access: 2,
			title: `Partner link ${n}`,
		});
	}
	links.push({
		id: SEED_IDS.fullRoomInvitationLinkId,
		linkType: 0,
		access: 2,
		title: 'Invitation link',
		maxUseCount: 10,
		currentUseCount: 3,
	});
	return links;
}

export const DEFAULT_SEED: PortalSeed = {
	users: [
		{
			id: ownerId,
			firstName: 'Olivia',
			lastName: 'Owner',
			email: SEED_IDS.ownerEmail,
			role: 'owner',
			password: SEED_IDS.ownerPassword,
		},
		{
			id: janeId,
			firstName: 'Jane',
			lastName: 'Doe',
			email: 'jane@example.com',
			role: 'roomAdmin',
			password: 'jane-password',
		},
		{ id: bobId, firstName: 'Bob', lastName: 'Stone', email: 'bob@example.com', role: 'user' },
		{ id: guestId, firstName: 'Gary', lastName: 'Guest', email: 'gary@example.com', role: 'guest' },
		{
			id: disabledUserId,
			firstName: 'Dana',
			lastName: 'Disabled',
			email: 'dana@example.com',
			role: 'user',
			status: 2,
		},
	],
	groups: [
		{ id: SEED_IDS.legalGroupId, name: 'Legal', managerId: janeId, memberIds: [janeId, bobId] },
		{ id: SEED_IDS.salesGroupId, name: 'Sales', memberIds: [] },
	],
	rooms: [
		{ id: SEED_IDS.customRoomId, title: 'Client Projects', folderType: 19, managerIds: [janeId] },
		{
			id: SEED_IDS.publicRoomId,
			title: 'Press Kit',
			folderType: 22,
			links: [
				{
					id: SEED_IDS.publicPrimaryLinkId,
					linkType: 1,
					primary: true,
					access: 2,
					title: 'Shared link',
				},
			],
		},
		{
			id: SEED_IDS.formRoomId,
			title: 'Applications',
			folderType: 15,
			links: [
				{
					id: SEED_IDS.formPrimaryLinkId,
					linkType: 1,
					primary: true,
					access: 7,
					title: 'Shared link',
				},
			],
		},
		{ id: SEED_IDS.collabRoomId, title: 'Team Drafts', folderType: 16 },
		{ id: SEED_IDS.vdrRoomId, title: 'Due Diligence', folderType: 29 },
		{ id: SEED_IDS.aiRoomId, title: 'Research Assistant', folderType: 31 },
		{ id: SEED_IDS.fullRoomId, title: 'Busy Room', folderType: 19, links: fullRoomLinks() },
		{ id: SEED_IDS.thirdPartyRoomId, title: 'Box Archive', folderType: 19 },
	],
	files: [
		{
			id: SEED_IDS.myDocxId,
			title: 'Contract.docx',
			location: 'my',
			createdBy: ownerId,
			shares: [{ subjectId: janeId, access: 2 }],
		},
		{
			id: SEED_IDS.myPdfFormId,
			title: 'Application.pdf',
			location: 'my',
			createdBy: ownerId,
			isForm: true,
		},
		{ id: SEED_IDS.myTxtId, title: 'notes.txt', location: 'my', createdBy: ownerId },
		{
			id: SEED_IDS.roomFileId,
			title: 'Brief.docx',
			location: { roomId: SEED_IDS.customRoomId },
			createdBy: ownerId,
		},
		{
			id: SEED_IDS.publicRoomFileId,
			title: 'Logo Guidelines.pdf',
			location: { roomId: SEED_IDS.publicRoomId },
			createdBy: ownerId,
		},
	],
	apiKeys: [
		{
			id: 'a91b0000-0001-4d00-b000-000000000001',
			key: SEED_IDS.apiKey,
			name: 'Full access',
			userId: ownerId,
			permissions: ['*'],
		},
		{
			id: 'a91b0000-0002-4d00-b000-000000000002',
			key: SEED_IDS.roomsOnlyApiKey,
			name: 'Rooms only',
			userId: ownerId,
			permissions: ['rooms:read', 'rooms:write'],
		},
		{
			id: 'a91b0000-0003-4d00-b000-000000000003',
			key: SEED_IDS.filesOnlyApiKey,
			name: 'Files only',
			userId: ownerId,
			permissions: ['files:read', 'files:write'],
		},
		{
			id: 'a91b0000-0004-4d00-b000-000000000004',
			key: SEED_IDS.expiredApiKey,
			name: 'Expired',
			userId: ownerId,
			permissions: ['*'],
			expiresAt: '2024-01-01T00:00:00.0000000Z',
		},
	],
	sessionTokens: [
		{ token: SEED_IDS.token, userId: ownerId },
		{ token: SEED_IDS.janeToken, userId: janeId },
	],
	jwts: [
		{
			token: SEED_IDS.jwt,
			userId: ownerId,
			scopes: ['rooms:write', 'files:write', 'accounts.self:read', 'accounts:read'],
		},
	],
	passwordPolicy: { minLength: 8, upperCase: false, digits: false, specSymbols: false },
};

function generatedUuid(prefix: string, n: number): string {
	return `${prefix}-${String(n).padStart(12, '0')}`;
}

/** A copy of `base` with `rooms` extra Custom rooms (ids 1001…) and `users` extra users, for paging tests. */
export function seedMany(
	counts: { rooms?: number; users?: number; files?: number },
	base: PortalSeed = DEFAULT_SEED,
): PortalSeed {
	const rooms: SeedRoom[] = [];
	for (let n = 1; n <= (counts.rooms ?? 0); n++) {
		rooms.push({ id: String(1000 + n), title: `Generated Room ${n}`, folderType: 19 });
	}
	const users: SeedUser[] = [];
	for (let n = 1; n <= (counts.users ?? 0); n++) {
		users.push({
			id: generatedUuid('0e0e0e0e-0000-4e00-8e00', n),
			firstName: 'User',
			lastName: `Number${n}`,
			email: `user${n}@example.com`,
			role: 'user',
		});
	}
	const owner = base.users.find((user) => user.role === 'owner')?.id ?? base.users[0]?.id ?? '';
	const files: SeedFile[] = [];
	for (let n = 1; n <= (counts.files ?? 0); n++) {
		files.push({
			id: String(20_000 + n),
			title: `Generated ${n}.docx`,
			location: 'my',
			createdBy: owner,
		});
	}
	return {
		...base,
		rooms: [...base.rooms, ...rooms],
		users: [...base.users, ...users],
		files: [...base.files, ...files],
	};
}

export const FOLDER_SEED_IDS = {
	contractsFolderId: '401',
	draftsFolderId: '402',
	nestedFolderId: '403',
	budgetFileId: '311',
	planFileId: '312',
	lockedFileId: '313',
	contractCopyFileId: '314',
} as const;

/**
 * A copy of `base` with folders (docs/docspace/folders.md §4): Contracts (401) in the owner's My documents
 * holding another Contract.docx (314); Drafts (402) in Client Projects (101) holding Budget.xlsx (311),
 * the locked Locked.docx (313) and the folder 2026 (403) with Plan.docx (312).
 */
export function seedWithFolders(base: PortalSeed = DEFAULT_SEED): PortalSeed {
	const ids = FOLDER_SEED_IDS;
	return {
		...base,
		folders: [
			...(base.folders ?? []),
			{ id: ids.contractsFolderId, title: 'Contracts', location: 'my', createdBy: ownerId },
			{
				id: ids.draftsFolderId,
				title: 'Drafts',
				location: { roomId: SEED_IDS.customRoomId },
				createdBy: ownerId,
			},
			{
				id: ids.nestedFolderId,
				title: '2026',
				location: { folderId: ids.draftsFolderId },
				createdBy: janeId,
			},
		],
		files: [
			...base.files,
			{
				id: ids.budgetFileId,
				title: 'Budget.xlsx',
				location: { folderId: ids.draftsFolderId },
				createdBy: ownerId,
				sizeBytes: 4096,
			},
			{
				id: ids.planFileId,
				title: 'Plan.docx',
				location: { folderId: ids.nestedFolderId },
				createdBy: janeId,
			},
			{
				id: ids.lockedFileId,
				title: 'Locked.docx',
				location: { folderId: ids.draftsFolderId },
				createdBy: ownerId,
				locked: true,
			},
			{
				id: ids.contractCopyFileId,
				title: 'Contract.docx',
				location: { folderId: ids.contractsFolderId },
				createdBy: ownerId,
			},
		],
	};
}
