import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * How long an operation waits for its answer (File: Download; docs/docspace/files.md §4): the
 * whole wait (all attempts and retries) is `totalSeconds`; with `wholeWaitPerAttempt` DocSpace works
 * inside the request (a conversion), so one attempt may take all of it, whatever Timeout says.
 */
export interface AnswerWait {
	totalSeconds: number;
	wholeWaitPerAttempt?: boolean;
	waitingFor?: string;
	/**
	 * The wait follows DocSpace's answer (an asynchronous file operation polled by the operation's
	 * post-receive step, inside the attempt): the attempt may last Timeout plus `totalSeconds`, while
	 * the answer itself and every status read stay within Timeout.
	 */
	afterAnswer?: boolean;
}

const answerWaits = new WeakMap<object, AnswerWait>();

/** Called by a pre-send: the item's request waits as `wait` says instead of Timeout alone. */
export function setAnswerWait(context: IExecuteSingleFunctions, wait: AnswerWait): void {
	answerWaits.set(context, wait);
}

/** The wait a pre-send set for this item's context, if any. */
export function answerWaitOf(context: object): AnswerWait | undefined {
	return answerWaits.get(context);
}
