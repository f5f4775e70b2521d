import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { ALL_ROOM_MEMBER_ACCESS, accessOptions, parseAccess } from '../../shared/accessLevels';
import type { FileShareDto } from '../../shared/output';
import { checkSearchQuery, fillLocatorId } from '../../shared/routing';
import { MAX_PAGE_SIZE, sendDocSpaceRequest } from '../../shared/transport';
import { describeValue, invalidField } from '../../shared/validation';
import { memberJson } from './members';

const show = { resource: ['roomMember'], operation: ['getAll'] };
/** ShareFilterType (docs/docspace/rooms.md §4): 0 users and groups, 16 users, 32 groups. */
const SUBJECT_FILTERS: Record<string, number> = { all: 0, users: 16, groups: 32 };
/** Return All reads at most this many pages of 100. */
const MAX_PAGES = 100;

export const roomMemberGetManyDescription: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'memberFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: { show },
		options: [
			{
				displayName: 'Members',
				name: 'subjects',
				type: 'options',
				options: [
					{ name: 'Users and Groups', value: 'all' },
					{ name: 'Users Only', value: 'users' },
					{ name: 'Groups Only', value: 'groups' },
				],
				default: 'all',
				description: 'Which kind of members to list',
			},
			{
				displayName: 'Roles',
				name: 'roles',
				type: 'multiOptions',
				options: [
					{ name: 'Owner', value: 'owner', description: 'Owns the room and has every right in it' },
					...accessOptions(ALL_ROOM_MEMBER_ACCESS),
				],
				default: [],
				description: 'Only members with one of these roles. Empty: every role.',
			},
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				placeholder: 'e.g. Jane',
				description: 'Only members whose name or email contains this text',
			},
		],
	},
];

export async function prepareRoomMemberGetMany(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	fillLocatorId(this, requestOptions, 'room');
	const filters = this.getNodeParameter('memberFilters', {}) as IDataObject;
	const filterType = SUBJECT_FILTERS[String(filters.subjects ?? 'all')];
	if (filterType === undefined)
		throw invalidField(
			this,
			'Members',
			`${describeValue(filters.subjects)} is not a choice`,
			'Choose users, groups or all.',
		);
	requestOptions.qs = { ...(requestOptions.qs ?? {}), filterType, filterValue: filters.search };
	checkSearchQuery(this, requestOptions);
	roleFilter(this);
	return requestOptions;
}

/** The Roles filter as a test on an entry, or undefined when every role is wanted. */
function roleFilter(
	context: IExecuteSingleFunctions | IExecutePaginationFunctions,
): ((entry: FileShareDto) => boolean) | undefined {
	const filters = context.getNodeParameter('memberFilters', {}) as IDataObject;
	const roles = [filters.roles ?? []].flat().filter((role) => role !== '' && role !== null);
	if (roles.length === 0) return undefined;
	const owner = roles.some((role) => String(role).toLowerCase() === 'owner');
	const levels = roles
		.filter((role) => String(role).toLowerCase() !== 'owner')
		.map((role) => {
			const level = parseAccess(role);
			if (level === undefined || !ALL_ROOM_MEMBER_ACCESS.includes(level)) {
				throw invalidField(
					context as IExecuteSingleFunctions,
					'Roles',
					`${describeValue(role)} is not a room role`,
					'Choose the roles from the list.',
				);
			}
			return level;
		});
	return (entry) => (entry.isOwner === true ? owner : levels.includes(Number(entry.access)));
}

/** Each page as raw entries; the list hook below filters and simplifies them. */
export async function roomMemberPage(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const entries = (((response.body as IDataObject)?.response ?? []) as FileShareDto[]).filter(
		Boolean,
	);
	return entries.map((entry) => ({ json: entry }));
}

/**
 * DocSpace filters members by kind and text but not by role, so pages are read until Limit
 * members with the chosen roles are found (or the list ends), at most MAX_PAGES pages.
 */
export async function sendRoomMemberListRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll
		? Infinity
		: Math.max(1, Number(this.getNodeParameter('limit', 50)) || 50);
	const simplify = this.getNodeParameter('simplify', true) as boolean;
	const roomId = String(this.getNodeParameter('room', '', { extractValue: true })).trim();
	const pairedItem = { item: this.getItemIndex() };
	const results: INodeExecutionData[] = [];
	for (let pageIndex = 0; pageIndex < MAX_PAGES && results.length < limit; pageIndex++) {
		const page = await sendDocSpaceRequest.call(this, {
			...requestData,
			options: {
				...requestData.options,
				qs: {
					...requestData.options.qs,
					startIndex: pageIndex * MAX_PAGE_SIZE,
					count: MAX_PAGE_SIZE,
				},
			},
		});
		const keep = roleFilter(this);
		for (const item of page) {
			const entry = item.json as FileShareDto;
			if (!keep || keep(entry))
				results.push({ json: memberJson(roomId, entry, simplify), pairedItem });
		}
		if (page.length < MAX_PAGE_SIZE) break;
	}
	return results.slice(0, limit);
}
