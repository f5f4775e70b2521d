import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accessName } from '../shared/accessLevels';
import { type FileShareDto, subjectOf } from '../shared/output';
import { MAX_PAGE_SIZE, docSpaceApiRequest } from '../shared/transport';

const ROOM_ID = /^\s*(\d{1,18}|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9_.-]{1,200})\s*$/;

/** The members of the chosen room (owner left out: it cannot be changed), searched by name or email, page by page. */
export async function searchRoomMembers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	let roomId: string | undefined;
	try {
		roomId = ROOM_ID.exec(
			String(this.getCurrentNodeParameter('room', { extractValue: true }) ?? ''),
		)?.[1];
	} catch {
		roomId = undefined;
	}
	if (!roomId)
		throw new NodeOperationError(
			this.getNode(),
			'Choose the room first (From List, By ID or By URL); the list shows its members.',
		);
	const startIndex = Number(paginationToken) || 0;
	const qs: IDataObject = { filterType: 0, startIndex, count: MAX_PAGE_SIZE };
	if (filter?.trim()) qs.filterValue = filter.trim().slice(0, 255);
	const { response, total } = await docSpaceApiRequest.call(
		this,
		'GET',
		`/api/2.0/files/rooms/${encodeURIComponent(roomId)}/share`,
		qs,
	);
	const page = (Array.isArray(response) ? response : []) as FileShareDto[];
	const results = page
		.filter((entry) => !entry.isOwner)
		.map((entry) => {
			const subject = subjectOf(entry);
			const isGroup = Number(entry.subjectType) === 2;
			const name = String((isGroup ? subject.name : subject.displayName) ?? subject.id);
			const detail = isGroup ? 'group' : String(subject.email ?? '');
			return {
				name: `${name} (${detail}) — ${accessName(entry.access) ?? entry.access}`,
				value: String(subject.id),
			};
		});
	const next = startIndex + page.length;
	const more = page.length === MAX_PAGE_SIZE && (total === undefined || next < total);
	return { results, paginationToken: more ? String(next) : undefined };
}
