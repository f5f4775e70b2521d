/**
 * Every operation and every picker with each way to sign in: the same requests reach DocSpace,
 * only the Authorization header differs.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { getRoomLinkAccessLevels } from '../../../../nodes/DocSpace/loadOptions/getRoomLinkAccessLevels';
import {
	SEED_IDS,
	byId,
	credentialsFor,
	fileShare,
	roomLinkSet,
	run,
	useEmulator,
} from '../../../harness/docspace';
import { editorContext, listSearch } from '../../../harness/loadOptionsContext';
import { connectOAuth, oauthCredentialsFor, passwordCredentialsFor } from '../../../harness/signIn';

const ctx = useEmulator({ rateLimits: false });

const OPERATIONS: Array<[string, IDataObject]> = [
	['Room Link: Set', roomLinkSet()],
	[
		'Room Link: Get Many',
		{ resource: 'roomLink', operation: 'getAll', room: byId('id', SEED_IDS.fullRoomId) },
	],
	[
		'Room Link: Get Primary',
		{ resource: 'roomLink', operation: 'getPrimary', room: byId('id', SEED_IDS.publicRoomId) },
	],
	[
		'Room Link: Revoke',
		{
			resource: 'roomLink',
			operation: 'revoke',
			room: byId('id', SEED_IDS.fullRoomId),
			linkType: 'external',
			linkId: 'c0ffee00-0107-4c00-a000-000000000011',
		},
	],
	['Room: Get', { resource: 'room', operation: 'get', room: byId('id', SEED_IDS.customRoomId) }],
	['Room: Get Many', { resource: 'room', operation: 'getAll', limit: 3 }],
	['File: Share', fileShare()],
	[
		'File: Get Sharing',
		{ resource: 'file', operation: 'getSharing', file: byId('id', SEED_IDS.myDocxId) },
	],
	[
		'File: Remove Sharing',
		{
			resource: 'file',
			operation: 'removeSharing',
			file: byId('id', SEED_IDS.myDocxId),
			subjects: 'jane@example.com',
		},
	],
	[
		'File Link: Set',
		{
			resource: 'fileLink',
			operation: 'set',
			file: byId('id', SEED_IDS.myDocxId),
			fileLinkAccess: 2,
		},
	],
	// The seeded file has no links: no item, but a successful request.
	[
		'File Link: Get Many',
		{ resource: 'fileLink', operation: 'getAll', file: byId('id', SEED_IDS.myDocxId) },
	],
	['User: Get Many', { resource: 'user', operation: 'getAll', limit: 5 }],
	['Group: Get Many', { resource: 'group', operation: 'getAll', limit: 5 }],
];

type Way = 'apiKey' | 'password' | 'oAuth2';

/** The credential of each way to sign in, and the Authorization header DocSpace must receive. */
async function signIn(
	way: Way,
): Promise<{ credentials: ICredentialDataDecryptedObject; header: () => string }> {
	const { emulator } = ctx;
	if (way === 'apiKey')
		return { credentials: credentialsFor(emulator), header: () => `Bearer ${SEED_IDS.apiKey}` };
	if (way === 'password') {
		const credentials = passwordCredentialsFor(emulator);
		return { credentials, header: () => String(credentials.sessionToken).split('|').pop() ?? '' };
	}
	const credentials = oauthCredentialsFor(emulator, await connectOAuth(emulator));
	return {
		credentials,
		header: () => `Bearer ${(credentials.oauthTokenData as IDataObject).access_token}`,
	};
}

const api = () =>
	ctx.emulator.requests.filter(
		(request) => request.path.startsWith('/api/2.0/') && request.path !== '/api/2.0/authentication',
	);

describe.each<Way>(['password', 'oAuth2', 'apiKey'])('Authentication %s', (way) => {
	it.each(OPERATIONS)('runs %s', async (_name, parameters) => {
		const { emulator } = ctx;
		const { credentials, header } = await signIn(way);
		const result = await run(emulator, { authentication: way, ...parameters }, { credentials });
		expect(result.error).toBeUndefined();
		if (parameters.resource !== 'fileLink' || parameters.operation !== 'getAll')
			expect(result.items.length).toBeGreaterThan(0);
		expect(api().length).toBeGreaterThan(0);
		expect(api().map((request) => [request.headers.authorization, request.status])).toEqual(
			api().map(() => [header(), 200]),
		);
	});

	it('fills every picker and the Access list', async () => {
		const { credentials, header } = await signIn(way);
		const parameters = { authentication: way };
		expect(
			(await listSearch(credentials, 'searchRooms', undefined, undefined, parameters)).results
				.length,
		).toBeGreaterThan(0);
		expect(
			(await listSearch(credentials, 'searchFiles', 'Contract', undefined, parameters)).results
				.length,
		).toBeGreaterThan(0);
		expect(
			(await listSearch(credentials, 'searchRecipients', 'jane', undefined, parameters)).results
				.length,
		).toBeGreaterThan(0);
		expect(
			(await listSearch(credentials, 'searchUsers', undefined, undefined, parameters)).results
				.length,
		).toBeGreaterThan(0);
		expect(
			(await listSearch(credentials, 'searchGroups', undefined, undefined, parameters)).results
				.length,
		).toBeGreaterThan(0);
		const { context } = editorContext(credentials, {
			...parameters,
			resource: 'roomLink',
			operation: 'set',
			room: byId('id', SEED_IDS.customRoomId),
			linkType: 'external',
		});
		expect((await getRoomLinkAccessLevels.call(context)).length).toBeGreaterThan(0);
		expect(api().map((request) => [request.headers.authorization, request.status])).toEqual(
			api().map(() => [header(), 200]),
		);
	});
});
