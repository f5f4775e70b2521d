/**
 * How every operation's output reads (issue: output), through n8n's engine against the emulator
 * running in a +03:00 portal time zone: the columns a person reads first come first (name or
 * title, access name, then its number, link URL, expiry), every date is ISO 8601 UTC with a `Z`,
 * with Simplify on and off.
 */
import type { IDataObject, INodeExecutionData, INodePropertyOptions } from 'n8n-workflow';

import { DocSpace } from '../../../nodes/DocSpace/DocSpace.node';
import { FOLDER_SEED_IDS as F, seedWithFolders } from '../../emulator';
import type { DocSpaceEmulator } from '../../emulator';
import { call } from '../../emulator/testClient';
import { SEED_IDS, byId, credentialsFor, run, useEmulator } from '../../harness/docspace';

const ctx = useEmulator({ timeZoneOffsetMinutes: 180 });
beforeEach(() => ctx.emulator.reset(seedWithFolders()));

const id = (value: string) => byId('id', value);
const room = id(SEED_IDS.customRoomId);

/** The order every item follows: these keys, when present, come first and in this order. */
const READ_FIRST = [
	'title',
	'name',
	'displayName',
	'fileName',
	'accessName',
	'access',
	'url',
	'shareLink',
	'expirationDate',
];
const UTC_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const LOOKS_LIKE_DATE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

interface Case {
	resource: string;
	operation: string;
	parameters?: IDataObject;
	/** Prepares the portal before each run (its live state, or requests of its API). */
	arrange?: (emulator: DocSpaceEmulator) => void | Promise<void>;
	items?: INodeExecutionData[];
	/** The first keys of the first simplified item. */
	first?: string[];
	/** No Simplify option: the output is the same either way. */
	noSimplify?: boolean;
}

function seedMembers(emulator: DocSpaceEmulator): void {
	emulator.portal.rooms.get(SEED_IDS.customRoomId)!.members = new Map([
		[SEED_IDS.bobId, 11],
		[SEED_IDS.legalGroupId, 2],
	]);
}

