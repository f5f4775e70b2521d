import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { checkedUserList, resolveUserList } from '../../shared/people';
import { requestBody } from '../../shared/routing';
import { invalidField, optionalText } from '../../shared/validation';
import { managerOf } from './fields';

/** POST group {groupName, groupManager?, members?}; emails are looked up once every field is checked. */
export async function prepareGroupCreate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const name = optionalText(this, 'Name', this.getNodeParameter('groupName', ''), 128);
	if (name === undefined)
		throw invalidField(this, 'Name', 'is empty', 'Give the group a name (1–128 characters).');
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
