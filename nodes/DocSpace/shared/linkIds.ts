import { createHash, randomUUID } from 'crypto';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * The id a new link is created with. DocSpace creates a link under a client-supplied unknown
 * `linkId` (docs/docspace/api.md §3.1), so sending one makes creation idempotent: our own retries
 * resend the same id, and so does n8n's "Retry On Fail" (same execution, node, run and item),
 * which therefore updates the link it may already have created instead of adding a second one.
 */
export function newLinkId(context: IExecuteSingleFunctions, target: string): string {
	const executionId = context.getExecutionId?.();
	if (!executionId) return randomUUID();
	const itemIndex = context.getItemIndex();
	const seed = [
		executionId,
		context.getNode().id,
		runIndexOf(context, itemIndex),
		itemIndex,
		target,
	].join('|');
	const hex = createHash('sha256').update(seed).digest('hex');
	// Formatted as a version-4 UUID (variant bits set) so DocSpace's Guid parser accepts it.
	return [
		hex.slice(0, 8),
		hex.slice(8, 12),
		`4${hex.slice(13, 16)}`,
		`${((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}`,
		hex.slice(20, 32),
	].join('-');
}

// The run index is only exposed through a workflow data proxy, which is costly to build; all items
// of one run share the same execute data, so it is read once per run.
const runIndexes = new WeakMap<object, number>();

function runIndexOf(context: IExecuteSingleFunctions, itemIndex: number): number {
	const executeData = context.getExecuteData();
	const known = executeData ? runIndexes.get(executeData) : undefined;
	if (known !== undefined) return known;
	let runIndex = 0;
	try {
		runIndex = Number(context.getWorkflowDataProxy(itemIndex).$runIndex) || 0;
	} catch {
		runIndex = 0;
	}
	if (executeData) runIndexes.set(executeData, runIndex);
	return runIndex;
}