const CASES: Case[] = [
	{
		resource: 'roomLink',
		operation: 'set',
		parameters: { room, linkType: 'external', access: 2, expirationDate: '2031-01-01T00:00:00Z' },
		first: ['title', 'accessName', 'access', 'url', 'expirationDate'],
	},
	{
		resource: 'roomLink',
		operation: 'getAll',
		parameters: { room: id(SEED_IDS.publicRoomId) },
		first: ['title', 'accessName', 'access', 'url', 'expirationDate'],
	},
	{
		resource: 'roomLink',
		operation: 'getPrimary',
		parameters: { room: id(SEED_IDS.publicRoomId) },
		first: ['title', 'accessName', 'access', 'url', 'expirationDate'],
	},
	{
		resource: 'roomLink',
		operation: 'revoke',
		parameters: {
			room: id(SEED_IDS.fullRoomId),
			linkType: 'invitation',
			linkId: SEED_IDS.fullRoomInvitationLinkId,
		},
		noSimplify: true,
	},
	{ resource: 'room', operation: 'get', parameters: { room }, first: ['title', 'url'] },
	{ resource: 'room', operation: 'getAll', parameters: { limit: 3 }, first: ['title', 'url'] },
	{
		resource: 'room',
		operation: 'create',
		parameters: { roomTitle: 'Acme', roomType: 'custom' },
		first: ['title', 'url'],
	},
	{
		resource: 'room',
		operation: 'update',
		parameters: { room, updateFields: { title: 'Renamed' } },
		first: ['title', 'url'],
	},
	{ resource: 'room', operation: 'pin', parameters: { room }, first: ['title', 'url'] },
	{ resource: 'room', operation: 'unpin', parameters: { room }, first: ['title', 'url'] },
	{
		resource: 'room',
		operation: 'addTags',
		parameters: { room, tagNames: 'vip' },
		first: ['title', 'url'],
	},
	{
		resource: 'room',
		operation: 'removeTags',
		parameters: { room, tagNames: 'vip' },
		first: ['title', 'url'],
	},
	{ resource: 'room', operation: 'archive', parameters: { room }, noSimplify: true },
	{ resource: 'room', operation: 'unarchive', parameters: { room }, noSimplify: true },
	{
		resource: 'room',
		operation: 'delete',
		parameters: { room: id(SEED_IDS.vdrRoomId) },
		noSimplify: true,
	},
	{
		resource: 'roomMember',
		operation: 'add',
		parameters: {
			room,
			membersFrom: 'list',
			memberList: SEED_IDS.bobId,
			listAccess: 2,
			notifyMembers: false,
		},
		first: ['name', 'accessName', 'access'],
	},
	{
		resource: 'roomMember',
		operation: 'getAll',
		parameters: { room, returnAll: true },
		arrange: seedMembers,
		first: ['name', 'accessName', 'access'],
	},
	{
		resource: 'roomMember',
		operation: 'changeAccess',
		parameters: { room, member: id(SEED_IDS.bobId), memberAccess: 2 },
		arrange: seedMembers,
		first: ['name', 'accessName', 'access'],
	},
	{
		resource: 'roomMember',
		operation: 'remove',
		parameters: { room, member: id(SEED_IDS.bobId) },
		arrange: seedMembers,
		noSimplify: true,
	},
	{
		resource: 'file',
		operation: 'share',
		parameters: {
			file: id(SEED_IDS.myDocxId),
			recipientsFrom: 'rows',
			recipients: { recipient: [{ id: SEED_IDS.bobId, access: 10 }] },
			notify: false,
		},
		first: ['name', 'accessName', 'access', 'fileTitle', 'fileId'],
	},
	{
		resource: 'file',
		operation: 'getSharing',
		parameters: { file: id(SEED_IDS.myDocxId), returnAll: true },
		first: ['name', 'accessName', 'access'],
	},
	{
		resource: 'file',
		operation: 'removeSharing',
		parameters: { file: id(SEED_IDS.myDocxId), removeFrom: 'everyone' },
		noSimplify: true,
	},
	{
		resource: 'file',
		operation: 'upload',
		items: [
			{
				json: {},
				binary: {
					data: {
						data: Buffer.from('%PDF-1.7').toString('base64'),
						mimeType: 'application/pdf',
						fileName: 'Offer.pdf',
					},
				},
			},
		],
		parameters: { destinationFolder: room },
		first: ['title', 'url'],
	},
	{
		resource: 'file',
		operation: 'download',
		parameters: { file: id(SEED_IDS.myTxtId) },
		noSimplify: true,
		first: ['fileName'],
	},
	{
		resource: 'file',
		operation: 'create',
		parameters: { destinationFolder: room, fileType: 'document', fileName: 'Minutes' },
		first: ['title', 'url'],
	},
	{
		resource: 'file',
		operation: 'get',
		parameters: { file: id(SEED_IDS.myDocxId) },
		first: ['title', 'url'],
	},
	{
		resource: 'file',
		operation: 'rename',
		parameters: { file: id(SEED_IDS.myDocxId), newName: 'Signed' },
		first: ['title', 'url'],
	},
	{
		resource: 'file',
		operation: 'getPrimaryLink',
		parameters: { file: id(SEED_IDS.myDocxId) },
		first: ['title', 'accessName', 'access', 'url', 'expirationDate'],
	},
	{
		resource: 'file',
		operation: 'copy',
		parameters: { file: id(F.budgetFileId), destinationFolder: id(F.nestedFolderId) },
		first: ['title'],
	},
	{
		resource: 'file',
		operation: 'move',
		parameters: { file: id(F.budgetFileId), destinationFolder: id(F.nestedFolderId) },
		first: ['title'],
	},
	{ resource: 'file', operation: 'delete', parameters: { file: id(F.budgetFileId) } },
	{
		resource: 'fileLink',
		operation: 'set',
		parameters: { file: id(SEED_IDS.myDocxId), fileLinkAccess: 2 },
		first: ['title', 'accessName', 'access', 'url', 'expirationDate'],
	},
	{
		resource: 'fileLink',
		operation: 'getAll',
		parameters: { file: id(SEED_IDS.myDocxId), returnAll: true },
		arrange: async (emulator) => {
			await call(emulator, 'PUT', `/api/2.0/files/file/${SEED_IDS.myDocxId}/links`, {
				body: { access: 2, expirationDate: '2031-01-01T00:00:00Z' },
			});
		},
		first: ['title', 'accessName', 'access', 'url', 'expirationDate'],
	},
	{
		resource: 'folder',
		operation: 'create',
		parameters: { destinationFolder: room, folderName: 'Invoices' },
		first: ['title', 'url'],
	},
	{
		resource: 'folder',
		operation: 'get',
		parameters: { folder: id(F.draftsFolderId) },
		first: ['title', 'url'],
	},
	{
		resource: 'folder',
		operation: 'getContents',
		parameters: { folder: id(F.draftsFolderId), returnAll: true },
		first: ['title', 'url'],
	},
	{
		resource: 'folder',
		operation: 'rename',
		parameters: { folder: id(F.draftsFolderId), folderName: 'Old drafts' },
		first: ['title', 'url'],
	},
	{
		resource: 'folder',
		operation: 'copy',
		parameters: { folder: id(F.nestedFolderId), destinationFolder: room },
		first: ['title'],
	},
	{
		resource: 'folder',
		operation: 'move',
		parameters: { folder: id(F.nestedFolderId), destinationFolder: room },
		first: ['title'],
	},
	{ resource: 'folder', operation: 'delete', parameters: { folder: id(F.nestedFolderId) } },
	{
		resource: 'folder',
		operation: 'getHistory',
		parameters: { folder: room, returnAll: true },
		arrange: async (emulator) => {
			await call(emulator, 'POST', `/api/2.0/files/folder/${SEED_IDS.customRoomId}`, {
				body: { title: 'Invoices' },
			});
		},
	},
	{ resource: 'user', operation: 'getAll', parameters: { limit: 5 }, first: ['name'] },
	{
		resource: 'user',
		operation: 'get',
		parameters: { user: id(SEED_IDS.janeId) },
		first: ['name'],
	},
	{
		resource: 'user',
		operation: 'invite',
		parameters: { email: 'new.client@example.com' },
		first: ['name'],
	},
	{
		resource: 'user',
		operation: 'update',
		parameters: { user: id(SEED_IDS.ownerId), profileFields: { location: 'Riga' } },
		first: ['name'],
	},
	{
		resource: 'user',
		operation: 'changeType',
		parameters: { user: id(SEED_IDS.guestId), userType: 'roomAdmin' },
		first: ['name'],
	},
	{ resource: 'user', operation: 'disable', parameters: { user: id(SEED_IDS.bobId) } },
	{ resource: 'user', operation: 'enable', parameters: { user: id(SEED_IDS.disabledUserId) } },
	{ resource: 'user', operation: 'delete', parameters: { user: id(SEED_IDS.disabledUserId) } },
	{ resource: 'group', operation: 'getAll', parameters: { returnAll: true }, first: ['name'] },
	{
		resource: 'group',
		operation: 'get',
		parameters: { group: id(SEED_IDS.legalGroupId) },
		first: ['name'],
	},
	{
		resource: 'group',
		operation: 'create',
		parameters: { groupName: 'Client Success', groupMembers: SEED_IDS.bobId },
		first: ['name'],
	},
	{
		resource: 'group',
		operation: 'update',
		parameters: { group: id(SEED_IDS.legalGroupId), groupName: 'Legal Team' },
		first: ['name'],
	},
	{
		resource: 'group',
		operation: 'addMembers',
		parameters: { group: id(SEED_IDS.salesGroupId), groupMembers: SEED_IDS.bobId },
	},
	{
		resource: 'group',
		operation: 'removeMembers',
		parameters: { group: id(SEED_IDS.legalGroupId), groupMembers: SEED_IDS.bobId },
	},
	{
		resource: 'group',
		operation: 'delete',
		parameters: { group: id(SEED_IDS.salesGroupId) },
		noSimplify: true,
	},
];

