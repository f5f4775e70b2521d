/**
 * File: Upload, Room Member: Add and User: Invite run through the bulk runner (customOperations).
 * Each case runs through n8n's RoutingNode and through the runner: same requests, items, pairedItem
 * and errors (test/harness/equivalence.ts).
 *
 * Both paths overlap an execution's items. Where a later item depends on what an earlier one did
 * (the same member added to the same room twice, the same address invited twice, the same file
 * name uploaded twice with Skip), RoutingNode's result depends on timing: its items all read
 * before any writes. The runner makes such items wait for the earlier ones (shared/itemOrder.ts);
 * those cases are tested on the runner alone.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { SEED_IDS, byId, run, useEmulator, writes } from '../../../harness/docspace';
import { bothPaths, countExpressions } from '../../../harness/equivalence';

const ctx = useEmulator({ latencyMs: 2 });
countExpressions();

/** New file ids (the emulator counts from 5001) and upload session ids. */
const NEW_FILE_IDS = [
	/\b50\d\d\b/g,
	/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
];
/** New user ids. */
const NEW_USER_IDS = [/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g];

const methodsAndPaths = (requests: string[]) =>
	requests.map((request) => {
		const { method, path } = JSON.parse(request) as { method: string; path: string };
		return `${method} ${path}`;
	});

function binaryItem(text: string, fileName: string, json: IDataObject = {}): INodeExecutionData {
	return {
		json,
		binary: {
			data: { data: Buffer.from(text).toString('base64'), mimeType: 'application/pdf', fileName },
		},
	};
}

const upload = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'file',
	operation: 'upload',
	destinationFolder: byId('id', '={{ $json.room }}'),
	...overrides,
});

describe('runner and RoutingNode: File: Upload', () => {
	it('send the same files from binary data, same names in item order (Keep Both numbers them)', async () => {
		const items = [
			binaryItem('%PDF-1.7 one', 'Offer.pdf', { room: SEED_IDS.customRoomId }),
			binaryItem('%PDF-1.7 two', 'Offer.pdf', { room: SEED_IDS.customRoomId }),
			binaryItem('%PDF-1.7 three', 'Terms.pdf', { room: SEED_IDS.publicRoomId }),
			binaryItem('%PDF-1.7 four', 'Offer.pdf', { room: SEED_IDS.customRoomId }),
		];
		const result = await bothPaths(ctx.emulator, upload(), { items, volatile: NEW_FILE_IDS });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.title)).toEqual([
			'Offer.pdf',
			'Offer (1).pdf',
			'Terms.pdf',
			'Offer (2).pdf',
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			items.map((_item, index) => ({ item: index })),
		);
		// The room, a plain field of the item, is read from the item: n8n's engine evaluates nothing.
		expect(result.runnerExpressions).toBe(0);
		expect(result.routedExpressions).toBeGreaterThan(result.runnerExpressions);
	});

	it('runner: with Skip, a later item uploading the name of an earlier one finds its file', async () => {
		const { emulator } = ctx;
		const items = [
			binaryItem('%PDF-1.7 first', 'Brief.pdf', { room: SEED_IDS.customRoomId }),
			binaryItem('%PDF-1.7 second', 'Brief.pdf', { room: SEED_IDS.customRoomId }),
			binaryItem('%PDF-1.7 third', 'Other.pdf', { room: SEED_IDS.customRoomId }),
		];
		const result = await run(emulator, upload({ ifFileExists: 'skip' }), { items });
		expect(result.items.map((item) => [item.json.title, item.json.skipped])).toEqual([
			['Brief.pdf', false],
			['Brief.pdf', true],
			['Other.pdf', false],
		]);
		expect(result.items[1].json.id).toBe(result.items[0].json.id);
		expect(writes(emulator)).toHaveLength(2);
	});

	it('runner: at most two items hold the data of files sent in chunks at once', async () => {
		const { emulator } = ctx;
		emulator.configure({ latencyMs: 20, chunkUploadSize: 4 * 1024 * 1024 });
		const large = Buffer.alloc(10 * 1024 * 1024 + 1, 2).toString('base64');
		const items = Array.from({ length: 4 }, (_item, index) => ({
			json: { room: SEED_IDS.customRoomId },
			binary: { data: { data: large, mimeType: 'video/mp4', fileName: `Clip ${index}.mp4` } },
		}));
		const result = await run(emulator, upload(), { items });
		expect(result.items.map((item) => item.json.sizeBytes)).toEqual(
			Array(4).fill(10 * 1024 * 1024 + 1),
		);
		expect(emulator.stats.maxConcurrentWrites).toBe(2);
	});

	it('runner: small files are sent side by side', async () => {
		const { emulator } = ctx;
		// Long enough per request that every item is prepared while the first ones are answered.
		emulator.configure({ latencyMs: 400 });
		const items = Array.from({ length: 20 }, (_item, index) =>
			binaryItem(`%PDF-1.7 ${index}`, `File ${index}.pdf`, { room: SEED_IDS.customRoomId }),
		);
		const result = await run(emulator, upload(), { items });
		expect(result.items).toHaveLength(20);
		expect(emulator.stats.maxConcurrentWrites).toBeGreaterThan(4);
		expect(emulator.stats.maxConcurrentWrites).toBeLessThanOrEqual(15);
	});

	it('send the same chunks of a large file through an upload session', async () => {
		const large = Buffer.alloc(10 * 1024 * 1024 + 100, 1);
		const items: INodeExecutionData[] = [
			{
				json: { room: SEED_IDS.customRoomId },
				binary: {
					data: { data: large.toString('base64'), mimeType: 'video/mp4', fileName: 'Clip.mp4' },
				},
			},
			binaryItem('%PDF-1.7 small', 'Small.pdf', { room: SEED_IDS.customRoomId }),
		];
		const result = await bothPaths(ctx.emulator, upload(), {
			items,
			volatile: NEW_FILE_IDS,
			// Files above 10 MiB go through a session, here in chunks of 4 MiB.
			setup: (emulator) => emulator.configure({ chunkUploadSize: 4 * 1024 * 1024 }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.sizeBytes)).toEqual([large.length, 14]);
		expect(methodsAndPaths(result.requests)).toEqual([
			'GET /api/2.0/files/settings',
			'POST /ChunkedUploader.ashx',
			'POST /ChunkedUploader.ashx',
			'POST /ChunkedUploader.ashx',
			'POST /api/2.0/files/101/upload',
			'POST /api/2.0/files/101/upload/create_session',
		]);
	});

	it('give the same items and errors with continue-on-fail: no binary, a missing folder, a success', async () => {
		const items: INodeExecutionData[] = [
			{ json: { room: SEED_IDS.customRoomId } },
			binaryItem('%PDF-1.7 x', 'X.pdf', { room: '999999' }),
			binaryItem('%PDF-1.7 y', 'Y.pdf', { room: SEED_IDS.customRoomId }),
		];
		const result = await bothPaths(ctx.emulator, upload(), {
			items,
			continueOnFail: true,
			volatile: NEW_FILE_IDS,
		});
		expect(result.items.map((item) => item.error === undefined)).toEqual([false, false, true]);
		expect(result.items[0].error?.message).toMatch(/Input Binary Field/);
		expect(result.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(methodsAndPaths(result.requests)).toEqual([
			'POST /api/2.0/files/101/upload',
			'POST /api/2.0/files/999999/upload',
		]);
	});

	it('stop with the same error without continue-on-fail', async () => {
		const items = [
			binaryItem('%PDF-1.7 a', 'A.pdf', { room: '999999' }),
			binaryItem('%PDF-1.7 b', 'B.pdf', { room: SEED_IDS.customRoomId }),
		];
		const result = await bothPaths(ctx.emulator, upload(), { items });
		expect(result.error?.itemIndex).toBe(0);
	});
});

const addMembers = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'roomMember',
	operation: 'add',
	room: byId('id', '={{ $json.room }}'),
	membersFrom: 'list',
	memberList: '={{ $json.who }}',
	listAccess: '={{ $json.access }}',
	notifyMembers: false,
	...overrides,
});

