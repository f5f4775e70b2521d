import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type EmployeeFull, fetchUser, simplifyMember } from '../../shared/people';
import { responseOf } from './output';
import { refusal } from '../../shared/validation';

export const userDeleteDescription: INodeProperties[] = [
	{
		displayName: 'Only disabled users can be deleted (User: Disable first); it cannot be undone.',
		name: 'deleteUserNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['user'], operation: ['delete'] } },
	},
];

/** DELETE people/{id}, after checking the user is disabled (DocSpace refuses active users). */
export async function prepareUserDelete(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const user = await fetchUser(this);
	if (Number(user.status) !== 2) {
		const itemIndex = this.getItemIndex();
		throw refusal(
			this.getNode(),
			`User: ${user.email ?? user.id} is active; DocSpace deletes only disabled users [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'Disable the user first (User: Disable), then delete them. Nothing was changed.',
			},
		);
	}
	requestOptions.url = `/api/2.0/people/${user.id}`;
	return requestOptions;
}

export async function userDeleteOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const user = responseOf<EmployeeFull>(response);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	return [
		{
			json: { ...(simplify ? simplifyMember(user) : user), deleted: true },
			pairedItem: { item: this.getItemIndex() },
		},
	];
}
