import type { INodeParameters, INodePropertyOptions } from 'n8n-workflow';

import { getRoomLinkAccessLevels } from '../../../../nodes/DocSpace/loadOptions/getRoomLinkAccessLevels';
import { SEED_IDS, byId, credentialsFor, useEmulator } from '../../../harness/docspace';
import { loadNodeType } from '../../../harness/engine';
import { editorContext } from '../../../harness/loadOptionsContext';

const ctx = useEmulator();

async function levels(
	parameters: INodeParameters,
	authKey?: string,
): Promise<INodePropertyOptions[]> {
	const { context } = editorContext(credentialsFor(ctx.emulator, authKey), {
		resource: 'roomLink',
		operation: 'set',
		...parameters,
	});
	return await getRoomLinkAccessLevels.call(context);
}

const names = (options: INodePropertyOptions[]) =>
	options.map((option) => `${option.name} (${String(option.value)})`);

describe('getRoomLinkAccessLevels (Room Link: Set → Access)', () => {
	it('is wired to both Access fields, depending on the room and the link type, with the static options kept', () => {
		const access = loadNodeType().description.properties.filter(
			(property) => property.name === 'access',
		);
		expect(access).toHaveLength(2);
		for (const property of access) {
			expect(property.typeOptions).toEqual({
				loadOptionsMethod: 'getRoomLinkAccessLevels',
				loadOptionsDependsOn: ['room.value', 'linkType'],
			});
			expect((property.options ?? []).length).toBeGreaterThan(0);
		}
		expect(loadNodeType().methods?.loadOptions?.getRoomLinkAccessLevels).toBe(
			getRoomLinkAccessLevels,
		);
	});

	it.each([
		[
			'custom',
			SEED_IDS.customRoomId,
			'external',
			['Viewer (2)', 'Reviewer (5)', 'Commenter (6)', 'Form filler (7)', 'Editor (10)'],
		],
		[
			'custom',
			SEED_IDS.customRoomId,
			'invitation',
			['Viewer (2)', 'Reviewer (5)', 'Commenter (6)', 'Editor (10)', 'Content creator (11)'],
		],
		[
			'public',
			SEED_IDS.publicRoomId,
			'external',
			['Viewer (2)', 'Reviewer (5)', 'Commenter (6)', 'Form filler (7)', 'Editor (10)'],
		],
		['public', SEED_IDS.publicRoomId, 'invitation', ['Viewer (2)', 'Content creator (11)']],
		['form filling', SEED_IDS.formRoomId, 'external', ['Viewer (2)', 'Form filler (7)']],
		[
			'form filling',
			SEED_IDS.formRoomId,
			'invitation',
			['Form filler (7)', 'Content creator (11)'],
		],
		[
			'collaboration',
			SEED_IDS.collabRoomId,
			'invitation',
			['Viewer (2)', 'Editor (10)', 'Content creator (11)'],
		],
		[
			'virtual data',
			SEED_IDS.vdrRoomId,
			'invitation',
			['Viewer (2)', 'Form filler (7)', 'Editor (10)', 'Content creator (11)'],
		],
		['AI', SEED_IDS.aiRoomId, 'invitation', ['Viewer (2)', 'Content creator (11)']],
	])(
		'a %s room (%s), %s link: only what DocSpace allows',
		async (_label, roomId, linkType, expected) => {
			const options = await levels({ room: byId('list', roomId), linkType });
			expect(names(options)).toEqual(expected);
			expect(
				options.every(
					(option) => typeof option.description === 'string' && option.description.length > 0,
				),
			).toBe(true);
			expect(ctx.emulator.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				`GET /api/2.0/files/rooms/${roomId}`,
			]);
		},
	);

	it.each([
		['collaboration', SEED_IDS.collabRoomId, 'Team Drafts (room 104) is a collaboration room'],
		['virtual data', SEED_IDS.vdrRoomId, 'Due Diligence (room 105) is a virtual data room'],
		['AI', SEED_IDS.aiRoomId, 'Research Assistant (room 106) is an AI room'],
	])(
		'a %s room with an external link shows one option saying why, instead of failing',
		async (_label, roomId, problem) => {
			const options = await levels({ room: byId('list', roomId), linkType: 'external' });
			expect(options).toEqual([
				{
					name: `${problem}: it takes no external links`,
					value: 2,
					description: 'Choose Invitation Link or another room.',
				},
			]);
		},
	);

	it('never fails: a room that cannot be read offers every level of the link type', async () => {
		const options = await levels({ room: byId('id', '999999'), linkType: 'external' });
		expect(names(options)).toEqual([
			'Viewer (2)',
			'Reviewer (5)',
			'Commenter (6)',
			'Form filler (7)',
			'Editor (10)',
		]);
	});

	it('reads a room given by URL', async () => {
		const room = byId(
			'url',
			`${ctx.emulator.baseUrl}/rooms/shared/${SEED_IDS.formRoomId}/filter?folder=${SEED_IDS.formRoomId}`,
		);
		expect(names(await levels({ room, linkType: 'external' }))).toEqual([
			'Viewer (2)',
			'Form filler (7)',
		]);
		expect(ctx.emulator.requests[0].path).toBe(`/api/2.0/files/rooms/${SEED_IDS.formRoomId}`);
	});

	it('offers every level of the link type, without asking DocSpace, when the room is an expression or not chosen', async () => {
		const all = ['Viewer (2)', 'Reviewer (5)', 'Commenter (6)', 'Form filler (7)', 'Editor (10)'];
		expect(
			names(await levels({ room: byId('id', '={{ $json.roomId }}'), linkType: 'external' })),
		).toEqual(all);
		expect(names(await levels({ room: byId('list', ''), linkType: 'external' }))).toEqual(all);
		expect(names(await levels({ room: byId('id', 'not a room'), linkType: 'external' }))).toEqual(
			all,
		);
		expect(names(await levels({ linkType: 'invitation' }))).toEqual([
			'Viewer (2)',
			'Reviewer (5)',
			'Commenter (6)',
			'Form filler (7)',
			'Editor (10)',
			'Content creator (11)',
		]);
		expect(ctx.emulator.requests).toHaveLength(0);
	});

	it('offers every level when the room cannot be read (unknown room, no permission)', async () => {
		const unknown = await levels({ room: byId('id', '424242'), linkType: 'external' });
		expect(unknown).toHaveLength(5);
		const forbidden = await levels(
			{ room: byId('id', SEED_IDS.publicRoomId), linkType: 'invitation' },
			SEED_IDS.janeToken,
		);
		expect(forbidden).toHaveLength(6);
		expect(ctx.emulator.requests.map((request) => request.status)).toEqual([404, 403]);
	});

	it('never offers None (it would delete the link) nor Room manager', async () => {
		for (const linkType of ['external', 'invitation']) {
			const values = (await levels({ room: byId('id', SEED_IDS.customRoomId), linkType })).map(
				(option) => option.value,
			);
			expect(values).not.toContain(0);
			expect(values).not.toContain(9);
		}
	});
});
