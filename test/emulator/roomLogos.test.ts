import { DocSpaceEmulator, SEED_IDS } from './index';
import { jpegImage, pngImage } from './images';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());
afterEach(() => expect(emulator.openApiViolations()).toEqual([]));

async function uploadLogo(data: Buffer, token: string = SEED_IDS.apiKey, name = 'logo.png') {
	const form = new FormData();
	form.append('File', new Blob([data], { type: 'image/png' }), name);
	const response = await fetch(`${emulator.baseUrl}/api/2.0/files/logos`, {
		method: 'POST',
		headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
		body: form,
	});
	return { status: response.status, json: (await response.json()) as any };
}

const setLogo = (roomId: string, body: unknown, token: string = SEED_IDS.apiKey) =>
	call(emulator, 'POST', `/api/2.0/files/rooms/${roomId}/logo`, {
		body,
		authorization: `Bearer ${token}`,
	});

describe('POST files/logos', () => {
	it('takes a PNG or JPEG and answers the temporary file in the envelope', async () => {
		for (const image of [pngImage(300, 200), jpegImage(64, 64)]) {
			const answer = await uploadLogo(image);
			expect(answer.status).toBe(200);
			expect(answer.json.response).toEqual({
				success: true,
				data: expect.stringMatching(/^\w+\.(png|jpg)$/),
			});
		}
	});

	it('refuses other files and images above the portal’s limit with HTTP 200 and success: false', async () => {
		const gif = await uploadLogo(Buffer.from('GIF89a........'));
		expect([gif.status, gif.json.response]).toEqual([
			200,
			{ success: false, message: 'Unknown image file type' },
		]);
		const large = await uploadLogo(pngImage(100, 100, 1024 * 1024));
		expect(large.json.response).toMatchObject({
			success: false,
			message: 'Image size is too large',
		});
		emulator.configure({ maxImageUploadSize: 2 * 1024 * 1024 });
		expect((await uploadLogo(pngImage(100, 100, 1024 * 1024))).json.response.success).toBe(true);
	});

	it('only room admins and DocSpace admins upload logos', async () => {
		emulator.portal.users.get(SEED_IDS.janeId)!.role = 'user';
		const answer = await uploadLogo(pngImage(10, 10), SEED_IDS.janeToken);
		expect([answer.status, answer.json.error.message]).toEqual([403, 'Access denied']);
	});
});

describe('POST and DELETE files/rooms/{id}/logo', () => {
	it('sets the logo from the temporary file with its crop, once; DELETE removes it', async () => {
		const tmpFile = (await uploadLogo(pngImage(300, 200))).json.response.data as string;
		const set = await setLogo(SEED_IDS.customRoomId, {
			tmpFile,
			x: 50,
			y: 0,
			width: 200,
			height: 200,
		});
		expect(set.status).toBe(200);
		expect(set.json.response.logo).toMatchObject({
			original: expect.stringContaining('/storage/room_logos/'),
			large: expect.any(String),
			medium: expect.any(String),
			small: expect.any(String),
		});
		// A temporary file serves one room.
		const again = await setLogo(SEED_IDS.publicRoomId, {
			tmpFile,
			x: 0,
			y: 0,
			width: 10,
			height: 10,
		});
		expect(again.status).toBe(404);
		const removed = await call(
			emulator,
			'DELETE',
			`/api/2.0/files/rooms/${SEED_IDS.customRoomId}/logo`,
		);
		expect(removed.status).toBe(200);
		expect(removed.json.response.logo?.original).toBeUndefined();
	});

	it('refuses a crop outside 0–1280 (1–1280 for the size), a missing tmpFile, a missing room, another user’s file', async () => {
		const tmpFile = (await uploadLogo(pngImage(300, 200))).json.response.data as string;
		const wide = await setLogo(SEED_IDS.customRoomId, {
			tmpFile,
			x: 0,
			y: 0,
			width: 1281,
			height: 10,
		});
		expect(wide.status).toBe(400);
		const none = await setLogo(SEED_IDS.customRoomId, { x: 0, y: 0, width: 10, height: 10 });
		expect(none.status).toBe(400);
		const missing = await setLogo('999999', { tmpFile, x: 0, y: 0, width: 10, height: 10 });
		expect(missing.status).toBe(404);
		const janes = (await uploadLogo(pngImage(10, 10), SEED_IDS.janeToken)).json.response.data;
		const other = await setLogo(SEED_IDS.customRoomId, {
			tmpFile: janes,
			x: 0,
			y: 0,
			width: 10,
			height: 10,
		});
		expect(other.status).toBe(404);
		// The two malformed requests are what the OpenAPI document forbids as well.
		expect(emulator.openApiViolations().map((violation) => violation.problems)).toEqual([
			['body.width: 1281 is above the maximum 1280'],
			['body.tmpFile: required property missing'],
		]);
		emulator.reset();
	});

	it('only those who manage the room set its logo', async () => {
		emulator.portal.rooms.get(SEED_IDS.customRoomId)!.managerIds.delete(SEED_IDS.janeId);
		const tmpFile = (await uploadLogo(pngImage(10, 10), SEED_IDS.janeToken)).json.response.data;
		const answer = await setLogo(
			SEED_IDS.customRoomId,
			{ tmpFile, x: 0, y: 0, width: 10, height: 10 },
			SEED_IDS.janeToken,
		);
		expect(answer.status).toBe(403);
	});
});