/** Every string in `value` that looks like a date-time, with its path. */
function dateStrings(value: unknown, path = '', depth = 0): Array<[string, string]> {
	if (depth > 20) return [];
	if (typeof value === 'string') return LOOKS_LIKE_DATE.test(value) ? [[path, value]] : [];
	if (Array.isArray(value))
		return value.flatMap((entry, index) => dateStrings(entry, `${path}[${index}]`, depth + 1));
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([key, entry]) =>
			dateStrings(entry, path ? `${path}.${key}` : key, depth + 1),
		);
	return [];
}

/** What breaks the reading order in one item, if anything. */
function orderProblems(json: IDataObject): string[] {
	const keys = Object.keys(json);
	const present = READ_FIRST.filter((key) => key in json);
	const problems: string[] = [];
	if (keys.slice(0, present.length).join() !== present.join())
		problems.push(`starts with ${keys.slice(0, present.length).join()}, not ${present.join()}`);
	for (const key of keys.filter((name) => /(^a|A)ccess$/.test(name))) {
		if (typeof json[key] !== 'number') continue;
		if (keys[keys.indexOf(key) - 1] !== `${key}Name`)
			problems.push(`${key} does not follow ${key}Name`);
	}
	return problems;
}

async function runCase(testCase: Case, simplify: boolean) {
	const { emulator } = ctx;
	emulator.reset(seedWithFolders());
	await testCase.arrange?.(emulator);
	emulator.requests.length = 0;
	return await run(
		emulator,
		{
			resource: testCase.resource,
			operation: testCase.operation,
			...testCase.parameters,
			...(testCase.noSimplify ? {} : { simplify }),
		},
		{ items: testCase.items, credentials: credentialsFor(emulator) },
	);
}

