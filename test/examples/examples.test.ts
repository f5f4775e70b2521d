import { readFileSync } from 'fs';
import type { IDataObject } from 'n8n-workflow';
import path from 'path';

import { SEED_IDS, credentialsFor, run, useEmulator, writes } from '../harness/docspace';
import { loadExample } from '../harness/examples';
import { runExampleWorkflow } from '../harness/workflow';

/** One DocSpace node of an example, its room set to `roomId` and its member list read from `$json.contacts`. */
function loadExampleNode(file: string, name: string, roomId: string): IDataObject {
	const workflow = JSON.parse(
		readFileSync(path.resolve(__dirname, '../../examples', file), 'utf8'),
	) as { nodes: Array<{ name: string; parameters: IDataObject }> };
	const node = workflow.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`${file} has no node ${name}`);
	return {
		...node.parameters,
		room: { __rl: true, mode: 'id', value: roomId },
		memberList: '={{ $json.contacts }}',
	};
}

const ctx = useEmulator();

describe('example workflows run on the engine against the emulator', () => {
	it('room-link-set.json creates an expiring, password-protected external link', async () => {
		const { emulator } = ctx;
		const example = loadExample('room-link-set.json');
		const result = await run(emulator, example.docSpaceParameters, { items: [example.inputItem] });
		expect(result.error).toBeUndefined();
		const body = writes(emulator)[0].body as IDataObject;
		expect(writes(emulator)[0].path).toBe(`/api/2.0/files/rooms/${SEED_IDS.customRoomId}/links`);
		expect(body).toMatchObject({
			linkType: 1,
			access: 2,
			title: 'Client: Acme Corp',
			password: 'Welcome#2027',
			denyDownload: true,
			internal: false,
		});
		const days = (Date.parse(String(body.expirationDate)) - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(29.9);
		expect(days).toBeLessThan(30.1);
		expect(result.items[0].json).toMatchObject({
			title: 'Client: Acme Corp',
			passwordProtected: true,
			denyDownload: true,
		});
		expect(result.items[0].json).not.toHaveProperty('password');
	});

	it('file-share.json shares the file with the reviewers and notifies them', async () => {
		const { emulator } = ctx;
		const example = loadExample('file-share.json');
		const result = await run(emulator, example.docSpaceParameters, { items: [example.inputItem] });
		expect(result.error).toBeUndefined();
		expect(writes(emulator)[0].body).toEqual({
			share: [
				{ shareTo: SEED_IDS.janeId, access: 5 },
				{ shareTo: SEED_IDS.bobId, access: 5 },
			],
			notify: true,
			sharingMessage: 'A new contract draft is ready for your review.',
		});
		expect(
			result.items.map((item) => [item.json.name, item.json.accessName, item.json.applied]),
		).toEqual([
			['Jane Doe', 'Reviewer', true],
			['Bob Stone', 'Reviewer', true],
		]);
	});
});

describe('client-onboarding.json, the whole workflow on the engine', () => {
	it('creates the room, adds contacts as viewers and the team as editors (inviting the new address), then one expiring link', async () => {
		const { emulator } = ctx;
		const run = await runExampleWorkflow('client-onboarding.json', credentialsFor(emulator));
		expect(run.error).toBeUndefined();
		const roomId = String(run.outputs['Create client room'][0].json.id);
		expect(writes(emulator).map((request) => `${request.method} ${request.path}`)).toEqual([
			'POST /api/2.0/files/rooms',
			`PUT /api/2.0/files/rooms/${roomId}/share`,
			`PUT /api/2.0/files/rooms/${roomId}/links`,
		]);
		const [create, share, link] = writes(emulator).map((request) => request.body as IDataObject);
		expect(create).toEqual({
			title: 'Client: Acme Corp',
			roomType: 5,
			color: '4781D1',
			tags: ['client'],
		});
		expect(share).toEqual({
			invitations: [
				{ email: 'anna@acme.example', access: 2 },
				{ email: 'jane@example.com', access: 10 },
				{ email: 'bob@example.com', access: 10 },
			],
			notify: true,
			message: 'Welcome! Your project room is ready.',
		});
		expect(link).toMatchObject({
			linkType: 1,
			access: 2,
			title: 'Documents for Acme Corp',
			denyDownload: true,
		});
		const days = (Date.parse(String(link.expirationDate)) - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(13.9);
		expect(days).toBeLessThan(14.1);
		expect(
			run.outputs['Add contacts and team'].map((item) => [
				item.json.email,
				item.json.accessName,
				item.json.result,
			]),
		).toEqual([
			['anna@acme.example', 'Viewer', 'invited'],
			['jane@example.com', 'Editor', 'added'],
			['bob@example.com', 'Editor', 'added'],
		]);
		expect(run.outputs['Expiring link']).toHaveLength(1);
		expect(run.outputs['Expiring link'][0].json).toMatchObject({
			title: 'Documents for Acme Corp',
			expired: false,
			url: expect.stringContaining('/s/'),
		});
	});

	it('run a second time for the same room, adding the members again changes nothing', async () => {
		const { emulator } = ctx;
		await runExampleWorkflow('client-onboarding.json', credentialsFor(emulator));
		const roomId = [...emulator.portal.rooms.keys()].pop() as string;
		emulator.requests.length = 0;
		const again = await run(
			emulator,
			loadExampleNode('client-onboarding.json', 'Add contacts and team', roomId),
			{
				items: [
					{
						contacts: JSON.parse(
							'[{"email":"anna@acme.example","access":"viewer"},{"email":"jane@example.com","access":"editor"}]',
						),
					},
				],
			},
		);
		expect(again.items.map((item) => item.json.result)).toEqual(['unchanged', 'unchanged']);
		expect(writes(emulator)).toEqual([]);
	});
});
