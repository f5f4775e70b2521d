import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import {
	ALL_ROOM_MEMBER_ACCESS,
	ROOM_MEMBER_ACCESS,
	ROOM_TYPES,
	accessName,
	parseAccess,
	roomTypeName,
	type RoomTypeName,
} from '../../shared/accessLevels';
import { type FileShareDto, simplifySubject, subjectOf } from '../../shared/output';
import { recipientInput, isEmail } from '../../shared/recipients';
import { MAX_PAGE_SIZE, docSpaceApiRequest } from '../../shared/transport';
import { describeValue, invalidField, uuid } from '../../shared/validation';

// Shared by the Room Member operations (docs/docspace/rooms.md §4–§5).

/** A room's member list is read in pages of 100; a room with more than 10,000 members is refused. */
const MAX_MEMBER_PAGES = 100;

/** The member picker of Change Access and Remove: From List (the room's members), By ID, By Email. */
export const memberLocator: INodeProperties = {
	displayName: 'Member',
	name: 'member',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The user or group in the room',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a member…',
			typeOptions: { searchListMethod: 'searchRoomMembers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 0f2c3a4b-1111-2222-3333-444455556666',
		},
		{
			displayName: 'By Email',
			name: 'email',
			type: 'string',
			placeholder: 'e.g. jane@example.com',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: '^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$',
						errorMessage: 'Enter the email address of a room member',
					},
				},
			],
		},
	],
};

/** A requested member: a lower-case id, or an e-mail address (DocSpace invites unknown addresses). */
export interface MemberRef {
	field: string;
	id?: string;
	email?: string;
}

export function memberRef(
	context: IExecuteSingleFunctions,
	label: string,
	value: unknown,
): MemberRef {
	const input = recipientInput(value);
	const text = typeof input.value === 'string' ? input.value.trim() : input.value;
	if (input.mode === 'email' || isEmail(text)) {
		const field = `${label} (Email)`;
		if (!isEmail(text))
			throw invalidField(
				context,
				field,
				`${describeValue(input.value)} is not an email address`,
				'Enter an address such as jane@example.com.',
			);
		return { field, email: text.toLowerCase() };
	}
	const field = `${label} (User or Group ID)`;
	return { field, id: uuid(context, field, text, 'user or group') };
}

/** A role by name, label or number; None is refused (it would remove the member). */
export function memberAccess(
	context: IExecuteSingleFunctions,
	field: string,
	value: unknown,
): number {
	const access = parseAccess(value);
	if (access === undefined || !ALL_ROOM_MEMBER_ACCESS.includes(access)) {
		throw invalidField(
			context,
			field,
			access === 0
				? 'None would remove the member; use Room Member: Remove'
				: `${describeValue(value)} is not a room role`,
			`Use one of: ${ALL_ROOM_MEMBER_ACCESS.map((level) => `${accessName(level)} (${level})`).join(', ')}.`,
		);
	}
	return access;
}

export interface RoomFacts {
	type?: RoomTypeName;
	members: FileShareDto[];
}

/** The room's type and every member (owner included), read before a change is sent. */
export async function readRoom(
	context: IExecuteSingleFunctions,
	roomId: string,
): Promise<RoomFacts> {
	const path = `/api/2.0/files/rooms/${encodeURIComponent(roomId)}`;
	const room = (await docSpaceApiRequest.call(context, 'GET', path)).response as
		IDataObject | undefined;
	const members: FileShareDto[] = [];
	for (let pageIndex = 0; pageIndex < MAX_MEMBER_PAGES; pageIndex++) {
		const { response, total } = await docSpaceApiRequest.call(context, 'GET', `${path}/share`, {
			filterType: 0,
			startIndex: pageIndex * MAX_PAGE_SIZE,
			count: MAX_PAGE_SIZE,
		});
		const page = (Array.isArray(response) ? response : []) as FileShareDto[];
		members.push(...page);
		if (page.length < MAX_PAGE_SIZE || (total !== undefined && members.length >= total)) {
			return { type: roomTypeName(room?.roomType), members };
		}
	}
	throw invalidField(
		context,
		'Room',
		`room ${roomId} has more than ${MAX_MEMBER_PAGES * MAX_PAGE_SIZE} members`,
		'Change its members in DocSpace.',
	);
}

export function findMember(
	members: FileShareDto[],
	ref: { id?: string; email?: string },
): FileShareDto | undefined {
	return members.find((entry) => {
		const subject = subjectOf(entry);
		if (ref.id) return String(subject.id).toLowerCase() === ref.id;
		return typeof subject.email === 'string' && subject.email.toLowerCase() === ref.email;
	});
}

/** Refuses a role the room's type does not offer, naming the type and what it offers. */
export function checkRoleForRoom(
	context: IExecuteSingleFunctions,
	field: string,
	access: number,
	type: RoomTypeName | undefined,
	member?: FileShareDto,
): void {
	if (access === 9 && member && Number(member.subjectType) === 2) {
		throw invalidField(
			context,
			field,
			'a group cannot be Room manager',
			'Give the group another role, or make its members room managers one by one.',
		);
	}
	if (!type || ROOM_MEMBER_ACCESS[type].includes(access)) return;
	throw invalidField(
		context,
		field,
		`a ${ROOM_TYPES[type].label.toLowerCase()} has no ${accessName(access)} role`,
		`Use one of: ${ROOM_MEMBER_ACCESS[type].map((level) => `${accessName(level)} (${level})`).join(', ')}.`,
	);
}

/** When there is nothing to change, the request becomes a read of the room: no write is sent. */
export function readInsteadOfWriting(requestOptions: IHttpRequestOptions, roomId: string): void {
	requestOptions.method = 'GET';
	requestOptions.url = `/api/2.0/files/rooms/${encodeURIComponent(roomId)}`;
	delete requestOptions.body;
}

export function memberJson(roomId: string, entry: FileShareDto, simplify: boolean): IDataObject {
	return simplify ? { roomId, ...simplifySubject(entry) } : { roomId, ...entry };
}
