import type { Principal } from '../auth';
import type { Query } from '../binding';
import type { DtoRenderer } from '../dto';
import type { Answer } from '../envelope';
import type { PortalState } from '../state';

export interface RouteContext {
	state: PortalState;
	render: DtoRenderer;
	/** Authenticated user, or undefined for anonymous requests to [AllowAnonymous] actions. */
	userId: string | undefined;
	principal: Principal | undefined;
	params: Record<string, string>;
	query: Query;
	rawBody: string;
	/** The portal's base URL (OAuth tokens carry it as `aud`). */
	portalUrl: string;
}

/** What an action returns; the server wraps it in the success envelope (docspace-api.md §1.2). */
export interface ActionResult {
	payload: unknown;
	/** Overrides the envelope count (HttpContext.Items["Count"]). */
	count?: number;
	total?: number;
	/** A complete answer instead of the envelope (OAuth2 endpoints, HTML pages, redirects). */
	answer?: Answer;
}

export interface RouteDefinition {
	method: string;
	/** Template such as '/api/2.0/files/rooms/{id}/links'. */
	template: string;
	allowAnonymous?: boolean;
	handler: (context: RouteContext) => ActionResult;
}

export function requireUser(context: RouteContext): string {
	if (context.userId === undefined) throw new Error('route requires an authenticated user');
	return context.userId;
}

export function page<T>(items: T[], startIndex: number, count: number): T[] {
	return items.slice(startIndex, startIndex + count);
}
