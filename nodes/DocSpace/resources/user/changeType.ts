import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import {
	type EmployeeFull,
	USER_TYPES,
	type UserTypeName,
	fetchUser,
	parseUserType,
	userIds,
	userTypeOf,
	userTypeOptions,
} from '../../shared/people';
import { requestBody } from '../../shared/routing';
import { DocSpaceFailureError, docSpaceApiRequest, failureOf } from '../../shared/transport';
import { describeValue, invalidField, refusal } from '../../shared/validation';
import { responseOf, userItem } from './output';

const show = { resource: ['user'], operation: ['changeType'] };

export const userChangeTypeDescription: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'userType',
		type: 'options',
		options: userTypeOptions(
			['guest', 'user', 'roomAdmin', 'admin'],
			'only the owner may make or unmake admins',
		),
		default: 'user',
		description: 'The new type of the account',
		displayOptions: { show },
	},
	{
		displayName: 'Hand Rooms Over To',
		name: 'reassignTo',
		type: 'string',
		default: '',
		placeholder: 'e.g. jane@example.com',
		description:
			'When a room admin or admin becomes a user or guest, DocSpace hands their rooms and shared files over to this user (ID or email). Empty: to the account behind the credential.',
		displayOptions: { show },
	},
];

// Downgrades run as a DocSpace task; polled with backoff, at most this long in total.
const POLL_DELAYS_MS = [250, 500, 1000, 2000, 4000, 5000];
const MAX_POLL_MS = 120_000;

interface TypeChange {
	user: EmployeeFull;
	previous: UserTypeName;
	target: UserTypeName;
	mode: 'none' | 'upgrade' | 'downgrade';
}
const changes = new WeakMap<object, TypeChange>();

/**
 * PUT people/type/{type} raises a type (and lowers an admin to room admin); POST people/type lowers
 * one to User or Guest as a task. Nothing is sent when the user already has the type
 * (docs/docspace/people.md §4).
 */
export async function prepareUserChangeType(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const rawType = this.getNodeParameter('userType', 'user');
	const target = parseUserType(rawType);
	if (!target)
		throw invalidField(
			this,
			'Type',
			`${describeValue(rawType)} is not a user type`,
			'Use Guest, User, Room Admin or DocSpace Admin.',
		);
	const [reassignTo] = await userIds(
		this,
		'Hand Rooms Over To',
		this.getNodeParameter('reassignTo', ''),
	);
	const user = await fetchUser(this);
	if (user.isOwner) {
		const itemIndex = this.getItemIndex();
		throw refusal(
			this.getNode(),
			`User: the type of the portal owner (${user.email ?? user.id}) cannot be changed [item ${itemIndex}]`,
			{
				itemIndex,
				description:
					'The owner is always a DocSpace admin. Transfer ownership in DocSpace (Settings → DocSpace owner) first. Nothing was changed.',
			},
		);
	}
	const previous = userTypeOf(user);
	const up =
		USER_TYPES[target].rank > USER_TYPES[previous].rank ||
		(previous === 'admin' && target === 'roomAdmin');
	const mode = previous === target ? 'none' : up ? 'upgrade' : 'downgrade';
	changes.set(this, { user, previous, target, mode });
	if (mode === 'none') {
		requestOptions.method = 'GET';
		requestOptions.url = `/api/2.0/people/${user.id}`;
	} else if (mode === 'upgrade') {
		requestOptions.url = `/api/2.0/people/type/${USER_TYPES[target].api}`;
		requestBody(requestOptions).userIds = [user.id];
	} else {
		requestOptions.method = 'POST';
		requestOptions.url = '/api/2.0/people/type';
		Object.assign(
			requestBody(requestOptions),
			{ userId: user.id, type: USER_TYPES[target].api },
			reassignTo ? { reassignUserId: reassignTo } : {},
		);
	}
	return requestOptions;
}

interface TaskProgress extends IDataObject {
	isCompleted?: boolean;
	error?: string;
}

/** Waits for the downgrade task (bounded); a vanished task counts as finished and the user is re-read. */
async function waitForTypeTask(
	context: IExecuteSingleFunctions,
	change: TypeChange,
): Promise<void> {
	const started = Date.now();
	for (let poll = 0; Date.now() - started < MAX_POLL_MS; poll++) {
		const progress = (
			await docSpaceApiRequest.call(
				context,
				'GET',
				`/api/2.0/people/type/progress/${change.user.id}`,
			)
		).response as TaskProgress | null;
		if (progress?.error) {
			throw refusal(
				context.getNode(),
				`DocSpace could not change the type of ${change.user.email ?? change.user.id}: ${progress.error} [item ${context.getItemIndex()}]`,
				{
					itemIndex: context.getItemIndex(),
					description:
						'Check the user in DocSpace (Accounts); their rooms may be partly handed over.',
				},
			);
		}
		if (!progress || progress.isCompleted) return;
		await sleep(POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)]);
	}
	throw refusal(
		context.getNode(),
		`DocSpace is still changing the type of ${change.user.email ?? change.user.id} [item ${context.getItemIndex()}]`,
		{
			itemIndex: context.getItemIndex(),
			description:
				'Handing over many rooms and files takes a while. Check the user later with User: Get; do not run the change again meanwhile.',
		},
	);
}

/**
 * The routing accepts a list or an object (`answer: 'list'`); what this change must have answered is
 * checked here: PUT people/type/{type} the changed users, POST people/type the task, GET the user.
 */
export async function userChangeTypeOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const change = changes.get(this) as TypeChange;
	const failure = failureOf(response, change.mode === 'upgrade' ? 'array' : 'object');
	if (failure) throw new DocSpaceFailureError(failure);
	let user: EmployeeFull;
	if (change.mode === 'upgrade') {
		user =
			(responseOf<EmployeeFull[]>(response) ?? []).find((entry) => entry.id === change.user.id) ??
			change.user;
	} else if (change.mode === 'downgrade') {
		await waitForTypeTask(this, change);
		user = (
			await docSpaceApiRequest.call(
				this,
				'GET',
				`/api/2.0/people/${change.user.id}`,
				{},
				undefined,
				'object',
			)
		).response as EmployeeFull;
	} else {
		user = responseOf<EmployeeFull>(response);
	}
	return userItem(this, user, {
		previousType: USER_TYPES[change.previous].label,
		changed: userTypeOf(user) !== change.previous,
	});
}
