import type { IExecuteSingleFunctions, IHttpRequestOptions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { type GroupDto, checkedUserList, resolveUserList } from '../../shared/people';
import { requestBody } from '../../shared/routing';
import { docSpaceApiRequest } from '../../shared/transport';
import { invalidField, optionalText } from '../../shared/validation';
import { fillGroupId, groupOutput } from './fields';

function managerOf(context: IExecuteSingleFunctions) {
	const manager = checkedUserList(context, 'Manager', context.getNodeParameter('groupManager', ''));
	if (manager.length > 1) throw invalidField(context, 'Manager', `${manager.length} users given`, 'A group has one manager: give one ID or email.');
	return manager;
}

/** POST group {groupName, groupManager?, members?}; emails are looked up once every field is checked. */
export async function prepareGroupCreate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const name = optionalText(this, 'Name', this.getNodeParameter('groupName', ''), 128);
	if (name === undefined) throw invalidField(this, 'Name', 'is empty', 'Give the group a name (1–128 characters).');
	const manager = managerOf(this);
	const members = checkedUserList(this, 'Members', this.getNodeParameter('groupMembers', ''));
	const body = requestBody(requestOptions);
	body.groupName = name;
	const [managerId] = await resolveUserList(this, 'Manager', manager);
	if (managerId) body.groupManager = managerId;
	const memberIds = await resolveUserList(this, 'Members', members);
	if (memberIds.length) body.members = memberIds;
	return requestOptions;
}

/** PUT group/{id} with a new name and/or manager; members go through Add/Remove Members. */
export async function prepareGroupUpdate(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	fillGroupId(this, requestOptions);
	const name = optionalText(this, 'Name', this.getNodeParameter('groupName', ''), 128);
	const manager = managerOf(this);
	if (name === undefined && manager.length === 0) {
		throw invalidField(this, 'Name', 'nothing to change', 'Enter a new Name or Manager. To change members use Add Members or Remove Members.');
	}
	const body = requestBody(requestOptions);
	if (name !== undefined) body.groupName = name;
	const [managerId] = await resolveUserList(this, 'Manager', manager);
	if (managerId) body.groupManager = managerId;
	return requestOptions;
}

interface MemberChange {
	requested: string[];
	before: string[];
}
const memberChanges = new WeakMap<object, MemberChange>();

/**
 * PUT (add) or DELETE (remove) group/{id}/members {members}. The group is read first, so the
 * output can say who was already in it (or not in it): DocSpace answers the same either way.
 */
export async function prepareGroupMembers(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	const groupId = fillGroupId(this, requestOptions);
	const members = checkedUserList(this, 'Members', this.getNodeParameter('groupMembers', ''));
	if (members.length === 0) throw invalidField(this, 'Members', 'no user given', 'Enter at least one user ID or email.');
	const requested = await resolveUserList(this, 'Members', members);
	const group = (await docSpaceApiRequest.call(this, 'GET', `/api/2.0/group/${groupId}`, { includeMembers: true })).response as GroupDto;
	memberChanges.set(this, { requested, before: (group.members ?? []).map((member) => String(member.id).toLowerCase()) });
	requestBody(requestOptions).members = requested;
	return requestOptions;
}

/** The group, plus who changed: `added` / `alreadyMembers` or `removed` / `notMembers`. */
export async function groupMembersOutput(this: IExecuteSingleFunctions, items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const [item] = await groupOutput.call(this, items, response);
	const { requested, before } = memberChanges.get(this) as MemberChange;
	const adding = this.getNodeParameter('operation') === 'addMembers';
	const had = requested.filter((id) => before.includes(id));
	const hadNot = requested.filter((id) => !before.includes(id));
	item.json = adding ? { ...item.json, added: hadNot, alreadyMembers: had } : { ...item.json, removed: had, notMembers: hadNot };
	return [item];
}

export async function prepareGroupGet(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	fillGroupId(this, requestOptions);
	requestOptions.qs = { ...requestOptions.qs, includeMembers: this.getNodeParameter('includeMembers', true) === true };
	return requestOptions;
}

const deleted = new WeakMap<object, string>();

export async function prepareGroupDelete(this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> {
	deleted.set(this, fillGroupId(this, requestOptions));
	return requestOptions;
}

/** DocSpace answers 204 without a body. */
export async function groupDeleteOutput(this: IExecuteSingleFunctions): Promise<INodeExecutionData[]> {
	return [{ json: { id: deleted.get(this), deleted: true }, pairedItem: { item: this.getItemIndex() } }];
}
