import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { type EmployeeFull, checkedUser } from '../../shared/people';
import { requestBody } from '../../shared/routing';
import { docSpaceApiRequest } from '../../shared/transport';
import { invalidField, optionalText, refusal } from '../../shared/validation';
import { responseOf, userItem } from './output';

const show = { resource: ['user'], operation: ['update'] };

export const userUpdateDescription: INodeProperties[] = [
	{
		displayName: 'Names, location and comment change only on your own profile.',
		name: 'updateNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Profile Fields',
		name: 'profileFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				description: 'New first name (at most 255 characters)',
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				description: 'New last name (at most 255 characters)',
			},
			{
				displayName: 'Location',
				name: 'location',
				type: 'string',
				default: '',
				description: 'City or office shown in the profile',
			},
			{
				displayName: 'Comment',
				name: 'comment',
				type: 'string',
				default: '',
				description: 'Note shown in the profile',
			},
		],
	},
];

const LABELS = {
	firstName: 'First Name',
	lastName: 'Last Name',
	location: 'Location',
	comment: 'Comment',
} as const;

/**
 * PUT people/{id} with the given profile fields only. `isUser` and `disable` are never sent:
 * `isUser: true` would turn the person into a guest (docs/docspace/people.md §3).
 */
export async function prepareUserUpdate(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const fields = (this.getNodeParameter('profileFields', {}) ?? {}) as Record<string, unknown>;
	const body = requestBody(requestOptions);
	for (const [name, label] of Object.entries(LABELS)) {
		const value = optionalText(this, `Profile Fields → ${label}`, fields[name], 255);
		if (value !== undefined) body[name] = value;
	}
	if (Object.keys(body).length === 0) {
		throw invalidField(
			this,
			'Profile Fields',
			'nothing to change',
			'Add First Name, Last Name, Location or Comment.',
		);
	}
	const target = checkedUser(this);
	const self = (
		await docSpaceApiRequest.call(this, 'GET', '/api/2.0/people/@self', {}, undefined, 'object')
	).response as EmployeeFull;
	const isSelf = target.id
		? target.id === String(self.id).toLowerCase()
		: target.email === String(self.email ?? '').toLowerCase();
	if (!isSelf) {
		const itemIndex = this.getItemIndex();
		throw refusal(
			this.getNode(),
			`User: DocSpace changes names, location and comment only on your own profile [item ${itemIndex}]`,
			{
				itemIndex,
				description: `${target.email ?? target.id} is not the account behind the credential (${String(self.email ?? self.id)}); DocSpace would answer success and change nothing. Ask the person to edit their profile, or use their credential. Nothing was changed.`,
			},
		);
	}
	requestOptions.url = `/api/2.0/people/${String(self.id)}`;
	return requestOptions;
}

export async function userUpdateOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const user = responseOf<EmployeeFull>(response);
	return userItem(this, user, { location: user.location ?? null, comment: user.notes ?? null });
}
