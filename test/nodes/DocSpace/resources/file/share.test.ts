import type { IDataObject, IPairedItemData } from 'n8n-workflow';

import { SEED_IDS, byId, fileShare, run, useEmulator, writes } from '../../../../harness/docspace';
import { ENTRIES_CHECKED_PER_EXECUTION } from '../../../../../nodes/DocSpace/shared/entryChecks';

const ctx = useEmulator();

function share(overrides: IDataObject = {}): IDataObject {
	return fileShare({
		recipients: { recipient: [{ id: SEED_IDS.bobId, access: 10 }] },
		...overrides,
	});
}

describe('File: Share — what DocSpace receives', () => {
	it('sends share rows with integer access, notify and no advancedSettings', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			share({
				recipients: {
					recipient: [
						{ id: SEED_IDS.bobId, access: 10 },
						{ id: SEED_IDS.legalGroupId, access: 5 },
					],
				},
				notify: true,
				sharingMessage: 'Please review the draft',
			}),
		);
		expect(result.error).toBeUndefined();
		const [request] = writes(emulator);
		expect(request.path).toBe('/api/2.0/files/file/201/share');
		expect(request.body).toEqual({
			share: [
				{ shareTo: SEED_IDS.bobId, access: 10 },
				{ shareTo: SEED_IDS.legalGroupId, access: 5 },
			],
			notify: true,
			sharingMessage: 'Please review the draft',
		});
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				applied: true,
				subjectType: 'user',
				id: SEED_IDS.bobId,
				name: 'Bob Stone',
				email: 'bob@example.com',
				access: 10,
				accessName: 'Editor',
			}),
			expect.objectContaining({
				applied: true,
				subjectType: 'group',
				id: SEED_IDS.legalGroupId,
				name: 'Legal',
				email: null,
				access: 5,
				accessName: 'Reviewer',
			}),
		]);
		expect(result.items.every((item) => (item.pairedItem as IPairedItemData).item === 0)).toBe(
			true,
		);
	});

	it('leaves the message out without notification', async () => {
		const { emulator } = ctx;
		await run(emulator, share({ notify: false, sharingMessage: 'not sent' }));
		expect(writes(emulator)[0].body).toEqual({
			share: [{ shareTo: SEED_IDS.bobId, access: 10 }],
			notify: false,
		});
	});

	it('shares with a list of IDs from a previous node, one access for all', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			share({ recipientsFrom: 'list', recipientIds: '={{ $json.team }}', accessForAll: 5 }),
			{ items: [{ team: [SEED_IDS.janeId, SEED_IDS.bobId, SEED_IDS.legalGroupId] }] },
		);
		expect(result.error).toBeUndefined();
		expect((writes(emulator)[0].body as IDataObject).share).toEqual([
			{ shareTo: SEED_IDS.janeId, access: 5 },
			{ shareTo: SEED_IDS.bobId, access: 5 },
			{ shareTo: SEED_IDS.legalGroupId, access: 5 },
		]);
		expect(result.items).toHaveLength(3);
	});

	it('accepts a comma-separated ID list', async () => {
		const { emulator } = ctx;
		await run(
			emulator,
			share({
				recipientsFrom: 'list',
				recipientIds: `${SEED_IDS.janeId}, ${SEED_IDS.bobId}`,
				accessForAll: 2,
			}),
		);
		expect((writes(emulator)[0].body as IDataObject).share).toEqual([
			{ shareTo: SEED_IDS.janeId, access: 2 },
			{ shareTo: SEED_IDS.bobId, access: 2 },
		]);
	});

	it('reports recipients DocSpace silently dropped, never losing them', async () => {
		const { emulator } = ctx;
		const unknown = '11111111-2222-4333-8444-555555555555';
		const result = await run(
			emulator,
			share({
				recipients: {
					recipient: [
						{ id: SEED_IDS.bobId, access: 2 },
						{ id: SEED_IDS.guestId, access: 2 },
						{ id: SEED_IDS.disabledUserId, access: 2 },
						{ id: unknown, access: 2 },
					],
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((item) => [item.json.id, item.json.applied])).toEqual([
			[SEED_IDS.bobId, true],
			[SEED_IDS.guestId, false],
			[SEED_IDS.disabledUserId, false],
			[unknown, false],
		]);
		expect(result.items[1].json.reason).toMatch(/did not apply this share/);
		expect(result.items[1].json).toMatchObject({
			requestedAccess: 2,
			requestedAccessName: 'Viewer',
		});
	});

	it('takes the file from its editor URL', async () => {
		const { emulator } = ctx;
		await run(
			emulator,
			share({
				file: byId('url', `${emulator.baseUrl}/doceditor?fileId=202&action=view`),
				recipients: { recipient: [{ id: SEED_IDS.bobId, access: 7 }] },
			}),
		);
		expect(writes(emulator).map((request) => [request.path, request.status])).toEqual([
			['/api/2.0/files/file/202/share', 200],
		]);
	});

	it('returns the full entry with Simplify off', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, share({ simplify: false }));
		expect(result.items[0].json).toMatchObject({
			applied: true,
			access: 10,
			subjectType: 0,
			sharedToUser: { id: SEED_IDS.bobId, email: 'bob@example.com' },
		});
	});
});

