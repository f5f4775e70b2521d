import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { accessName } from '../../shared/accessLevels';
import { type FileShareDto, subjectOf } from '../../shared/output';
import { fillLocatorId, optionValue, requestBody } from '../../shared/routing';
import { booleanValue, invalidField } from '../../shared/validation';
import {
	findMember,
	memberJson,
	memberRef,
	readInsteadOfWriting,
	readRoom,
	type MemberRef,
} from './members';

const before = new WeakMap<object, { roomId: string; ref: MemberRef; member?: FileShareDto }>();

/** Sends access 0 for a member; someone who is not in the room is reported, nothing is sent. */
export async function prepareRoomMemberRemove(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const roomId = fillLocatorId(this, requestOptions, 'room');
	const ref = memberRef(this, 'Member', this.getNodeParameter('member', ''));
	const force = booleanValue(
		this,
		'Remove Even With Form Roles',
		optionValue(this, 'force', false),
	);
	const room = await readRoom(this, roomId);
	const member = findMember(room.members, ref);
	if (member?.isOwner)
		throw invalidField(
			this,
			ref.field,
			'is the room owner',
			'DocSpace does not remove a room’s owner; change the owner in DocSpace first.',
		);
	before.set(this, { roomId, ref, member });
	if (!member) {
		readInsteadOfWriting(requestOptions, roomId);
		return requestOptions;
	}
	Object.assign(requestBody(requestOptions), {
		invitations: [{ id: String(subjectOf(member).id).toLowerCase(), access: 0 }],
		notify: false,
		...(force ? { force: true } : {}),
	});
	return requestOptions;
}

export async function roomMemberRemoveOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { roomId, ref, member } = before.get(this) as {
		roomId: string;
		ref: MemberRef;
		member?: FileShareDto;
	};
	const pairedItem = { item: this.getItemIndex() };
	if (!member) {
		return [
			{
				json: {
					roomId,
					id: ref.id ?? null,
					email: ref.email ?? null,
					removed: false,
					result: 'notAMember',
					message: 'Not a member of the room; nothing was changed',
				},
				pairedItem,
			},
		];
	}
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const body = ((response.body as IDataObject)?.response ?? {}) as IDataObject;
	// RoomSecurityError 1: the member holds a form role, so DocSpace changed nothing (unless forced).
	const blocked = Number(body.error) === 1;
	const json: IDataObject = {
		...memberJson(roomId, member, simplify),
		removed: !blocked,
		result: blocked ? 'blockedByFormRole' : 'removed',
	};
	json.previousAccess = member.access;
	json.previousAccessName = accessName(member.access);
	if (blocked)
		json.message =
			'DocSpace kept the member: they hold a role in a form being filled. Turn on Options → Remove Even With Form Roles to remove them anyway.';
	return [{ json, pairedItem }];
}
