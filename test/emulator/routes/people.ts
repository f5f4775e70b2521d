// People, groups, API keys, authentication check and password settings (docs/docspace/api.md §5, §6.4).

import { notFound } from '../apiErrors';
import { queryValue, readPaging, readQueryEnum } from '../binding';
import { formatApiDate } from '../dto';
import { PORTAL_CREATED, type UserRecord } from '../state';
import {
	page,
	requireUser,
	type ActionResult,
	type RouteContext,
	type RouteDefinition,
} from './context';

function matchesText(user: UserRecord, filterValue: string): boolean {
	const text = `${user.firstName} ${user.lastName} ${user.email}`.toLowerCase();
	return text.includes(filterValue);
}

function listPeople(
	context: RouteContext,
	unboundedCount: boolean,
	extraFilter: (user: UserRecord) => boolean,
): ActionResult {
	requireUser(context);
	const paging = readPaging(context.query, unboundedCount);
	const filterValue = queryValue(context.query, 'filterValue')?.toLowerCase() ?? '';
	const matches = [...context.state.users.values()].filter(
		(user) => matchesText(user, filterValue) && extraFilter(user),
	);
	return {
		payload: page(matches, paging.startIndex, paging.count).map((user) =>
			context.render.employeeFull(user),
		),
		total: matches.length,
	};
}

/** §7: GET people (GetAllProfilesRequestDto) has no [Range] on count. */
function getPeople(context: RouteContext): ActionResult {
	return listPeople(context, true, () => true);
}

function getPeopleFiltered(context: RouteContext): ActionResult {
	const status = readQueryEnum(context.query, 'employeeStatus');
	const groupId = queryValue(context.query, 'groupId')?.toLowerCase();
	const group = groupId ? context.state.groups.get(groupId) : undefined;
	return listPeople(context, false, (user) => {
		if (status !== undefined && status !== 7 && user.status !== status) return false;
		return groupId === undefined || (group?.memberIds.includes(user.id) ?? false);
	});
}

function getSelf(context: RouteContext): ActionResult {
	const user = context.state.users.get(requireUser(context));
	if (!user) throw notFound('The user could not be found');
	return { payload: context.render.employeeFull(user) };
}

function getByEmail(context: RouteContext): ActionResult {
	requireUser(context);
	const email = queryValue(context.query, 'email') ?? '';
	const user = context.state.findUserByEmail(email.trim());
	if (!user) throw notFound('The user could not be found');
	return { payload: context.render.employeeFull(user) };
}

function getGroups(context: RouteContext): ActionResult {
	requireUser(context);
	const paging = readPaging(context.query);
	const filterValue = queryValue(context.query, 'filterValue')?.toLowerCase() ?? '';
	const matches = [...context.state.groups.values()].filter((group) =>
		group.name.toLowerCase().includes(filterValue),
	);
	return {
		payload: page(matches, paging.startIndex, paging.count).map((group) =>
			context.render.group(group),
		),
		total: matches.length,
	};
}

function getOwnApiKey(context: RouteContext): ActionResult {
	const apiKey = context.principal?.apiKey;
	if (!apiKey) throw notFound('The API key was not found');
	const creator = context.state.users.get(apiKey.userId);
	return {
		payload: {
			id: apiKey.id,
			name: apiKey.name,
			// Listings mask the key as sk-***<postfix> (§6.2).
			key: `sk-***${apiKey.key.slice(-4)}`,
			keyPostfix: apiKey.key.slice(-4),
			permissions: apiKey.permissions,
			lastUsed: formatApiDate(new Date()),
			createOn: formatApiDate(PORTAL_CREATED),
			createBy: creator ? context.render.employee(creator) : undefined,
			expiresAt: apiKey.expiresAt,
			isActive: true,
		},
	};
}

/** [AllowAnonymous]: true when the caller is authenticated (§6.4). */
function isAuthenticated(context: RouteContext): ActionResult {
	return { payload: context.userId !== undefined };
}

function getPasswordSettings(context: RouteContext): ActionResult {
	requireUser(context);
	const policy = context.state.passwordPolicy;
	return {
		payload: {
			minLength: policy.minLength,
			upperCase: policy.upperCase,
			digits: policy.digits,
			specSymbols: policy.specSymbols,
			allowedCharactersRegexStr: '[\\x21-\\x7E]',
			digitsRegexStr: '(?=.*\\d)',
			upperCaseRegexStr: '(?=.*[A-Z])',
			specSymbolsRegexStr: '(?=.*[\\x21-\\x2F\\x3A-\\x40\\x5B-\\x60\\x7B-\\x7E])',
		},
	};
}

export const peopleRoutes: RouteDefinition[] = [
	{ method: 'GET', template: '/api/2.0/people/@self', handler: getSelf },
	{ method: 'GET', template: '/api/2.0/people/email', handler: getByEmail },
	{ method: 'GET', template: '/api/2.0/people/filter', handler: getPeopleFiltered },
	{ method: 'GET', template: '/api/2.0/people', handler: getPeople },
	{ method: 'GET', template: '/api/2.0/group', handler: getGroups },
	{ method: 'GET', template: '/api/2.0/keys/@self', handler: getOwnApiKey },
	{
		method: 'GET',
		template: '/api/2.0/authentication',
		handler: isAuthenticated,
		allowAnonymous: true,
	},
	{ method: 'GET', template: '/api/2.0/settings/security/password', handler: getPasswordSettings },
];
