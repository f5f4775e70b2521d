import type { Principal } from '../auth';
import type { Query } from '../binding';
import type { DtoRenderer } from '../dto';
import type { Answer } from '../envelope';
import type { PortalState } from '../state';
import type { EmulatorOptions } from '../types';

export interface RouteContext {
	state: PortalState;
	render: DtoRenderer;
	/** Authenticated user, or undefined for anonymous requests to [AllowAnonymous] actions. */
	userId: string | undefined;
	principal: Principal | undefined;
	params: Record<string, string>;
	query: Query;
	rawBody: string;
	/** The body's bytes and the request headers (lower-case names), for multipart uploads. */
	bytes: Buffer;
	headers: Record<string, string>;
	baseUrl: string;
	/** The emulator's options (chunk size, conversion time, webhook switches…). */
	options: EmulatorOptions;
}

/** What an action returns; the server wraps it in the success envelope (docs/docspace/api.md §1.2). */
export interface ActionResult {
	payload: unknown;
	/** Overrides the envelope count (HttpContext.Items["Count"]). */
	count?: number;
	total?: number;
	/** An answer outside the API envelope (ChunkedUploader.ashx, filehandler.ashx). */
	answer?: Answer;
	/** Time the action takes before it answers (conversion on download). */
	delayMs?: number;
	/** 204 with an empty body (NoContentResult is not wrapped in the envelope). */
	noContent?: boolean;
}

export interface RouteDefinition {
	method: string;
	/** Template such as '/api/2.0/files/rooms/{id}/links'. */
	template: string;
	allowAnonymous?: boolean;
	handler: (context: RouteContext) => ActionResult | Promise<ActionResult>;
}

export function requireUser(context: RouteContext): string {
	if (context.userId === undefined) throw new Error('route requires an authenticated user');
	return context.userId;
}

export function page<T>(items: T[], startIndex: number, count: number): T[] {
	return items.slice(startIndex, startIndex + count);
}
