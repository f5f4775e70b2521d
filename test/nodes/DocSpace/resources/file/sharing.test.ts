import type { IDataObject } from 'n8n-workflow';

import { seedMany, type PortalSeed } from '../../../../emulator';
import { SEED_IDS, byId, run, useEmulator, writes } from '../../../../harness/docspace';

const ctx = useEmulator();

/** The default portal plus 320 users, all with Viewer access to Contract.docx (201). */
function widelyShared(): PortalSeed {
	const seed = seedMany({ users: 320 });
	const generated = seed.users.filter((user) => user.email.startsWith('user'));
	return {
		...seed,
		files: seed.files.map((file) =>
			file.id === SEED_IDS.myDocxId
				? {
						...file,
						shares: [
							...(file.shares ?? []),
							...generated.map((user) => ({ subjectId: user.id, access: 2 })),
						],
					}
				: file,
		),
	};
}

const getSharing = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'file',
	operation: 'getSharing',
	file: byId('id', SEED_IDS.myDocxId),
	...overrides,
});
const removeSharing = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'file',
	operation: 'removeSharing',
	file: byId('id', SEED_IDS.myDocxId),
	...overrides,
});

describe('File: Get Sharing', () => {
	it('lists users and groups with access, simplified', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getSharing({ returnAll: true }));
		expect(result.error).toBeUndefined();
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/api/2.0/files/file/201/share', { startIndex: '0', count: '100' }]]);
		expect(result.items.map((item) => item.json)).toEqual([
			{
				subjectType: 'user',
				id: SEED_IDS.janeId,
				name: 'Jane Doe',
				email: 'jane@example.com',
				access: 2,
				accessName: 'Viewer',
				owner: false,
				locked: false,
				canEditAccess: true,
			},
		]);
	});

	it('returns the full entries with Simplify off', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, getSharing({ simplify: false, limit: 10 }));
		expect(result.items[0].json).toMatchObject({
			access: 2,
			subjectType: 0,
			sharedToUser: { id: SEED_IDS.janeId, email: 'jane@example.com' },
		});
		expect(emulator.requests[0].query).toEqual({ startIndex: '0', count: '10' });
	});

	it('Return All pages through 321 shares, each once', async () => {
		const { emulator } = ctx;
		emulator.reset(widelyShared());
		const result = await run(emulator, getSharing({ returnAll: true }));
		expect(result.items).toHaveLength(321);
		expect(new Set(result.items.map((item) => item.json.id)).size).toBe(321);
		expect(emulator.requests.map((request) => request.query.startIndex)).toEqual([
			'0',
			'100',
			'200',
			'300',
		]);
	});

	it('Limit stops early', async () => {
		const { emulator } = ctx;
		emulator.reset(widelyShared());
		const result = await run(emulator, getSharing({ returnAll: false, limit: 150 }));
		expect(result.items).toHaveLength(150);
		expect(
			emulator.requests.map((request) => [request.query.startIndex, request.query.count]),
		).toEqual([
			['0', '100'],
			['100', '50'],
		]);
	});

	it('explains an unknown file and refuses a bad id without a request', async () => {
		const { emulator } = ctx;
		expect((await run(emulator, getSharing({ file: byId('id', '777') }))).error?.message).toBe(
			'File 777 was not found in DocSpace [item 0]',
		);
		emulator.requests.length = 0;
		const bad = await run(emulator, getSharing({ file: byId('id', '={{ "1/../2" }}') }));
		expect(bad.error?.message).toMatch(/^File: "1\/\.\.\/2" is not a file ID/);
		expect(emulator.requests).toEqual([]);
	});
});

