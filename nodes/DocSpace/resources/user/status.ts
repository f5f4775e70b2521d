import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { type EmployeeFull, checkedUser, fetchUser } from '../../shared/people';
import { requestBody } from '../../shared/routing';
import { responseOf, userItem } from './output';
import { refusal } from '../../shared/validation';

// EmployeeStatus: 1 Active, 2 Terminated (shown as "disabled").
const STATUS = { enable: 1, disable: 2 } as const;

const targets = new WeakMap<object, string>();

/** PUT people/status/{1|2} with one user id (an email is looked up first). */
export async function prepareUserStatus(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const operation = this.getNodeParameter('operation') as keyof typeof STATUS;
	const { id } = checkedUser(this);
	const userId = id ?? String((await fetchUser(this)).id).toLowerCase();
	targets.set(this, userId);
	requestOptions.url = `/api/2.0/people/status/${STATUS[operation]}`;
	requestBody(requestOptions).userIds = [userId];
	return requestOptions;
}

/** DocSpace answers with the users it changed; an unknown id is skipped without an error. */
export async function userStatusOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const userId = targets.get(this) as string;
	const user = (responseOf<EmployeeFull[]>(response) ?? []).find(
		(entry) => String(entry.id).toLowerCase() === userId,
	);
	if (!user) {
		const itemIndex = this.getItemIndex();
		throw refusal(
			this.getNode(),
			`User: no DocSpace user has the ID ${userId} [item ${itemIndex}]`,
			{
				itemIndex,
				description: 'Check the ID, or pick the person From List. Nothing was changed.',
			},
		);
	}
	return userItem(this, user);
}
