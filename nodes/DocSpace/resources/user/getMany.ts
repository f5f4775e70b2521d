import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

import { checkSearchQuery } from '../../shared/routing';

const show = { resource: ['user'], operation: ['getAll'] };

// EmployeeStatus (DocSpace-server ASC.Core.Users): 1 Active, 2 Terminated ("disabled" in the UI).
const STATUS = { active: 1, disabled: 2 } as const;

export const userGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		placeholder: 'e.g. jane or jane@example.com',
		description: 'Only users whose name or email contains this text. Empty: all users.',
		displayOptions: { show },
		routing: { send: { type: 'query', property: 'filterValue' } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		displayOptions: { show },
		options: [
			{ name: 'Active', value: 'active' },
			{ name: 'Any', value: 'any' },
			{ name: 'Disabled', value: 'disabled' },
		],
		default: 'active',
		description: 'Which accounts to list; disabled users cannot be given access',
	},
	// Simplify and Options: declared once for every User operation (index.ts).
];

export async function prepareUserGetMany(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs = checkSearchQuery(this, requestOptions);
	const status = this.getNodeParameter('status', 'active') as string;
	if (status in STATUS) qs.employeeStatus = STATUS[status as keyof typeof STATUS];
	return requestOptions;
}

/** DocSpace's user types (EmployeeType): the owner is an admin with `owner: true`. */
function userType(user: IDataObject): string {
	if (user.isOwner || user.isAdmin) return 'admin';
	if (user.isRoomAdmin) return 'room admin';
	if (user.isVisitor) return 'guest';
	return 'user';
}

export function simplifyUser(user: IDataObject): IDataObject {
	return {
		id: user.id,
		name: user.displayName ?? ([user.firstName, user.lastName].filter(Boolean).join(' ') || null),
		email: user.email ?? null,
		type: userType(user),
		owner: user.isOwner === true,
		status:
			Number(user.status) === STATUS.disabled
				? 'disabled'
				: Number(user.activationStatus) === 2
					? 'pending'
					: 'active',
		groups: Array.isArray(user.groups)
			? (user.groups as IDataObject[]).map((group) => group.name)
			: [],
	};
}
