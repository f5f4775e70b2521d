import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { ERROR_TABLE } from './errorTable';

export { retryAfterMs } from './errorTable';
import { redactText } from './redaction';
import type { Authentication } from './authentication';

/** What came back from DocSpace (or did not), reduced to what the error table needs. */
export interface DocSpaceFailure {
	statusCode?: number;
	body?: unknown;
	headers?: Record<string, unknown>;
	/** Node/axios error code for failures without an HTTP answer (ECONNREFUSED, ECONNRESET, ETIMEDOUT…). */
	networkCode?: string;
	/** The answer claimed JSON but could not be parsed. */
	malformedJson?: boolean;
	/** An asynchronous file operation finished with this error (docs/docspace/folders.md §1). */
	operationError?: string;
	/** An asynchronous file operation had not finished when the node stopped waiting. */
	operationTimeout?: { progress: number; waitedSeconds: number };
	/** A 3xx: where the portal address sent us (origin and path only); never followed. */
	redirectTo?: string;
	/** A success status whose answer is not DocSpace's envelope of the expected shape. */
	notDocSpace?: { contentType: string; preview: string; what: string };
	/** The answer grew past the response size cap (in MB). */
	tooLargeMb?: number;
	/** The node's own deadline per attempt ran out (seconds); `bodyStarted`: the answer had begun. */
	deadline?: {
		seconds: number;
		bodyStarted: boolean;
		/** The work DocSpace does inside the request (a conversion): the wait was Max Wait, not Timeout. */
		waitingFor?: string;
		/** Bytes of the answer received when the wait ran out. */
		receivedBytes?: number;
	};
	/** A download's redirect to storage that was not followed, or the storage's refusal (docs/docspace/files.md §3). */
	storage?: { url: string; problem: string };
}

/** Who failed: lets every message name the operation, the item and the DocSpace object. */
export interface FailureContext {
	operation: string;
	/** e.g. `room 101`, `file 201`. */
	target: string;
	/** The API-key permission the operation needs, e.g. `rooms:write`. */
	requiredScope: string;
	isWrite: boolean;
	itemIndex: number;
	/** A picker or dropdown in the editor: no item number, and nothing to say about changes. */
	inEditor?: boolean;
	attempts?: number;
	/** How the node signed in; the 401 and missing-permission advice depends on it. */
	authentication?: Authentication;
	/** Extra hint for 403 "The role is not available for this user type". */
	roleHint?: string;
	/** The request started an asynchronous operation: running it again is not harmless. */
	notRepeatable?: boolean;
	/** The request creates something new on every execution (a link without a given ID): a rerun is not harmless. */
	createsNew?: boolean;
	/** Values that must not appear in the message (the key, link passwords); redacted with the usual patterns. */
	secrets?: unknown[];
}

interface ProblemDetails {
	title?: string;
	errors?: Record<string, string[]>;
}

/** `error.message` of DocSpace's error body, else the ProblemDetails text (docs/docspace/api.md §2.3). */
export function docSpaceErrorText(body: unknown): string {
	if (!body || typeof body !== 'object') return '';
	const { error, response } = body as { error?: { message?: unknown }; response?: ProblemDetails };
	if (error && typeof error.message === 'string') return error.message;
	if (response && typeof response === 'object' && (response.errors || response.title)) {
		const fieldErrors = Object.entries(response.errors ?? {}).map(
			([field, messages]) =>
				`${field.replace(/^\$\.?/, '') || 'body'}: ${[messages].flat().join(' ')}`,
		);
		return fieldErrors.length ? fieldErrors.join('; ') : String(response.title);
	}
	return '';
}

export function mapDocSpaceError(failure: DocSpaceFailure, context: FailureContext) {
	const text = redactText(docSpaceErrorText(failure.body), context.secrets);
	const rule = ERROR_TABLE.find((candidate) => candidate.matches(failure, text, context));
	const message =
		rule?.message(context, failure, text) ??
		`DocSpace failed for ${context.target}: ${text || `status ${failure.statusCode}`}`;
	let description =
		rule?.description(context, failure, text) ??
		'Try again; if it persists, contact the portal administrator.';
	if (context.inEditor) {
		description = description
			.replace(/\s*Nothing was (changed|created|registered|sent)( by this item)?\./g, '')
			.trim();
	}
	return {
		message: `${redactText(message, context.secrets)}${context.inEditor ? '' : ` [item ${context.itemIndex}]`}`,
		description: redactText(description, context.secrets),
	};
}

/**
 * n8n's NodeApiError rewrites a message that mentions a network error code, and so drops our
 * text and the item number; the message is set back after construction.
 */
export function keepMessage<E extends Error>(error: E, message: string): E {
	error.message = message;
	return error;
}

/**
 * The error the user sees. It is built from our own text only: neither the request (it holds
 * the Authorization header and link passwords) nor the raw answer goes into it.
 */
export function docSpaceNodeError(
	node: INode,
	failure: DocSpaceFailure,
	context: FailureContext,
): NodeApiError {
	const { message, description } = mapDocSpaceError(failure, context);
	const errorResponse: JsonObject = { message, statusCode: failure.statusCode ?? null };
	const error = new NodeApiError(node, errorResponse, {
		message,
		description,
		httpCode: failure.statusCode ? String(failure.statusCode) : undefined,
		itemIndex: context.itemIndex,
	});
	return keepMessage(error, message);
}
