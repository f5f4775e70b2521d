import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ALL_ROOM_MEMBER_ACCESS, accessName, accessOptions } from '../../shared/accessLevels';
import { type FileShareDto, subjectOf } from '../../shared/output';
import { recipientLocator } from '../../shared/recipients';
import { fillLocatorId, requestBody } from '../../shared/routing';
import { afterEarlierItems } from '../../shared/itemOrder';
import { booleanValue, invalidField, optionalText } from '../../shared/validation';
import {
	checkRoleForRoom,
	findMember,
	memberAccess,
	memberJson,
	memberRef,
	readInsteadOfWriting,
	readRoom,
	type MemberRef,
} from './members';

const show = { resource: ['roomMember'], operation: ['add'] };
const accessLoad = {
	loadOptionsMethod: 'getRoomMemberAccessLevels',
	loadOptionsDependsOn: ['room.value'],
};

export const roomMemberAddDescription: INodeProperties[] = [
	{
		displayName: 'Members From',
		name: 'membersFrom',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			{
				name: 'Rows Below',
				value: 'rows',
				description: 'One row per user or group, each with its own role',
			},
			{
				name: 'List',
				value: 'list',
				description:
					'IDs or emails (e.g. from a previous node), with one role for all or a role per entry',
			},
		],
		default: 'rows',
	},
	{
		displayName: 'Members',
		name: 'members',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Member',
		default: {},
		displayOptions: { show: { ...show, membersFrom: ['rows'] } },
		options: [
			{
				displayName: 'Member',
				name: 'member',
				values: [
					{
						...recipientLocator,
						description:
							'The user or group to add; an email that is not in DocSpace yet is invited as a guest',
					},
					{
						displayName: 'Role Name or ID',
						name: 'access',
						type: 'options',
						options: accessOptions(ALL_ROOM_MEMBER_ACCESS),
						typeOptions: accessLoad,
						default: 2,
						description:
							'What the member may do in the room; the list shows what the chosen room offers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
				],
			},
		],
	},
	{
		displayName: 'Member List',
		name: 'memberList',
		type: 'string',
		default: '',
		required: true,
		placeholder:
			'e.g. {{ $json.contacts }} or jane@example.com, 0f2c3a4b-1111-2222-3333-444455556666',
		description:
			'User or group IDs or emails separated by commas, or an expression giving a list. An entry may also be an object such as {"email": "jane@example.com", "access": "editor"} to give it its own role.',
		displayOptions: { show: { ...show, membersFrom: ['list'] } },
	},
	{
		displayName: 'Role Name or ID',
		name: 'listAccess',
		type: 'options',
		options: accessOptions(ALL_ROOM_MEMBER_ACCESS),
		typeOptions: accessLoad,
		default: 2,
		description:
			'Role of every listed member that does not name its own; the list shows what the chosen room offers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show: { ...show, membersFrom: ['list'] } },
	},
	{
		displayName: 'Notify',
		name: 'notifyMembers',
		type: 'boolean',
		default: true,
		description:
			'Whether DocSpace emails the new members (and invites people who are not in DocSpace yet)',
		displayOptions: { show },
	},
	{
		displayName: 'Message',
		name: 'invitationMessage',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Text added to the invitation email (at most 255 characters)',
		displayOptions: { show: { ...show, notifyMembers: [true] } },
	},
];

interface PlannedMember extends MemberRef {
	access: number;
	/** Set when the subject already is in the room. */
	current?: FileShareDto;
	result: 'added' | 'accessChanged' | 'unchanged' | 'owner';
}

const plans = new WeakMap<object, { roomId: string; members: PlannedMember[] }>();

function requestedEntries(
	context: IExecuteSingleFunctions,
): Array<{ label: string; value: unknown; access: unknown }> {
	if (context.getNodeParameter('membersFrom', 'rows') === 'rows') {
		const rows = context.getNodeParameter('members.member', []) as IDataObject[];
		return rows.map((row, index) => ({
			label: `Member ${index + 1}`,
			value: row?.id,
			access: row?.access,
		}));
	}
	const fallback = context.getNodeParameter('listAccess', 2);
	const raw = context.getNodeParameter('memberList', '') as unknown;
	const list = Array.isArray(raw)
		? raw.flat()
		: typeof raw === 'string'
			? raw.split(/[\s,;]+/).filter(Boolean)
			: raw
				? [raw]
				: [];
	return list.map((entry, index) => {
		const label = `Member List entry ${index + 1}`;
		if (entry && typeof entry === 'object' && !('__rl' in (entry as object))) {
			const object = entry as IDataObject;
			return { label, value: object.email ?? object.id, access: object.access ?? fallback };
		}
		return { label, value: entry, access: fallback };
	});
}

