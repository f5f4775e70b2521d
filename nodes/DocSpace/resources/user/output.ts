import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { EmployeeFull } from '../../shared/people';
import { simplifyUser } from './getMany';

/** One item for one user: simplified (plus what the operation adds) or DocSpace's full profile. */
export function userItem(
	context: IExecuteSingleFunctions,
	user: EmployeeFull,
	extra: IDataObject = {},
): INodeExecutionData[] {
	const simplify = context.getNodeParameter('simplify', true) as boolean;
	return [
		{
			json: { ...(simplify ? simplifyUser(user) : user), ...extra },
			pairedItem: { item: context.getItemIndex() },
		},
	];
}

/** The envelope's `response` of a full answer. */
export function responseOf<T>(response: IN8nHttpFullResponse): T {
	return (response.body as IDataObject | undefined)?.response as T;
}

/** Post-receive of operations answering with one EmployeeFullDto. */
export async function userOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	return userItem(this, responseOf<EmployeeFull>(response));
}