describe('File: Share — refusals', () => {
	it('refuses a file inside a room before sending, naming it and what to use instead', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, share({ file: byId('id', SEED_IDS.roomFileId) }));
		expect(result.error?.message).toBe(
			'Brief.docx (file 301) is in a room: DocSpace shares only My Documents files with users and groups [item 0]',
		);
		expect(result.error?.description).toBe(
			'Rooms share by membership: add the people to the room with Room Member: Add, or give them a link to the file with File Link: Set. Nothing was sent to DocSpace.',
		);
		expect((result.error as { httpCode?: unknown }).httpCode).toBeNull();
		expect(emulator.requests.map((request) => [request.method, request.path])).toEqual([
			['GET', '/api/2.0/files/file/301'],
		]);
	});

	it('reads each file once per execution, however many items name it', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, share({ file: byId('id', '={{ $json.file }}') }), {
			items: [
				{ file: SEED_IDS.myDocxId },
				{ file: SEED_IDS.myDocxId },
				{ file: SEED_IDS.myPdfFormId },
				{ file: SEED_IDS.myDocxId },
			],
		});
		expect(result.error).toBeUndefined();
		const reads = emulator.requests
			.filter((request) => request.method === 'GET')
			.map((request) => request.path)
			.sort();
		expect(reads).toEqual(['/api/2.0/files/file/201', '/api/2.0/files/file/202']);
		expect(writes(emulator)).toHaveLength(4);
	});

	it('refuses a file in the Trash before sending', async () => {
		const { emulator } = ctx;
		emulator.portal.files.get(SEED_IDS.myTxtId)!.trashedBy = SEED_IDS.ownerId;
		const result = await run(emulator, share({ file: byId('id', SEED_IDS.myTxtId) }));
		expect(result.error?.message).toBe('notes.txt (file 203) is in the Trash [item 0]');
		expect(writes(emulator)).toEqual([]);
	});

	it('explains an access level the file format does not take', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, share({ file: byId('id', SEED_IDS.myTxtId) }));
		expect(result.error?.description).toMatch(/must also suit the file format/);
	});

	it('explains an unknown file', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, share({ file: byId('id', '777') }));
		expect(result.error?.message).toBe('File 777 was not found in DocSpace [item 0]');
	});

	it('continue-on-fail keeps one output per input item', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, share({ file: byId('id', '={{ $json.file }}') }), {
			items: [
				{ file: SEED_IDS.myDocxId },
				{ file: SEED_IDS.roomFileId },
				{ file: SEED_IDS.myPdfFormId },
			],
			continueOnFail: true,
		});
		expect(result.items.map((item) => [item.pairedItem, item.json.applied ?? 'error'])).toEqual([
			[{ item: 0 }, true],
			[{ item: 1 }, 'error'],
			[{ item: 2 }, true],
		]);
		expect(result.items[1].json.error).toMatch(/Brief\.docx \(file 301\) is in a room.*\[item 1\]/);
	});
});

describe('File: Share — recipient picker (From List, By ID, By Email)', () => {
	it('sends the ids of picked, typed and emailed recipients; emails are looked up first', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			share({
				recipients: {
					recipient: [
						{ id: byId('list', SEED_IDS.legalGroupId), access: 5 },
						{ id: byId('id', SEED_IDS.bobId.toUpperCase()), access: 10 },
						{ id: { __rl: true, mode: 'email', value: ' Jane@Example.com ' }, access: 2 },
					],
				},
			}),
		);
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query.email]),
		).toEqual([
			['GET', '/api/2.0/people/email', 'jane@example.com'],
			// Where the file lives (and its title for the output rows), once per file and run.
			['GET', '/api/2.0/files/file/201', undefined],
			['PUT', '/api/2.0/files/file/201/share', undefined],
		]);
		expect((writes(emulator)[0].body as IDataObject).share).toEqual([
			{ shareTo: SEED_IDS.legalGroupId, access: 5 },
			{ shareTo: SEED_IDS.bobId, access: 10 },
			{ shareTo: SEED_IDS.janeId, access: 2 },
		]);
		expect(result.items.map((item) => [item.json.id, item.json.applied])).toEqual([
			[SEED_IDS.legalGroupId, true],
			[SEED_IDS.bobId, true],
			[SEED_IDS.janeId, true],
		]);
	});

	it('refuses an unknown email naming the row and the address, and shares nothing', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			share({
				recipients: {
					recipient: [
						{ id: byId('id', SEED_IDS.bobId), access: 10 },
						{ id: { __rl: true, mode: 'email', value: 'nobody@example.com' }, access: 2 },
					],
				},
			}),
		);
		expect(result.error?.message).toBe(
			'Recipient 2 (Email): no DocSpace user has the email nobody@example.com [item 0]',
		);
		expect(result.error?.description).toMatch(/Nothing was shared/);
		expect(writes(emulator)).toEqual([]);
	});

	it('takes emails in the ID list too, looking each address up once', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			share({
				recipientsFrom: 'list',
				recipientIds: `bob@example.com, ${SEED_IDS.legalGroupId}; BOB@example.com`,
				accessForAll: 2,
			}),
		);
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.filter((request) => request.path === '/api/2.0/people/email'),
		).toHaveLength(1);
		expect((writes(emulator)[0].body as IDataObject).share).toEqual([
			{ shareTo: SEED_IDS.bobId, access: 2 },
			{ shareTo: SEED_IDS.legalGroupId, access: 2 },
		]);
	});

	it('still runs rows saved before the picker existed (a plain ID string)', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			share({ recipients: { recipient: [{ id: SEED_IDS.bobId, access: 10 }] } }),
		);
		expect(result.error).toBeUndefined();
		expect((writes(emulator)[0].body as IDataObject).share).toEqual([
			{ shareTo: SEED_IDS.bobId, access: 10 },
		]);
	});
});

