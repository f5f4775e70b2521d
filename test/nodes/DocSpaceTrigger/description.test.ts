import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodePropertyOptions } from 'n8n-workflow';

import { DocSpaceTrigger } from '../../../nodes/DocSpaceTrigger/DocSpaceTrigger.node';
import {
	DOCSPACE_EVENTS,
	eventMask,
	eventsInMask,
	expandEvents,
} from '../../../nodes/DocSpaceTrigger/events';

const { description } = new DocSpaceTrigger();

describe('DocSpace Trigger description', () => {
	it('is registered in package.json and declares the HEAD webhook before the POST one', () => {
		const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
		expect(pkg.n8n.nodes).toContain('dist/nodes/DocSpaceTrigger/DocSpaceTrigger.node.js');
		expect(description.webhooks?.map((webhook) => [webhook.name, webhook.httpMethod])).toEqual([
			['setup', 'HEAD'],
			['default', 'POST'],
		]);
		expect(description.credentials).toEqual([{ name: 'docSpaceApi', required: true }]);
	});

	it('describes every parameter', () => {
		// A collection is described by its entries.
		const properties = description.properties.flatMap((property) =>
			property.type === 'collection'
				? (property.options as typeof description.properties)
				: [property],
		);
		for (const property of properties) {
			const text = property.type === 'notice' ? property.displayName : property.description;
			expect([property.name, (text ?? '').length >= 10]).toEqual([property.name, true]);
		}
	});

	it('offers every DocSpace 3.7 event (36) once, with distinct flag values up to 2^35', () => {
		expect(DOCSPACE_EVENTS).toHaveLength(36);
		const values = DOCSPACE_EVENTS.map((event) => event.value);
		expect(new Set(values).size).toBe(36);
		for (const value of values) expect(Math.log2(value) % 1).toBe(0);
		expect(Math.max(...values)).toBe(2 ** 35);
		const options = description.properties.find((property) => property.name === 'events')!
			.options as INodePropertyOptions[];
		for (const event of DOCSPACE_EVENTS)
			expect(options.map((option) => option.value)).toContain(event.name);
		expect(options[0]).toMatchObject({ name: 'All Events', value: '*' });
	});

	it('adds flags into a mask and reads them back without 32-bit operators', () => {
		const all = eventMask(DOCSPACE_EVENTS);
		expect(all).toBe(2 ** 36 - 1);
		expect(eventsInMask(all)).toHaveLength(36);
		const high = expandEvents([
			'agent.created',
			'folder.downloaded',
			'file.downloaded',
			'agent.created',
		])!;
		expect(eventMask(high)).toBe(2 ** 31 + 2 ** 34 + 2 ** 35);
		expect(eventsInMask(eventMask(high)).map((event) => event.name)).toEqual([
			'agent.created',
			'file.downloaded',
			'folder.downloaded',
		]);
		expect(expandEvents(['*', 'file.uploaded'])).toBeUndefined();
		expect(eventMask(expandEvents(['user.*']))).toBe(15);
	});
});
