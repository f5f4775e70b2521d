import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { docSpaceApiRequest } from '../shared/transport';

const PAGE_SIZE = 100;

/** Files of My Documents for the File picker (the only place files take user shares), searched by name. */
export async function searchFiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const startIndex = Number(paginationToken) || 0;
	const qs: IDataObject = { startIndex, count: PAGE_SIZE };
	if (filter) qs.filterValue = filter;
	const { response } = await docSpaceApiRequest.call(this, 'GET', '/api/2.0/files/@my', qs);
	const content = (response ?? {}) as IDataObject;
	const files = (content.files ?? []) as IDataObject[];
	const total = Number(content.total ?? files.length);
	return {
		results: files.map((file) => ({ name: `${String(file.title)} (My Documents)`, value: String(file.id) })),
		paginationToken: startIndex + files.length < total && files.length > 0 ? String(startIndex + files.length) : undefined,
	};
}
