import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { FileDto } from './fileOutput';
import { docSpaceApiRequest } from './transport';

/** Files looked up per run of the node (all its items share one execute data), at most this many. */
const MAX_FILES_PER_RUN = 1000;
const titlesByRun = new WeakMap<object, Map<string, Promise<string | null>>>();

async function readTitle(context: IExecuteSingleFunctions, fileId: string): Promise<string | null> {
	try {
		const { response } = await docSpaceApiRequest.call(
			context,
			'GET',
			`/api/2.0/files/file/${encodeURIComponent(fileId)}`,
			{},
			undefined,
			'object',
			{ isWrite: false, requiredScope: 'files:read' },
		);
		const title = (response as FileDto | undefined)?.title;
		return typeof title === 'string' ? title : null;
	} catch {
		// Only for the output: the operation itself already succeeded.
		return null;
	}
}

/**
 * A file's title for output rows that name it (File: Share), read once per file per run of the node
 * (`GET files/file/{id}`, docs/docspace/files.md §1); null when it cannot be read.
 */
export async function fileTitleFor(
	context: IExecuteSingleFunctions,
	fileId: string,
): Promise<string | null> {
	const run = context.getExecuteData?.() ?? context;
	let titles = titlesByRun.get(run);
	if (!titles) {
		titles = new Map();
		titlesByRun.set(run, titles);
	}
	const known = titles.get(fileId);
	if (known) return await known;
	const title = readTitle(context, fileId);
	if (titles.size < MAX_FILES_PER_RUN) titles.set(fileId, title);
	return await title;
}
