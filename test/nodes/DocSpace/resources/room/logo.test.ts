import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { fileParts } from '../../../../emulator/multipart';
import { jpegImage, pngImage } from '../../../../emulator/images';
import { SEED_IDS, byId, credentialsFor, run, useEmulator } from '../../../../harness/docspace';

const ctx = useEmulator();

function imageItem(
	data: Buffer,
	fileName = 'acme.png',
	mimeType = 'image/png',
): INodeExecutionData {
	return { json: {}, binary: { logo: { data: data.toString('base64'), mimeType, fileName } } };
}

const createRoom = (overrides: IDataObject = {}) => ({
	resource: 'room',
	operation: 'create',
	roomTitle: 'Acme Corp',
	roomType: 'custom',
	additionalFields: { logoBinaryField: 'logo' },
	simplify: false,
	...overrides,
});

const updateRoom = (updateFields: IDataObject) => ({
	resource: 'room',
	operation: 'update',
	room: byId('id', SEED_IDS.customRoomId),
	updateFields,
	simplify: false,
});

const sent = (requests: Array<{ method: string; path: string }>) =>
	requests.map((request) => `${request.method} ${request.path}`);

describe('Room: Create and Room: Update with a logo', () => {
	it('Create uploads the image, creates the room, then sets its logo with the centred square as crop', async () => {
		const { emulator } = ctx;
		const image = pngImage(300, 200);
		const result = await run(emulator, createRoom(), { items: [imageItem(image)] });
		expect(result.error).toBeUndefined();
		expect(sent(emulator.requests)).toEqual([
			'POST /api/2.0/files/logos',
			'POST /api/2.0/files/rooms',
			`POST /api/2.0/files/rooms/${String(result.items[0].json.id)}/logo`,
		]);
		const [part] = fileParts(
			emulator.requests[0].bytes!,
			emulator.requests[0].headers['content-type'],
		);
		expect(part).toMatchObject({
			fieldName: 'File',
			fileName: 'acme.png',
			contentType: 'image/png',
		});
		expect(part.data.equals(image)).toBe(true);
		expect(emulator.requests[1].body).toEqual({ title: 'Acme Corp', roomType: 5 });
		expect(emulator.requests[2].body).toEqual({
			tmpFile: expect.stringMatching(/\.png$/),
			x: 50,
			y: 0,
			width: 200,
			height: 200,
		});
		expect(result.items[0].json.logo).toMatchObject({
			original: expect.stringContaining('/storage/room_logos/'),
		});
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('a large JPEG gets a crop within DocSpace’s 1280-pixel bounds', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, createRoom(), {
			items: [imageItem(jpegImage(4000, 3000), 'wide.jpg', 'image/jpeg')],
		});
		expect(result.error).toBeUndefined();
		expect(emulator.requests[2].body).toMatchObject({ x: 1280, y: 860, width: 1280, height: 1280 });
		expect(
			fileParts(emulator.requests[0].bytes!, emulator.requests[0].headers['content-type'])[0],
		).toMatchObject({
			contentType: 'image/jpeg',
		});
	});

	it('Update with only a logo sends the logo request as the operation’s request; with other fields, after them', async () => {
		const { emulator } = ctx;
		const only = await run(emulator, updateRoom({ logoBinaryField: 'logo' }), {
			items: [imageItem(pngImage(64, 64))],
		});
		expect(only.error).toBeUndefined();
		expect(sent(emulator.requests)).toEqual([
			'POST /api/2.0/files/logos',
			`POST /api/2.0/files/rooms/${SEED_IDS.customRoomId}/logo`,
		]);
		expect(emulator.requests[1].body).toMatchObject({ x: 0, y: 0, width: 64, height: 64 });
		emulator.requests.length = 0;
		const both = await run(emulator, updateRoom({ logoBinaryField: 'logo', title: 'Acme 2027' }), {
			items: [imageItem(pngImage(64, 64))],
		});
		expect(both.error).toBeUndefined();
		expect(sent(emulator.requests)).toEqual([
			'POST /api/2.0/files/logos',
			`PUT /api/2.0/files/rooms/${SEED_IDS.customRoomId}`,
			`POST /api/2.0/files/rooms/${SEED_IDS.customRoomId}/logo`,
		]);
		expect(both.items[0].json).toMatchObject({
			title: 'Acme 2027',
			logo: { original: expect.any(String) },
		});
	});

	it('refuses before sending: no such binary field, not PNG or JPEG, above 1 MB', async () => {
		const { emulator } = ctx;
		const items = [
			{ json: {} },
			imageItem(Buffer.from('GIF89a\x01\x00\x01\x00'), 'anim.gif', 'image/gif'),
			imageItem(pngImage(100, 100, 1024 * 1024)),
		];
		const result = await run(emulator, createRoom(), { items, continueOnFail: true });
		expect(result.items.map((item) => item.json.error ?? item.error?.message)).toEqual([
			expect.stringMatching(/Logo \(Binary Field\).*no binary field "logo"/),
			expect.stringMatching(/Logo \(Binary Field\).*not a PNG or JPEG image/),
			expect.stringMatching(/Logo \(Binary Field\).*at most 1 MB/),
		]);
		expect(emulator.requests).toEqual([]);
	});

	it('a logo DocSpace refuses (HTTP 200, success: false) stops the item before the room is created', async () => {
		const { emulator } = ctx;
		emulator.configure({ maxImageUploadSize: 100 });
		const result = await run(emulator, createRoom(), { items: [imageItem(pngImage(64, 64, 200))] });
		expect(result.error?.message).toMatch(/Image size is too large/);
		expect(sent(emulator.requests)).toEqual(['POST /api/2.0/files/logos']);
	});

	it('an account that may not upload logos gets DocSpace’s 403 through the error table; nothing is created', async () => {
		const { emulator } = ctx;
		emulator.portal.users.get(SEED_IDS.janeId)!.role = 'user';
		const result = await run(emulator, createRoom(), {
			items: [imageItem(pngImage(64, 64))],
			credentials: credentialsFor(emulator, SEED_IDS.janeToken),
		});
		expect(result.error?.message).toMatch(/may not create rooms/);
		expect(sent(emulator.requests)).toEqual(['POST /api/2.0/files/logos']);
	});

	it('when setting the logo fails after the room was created, the error says the room exists', async () => {
		const { emulator } = ctx;
		emulator.inject({ path: /\/rooms\/\d+\/logo$/, kind: 'status', status: 403 });
		const result = await run(emulator, createRoom(), { items: [imageItem(pngImage(64, 64))] });
		expect(result.error?.description).toMatch(/room itself was saved \(ID \d+\) without the logo/);
		expect(emulator.portal.rooms.size).toBeGreaterThan(0);
	});
});