describe('Output of every operation: reading order and UTC dates', () => {
	it('has a case for every operation of the node', () => {
		const declared = new DocSpace().description.properties
			.filter((property) => property.name === 'operation')
			.flatMap((property) =>
				(property.options as INodePropertyOptions[]).map(
					(option) => `${String(property.displayOptions?.show?.resource?.[0])}:${option.value}`,
				),
			);
		const covered = CASES.map((testCase) => `${testCase.resource}:${testCase.operation}`);
		expect([...new Set(covered)].sort()).toEqual([...new Set(declared)].sort());
	});

	for (const testCase of CASES) {
		const label = `${testCase.resource}: ${testCase.operation}`;
		for (const simplify of testCase.noSimplify ? [true] : [true, false]) {
			it(`${label}${testCase.noSimplify ? '' : simplify ? ' (Simplify on)' : ' (Simplify off)'}`, async () => {
				const result = await runCase(testCase, simplify);
				expect(result.error).toBeUndefined();
				expect(result.items.length).toBeGreaterThan(0);
				for (const item of result.items) {
					expect(item.json.error).toBeUndefined();
					const notUtc = dateStrings(item.json).filter(([, value]) => !UTC_ISO.test(value));
					expect(notUtc).toEqual([]);
					expect(orderProblems(item.json)).toEqual([]);
				}
				if (simplify && testCase.first) {
					expect(Object.keys(result.items[0].json).slice(0, testCase.first.length)).toEqual(
						testCase.first,
					);
				}
			});
		}
	}
});
