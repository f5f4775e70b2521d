// Exceptions the emulated actions throw, mapped to HTTP answers like CustomExceptionHandler (docs/docspace/api.md §2.1).

import { randomBytes } from 'node:crypto';

export const MSG_ACCESS_DENIED = 'Access denied';
export const MSG_ROLE_NOT_AVAILABLE = 'The role is not available for this user type';
export const MSG_FOLDER_NOT_FOUND = 'The required folder was not found';
export const MSG_FILE_NOT_FOUND = 'The required file was not found';
export const MSG_INVALID_OPERATION =
	'Operation is not valid due to the current state of the object.';

interface ExceptionKind {
	status: number;
	type: string;
	hresult: number;
	/** The handler writes no type/stack/hresult for these (docspace-api.md §2.2). */
	bare?: boolean;
}

const EXCEPTION_KINDS = {
	notFound: { status: 404, type: 'ASC.Common.Web.ItemNotFoundException', hresult: -2146233088 },
	argument: { status: 400, type: 'System.ArgumentException', hresult: -2147024809 },
	security: { status: 403, type: 'System.Security.SecurityException', hresult: -2146233078 },
	invalidOperation: { status: 403, type: 'System.InvalidOperationException', hresult: -2146233079 },
	payment: { status: 402, type: 'ASC.Core.Tenants.TenantQuotaException', hresult: -2146233088 },
	authentication: {
		status: 401,
		type: 'System.Security.Authentication.AuthenticationException',
		hresult: -2146233087,
		bare: true,
	},
	bruteForce: {
		status: 403,
		type: 'ASC.Core.BruteForceCredentialException',
		hresult: -2146233088,
		bare: true,
	},
} satisfies Record<string, ExceptionKind>;

export class DocSpaceException extends Error {
	constructor(
		readonly kind: ExceptionKind,
		message: string,
	) {
		super(message);
	}
}

export const notFound = (message: string) =>
	new DocSpaceException(EXCEPTION_KINDS.notFound, message);
export const argumentError = (message: string) =>
	new DocSpaceException(EXCEPTION_KINDS.argument, message);
/** `ArgumentException` thrown for a parameter: .NET appends "(Parameter 'name')". */
export const argumentOutOfRange = (parameter: string) =>
	argumentError(`Value does not fall within the expected range. (Parameter '${parameter}')`);
export const accessDenied = (message = MSG_ACCESS_DENIED) =>
	new DocSpaceException(EXCEPTION_KINDS.security, message);
export const invalidOperation = (message = MSG_INVALID_OPERATION) =>
	new DocSpaceException(EXCEPTION_KINDS.invalidOperation, message);
export const paymentRequired = (message: string) =>
	new DocSpaceException(EXCEPTION_KINDS.payment, message);
export const authenticationFailed = (message: string) =>
	new DocSpaceException(EXCEPTION_KINDS.authentication, message);
export const bruteForceBlocked = (message: string) =>
	new DocSpaceException(EXCEPTION_KINDS.bruteForce, message);

/** Error body of §2.2 (type/stack/hresult included: the handler adds them for these exceptions). */
export function errorBody(error: DocSpaceException) {
	if (error.kind.bare)
		return { error: { message: error.message }, status: 1, statusCode: error.kind.status };
	return {
		error: {
			message: error.message,
			type: error.kind.type,
			stack: `   at ASC.Files.Core.Emulated.Action() in DocSpaceEmulator:line 1`,
			hresult: error.kind.hresult,
		},
		status: 1,
		statusCode: error.kind.status,
	};
}

/** Model-binding / validation failure (§2.3): rendered as ValidationProblemDetails inside the success envelope. */
export class ValidationProblem extends Error {
	constructor(readonly errors: Record<string, string[]>) {
		super('One or more validation errors occurred.');
	}

	static single(key: string, message: string): ValidationProblem {
		return new ValidationProblem({ [key]: [message] });
	}
}

export function problemDetails(problem: ValidationProblem) {
	return {
		type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
		title: 'One or more validation errors occurred.',
		status: 400,
		errors: problem.errors,
		traceId: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`,
	};
}
