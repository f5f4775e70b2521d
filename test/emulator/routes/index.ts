import { authenticationRoutes } from './authentication';
import type { RouteDefinition } from './context';
import { downloadRoutes } from './downloads';
import { fileEditRoutes } from './fileEdits';
import { fileOperationRoutes } from './fileops';
import { fileRoutes } from './files';
import { folderRoutes } from './folders';
import { groupRoutes } from './groups';
import { peopleRoutes } from './people';
import { roomMemberRoutes } from './roomMembers';
import { roomRoutes } from './rooms';
import { uploadRoutes } from './uploads';
import { userRoutes } from './users';
import { webhookRoutes } from './webhooks';
import { roomWriteRoutes } from './roomWrites';
import { roomLogoRoutes } from './roomLogos';

// folderRoutes last: its {folderId} template must not capture literal routes such as files/rooms.
// userRoutes after peopleRoutes: people/{userid} must not capture people/email or people/filter.
export const ROUTES: RouteDefinition[] = [
	...roomRoutes,
	...roomWriteRoutes,
	...roomLogoRoutes,
	...roomMemberRoutes,
	...fileRoutes,
	...peopleRoutes,
	...userRoutes,
	...groupRoutes,
	...uploadRoutes,
	...downloadRoutes,
	...fileEditRoutes,
	...fileOperationRoutes,
	...authenticationRoutes,
	...webhookRoutes,
	...folderRoutes,
];

export type RouteMatch =
	| { found: true; route: RouteDefinition; params: Record<string, string> }
	| { found: false; pathExists: boolean };

/** Matches `/a/{x}/b` templates segment by segment; literal segments win over parameters. */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
	const templateSegments = template.split('/');
	const pathSegments = path.replace(/\/+$/, '').split('/');
	if (templateSegments.length !== pathSegments.length) return undefined;
	const params: Record<string, string> = {};
	for (let index = 0; index < templateSegments.length; index++) {
		const expected = templateSegments[index];
		const actual = pathSegments[index];
		const parameter = /^\{(\w+)\}$/.exec(expected);
		if (parameter) {
			if (actual === '') return undefined;
			params[parameter[1]] = decodeURIComponent(actual);
		} else if (expected.toLowerCase() !== actual.toLowerCase()) {
			return undefined;
		}
	}
	return params;
}

export function findRoute(method: string, path: string): RouteMatch {
	let pathExists = false;
	for (const route of ROUTES) {
		const params = matchTemplate(route.template, path);
		if (!params) continue;
		// a literal route such as people/@self must not be captured by a templated one
		if (
			Object.values(params).some((value) => value.startsWith('@')) &&
			route.template.includes('{')
		)
			continue;
		pathExists = true;
		if (route.method === method) return { found: true, route, params };
	}
	return { found: false, pathExists };
}
