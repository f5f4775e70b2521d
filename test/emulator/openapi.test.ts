import { DocSpaceEmulator, SEED_IDS } from './index';
import { call, fileSharePath, inYears, roomLinksPath } from './testClient';

let emulator: DocSpaceEmulator;
beforeAll(async () => {
	emulator = await DocSpaceEmulator.start();
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

describe('OpenAPI validation of every request (rule 10)', () => {
	it('records nothing for conforming requests (ApiDateTime as an ISO string, allOf share entries)', async () => {
		await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: {
				linkId: '7e57ab1e-0000-4000-8000-000000000009',
				linkType: 1,
				access: 2,
				title: 'Ok',
				expirationDate: inYears(1),
				internal: false,
				denyDownload: true,
				password: null,
			},
		});
		await call(emulator, 'PUT', fileSharePath(SEED_IDS.myDocxId), {
			body: {
				share: [{ shareTo: SEED_IDS.bobId, access: 2, email: 'bob@example.com' }],
				notify: true,
				sharingMessage: 'hi',
			},
		});
		await call(emulator, 'GET', `/api/2.0/files/rooms/${SEED_IDS.thirdPartyRoomId}/links?type=1`);
		await call(emulator, 'GET', '/api/2.0/people/@self');
		expect(emulator.openApiViolations()).toEqual([]);
	});

	it('records unknown properties, string enums, object dates, bad uuids and too-long strings without changing the answer', async () => {
		const answer = await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 'Read', roomLink: {} },
		});
		expect(answer.status).toBe(200);
		await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 1, access: 2, expirationDate: { utcTime: 'x' } },
		});
		await call(emulator, 'PUT', fileSharePath(SEED_IDS.myDocxId), {
			body: { share: [{ shareTo: 'bob', access: 2, extra: 1 }], sharingMessage: 'x'.repeat(300) },
		});
		const violations = emulator.openApiViolations();
		expect(violations).toHaveLength(3);
		expect(violations[0]).toEqual({
			method: 'PUT',
			path: roomLinksPath(SEED_IDS.customRoomId),
			problems: expect.arrayContaining([
				expect.stringContaining('body.access'),
				expect.stringContaining('body.roomLink: unknown property'),
			]),
		});
		expect(violations[1].problems).toEqual([
			expect.stringContaining('body.expirationDate: expected string'),
		]);
		expect(violations[2].problems).toEqual(
			expect.arrayContaining([
				expect.stringContaining('body.share[0].shareTo: not a uuid'),
				expect.stringContaining('body.share[0].extra: unknown property'),
				expect.stringContaining('body.sharingMessage: longer than 255'),
			]),
		);
	});

	it('checks integer ranges and booleans', async () => {
		await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			body: { linkType: 0, access: 2, maxUseCount: 5000, denyDownload: 'yes' },
		});
		expect(emulator.openApiViolations()[0].problems).toEqual(
			expect.arrayContaining([
				expect.stringContaining('body.maxUseCount: 5000 is above the maximum 1000'),
				expect.stringContaining('body.denyDownload: expected boolean'),
			]),
		);
	});

	it('records unknown paths and undefined methods', async () => {
		await call(emulator, 'GET', '/api/2.0/no/such/endpoint/exists');
		await call(emulator, 'DELETE', roomLinksPath(SEED_IDS.customRoomId));
		const violations = emulator.openApiViolations();
		expect(violations.map((violation) => violation.problems[0])).toEqual([
			expect.stringContaining('no path in the OpenAPI document'),
			expect.stringContaining('DELETE is not defined'),
		]);
	});

	it('validates requests that were rejected (401) too', async () => {
		await call(emulator, 'PUT', roomLinksPath(SEED_IDS.customRoomId), {
			authorization: null,
			body: { linkType: 1, access: 2, bogus: true },
		});
		expect(emulator.openApiViolations()).toHaveLength(1);
	});
});
