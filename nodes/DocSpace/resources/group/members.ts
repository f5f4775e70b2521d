import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { type GroupDto, checkedUserList, resolveUserList } from '../../shared/people';
import { requestBody } from '../../shared/routing';
import { docSpaceApiRequest } from '../../shared/transport';
import { invalidField } from '../../shared/validation';
import { fillGroupId, groupOutput } from './fields';

interface MemberChange {
	requested: string[];
	before: string[];
}
const memberChanges = new WeakMap<object, MemberChange>();

/**
 * PUT (add) or DELETE (remove) group/{id}/members {members}. The group is read first, so the
 * output can say who was already in it (or not in it): DocSpace answers the same either way.
 */
export async function prepareGroupMembers(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const groupId = fillGroupId(this, requestOptions);
	const members = checkedUserList(this, 'Members', this.getNodeParameter('groupMembers', ''));
	if (members.length === 0)
		throw invalidField(this, 'Members', 'no user given', 'Enter at least one user ID or email.');
	const requested = await resolveUserList(this, 'Members', members);
	const group = (
		await docSpaceApiRequest.call(
			this,
			'GET',
			`/api/2.0/group/${groupId}`,
			{ includeMembers: true },
			undefined,
			'object',
		)
	).response as GroupDto;
	memberChanges.set(this, {
		requested,
		before: (group.members ?? []).map((member) => String(member.id).toLowerCase()),
	});
	requestBody(requestOptions).members = requested;
	return requestOptions;
}

/** The group, plus who changed: `added` / `alreadyMembers` or `removed` / `notMembers`. */
export async function groupMembersOutput(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const [item] = await groupOutput.call(this, items, response);
	const { requested, before } = memberChanges.get(this) as MemberChange;
	const adding = this.getNodeParameter('operation') === 'addMembers';
	const had = requested.filter((id) => before.includes(id));
	const hadNot = requested.filter((id) => !before.includes(id));
	item.json = adding
		? { ...item.json, added: hadNot, alreadyMembers: had }
		: { ...item.json, removed: had, notMembers: hadNot };
	return [item];
}
