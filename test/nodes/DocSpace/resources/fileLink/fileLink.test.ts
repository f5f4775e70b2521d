import type { IDataObject } from 'n8n-workflow';

import { HIDDEN_PASSWORD } from '../../../../../nodes/DocSpace/shared/output';
import { SEED_IDS, byId, run, useEmulator, writes } from '../../../../harness/docspace';

const ctx = useEmulator();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const setLink = (overrides: IDataObject = {}): IDataObject => ({
	resource: 'fileLink',
	operation: 'set',
	file: byId('id', SEED_IDS.myDocxId),
	fileLinkAccess: 2,
	...overrides,
});

describe('File Link: Set', () => {
	it('creates a link with a client id and every setting, as DocSpace expects them', async () => {
		const { emulator } = ctx;
		const result = await run(
			emulator,
			setLink({
				fileLinkAccess: 10,
				title: ' Partner edit ',
				expirationDate: '2030-06-01T12:00:00Z',
				password: 'Str0ng!pass',
				denyDownload: true,
				internal: true,
			}),
		);
		expect(result.error).toBeUndefined();
		const [request] = writes(emulator);
		expect([request.method, request.path]).toEqual(['PUT', '/api/2.0/files/file/201/links']);
		expect(request.body).toEqual({
			linkId: expect.stringMatching(UUID),
			access: 10,
			title: 'Partner edit',
			expirationDate: '2030-06-01T12:00:00.000Z',
			password: 'Str0ng!pass',
			denyDownload: true,
			internal: true,
		});
		expect(result.items.map((item) => item.json)).toEqual([
			expect.objectContaining({
				linkId: (request.body as IDataObject).linkId,
				title: 'Partner edit',
				url: expect.stringMatching(/\/s\/\w+$/),
				linkType: 'external',
				access: 10,
				accessName: 'Editor',
				expirationDate: '2030-06-01T12:00:00.000Z',
				passwordProtected: true,
				denyDownload: true,
				internal: true,
			}),
		]);
		expect(result.items[0].json).not.toHaveProperty('password');
	});

	it('sends only what is set, and updates a link by its id', async () => {
		const { emulator } = ctx;
		const created = await run(emulator, setLink());
		const linkId = created.items[0].json.linkId as string;
		expect(writes(emulator)[0].body).toEqual({
			linkId,
			access: 2,
			denyDownload: false,
			internal: false,
		});
		const updated = await run(
			emulator,
			setLink({ link: 'update', linkId, fileLinkAccess: 6, title: 'Comments only' }),
		);
		expect(writes(emulator)[1].body).toEqual({
			linkId,
			access: 6,
			title: 'Comments only',
			denyDownload: false,
			internal: false,
		});
		expect(updated.items[0].json).toMatchObject({
			linkId,
			access: 6,
			accessName: 'Commenter',
			title: 'Comments only',
		});
	});

	it('full output hides the password unless asked for', async () => {
		const { emulator } = ctx;
		const hidden = await run(emulator, setLink({ password: 'Str0ng!pass', simplify: false }));
		expect(hidden.items[0].json).toMatchObject({
			subjectType: 1,
			sharedLink: { password: HIDDEN_PASSWORD },
		});
		const shown = await run(
			emulator,
			setLink({ password: 'Str0ng!pass', options: { includePassword: true } }),
		);
		expect(shown.items[0].json).toMatchObject({ passwordProtected: true, password: 'Str0ng!pass' });
	});

	it('refuses None, unknown levels and bad values before sending', async () => {
		const { emulator } = ctx;
		const none = await run(emulator, setLink({ fileLinkAccess: '={{ 0 }}' }));
		expect(none.error?.message).toBe(
			'Access: None would delete the link, which Set never does [item 0]',
		);
		const owner = await run(emulator, setLink({ fileLinkAccess: '={{ 1 }}' }));
		expect(owner.error?.message).toMatch(/^Access: number 1 is not an access level for file links/);
		const password = await run(emulator, setLink({ password: 'short' }));
		expect(password.error?.message).toMatch(
			/^Password: the link password must be 8 to 30 characters long/,
		);
		const past = await run(emulator, setLink({ expirationDate: '2020-01-01T00:00:00Z' }));
		expect(past.error?.message).toMatch(/^Expires At: .* is in the past/);
		const linkId = await run(emulator, setLink({ link: 'update', linkId: 'nope' }));
		expect(linkId.error?.message).toMatch(/^Link ID: "nope" is not a link ID/);
		expect(emulator.requests).toEqual([]);
	});

	it('explains what DocSpace refuses: a level the format does not take, the link limit', async () => {
		const { emulator } = ctx;
		const format = await run(
			emulator,
			setLink({ file: byId('id', SEED_IDS.myTxtId), fileLinkAccess: 10 }),
		);
		expect(format.error?.message).toBe(
			'DocSpace does not allow this access level for file 203 [item 0]',
		);
		for (let n = 0; n < 6; n++)
			await run(emulator, setLink({ title: `Link ${n}` }), { executionId: `exec-${n}` });
		const seventh = await run(emulator, setLink({ title: 'One too many' }));
		expect(seventh.error?.message).toBe(
			'file 201 already has as many links as DocSpace allows [item 0]',
		);
	});

	it('a repeated run of the same item updates its link instead of adding one', async () => {
		const { emulator } = ctx;
		await run(emulator, setLink(), { executionId: 'exec-same' });
		await run(emulator, setLink({ title: 'again' }), { executionId: 'exec-same' });
		const ids = writes(emulator).map((request) => (request.body as IDataObject).linkId);
		expect(ids[0]).toBe(ids[1]);
	});
});

describe('File Link: Get Many', () => {
	it('lists the links of a file, simplified, passwords hidden', async () => {
		const { emulator } = ctx;
		await run(emulator, setLink({ title: 'A', password: 'Str0ng!pass' }), { executionId: 'a' });
		await run(emulator, setLink({ title: 'B', fileLinkAccess: 6 }), { executionId: 'b' });
		emulator.requests.length = 0;
		const result = await run(emulator, {
			resource: 'fileLink',
			operation: 'getAll',
			file: byId('id', SEED_IDS.myDocxId),
			returnAll: true,
		});
		expect(
			emulator.requests.map((request) => [request.method, request.path, request.query]),
		).toEqual([['GET', '/api/2.0/files/file/201/links', { startIndex: '0', count: '100' }]]);
		expect(
			result.items.map((item) => [
				item.json.title,
				item.json.accessName,
				item.json.passwordProtected,
			]),
		).toEqual([
			['A', 'Viewer', true],
			['B', 'Commenter', false],
		]);
		const full = await run(emulator, {
			resource: 'fileLink',
			operation: 'getAll',
			file: byId('id', SEED_IDS.myDocxId),
			limit: 1,
			simplify: false,
		});
		expect(full.items).toHaveLength(1);
		expect(full.items[0].json).toMatchObject({
			sharedLink: { title: 'A', password: HIDDEN_PASSWORD },
		});
	});

	it('returns nothing for a file without links, and explains an unknown file', async () => {
		const { emulator } = ctx;
		const empty = await run(emulator, {
			resource: 'fileLink',
			operation: 'getAll',
			file: byId('id', SEED_IDS.myTxtId),
		});
		expect(empty.error).toBeUndefined();
		expect(empty.items).toEqual([]);
		const unknown = await run(emulator, {
			resource: 'fileLink',
			operation: 'getAll',
			file: byId('id', '999'),
		});
		expect(unknown.error?.message).toBe('File 999 was not found in DocSpace [item 0]');
	});
});
