/**
 * Bad input of every kind is refused by the node with a message naming the field and the item,
 * before any request: the emulator must record nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	SEED_IDS,
	byId,
	fileShare,
	roomLinkSet,
	run,
	useEmulator,
} from '../../../harness/docspace';

const ctx = useEmulator();
const future = '2030-01-01T00:00:00Z';

const roomLink = roomLinkSet;
const rows = (...recipient: IDataObject[]) => ({ recipients: { recipient } });

const cases: Array<[string, IDataObject, RegExp]> = [
	// Room IDs
	[
		'room id with spaces',
		roomLink({ room: byId('id', '={{ "12 34" }}') }),
		/^Room: .* is not a room ID/,
	],
	[
		'room id with a slash',
		roomLink({ room: byId('id', '={{ "101/../102" }}') }),
		/^Room: .* is not a room ID/,
	],
	[
		'room id with a query',
		roomLink({ room: byId('id', '={{ "101?x=1" }}') }),
		/^Room: .* is not a room ID/,
	],
	['room id 0', roomLink({ room: byId('id', '={{ 0 }}') }), /^Room: number 0 is not a room ID/],
	['negative room id', roomLink({ room: byId('id', '={{ -5 }}') }), /^Room: .* is not a room ID/],
	[
		'fractional room id',
		roomLink({ room: byId('id', '={{ 10.5 }}') }),
		/^Room: .* is not a room ID/,
	],
	[
		'room id object',
		roomLink({ room: byId('id', '={{ { id: 101 } }}') }),
		/^Room: an object is not a room ID/,
	],
	[
		'room id null',
		roomLink({ room: byId('id', '={{ null }}') }),
		/^Room: (null|nothing) is not a room ID/,
	],
	['room id emoji', roomLink({ room: byId('id', '={{ "📁" }}') }), /^Room: .* is not a room ID/],
	[
		'huge room id',
		roomLink({ room: byId('id', `={{ "${'9'.repeat(40)}" }}`) }),
		/^Room: .* is not a room ID/,
	],
	// Link id
	[
		'link id not a uuid',
		roomLink({ link: 'update', linkId: 'abc' }),
		/^Link ID: "abc" is not a link ID/,
	],
	[
		'empty uuid as link id',
		roomLink({ link: 'update', linkId: '00000000-0000-0000-0000-000000000000' }),
		/^Link ID: .* is not a link ID/,
	],
	[
		'link id number',
		roomLink({ link: 'update', linkId: '={{ 42 }}' }),
		/^Link ID: number 42 is not a link ID/,
	],
	[
		'link id empty',
		roomLink({ link: 'update', linkId: '={{ "" }}' }),
		/^Link ID: .* is not a link ID/,
	],
	// Access
	['access None', roomLink({ access: '={{ 0 }}' }), /^Access: None would revoke the link/],
	[
		'access "None" by name',
		roomLink({ access: '={{ "None" }}' }),
		/^Access: None would revoke the link/,
	],
	[
		'access misspelled',
		roomLink({ access: '={{ "Reed" }}' }),
		/^Access: "Reed" is not an access level for external links/,
	],
	[
		'access RoomManager',
		roomLink({ access: '={{ 9 }}' }),
		/^Access: number 9 is not an access level/,
	],
	[
		'content creator on external link',
		roomLink({ access: '={{ 11 }}' }),
		/^Access: number 11 is not an access level for external links/,
	],
	[
		'form filler… no: full access on invitation link',
		roomLink({ linkType: 'invitation', access: '={{ 1 }}' }),
		/not an access level for invitation links/,
	],
	[
		'access as object',
		roomLink({ access: '={{ { level: 2 } }}' }),
		/^Access: an object is not an access level/,
	],
	[
		'access as boolean',
		roomLink({ access: '={{ true }}' }),
		/^Access: boolean true is not an access level/,
	],
	// Title
	[
		'title over 255 characters',
		roomLink({ title: 'x'.repeat(256) }),
		/^Title: is 256 characters long; DocSpace accepts at most 255/,
	],
	[
		'title as object',
		roomLink({ title: '={{ { a: 1 } }}' }),
		/^Title: expected text, got an object/,
	],
	// Expiration
	[
		'expiration unparseable',
		roomLink({ expirationDate: '={{ "next friday" }}' }),
		/^Expires At: "next friday" is not a date/,
	],
	[
		'expiration in the past',
		roomLink({ expirationDate: '2020-01-01T00:00:00Z' }),
		/^Expires At: 2020-01-01T00:00:00.000Z is in the past/,
	],
	[
		'expiration over 10 years ahead',
		roomLink({ expirationDate: '2099-01-01T00:00:00Z' }),
		/more than 10 years ahead/,
	],
	[
		'expiration as the OpenAPI object',
		roomLink({ expirationDate: `={{ { utcTime: "${future}", timeZoneOffset: 0 } }}` }),
		/^Expires At: an object is not a date/,
	],
	[
		'expiration as a number',
		roomLink({ expirationDate: '={{ 1767225600000 }}' }),
		/^Expires At: number .* is not a date/,
	],
	[
		'expiration impossible day',
		roomLink({ expirationDate: '2030-02-31T10:00:00' }),
		/is not a date/,
	],
	// Password
	[
		'password too short',
		roomLink({ password: 'Ab1!' }),
		/^Password: the link password must be 8 to 30 characters long \(it has 4\)/,
	],
	[
		'password too long',
		roomLink({ password: 'A1!'.repeat(11) }),
		/must be 8 to 30 characters long \(it has 33\)/,
	],
	[
		'password with a space',
		roomLink({ password: 'pass word 123' }),
		/only contain Latin letters, digits and symbols, without spaces/,
	],
	[
		'password with non-Latin letters',
		roomLink({ password: 'пароль12345' }),
		/only contain Latin letters/,
	],
	[
		'password as number',
		roomLink({ password: '={{ 12345678 }}' }),
		/^Password: expected text, got number/,
	],
	// Booleans
	[
		'deny download as "yes"',
		roomLink({ denyDownload: '={{ "yes" }}' }),
		/^Deny Download: expected true or false, got "yes"/,
	],
	[
		'internal as number',
		roomLink({ internal: '={{ 1 }}' }),
		/^Internal Only: expected true or false, got number 1/,
	],
	// Max uses
	[
		'max uses 1001',
		roomLink({ linkType: 'invitation', maxUseCount: 1001 }),
		/^Max Uses: number 1001 is not a whole number from 1 to 1000/,
	],
	[
		'max uses negative',
		roomLink({ linkType: 'invitation', maxUseCount: '={{ -3 }}' }),
		/^Max Uses: number -3 is not a whole number/,
	],
	[
		'max uses fractional',
		roomLink({ linkType: 'invitation', maxUseCount: '={{ 2.5 }}' }),
		/^Max Uses: number 2.5 is not a whole number/,
	],
	[
		'max uses text',
		roomLink({ linkType: 'invitation', maxUseCount: '={{ "many" }}' }),
		/^Max Uses: "many" is not a whole number/,
	],
	// File: Share
	[
		'file id with letters and spaces',
		fileShare({ file: byId('id', '={{ "my file" }}') }),
		/^File: "my file" is not a file ID/,
	],
	['no recipients', fileShare({ recipients: {} }), /^Recipients: no user or group to share with/],
	[
		'empty ID list',
		fileShare({ recipientsFrom: 'list', recipientIds: '={{ [] }}' }),
		/^Recipients: no user or group to share with/,
	],
	[
		'recipient not a uuid',
		fileShare(rows({ id: 'bob', access: 2 })),
		/^Recipient 1 \(User or Group ID\): "bob" is not a user or group ID/,
	],
	[
		'recipient email that is not an address',
		fileShare(
			rows({ id: { __rl: true, mode: 'email', value: '={{ "bob@example" }}' }, access: 2 }),
		),
		/^Recipient 1 \(Email\): "bob@example" is not an email address/,
	],
	[
		'recipient id object in list',
		fileShare({ recipientsFrom: 'list', recipientIds: '={{ [{ id: 1 }] }}' }),
		/^Recipient 1 \(User or Group ID\): an object/,
	],
	[
		'recipient access None',
		fileShare(rows({ id: SEED_IDS.bobId, access: '={{ 0 }}' })),
		/^Recipient 1 \(Access\): None removes access/,
	],
	[
		'recipient access unknown',
		fileShare(rows({ id: SEED_IDS.bobId, access: '={{ "Owner" }}' })),
		/^Recipient 1 \(Access\): "Owner" is not an access level for files/,
	],
	[
		'same recipient twice, different access',
		fileShare(rows({ id: SEED_IDS.bobId, access: 2 }, { id: SEED_IDS.bobId, access: 10 })),
		/listed twice with different access/,
	],
	[
		'message over 255',
		fileShare({ notify: true, sharingMessage: 'm'.repeat(256) }),
		/^Message: is 256 characters long/,
	],
	[
		'message as list',
		fileShare({ notify: true, sharingMessage: '={{ ["a"] }}' }),
		/^Message: expected text, got a list/,
	],
	['notify as text', fileShare({ notify: '={{ "sure" }}' }), /^Notify: expected true or false/],
];

describe('bad input is refused before any request', () => {
	it('covers at least 40 kinds of bad input', () => {
		expect(cases.length).toBeGreaterThanOrEqual(40);
	});

	it.each(cases)('%s', async (_name, parameters, expected) => {
		const { emulator } = ctx;
		const result = await run(emulator, parameters, {
			items: [{ n: 1 }, { n: 2 }],
			continueOnFail: true,
		});
		expect(result.items).toHaveLength(2);
		for (const [index, item] of result.items.entries()) {
			expect(item.json.error).toMatch(expected);
			expect(item.json.error).toMatch(new RegExp(`\\[item ${index}\\]$`));
			expect(item.pairedItem).toEqual({ item: index });
		}
		expect(emulator.requests).toEqual([]);
	});

	it('stops the workflow with a clear error without continue-on-fail', async () => {
		const { emulator } = ctx;
		const result = await run(emulator, roomLink({ password: 'short' }));
		expect(result.error?.message).toBe(
			'Password: the link password must be 8 to 30 characters long (it has 5) [item 0]',
		);
		expect(result.error?.description).toMatch(/Nothing was sent to DocSpace/);
		// The password is part of the node's own parameters (n8n stores the workflow); it must not be copied into the error.
		expect(`${result.error?.message} ${result.error?.description}`).not.toContain('short"');
		expect(emulator.requests).toEqual([]);
	});
});
