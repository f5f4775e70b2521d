import type { INodeProperties } from 'n8n-workflow';

import { DocSpaceTrigger } from '../../../../../nodes/DocSpaceTrigger/DocSpaceTrigger.node';
import {
	credentialType,
	loadNodeType,
	oauth2CredentialType,
	passwordCredentialType,
} from '../../../../harness/engine';

const nodeProperties = loadNodeType().description.properties;
const everyNotice: Array<[string, INodeProperties]> = [
	...nodeProperties.map((property) => ['DocSpace', property] as [string, INodeProperties]),
	...new DocSpaceTrigger().description.properties.map(
		(property) => ['DocSpace Trigger', property] as [string, INodeProperties],
	),
	...[credentialType, passwordCredentialType, oauth2CredentialType].flatMap((type) =>
		type.properties.map((property) => [type.displayName, property] as [string, INodeProperties]),
	),
].filter(([, property]) => property.type === 'notice');

const noticeFor = (operation: string, linkType?: string) =>
	nodeProperties
		.filter((notice) => {
			const show = notice.displayOptions?.show ?? {};
			return (
				notice.type === 'notice' &&
				show.resource?.includes('roomLink') &&
				show.operation?.includes(operation) &&
				!show.link &&
				(!show.linkType || (linkType !== undefined && show.linkType.includes(linkType)))
			);
		})
		.map((notice) => notice.displayName)
		.join(' ');

describe('Notices: one short line each; the rules live in field descriptions and the README', () => {
	it.each(everyNotice.map(([owner, notice]) => [`${owner} → ${notice.name}`, notice]))(
		'%s is one short line',
		(_name, notice) => {
			const text = (notice as INodeProperties).displayName;
			expect(text.length).toBeLessThanOrEqual(90);
			// One sentence: no full stop followed by another sentence.
			expect(text).not.toMatch(/[.!?]\s+\S/);
		},
	);

	it('there is a notice of each kind to check', () => {
		expect(everyNotice.length).toBeGreaterThanOrEqual(15);
	});

	it('Room Link: Set says which rooms take no external links; the limits are in Link Type', () => {
		expect(noticeFor('set', 'external')).toBe(
			'Collaboration, virtual data and AI rooms take no external links.',
		);
		expect(noticeFor('set', 'invitation')).toMatch(/one invitation link/);
		const linkType = nodeProperties.find(
			(property) =>
				property.name === 'linkType' &&
				property.displayOptions?.show?.resource?.includes('roomLink'),
		);
		const descriptions = (linkType?.options ?? []).map(
			(option) => (option as { description?: string }).description,
		);
		expect(descriptions[0]).toMatch(/at most 5 more/);
		expect(descriptions[0]).toMatch(/primary link never expires/);
		expect(descriptions[1]).toMatch(/one per room.*no password/);
	});

	it('Get Primary and Revoke say what DocSpace does', () => {
		expect(noticeFor('getPrimary')).toMatch(
			/Collaboration, virtual data and AI rooms take no external links/,
		);
		expect(noticeFor('revoke')).toMatch(/"replacedBy"/);
	});
});
