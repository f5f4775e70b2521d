import {
	isoUtc,
	normaliseDates,
	orderKeys,
	presentJson,
} from '../../../../nodes/DocSpace/shared/presentation';

describe('output presentation', () => {
	it('turns DocSpace date-times in any zone into ISO 8601 UTC with a Z and milliseconds', () => {
		expect(isoUtc('2026-11-23T10:00:00.0000000+03:00')).toBe('2026-11-23T07:00:00.000Z');
		expect(isoUtc('2026-11-23T10:00:00.1234567Z')).toBe('2026-11-23T10:00:00.123Z');
		expect(isoUtc('2026-11-23T00:30:00-01:30')).toBe('2026-11-23T02:00:00.000Z');
		expect(isoUtc('2026-11-23T10:00+0300')).toBe('2026-11-23T07:00:00.000Z');
		expect(isoUtc('2026-11-23T10:00:00.000z')).toBe('2026-11-23T10:00:00.000Z');
		// Already UTC with at most milliseconds: unchanged.
		expect(isoUtc('2026-07-01T09:15:42Z')).toBe('2026-07-01T09:15:42Z');
		expect(isoUtc('2026-07-01T09:15:42.5Z')).toBe('2026-07-01T09:15:42.5Z');
	});

	it('leaves everything else as it is: text, dates without a zone, impossible dates, other types', () => {
		for (const value of [
			'Contract 2026-11-23T10:00:00Z.docx',
			'2026-11-23',
			'2026-11-23T10:00:00',
			'2026-13-45T99:00:00Z',
			42,
			null,
			true,
		]) {
			expect(isoUtc(value)).toBe(value);
		}
	});

	it('normalises dates at every depth of objects and lists, without touching the input', () => {
		const input = {
			created: '2026-11-23T10:00:00.0000000+03:00',
			sharedTo: { expirationDate: '2027-01-01T03:00:00.0000000+03:00', title: 'Partners' },
			related: [{ date: '2026-11-23T10:00:00.0000000+03:00' }],
		};
		expect(normaliseDates(input)).toEqual({
			created: '2026-11-23T07:00:00.000Z',
			sharedTo: { expirationDate: '2027-01-01T00:00:00.000Z', title: 'Partners' },
			related: [{ date: '2026-11-23T07:00:00.000Z' }],
		});
		expect(input.created).toBe('2026-11-23T10:00:00.0000000+03:00');
	});

	it('puts name or title, access name then number, URL and expiry first, keeps every key, and names a numeric access', () => {
		const link = presentJson({
			linkId: 'a',
			canRevoke: true,
			expirationDate: '2027-01-01T03:00:00.0000000+03:00',
			access: 2,
			url: 'https://portal/s/abc',
			accessName: 'Viewer',
			title: 'Partners',
		});
		expect(Object.keys(link)).toEqual([
			'title',
			'accessName',
			'access',
			'url',
			'expirationDate',
			'linkId',
			'canRevoke',
		]);
		expect(link.expirationDate).toBe('2027-01-01T00:00:00.000Z');

		const raw = orderKeys({ isOwner: false, access: 10, sharedTo: { id: 'u' } });
		expect(raw).toEqual({
			accessName: 'Editor',
			access: 10,
			isOwner: false,
			sharedTo: { id: 'u' },
		});
		expect(Object.keys(raw)).toEqual(['accessName', 'access', 'isOwner', 'sharedTo']);

		const share = orderKeys({
			applied: false,
			id: 'u',
			requestedAccess: 2,
			reason: 'r',
			requestedAccessName: 'Viewer',
		});
		expect(Object.keys(share)).toEqual([
			'applied',
			'id',
			'requestedAccessName',
			'requestedAccess',
			'reason',
		]);
		// An access number without a known name stays alone; nothing is removed or renamed.
		expect(orderKeys({ access: 99, name: 'x' })).toEqual({ name: 'x', access: 99 });
	});
});
