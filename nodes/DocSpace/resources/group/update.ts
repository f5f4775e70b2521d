import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { resolveUserList } from '../../shared/people';
import { requestBody } from '../../shared/routing';
import { invalidField, optionalText } from '../../shared/validation';
import { fillGroupId, managerOf } from './fields';

/** PUT group/{id} with a new name and/or manager; members go through Add/Remove Members. */
export async function prepareGroupUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillGroupId(this, requestOptions);
	const name = optionalText(this, 'Name', this.getNodeParameter('groupName', ''), 128);
	const manager = managerOf(this);
	if (name === undefined && manager.length === 0) {
		throw invalidField(
			this,
			'Name',
			'nothing to change',
			'Enter a new Name or Manager. To change members use Add Members or Remove Members.',
		);
	}
	const body = requestBody(requestOptions);
	if (name !== undefined) body.groupName = name;
	const [managerId] = await resolveUserList(this, 'Manager', manager);
	if (managerId) body.groupManager = managerId;
	return requestOptions;
}