describe('File: Share — output rows name their file', () => {
	it('every row, applied or not, starts with who and which access, and carries the file title and ID; the title is read once per run', async () => {
		const { emulator } = ctx;
		const items = [{ json: {} }, { json: {} }];
		const result = await run(
			emulator,
			share({
				file: byId('url', `${emulator.baseUrl}/doceditor?fileId=${SEED_IDS.myDocxId}`),
				recipients: {
					recipient: [
						{ id: SEED_IDS.bobId, access: 10 },
						{ id: SEED_IDS.guestId, access: 2 },
					],
				},
			}),
			{ items },
		);
		expect(result.error).toBeUndefined();
		const rows = result.items.map((item) => item.json);
		expect(rows).toHaveLength(4);
		expect(Object.keys(rows[0]).slice(0, 8)).toEqual([
			'name',
			'accessName',
			'access',
			'fileTitle',
			'fileId',
			'applied',
			'requestedAccessName',
			'requestedAccess',
		]);
		expect(rows[0]).toMatchObject({
			name: 'Bob Stone',
			accessName: 'Editor',
			access: 10,
			fileTitle: 'Contract.docx',
			fileId: SEED_IDS.myDocxId,
			applied: true,
			requestedAccessName: 'Editor',
		});
		// The guest is silently skipped by DocSpace: the row still names the file.
		expect(rows[1]).toEqual({
			fileTitle: 'Contract.docx',
			fileId: SEED_IDS.myDocxId,
			applied: false,
			id: SEED_IDS.guestId,
			requestedAccessName: 'Viewer',
			requestedAccess: 2,
			reason: expect.stringMatching(/^DocSpace did not apply this share/),
		});
		expect(
			emulator.requests.filter(
				(request) => request.path === `/api/2.0/files/file/${SEED_IDS.myDocxId}`,
			),
		).toHaveLength(1);

		const full = await run(emulator, share({ simplify: false }));
		expect(Object.keys(full.items[0].json).slice(0, 5)).toEqual([
			'accessName',
			'access',
			'fileTitle',
			'fileId',
			'applied',
		]);
		expect(full.items[0].json).toMatchObject({
			accessName: 'Editor',
			access: 10,
			sharedTo: { id: SEED_IDS.bobId },
		});
	});

	it('a title that cannot be read leaves fileTitle empty; the share itself is kept', async () => {
		const { emulator } = ctx;
		emulator.inject({
			path: `/api/2.0/files/file/${SEED_IDS.myDocxId}`,
			kind: 'status',
			status: 500,
		});
		const result = await run(emulator, share({ options: { maxRetries: 0 } }));
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({
			fileTitle: null,
			fileId: SEED_IDS.myDocxId,
			applied: true,
		});
	});
});

describe('File: Share — file reads stay bounded', () => {
	it('reads at most 50 files per run, so a run over many files does not double its requests', async () => {
		const { emulator } = ctx;
		const items = Array.from({ length: 60 }, (_, n) => ({ file: String(900_000 + n) }));
		const result = await run(emulator, fileShare({ file: byId('id', '={{ $json.file }}') }), {
			items,
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(60);
		const fileReads = emulator.requests.filter(
			(request) => request.method === 'GET' && /^\/api\/2\.0\/files\/file\/\d+$/.test(request.path),
		);
		expect(fileReads).toHaveLength(ENTRIES_CHECKED_PER_EXECUTION);
		expect(writes(emulator)).toHaveLength(60);
	});
});
