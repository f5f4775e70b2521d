import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type GroupDto, checkedUserList, simplifyMember } from '../../shared/people';
import { locatorValue } from '../../shared/routing';
import { invalidField, uuid } from '../../shared/validation';
import { simplifyGroup } from './getMany';

const group = (operation: string[]) => ({ resource: ['group'], operation });

/** Fields several Group operations share: one declaration each (n8n evaluates every declaration per item). */
export const groupFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'groupName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Client Success',
		description: 'Name of the group (1–128 characters). On Update: empty keeps the current name.',
		displayOptions: { show: group(['create', 'update']) },
	},
	{
		displayName: 'Manager',
		name: 'groupManager',
		type: 'string',
		default: '',
		placeholder: 'e.g. jane@example.com',
		description:
			'ID or email of the user who heads the group; DocSpace also makes them a member. Empty: no manager (Create) or unchanged (Update).',
		displayOptions: { show: group(['create', 'update']) },
	},
	{
		displayName: 'Members',
		name: 'groupMembers',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.userIds }} or id1, jane@example.com',
		description:
			'User IDs or emails, separated by commas, or an expression that gives a list of them',
		displayOptions: { show: group(['create', 'addMembers', 'removeMembers']) },
	},
];

/** The Group locator's id into the URL's `{groupId}`; a malformed id is refused before sending. */
export function fillGroupId(
	context: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): string {
	const id = uuid(context, 'Group', locatorValue(context, 'group'), 'group');
	requestOptions.url = String(requestOptions.url).replace('{groupId}', id);
	return id;
}

export function simplifyGroupFull(dto: GroupDto): IDataObject {
	return {
		...simplifyGroup(dto),
		...(Array.isArray(dto.members) ? { members: dto.members.map(simplifyMember) } : {}),
	};
}

/** Post-receive of operations answering with one GroupDto. */
export async function groupOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const dto = (response.body as IDataObject).response as GroupDto;
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	return [
		{ json: simplify ? simplifyGroupFull(dto) : dto, pairedItem: { item: this.getItemIndex() } },
	];
}

/** The Manager field: at most one user ID or email, checked without sending anything. */
export function managerOf(context: IExecuteSingleFunctions) {
	const manager = checkedUserList(context, 'Manager', context.getNodeParameter('groupManager', ''));
	if (manager.length > 1)
		throw invalidField(
			context,
			'Manager',
			`${manager.length} users given`,
			'A group has one manager: give one ID or email.',
		);
	return manager;
}
