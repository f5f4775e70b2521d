/**
 * The runner reads a parameter written as a plain field of the item (`{{ $json.room }}`) from the
 * item itself instead of through n8n's expression engine (shared/runner/fieldRead.ts). Each case
 * runs through RoutingNode, which evaluates every expression with n8n's engine, and through the
 * runner: the same requests, items and errors for every kind of value a field can hold.
 */
import type { IDataObject } from 'n8n-workflow';

import { fieldPathOf, fieldTemplateOf } from '../../../../nodes/DocSpace/shared/runner/fieldRead';
import { SEED_IDS, byId, fileShare, roomLinkSet, useEmulator } from '../../../harness/docspace';
import { bothPaths, countExpressions } from '../../../harness/equivalence';

const ctx = useEmulator({ latencyMs: 2 });
countExpressions();

describe('field paths of expressions', () => {
	it.each([
		['={{ $json.room }}', ['room']],
		['={{$json.room}}', ['room']],
		['={{ $json.client.room }}', ['client', 'room']],
		['={{ $json["room id"] }}', ['room id']],
		["={{ $json['room id'].x }}", ['room id', 'x']],
		['={{ $json.rooms[0] }}', ['rooms', 0]],
		['={{ $json.$id_2 }}', ['$id_2']],
	])('%s reads %j', (expression, path) => {
		expect(fieldPathOf(expression)).toEqual(path);
	});

	it.each([
		'{{ $json.room }}',
		'={{ $json }}',
		'={{ $json.room }} ',
		'=Room {{ $json.room }}',
		'={{ $json.room }}{{ $json.x }}',
		'={{ $json.room + 1 }}',
		'={{ ($json.room) }}',
		'={{ $json.room.toString() }}',
		'={{ $json.room || 5 }}',
		'={{ $json.constructor }}',
		'={{ $json.__proto__.x }}',
		'={{ $json["a\\"b"] }}',
		'={{ $json[room] }}',
		'={{ $json.1a }}',
		"={{ $('Other').item.json.room }}",
		'={{ $input.item.json.room }}',
	])('%s goes to n8n', (expression) => {
		expect(fieldPathOf(expression)).toBeUndefined();
	});
});

describe('text with fields', () => {
	it.each([
		['=Client {{ $json.name }}', ['Client ', ['name']]],
		['={{ $json.first }} {{ $json["last name"] }}!', [['first'], ' ', ['last name'], '!']],
		['={{ $json.a }}{{ $json.b }}', [['a'], ['b']]],
		['={{ $json.room }} ', [['room'], ' ']],
	])('%s reads %j', (expression, parts) => {
		expect(fieldTemplateOf(expression)).toEqual(parts);
	});

	it.each([
		'={{ $json.room }}',
		'=Client',
		'Client {{ $json.name }}',
		'=Client {{ $json.name + 1 }}',
		'=Client {{ $now }} {{ $json.name }}',
		'=Client {{ $json.name }} }}',
		'=Client \\{{ $json.name }}',
		'=Client {{ $json.constructor }}',
	])('%s goes to n8n', (expression) => {
		expect(fieldTemplateOf(expression)).toBeUndefined();
	});
});

describe('field reads and n8n’s engine give the same values', () => {
	it('for titles of every type, nested, bracketed and indexed fields, and missing ones', async () => {
		const items: IDataObject[] = [
			{ room: SEED_IDS.customRoomId, client: { title: 'Nested' } },
			{ room: Number(SEED_IDS.customRoomId), client: { title: 'Ünïcödé ✓ "quoted" <b>' } },
			{ room: SEED_IDS.customRoomId, client: { title: 42 } },
			{ room: SEED_IDS.customRoomId, client: { title: true } },
			{ room: SEED_IDS.customRoomId, client: { title: '  spaced  ' } },
			{ room: SEED_IDS.customRoomId, client: { title: null } },
			{ room: SEED_IDS.customRoomId, client: { title: { not: 'text' } } },
			{ room: SEED_IDS.customRoomId, client: { title: ['a', 'b'] } },
			{ room: SEED_IDS.customRoomId, client: {} },
			{ room: SEED_IDS.customRoomId, client: 'no object' },
			{ room: SEED_IDS.customRoomId, client: { title: 1e21 } },
			{ room: '', client: { title: 'No room' } },
			{ room: true, client: { title: 'A boolean room' } },
			{ client: { title: 'No room field' } },
		];
		const result = await bothPaths(
			ctx.emulator,
			roomLinkSet({ room: byId('id', '={{ $json.room }}'), title: '={{ $json.client.title }}' }),
			{ items, continueOnFail: true },
		);
		expect(result.items).toHaveLength(items.length);
		expect(result.items[1].json.title).toBe('Ünïcödé ✓ "quoted" <b>');
		expect(result.items[2].json.title).toBe('42');
		// RoutingNode evaluates every declaration twice; the runner only what is not a plain field
		// with a string, number or boolean (null, objects, arrays and missing fields: 6 items).
		expect(result.runnerExpressions).toBeLessThan(items.length);
	});

	it('for text with fields of every type', async () => {
		const values: unknown[] = ['Acme', 42, -0, 1e21, true, '', null, { a: 1 }, ['x'], undefined];
		const items = values.map(
			(value) => ({ room: SEED_IDS.customRoomId, name: value, n: 7 }) as IDataObject,
		);
		const result = await bothPaths(
			ctx.emulator,
			roomLinkSet({
				room: byId('id', '={{ $json.room }}'),
				title: '=Client {{ $json.name }} #{{ $json.n }}',
			}),
			{ items, continueOnFail: true },
		);
		expect(result.items.slice(0, 5).map((item) => item.json.title)).toEqual([
			'Client Acme #7',
			'Client 42 #7',
			'Client 0 #7',
			'Client 1e+21 #7',
			'Client true #7',
		]);
		// n8n's engine renders the title only where a field is null, an object, an array or missing.
		expect(result.runnerExpressions).toBe(4);
	});

	it('for bracketed keys, array elements and a locator given by URL', async () => {
		const items: IDataObject[] = [
			{ 'file id': SEED_IDS.myDocxId, people: [SEED_IDS.bobId], level: 2 },
			{ 'file id': Number(SEED_IDS.myDocxId), people: [SEED_IDS.janeId], level: '10' },
			{ 'file id': SEED_IDS.myDocxId, people: [], level: 2 },
		];
		const share = (file: IDataObject) =>
			fileShare({
				file,
				recipients: {
					recipient: [{ id: '={{ $json.people[0] }}', access: '={{ $json["level"] }}' }],
				},
			});
		await bothPaths(ctx.emulator, share(byId('id', '={{ $json["file id"] }}')), {
			items,
			continueOnFail: true,
		});
		const urls = items.map((item) => ({
			...item,
			url: `https://portal.example/doceditor?fileId=${String(item['file id'])}`,
		}));
		await bothPaths(ctx.emulator, share(byId('url', '={{ $json.url }}')), {
			items: urls,
			continueOnFail: true,
		});
	});
});
