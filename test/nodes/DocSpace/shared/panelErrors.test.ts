/**
 * Issue 19: errors a first-time user meets in the editor. Refusals before sending carry no HTTP
 * code (no "From DocSpace … Error code: none" section), pickers and dropdowns name no item and say
 * nothing about changes, and a Base URL typed without https:// is completed wherever it is used.
 */
import { createServer } from 'node:net';

import { DocSpace } from '../../../../nodes/DocSpace/DocSpace.node';
import { normalizeBaseUrl } from '../../../../nodes/DocSpace/shared/credentialValues';
import { mapDocSpaceError } from '../../../../nodes/DocSpace/shared/errors';
import {
	SEED_IDS,
	byId,
	credentialsFor,
	roomLinkSet,
	run,
	useEmulator,
} from '../../../harness/docspace';
import {
	credentialType,
	oauth2CredentialType,
	passwordCredentialType,
} from '../../../harness/engine';
import { listSearch } from '../../../harness/loadOptionsContext';

const ctx = useEmulator();

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe('a refusal before sending', () => {
	it('has no HTTP code and no raw messages, so the editor shows no "From DocSpace" section', async () => {
		const result = await run(ctx.emulator, roomLinkSet({ password: 'short' }));
		const error = result.error as Error & {
			httpCode?: unknown;
			messages?: unknown[];
			description?: string;
		};
		expect(error.message).toMatch(/^Password: .* \[item 0\]$/);
		expect(error.description).toMatch(/Nothing was sent to DocSpace\.$/);
		expect(error.httpCode).toBeNull();
		expect(error.messages).toEqual([]);
		expect(ctx.emulator.requests).toEqual([]);
	});

	it('keeps continue-on-fail: one error item per failing input item', async () => {
		const result = await run(ctx.emulator, roomLinkSet({ password: '={{ $json.password }}' }), {
			items: [{ password: 'short' }, { password: 'Long-enough-1' }],
			continueOnFail: true,
		});
		expect(result.items.map((item) => [item.pairedItem, typeof item.json.error])).toEqual([
			[{ item: 0 }, 'string'],
			[{ item: 1 }, 'undefined'],
		]);
	});
});

describe('picker and dropdown errors', () => {
	it('name no item and say nothing about changes', async () => {
		const port = await closedPort();
		await expect(
			listSearch({ baseUrl: `http://127.0.0.1:${port}`, authKey: SEED_IDS.apiKey }, 'searchRooms'),
		).rejects.toMatchObject({
			message: expect.not.stringMatching(/\[item/),
			description: expect.not.stringMatching(/Nothing was changed/),
		});
	});

	it('the error table leaves out the item and "nothing was changed" in the editor only', () => {
		const context = {
			operation: 'Room Link: Set',
			target: 'Team Drafts (room 104)',
			requiredScope: 'rooms:write',
			isWrite: true,
			itemIndex: 0,
		};
		const failure = { statusCode: 403, body: { error: { message: 'Access denied' } } };
		expect(mapDocSpaceError(failure, context).message).toMatch(/\[item 0\]$/);
		expect(mapDocSpaceError(failure, context).description).toMatch(/Nothing was changed\./);
		const inEditor = mapDocSpaceError(failure, { ...context, isWrite: false, inEditor: true });
		expect(inEditor.message).toBe(
			'You are not allowed to manage sharing of Team Drafts (room 104)',
		);
		expect(inEditor.description).not.toMatch(/Nothing was changed|\[item/);
	});
});

describe('errors name rooms and files by title as well as ID', () => {
	it('uses the name the picker showed', async () => {
		const room = { ...byId('list', SEED_IDS.fullRoomId), cachedResultName: 'Busy Room' };
		const result = await run(ctx.emulator, roomLinkSet({ room }));
		expect(result.error?.message).toBe(
			'Busy Room (room 107) already has as many links as DocSpace allows [item 0]',
		);
	});
});

describe('a Base URL typed without https://', () => {
	it.each([
		['yourportal.onlyoffice.com', 'https://yourportal.onlyoffice.com'],
		['yourportal.onlyoffice.com/', 'https://yourportal.onlyoffice.com'],
		['  yourportal.onlyoffice.com/api/2.0 ', 'https://yourportal.onlyoffice.com'],
		['docs.example.com:8443/docspace', 'https://docs.example.com:8443/docspace'],
		['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
		['HTTPS://Portal.Example.com', 'https://portal.example.com'],
	])('%s is completed to %s, not refused', (typed, expected) => {
		expect(normalizeBaseUrl(typed)).toBe(expected);
	});

	/** Every expression over the Base URL (requests, credential Tests, OAuth2 URLs) completes it too. */
	const expressions = [
		String(new DocSpace().description.requestDefaults?.baseURL),
		String(credentialType.test?.request.baseURL),
		String(passwordCredentialType.test?.request.baseURL),
		String(
			oauth2CredentialType.properties.find((property) => property.name === 'authUrl')?.default,
		).replace(/\/oauth2\/authorize$/, ''),
	];
	it.each(expressions.map((expression, index) => [index, expression]))(
		'expression %i adds https:// like the node does',
		(_index, expression) => {
			const body = /\{\{(.*)\}\}/s.exec(String(expression))?.[1] ?? '';
			expect(body).not.toBe('');
			const evaluate = new Function('$credentials', '$self', `return ${body};`) as (
				credentials: object,
				self: object,
			) => string;
			for (const typed of ['yourportal.onlyoffice.com/', 'http://127.0.0.1:8080/api/2.0']) {
				expect(evaluate({ baseUrl: typed }, { baseUrl: typed })).toBe(normalizeBaseUrl(typed));
			}
		},
	);

	it('a run with such an address reaches the portal it names', async () => {
		const credentials = credentialsFor(ctx.emulator);
		const result = await run(
			ctx.emulator,
			roomLinkSet({ room: byId('id', SEED_IDS.customRoomId) }),
			{
				credentials: { ...credentials, baseUrl: credentials.baseUrl.replace(/^http:\/\//, '') },
			},
		);
		// The emulator speaks plain HTTP: the completed https:// address fails to connect, which
		// shows the address was completed rather than refused as "not a web address".
		expect(result.error?.message).not.toMatch(/not a web address/);
		expect(ctx.emulator.requests).toEqual([]);
	});
});
