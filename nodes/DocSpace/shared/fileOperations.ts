import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import { docSpaceNodeError, type DocSpaceFailure } from './errors';
import { failureContextFor } from './failureContext';
import { optionValue } from './routing';
import {
	type AnswerShape,
	DocSpaceFailureError,
	docSpaceApiRequest,
	setAnswerWait,
} from './transport';
import { integerInRange, refusal } from './validation';

/** A file or folder entry as operations list them (FileEntryBaseDto); only the fields we read. */
export interface FileEntryDto extends IDataObject {
	id?: number | string;
	title?: string;
	folderId?: number | string;
	parentId?: number | string;
	fileEntryType?: number;
	rootFolderType?: number;
}

/** DocSpace's FileOperationDto (docs/docspace/folders.md §1). `Operation` is spelled with a capital O. */
export interface FileOperationDto extends IDataObject {
	id: string;
	Operation?: number;
	progress?: number;
	error?: string | null;
	processed?: string;
	finished?: boolean;
	status?: number;
	files?: FileEntryDto[];
	folders?: FileEntryDto[];
}

export type OperationOutcome =
	| { state: 'finished'; operation: FileOperationDto }
	/** No longer listed: another read took the result, or DocSpace dropped it (§1). */
	| { state: 'vanished'; operationId: string };

/** Default and bounds of Options → Max Wait (Seconds). */
export const WAIT_SECONDS = { default: 300, min: 1, max: 3600 };
/** Pause before each status read: short first (most operations finish at once), then at most 5 s. */
const POLL_DELAYS_MS = [200, 400, 800, 1600, 3200, 5000];
/** Hard cap on status reads per operation, whatever the wait. */
const MAX_POLLS = 1000;

const FILE_OPERATIONS_PATH = '/api/2.0/files/fileops';

/**
 * Shape of the `response` of a request that starts a file operation: `PUT files/fileops/*` and
 * `DELETE files/file/{id}` answer a list of FileOperationDto (one with returnSingleOperation), room
 * archive/unarchive a single DTO (§1, §6); `startedOperation` reads either.
 */
export const STARTED_OPERATION_ANSWER = 'list' satisfies AnswerShape;

/** The operation of a start answer: a single DTO, or the first of a list (returnSingleOperation). */
export function startedOperation(body: unknown): FileOperationDto | undefined {
	const response = (body as IDataObject | undefined)?.response;
	const candidate = Array.isArray(response) ? response[0] : response;
	if (
		!candidate ||
		typeof candidate !== 'object' ||
		typeof (candidate as IDataObject).id !== 'string'
	)
		return undefined;
	return candidate as FileOperationDto;
}

/**
 * Options → Max Wait in ms; pre-sends call it so that a bad value is refused before the operation
 * starts. The waiting happens inside the start request's attempt (its post-receive step polls), so
 * that attempt may last Timeout plus Max Wait; each request, status reads included, keeps Timeout.
 */
export function maxWaitMs(context: IExecuteSingleFunctions): number {
	const raw = optionValue<unknown>(context, 'maxWaitSeconds', WAIT_SECONDS.default);
	const seconds = integerInRange(
		context,
		'Max Wait (Seconds)',
		raw,
		WAIT_SECONDS.min,
		WAIT_SECONDS.max,
	);
	setAnswerWait(context, { totalSeconds: seconds, afterAnswer: true });
	return seconds * 1000;
}

/** Fails the item through the error table (a finished operation with an error, or the wait ran out). */
export function operationFailure(
	context: IExecuteSingleFunctions,
	failure: DocSpaceFailure,
): Error {
	const itemIndex = context.getItemIndex();
	return docSpaceNodeError(
		context.getNode(),
		failure,
		failureContextFor(context, 'PUT', itemIndex),
	);
}

function settle(context: IExecuteSingleFunctions, operation: FileOperationDto): OperationOutcome {
	const error = typeof operation.error === 'string' ? operation.error.trim() : '';
	if (error !== '') throw operationFailure(context, { operationError: error });
	return { state: 'finished', operation };
}

/** Sleeps between status reads; a cancelled execution stops the wait (the operation goes on in DocSpace). */
async function pauseFor(context: IExecuteSingleFunctions, ms: number): Promise<void> {
	await sleep(ms);
	const signal =
		'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal?.() : undefined;
	if (signal?.aborted) {
		throw refusal(context.getNode(), 'The execution was cancelled while waiting for DocSpace', {
			itemIndex: context.getItemIndex(),
			description:
				'The operation goes on in DocSpace; check its result there before running the node again.',
		});
	}
}