describe('runner and RoutingNode: Room Member: Add', () => {
	it('send the same additions with expressions: users, emails, another room', async () => {
		const items = [
			{ room: SEED_IDS.customRoomId, who: SEED_IDS.bobId, access: 10 },
			{ room: SEED_IDS.customRoomId, who: 'new.client@acme.example', access: 2 },
			{ room: SEED_IDS.collabRoomId, who: SEED_IDS.bobId, access: 2 },
		];
		const result = await bothPaths(ctx.emulator, addMembers(), { items, volatile: NEW_USER_IDS });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.result)).toEqual(['added', 'invited', 'added']);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			items.map((_item, index) => ({ item: index })),
		);
		expect(
			methodsAndPaths(result.requests).filter((request) => request.startsWith('PUT')),
		).toHaveLength(3);
		// Room, members and access are plain fields of the items, read from the items.
		expect(result.runnerExpressions).toBe(0);
		expect(result.routedExpressions).toBeGreaterThan(result.runnerExpressions);
	});

	it('runner: adding someone again in a later item changes nothing and says so', async () => {
		const { emulator } = ctx;
		const items = [
			{ room: SEED_IDS.customRoomId, who: SEED_IDS.bobId, access: 10 },
			{ room: SEED_IDS.collabRoomId, who: SEED_IDS.bobId, access: 2 },
			{ room: SEED_IDS.customRoomId, who: SEED_IDS.bobId, access: 10 },
			{ room: SEED_IDS.customRoomId, who: SEED_IDS.bobId, access: 2 },
		];
		const result = await run(emulator, addMembers(), { items });
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => item.json.result)).toEqual([
			'added',
			'added',
			'unchanged',
			'accessChanged',
		]);
		expect(writes(emulator)).toHaveLength(3);
	});

	it('send the same rows with notification and message', async () => {
		const items = [{ room: SEED_IDS.customRoomId }, { room: SEED_IDS.vdrRoomId }];
		const result = await bothPaths(
			ctx.emulator,
			addMembers({
				membersFrom: 'rows',
				members: {
					member: [
						{ id: byId('id', SEED_IDS.janeId), access: 2 },
						{ id: byId('id', SEED_IDS.legalGroupId), access: 10 },
					],
				},
				notifyMembers: true,
				invitationMessage: 'Welcome',
			}),
			{ items },
		);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(4);
	});

	it('give the same items and errors with continue-on-fail: a missing room, a bad role, a success', async () => {
		const items = [
			{ room: '999999', who: SEED_IDS.bobId, access: 2 },
			{ room: SEED_IDS.publicRoomId, who: SEED_IDS.bobId, access: 10 },
			{ room: SEED_IDS.customRoomId, who: 'not an email', access: 2 },
			{ room: SEED_IDS.customRoomId, who: SEED_IDS.janeId, access: 2 },
		];
		const result = await bothPaths(ctx.emulator, addMembers(), { items, continueOnFail: true });
		expect(result.items.map((item) => item.error === undefined)).toEqual([
			false,
			false,
			false,
			true,
		]);
		expect(result.items.map((item) => item.pairedItem)).toEqual(
			items.map((_item, index) => ({ item: index })),
		);
	});
});
