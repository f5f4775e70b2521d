import { DocSpaceEmulator, SEED_IDS } from './index';
import { call } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

describe('ApiDateTime in the portal time zone (§1.5)', () => {
	it('writes dates with seven fraction digits and Z at offset 0, or the offset of the portal (+03:00), for the same instant', async () => {
		const utc = (await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.customRoomId}`)).json
			.response.created as string;
		expect(utc).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/);

		emulator.configure({ timeZoneOffsetMinutes: 180 });
		const room = (await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.customRoomId}`)).json
			.response;
		expect(room.created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+03:00$/);
		expect(Date.parse(room.created.replace(/(\.\d{3})\d{4}/, '$1'))).toBe(
			Date.parse(utc.replace(/(\.\d{3})\d{4}/, '$1')),
		);
		const link = (
			await call(emulator, 'PUT', `/api/2.0/files/rooms/${SEED_IDS.customRoomId}/links`, {
				body: { linkType: 1, access: 2, expirationDate: '2031-01-01T00:00:00Z' },
			})
		).json.response;
		expect(link.sharedLink.expirationDate).toBe('2031-01-01T03:00:00.0000000+03:00');

		emulator.configure({ timeZoneOffsetMinutes: -90 });
		const file = (await call(emulator, 'GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}`)).json
			.response;
		expect(file.created).toMatch(/-01:30$/);
		emulator.reset();
		const again = (await call(emulator, 'GET', `/api/2.0/files/file/${SEED_IDS.myDocxId}`)).json
			.response;
		expect(again.created).toMatch(/\.\d{7}Z$/);
	});
});
