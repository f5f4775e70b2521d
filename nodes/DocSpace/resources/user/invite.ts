import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	type EmployeeFull,
	USER_TYPES,
	findUserByEmail,
	parseUserType,
	userTypeOf,
	userTypeOptions,
} from '../../shared/people';
import { afterEarlierItems } from '../../shared/itemOrder';
import { isEmail } from '../../shared/recipients';
import { requestBody } from '../../shared/routing';
import { describeValue, invalidField, optionalText, refusal } from '../../shared/validation';
import { userItem } from './output';

const show = { resource: ['user'], operation: ['invite'] };

export const userInviteDescription: INodeProperties[] = [
	{
		displayName: 'To invite a guest, use Room Member: Add with their email.',
		name: 'inviteNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. jane@example.com',
		default: '',
		required: true,
		description:
			'Address to send the invitation to. An address that already has a DocSpace account gets no new invitation.',
		displayOptions: { show },
	},
	{
		displayName: 'Type',
		name: 'inviteType',
		type: 'options',
		options: userTypeOptions(['user', 'roomAdmin', 'admin'], 'only the owner may invite one'),
		default: 'user',
		description: 'The type of account the person gets',
		displayOptions: { show },
	},
	{
		displayName: 'Language',
		name: 'culture',
		type: 'string',
		default: '',
		placeholder: 'e.g. en-US, de-DE, fr-FR',
		description:
			"Language of the invitation email, as a culture code. Empty: the portal's language.",
		displayOptions: { show },
	},
];

interface InviteState {
	email: string;
	existing?: EmployeeFull;
}
const invites = new WeakMap<object, InviteState>();

export async function prepareUserInvite(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const raw = this.getNodeParameter('email', '');
	const email = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (!isEmail(email)) {
		throw invalidField(
			this,
			'Email',
			`${describeValue(raw)} is not an email address`,
			'Enter an address such as jane@example.com.',
		);
	}
	const rawType = this.getNodeParameter('inviteType', 'user');
	const type = parseUserType(rawType);
	if (type === 'guest') {
		throw invalidField(
			this,
			'Type',
			'DocSpace does not invite guests to the portal',
			'Guests join through a room: use Room Member: Add with their email, or a room invitation link. Or invite them as User.',
		);
	}
	if (!type) {
		throw invalidField(
			this,
			'Type',
			`${describeValue(rawType)} is not a user type`,
			'Use User, Room Admin or DocSpace Admin.',
		);
	}
	const culture = optionalText(this, 'Language', this.getNodeParameter('culture', ''), 20);
	if (culture !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(culture)) {
		throw invalidField(
			this,
			'Language',
			`"${culture}" is not a culture code`,
			'Use a code such as en-US, de-DE or fr-FR, or leave it empty.',
		);
	}
	// In bulk, items inviting the same address go in item order: the later ones find the account.
	await afterEarlierItems(this, `user:${email}`);
	const existing = await findUserByEmail(this, email);
	if (existing && Number(existing.status) === 2) {
		const itemIndex = this.getItemIndex();
		throw refusal(
			this.getNode(),
			`Email: ${email} belongs to a disabled DocSpace user [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'DocSpace does not invite disabled users. Enable them with User: Enable instead. Nothing was changed.',
			},
		);
	}
	invites.set(this, { email, existing });
	const body = requestBody(requestOptions);
	body.invitations = [{ email, type: USER_TYPES[type].api }];
	if (culture) body.culture = culture;
	return requestOptions;
}

/**
 * DocSpace answers with every pending user the account can see, without emails; the invited
 * person is read back by address.
 */
export async function userInviteOutput(
	this: IExecuteSingleFunctions,
): Promise<INodeExecutionData[]> {
	const state = invites.get(this) as InviteState;
	const user = await findUserByEmail(this, state.email);
	if (!user) {
		throw refusal(
			this.getNode(),
			`DocSpace accepted the invitation but has no user with the email ${state.email} [item ${this.getItemIndex()}]`,
			{
				itemIndex: this.getItemIndex(),
			},
		);
	}
	return userItem(this, user, {
		invited: state.existing === undefined,
		previousType: state.existing ? USER_TYPES[userTypeOf(state.existing)].label : null,
	});
}