/**
 * Every entry is checked first; then the room's type and members are read, and only subjects that
 * are new or get another role are sent (adding someone with the role they have changes nothing).
 */
export async function prepareRoomMemberAdd(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roomId = fillLocatorId(this, requestOptions, 'room');
	const checked = requestedEntries(this).map(({ label, value, access }) => ({
		...memberRef(this, label, value),
		access: memberAccess(this, `${label} (Role)`, access),
	}));
	if (checked.length === 0)
		throw invalidField(this, 'Members', 'no user or group to add', 'Add at least one member.');
	const notify = booleanValue(this, 'Notify', this.getNodeParameter('notifyMembers', true));
	const message = notify
		? optionalText(this, 'Message', this.getNodeParameter('invitationMessage', ''), 255)
		: undefined;

	// In bulk, items adding the same member to the same room go in item order: each sees what the
	// earlier ones did to that member.
	await afterEarlierItems(
		this,
		...checked.map((entry) => `member:${roomId}:${entry.id ?? `email:${entry.email}`}`),
	);
	const room = await readRoom(this, roomId);
	const planned = new Map<string, PlannedMember>();
	for (const entry of checked) {
		const current = findMember(room.members, entry);
		checkRoleForRoom(
			this,
			entry.field.replace(/\(.*\)$/, '(Role)'),
			entry.access,
			room.type,
			current,
		);
		const key = current
			? String(subjectOf(current).id).toLowerCase()
			: (entry.id ?? `email:${entry.email}`);
		const earlier = planned.get(key);
		if (earlier && earlier.access !== entry.access) {
			throw invalidField(
				this,
				entry.field,
				'this member is listed twice with different roles',
				'Keep one entry per member.',
			);
		}
		const result = !current
			? 'added'
			: current.isOwner
				? 'owner'
				: current.access === entry.access
					? 'unchanged'
					: 'accessChanged';
		planned.set(key, { ...entry, current, result });
	}
	const members = [...planned.values()];
	plans.set(this, { roomId, members });
	const invitations = members
		.filter((member) => member.result === 'added' || member.result === 'accessChanged')
		.map((member) =>
			member.current || member.id
				? {
						id: member.id ?? String(subjectOf(member.current as FileShareDto).id),
						access: member.access,
					}
				: { email: member.email, access: member.access },
		);
	if (invitations.length === 0) {
		readInsteadOfWriting(requestOptions, roomId);
		return requestOptions;
	}
	Object.assign(requestBody(requestOptions), {
		invitations,
		notify,
		...(message ? { message } : {}),
	});
	return requestOptions;
}

const MESSAGES = {
	added: 'Added to the room',
	invited: 'Invited: DocSpace created a guest account for this email and sent an invitation',
	accessChanged: 'Was already a member; the role was changed',
	unchanged: 'Already a member with this role; nothing was changed',
	owner: 'The room owner; DocSpace does not change the owner’s role',
	notApplied:
		'DocSpace did not apply this entry: the ID is not an active user or group of this portal, or the account may not add them (for example deactivated users)',
};

/** One item per requested member, saying what happened to it. */
export async function roomMemberAddOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const plan = plans.get(this) ?? { roomId: '', members: [] };
	const body = ((response.body as IDataObject)?.response ?? {}) as IDataObject;
	const applied = (Array.isArray(body.members) ? body.members : []) as FileShareDto[];
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const pairedItem = { item: this.getItemIndex() };
	return plan.members.map((member) => {
		const sent = member.result === 'added' || member.result === 'accessChanged';
		const entry = sent
			? findMember(
					applied,
					member.current ? { id: String(subjectOf(member.current).id).toLowerCase() } : member,
				)
			: member.current;
		let result: keyof typeof MESSAGES = member.result;
		if (sent && !entry) result = 'notApplied';
		else if (
			result === 'added' &&
			member.email &&
			Number(subjectOf(entry as FileShareDto).activationStatus) === 2
		)
			result = 'invited';
		const json: IDataObject = entry
			? memberJson(plan.roomId, entry, simplify)
			: {
					roomId: plan.roomId,
					id: member.id ?? null,
					email: member.email ?? null,
					requestedAccess: member.access,
				};
		json.result = result;
		json.message = MESSAGES[result];
		if (result === 'accessChanged' && member.current) {
			json.previousAccess = member.current.access;
			json.previousAccessName = accessName(member.current.access);
		}
		if (typeof body.warning === 'string' && body.warning) json.warning = body.warning;
		return { json, pairedItem };
	});
}
