import type { IDataObject } from 'n8n-workflow';

import { SEED_IDS, run, useEmulator, writes } from '../harness/docspace';
import { loadExample } from '../harness/examples';

const ctx = useEmulator();

describe('example workflows run on the engine against the emulator', () => {
	it('room-link-set.json creates an expiring, password-protected external link', async () => {
		const { emulator } = ctx;
		const example = loadExample('room-link-set.json');
		const result = await run(emulator, example.docSpaceParameters, { items: [example.inputItem] });
		expect(result.error).toBeUndefined();
		const body = writes(emulator)[0].body as IDataObject;
		expect(writes(emulator)[0].path).toBe(`/api/2.0/files/rooms/${SEED_IDS.customRoomId}/links`);
		expect(body).toMatchObject({ linkType: 1, access: 2, title: 'Client: Acme Corp', password: 'Welcome#2027', denyDownload: true, internal: false });
		const days = (Date.parse(String(body.expirationDate)) - Date.now()) / 86_400_000;
		expect(days).toBeGreaterThan(29.9);
		expect(days).toBeLessThan(30.1);
		expect(result.items[0].json).toMatchObject({ title: 'Client: Acme Corp', passwordProtected: true, denyDownload: true });
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
		expect(result.items.map((item) => [item.json.name, item.json.accessName, item.json.applied])).toEqual([
			['Jane Doe', 'Reviewer', true],
			['Bob Stone', 'Reviewer', true],
		]);
	});
});
