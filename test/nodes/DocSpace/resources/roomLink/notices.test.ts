import { loadNodeType } from '../../../../harness/engine';

const notices = loadNodeType().description.properties.filter(
	(property) =>
		property.type === 'notice' && property.displayOptions?.show?.resource?.includes('roomLink'),
);
const noticeFor = (operation: string, linkType?: string) =>
	notices
		.filter((notice) => {
			const show = notice.displayOptions?.show ?? {};
			return (
				show.operation?.includes(operation) &&
				(!show.linkType || (linkType !== undefined && show.linkType.includes(linkType)))
			);
		})
		.map((notice) => notice.displayName)
		.join(' ');

describe('Room Link notices: where DocSpace’s rules surprise people', () => {
	it('Set, external link: no external links in collaboration, VDR and AI rooms; at most 5 more; password/expiry rules', () => {
		const text = noticeFor('set', 'external');
		expect(text).toMatch(/Collaboration, virtual data and AI rooms take no external links/);
		expect(text).toMatch(/at most 5 more/);
		expect(text).toMatch(/Password, Deny Download and Internal Only apply to external links/);
		expect(text).toMatch(/primary link never expires/);
		expect(text).not.toMatch(/only one invitation link/);
	});

	it('Set, invitation link: one per room, update it by ID', () => {
		const text = noticeFor('set', 'invitation');
		expect(text).toMatch(/only one invitation link/);
		expect(text).toMatch(/Update an Existing Link/);
		expect(text).not.toMatch(/take no external links/);
	});

	it('Get Primary and Revoke say what DocSpace does', () => {
		expect(noticeFor('getPrimary')).toMatch(
			/Collaboration, virtual data and AI rooms take no external links/,
		);
		expect(noticeFor('revoke')).toMatch(
			/replaces a revoked primary link with a new one, returned as "replacedBy"/,
		);
	});
});