/** Reads the operation's status once; undefined when DocSpace no longer lists it. */
async function readStatus(
	context: IExecuteSingleFunctions,
	id: string,
): Promise<FileOperationDto | undefined> {
	// Polling needs files:read even when the operation was started with a rooms-only key (§1). The answer
	// is a list (empty once the result was read): an answer without one is not taken for "vanished".
	const { response } = await docSpaceApiRequest.call(
		context,
		'GET',
		FILE_OPERATIONS_PATH,
		{ id },
		undefined,
		'list',
		{
			requiredScope: 'files:read',
			isWrite: false,
		},
	);
	const list = (Array.isArray(response) ? response : [response]) as FileOperationDto[];
	return list.find((operation) => operation && String(operation.id) === id);
}

/**
 * Waits until DocSpace reports the started operation finished (docs/docspace/folders.md §1):
 * reads `GET files/fileops?id=` with growing pauses, keeps the first finished answer (DocSpace
 * forgets it after that read), fails the item with DocSpace's error text, and gives up after
 * Options → Max Wait with the last progress in the error.
 */
export async function waitForFileOperation(
	context: IExecuteSingleFunctions,
	started: FileOperationDto | undefined,
): Promise<OperationOutcome> {
	if (!started) {
		throw new DocSpaceFailureError({ statusCode: 200, body: undefined, malformedJson: true });
	}
	if (started.finished) return settle(context, started);
	const deadline = Date.now() + maxWaitMs(context);
	const begun = Date.now();
	let progress = Number(started.progress ?? 0);
	for (let poll = 0; poll < MAX_POLLS; poll++) {
		const pause = POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)];
		if (Date.now() + pause > deadline) break;
		await pauseFor(context, pause);
		const status = await readStatus(context, started.id);
		if (!status) return { state: 'vanished', operationId: started.id };
		if (status.finished) return settle(context, status);
		progress = Number(status.progress ?? progress);
	}
	throw operationFailure(context, {
		operationTimeout: { progress, waitedSeconds: Math.round((Date.now() - begun) / 1000) },
	});
}

/**
 * Waits until `read` says the change is visible (used where DocSpace's answer does not identify the
 * operation, e.g. room deletion, §6), with the same pauses and bound.
 */
export async function waitUntil(
	context: IExecuteSingleFunctions,
	read: () => Promise<boolean>,
): Promise<void> {
	const deadline = Date.now() + maxWaitMs(context);
	const begun = Date.now();
	for (let poll = 0; poll < MAX_POLLS; poll++) {
		if (await read()) return;
		const pause = POLL_DELAYS_MS[Math.min(poll, POLL_DELAYS_MS.length - 1)];
		if (Date.now() + pause > deadline) break;
		await pauseFor(context, pause);
	}
	throw operationFailure(context, {
		operationTimeout: { progress: 0, waitedSeconds: Math.round((Date.now() - begun) / 1000) },
	});
}

/** Reads an entry; undefined when DocSpace answers 404 (it is gone). */
export async function readEntryOrGone(
	context: IExecuteSingleFunctions,
	url: string,
	requiredScope = 'files:read',
): Promise<FileEntryDto | undefined> {
	try {
		const { response } = await docSpaceApiRequest.call(
			context,
			'GET',
			url,
			{},
			undefined,
			'object',
			{ isWrite: false, requiredScope },
		);
		return (response ?? {}) as FileEntryDto;
	} catch (error) {
		if (error instanceof NodeApiError && error.httpCode === '404') return undefined;
		// Already a failure from the error table (docSpaceApiRequest maps every failure).
		const failure = error as NodeApiError;
		throw failure;
	}
}

/** The Max Wait option every operation that waits for DocSpace offers. */
export const maxWaitOption = {
	displayName: 'Max Wait (Seconds)',
	name: 'maxWaitSeconds',
	type: 'number' as const,
	typeOptions: { minValue: WAIT_SECONDS.min, maxValue: WAIT_SECONDS.max },
	default: WAIT_SECONDS.default,
	description:
		'How long to wait for DocSpace to finish the operation. If it has not finished by then, the item fails with the progress reached; the operation itself goes on in DocSpace.',
};