describe('File: Remove Sharing', () => {
	it('removes given users and groups (by id or email) with access 0', async () => {
		const { emulator } = ctx;
		await run(emulator, {
			resource: 'file',
			operation: 'share',
			file: byId('id', SEED_IDS.myDocxId),
			recipients: { recipient: [{ id: SEED_IDS.legalGroupId, access: 5 }] },
			notify: false,
		});
		emulator.requests.length = 0;
		const result = await run(
			emulator,
			removeSharing({ subjects: `jane@example.com, ${SEED_IDS.legalGroupId}` }),
		);
		expect(result.error).toBeUndefined();
		expect(writes(emulator).map((request) => [request.method, request.path, request.body])).toEqual(
			[
				[
					'PUT',
					'/api/2.0/files/file/201/share',
					{
						share: [
							{ shareTo: SEED_IDS.janeId, access: 0 },
							{ shareTo: SEED_IDS.legalGroupId, access: 0 },
						],
						notify: false,
					},
				],
			],
		);
		expect(result.items.map((item) => item.json)).toEqual([
			{ fileId: '201', id: SEED_IDS.janeId, removed: true },
			{ fileId: '201', id: SEED_IDS.legalGroupId, removed: true },
		]);
		expect(emulator.fileShares(SEED_IDS.myDocxId)).toEqual([]);
	});

	it('removes everyone: reads every page of shares, then one PUT', async () => {
		const { emulator } = ctx;
		emulator.reset(widelyShared());
		const result = await run(emulator, removeSharing({ removeFrom: 'everyone' }));
		expect(result.error).toBeUndefined();
		expect(emulator.requests.map((request) => request.method)).toEqual([
			'GET',
			'GET',
			'GET',
			'GET',
			'GET',
			'PUT',
		]);
		expect(emulator.requests[0].path).toBe('/api/2.0/files/file/201');
		expect(((writes(emulator)[0].body as IDataObject).share as IDataObject[]).length).toBe(321);
		expect(result.items).toHaveLength(321);
		expect(result.items[0].json).toEqual({
			fileId: '201',
			id: SEED_IDS.janeId,
			subjectType: 'user',
			name: 'Jane Doe',
			email: 'jane@example.com',
			previousAccess: 2,
			previousAccessName: 'Viewer',
			removed: true,
		});
		expect(emulator.fileShares(SEED_IDS.myDocxId)).toEqual([]);
	});

	it('says so when the file was shared with nobody', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			removeSharing({ removeFrom: 'everyone', file: byId('id', SEED_IDS.myTxtId) }),
		);
		expect(result.items.map((item) => item.json)).toEqual([
			{ fileId: '203', removed: false, reason: 'The file was not shared with any user or group.' },
		]);
	});

	it('refuses bad and unknown recipients before removing anything', async () => {
		const { emulator } = ctx;
		const bad = await run(emulator, removeSharing({ subjects: 'bob' }));
		expect(bad.error?.message).toBe(
			'Users or Groups (entry 1) (User or Group ID): "bob" is not a user or group ID [item 0]',
		);
		expect(emulator.requests).toEqual([]);
		const unknown = await run(
			emulator,
			removeSharing({ subjects: `${SEED_IDS.janeId}, ghost@example.com` }),
		);
		expect(unknown.error?.message).toBe(
			'Users or Groups (entry 2) (Email): no DocSpace user has the email ghost@example.com [item 0]',
		);
		expect(writes(emulator)).toEqual([]);
		const none = await run(emulator, removeSharing({ subjects: '={{ [] }}' }));
		expect(none.error?.message).toMatch(/^Users or Groups: no user or group given/);
	});

	it('refuses a file inside a room before sending, in both modes', async () => {
		const { emulator } = ctx;
		for (const mode of [{ subjects: SEED_IDS.bobId }, { removeFrom: 'everyone' }]) {
			const result = await run(
				emulator,
				removeSharing({ ...mode, file: byId('id', SEED_IDS.roomFileId) }),
			);
			expect(result.error?.message).toBe(
				'Brief.docx (file 301) is in a room: DocSpace shares only My Documents files with users and groups [item 0]',
			);
			expect(result.error?.description).toMatch(/Room Member: Add.*File Link: Set/);
		}
		expect(writes(emulator)).toEqual([]);
		expect(emulator.requests.some((request) => request.path.endsWith('/share'))).toBe(false);
	});
});
