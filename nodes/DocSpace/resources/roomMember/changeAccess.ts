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
import { fillLocatorId, requestBody } from '../../shared/routing';
import { invalidField } from '../../shared/validation';
import {
	checkRoleForRoom,
	findMember,
	memberAccess,
	memberJson,
	memberRef,
	readInsteadOfWriting,
	readRoom,
} from './members';

const show = { resource: ['roomMember'], operation: ['changeAccess'] };

export const roomMemberChangeAccessDescription: INodeProperties[] = [
	{
		displayName: 'Role Name or ID',
		name: 'memberAccess',
		type: 'options',
		options: accessOptions(ALL_ROOM_MEMBER_ACCESS),
		typeOptions: {
			loadOptionsMethod: 'getRoomMemberAccessLevels',
			loadOptionsDependsOn: ['room.value'],
		},
		default: 2,
		description:
			'The member’s new role; the list shows what the chosen room offers. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: { show },
	},
];

const before = new WeakMap<object, { roomId: string; member: FileShareDto; access: number }>();

/** The member must already be in the room (Add adds); the owner's role never changes. */
export async function prepareRoomMemberChangeAccess(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roomId = fillLocatorId(this, requestOptions, 'room');
	const ref = memberRef(this, 'Member', this.getNodeParameter('member', ''));
	const access = memberAccess(this, 'Role', this.getNodeParameter('memberAccess', 2));
	const room = await readRoom(this, roomId);
	const member = findMember(room.members, ref);
	if (!member) {
		throw invalidField(
			this,
			ref.field,
			`${ref.id ?? ref.email} is not a member of room ${roomId}`,
			'Add them with Room Member: Add.',
		);
	}
	checkRoleForRoom(this, 'Role', access, room.type, member);
	if (member.isOwner)
		throw invalidField(
			this,
			ref.field,
			'is the room owner',
			'DocSpace does not change the owner’s role.',
		);
	before.set(this, { roomId, member, access });
	if (member.access === access) {
		readInsteadOfWriting(requestOptions, roomId);
		return requestOptions;
	}
	Object.assign(requestBody(requestOptions), {
		invitations: [{ id: String(subjectOf(member).id).toLowerCase(), access }],
		notify: false,
	});
	return requestOptions;
}

export async function roomMemberChangeAccessOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { roomId, member, access } = before.get(this) as {
		roomId: string;
		member: FileShareDto;
		access: number;
	};
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const body = ((response.body as IDataObject)?.response ?? {}) as IDataObject;
	const unchanged = member.access === access;
	const applied = unchanged
		? member
		: findMember((Array.isArray(body.members) ? body.members : []) as FileShareDto[], {
				id: String(subjectOf(member).id).toLowerCase(),
			});
	const json: IDataObject = applied
		? memberJson(roomId, applied, simplify)
		: memberJson(roomId, member, simplify);
	json.result = unchanged ? 'unchanged' : applied ? 'accessChanged' : 'notApplied';
	json.previousAccess = member.access;
	json.previousAccessName = accessName(member.access);
	if (!applied)
		json.message = 'DocSpace did not apply the change (the user may have been deactivated)';
	return [{ json, pairedItem: { item: this.getItemIndex() } }];
}
