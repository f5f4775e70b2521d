import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { accessName } from '../shared/accessLevels';
import { type FileShareDto, linkOf } from '../shared/output';
import { docSpaceApiRequest } from '../shared/transport';

const OWNER_ID = /^\s*(\d{1,18}|[A-Za-z][A-Za-z0-9]*-[A-Za-z0-9_.-]{1,200})\s*$/;
/** A file has at most 6 links, a room 7: one page holds them all. */
const FILE_LINKS_PAGE = 100;

function currentValue(context: ILoadOptionsFunctions, name: string): string {
	try {
		return String(context.getCurrentNodeParameter(name, { extractValue: true }) ?? '');
	} catch {
		return '';
	}
}

function expiryOf(link: IDataObject): string {
	if (link.isExpired) return 'expired';
	const date = typeof link.expirationDate === 'string' ? link.expirationDate : '';
	return date ? `expires ${date.slice(0, 10)}` : 'no expiry';
}

/**
 * The chosen room's (Room Link) or file's (File Link) links, by title, type, access and expiry.
 * Room Link: Create or Update lists only links of the chosen Link Type, so the pick cannot
 * contradict it; Revoke lists them all (the type follows from the link).
 */
export async function searchLinks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const isFile = this.getCurrentNodeParameter('resource') === 'fileLink';
	const ownerName = isFile ? 'file' : 'room';
	const ownerId = OWNER_ID.exec(currentValue(this, ownerName))?.[1];
	if (!ownerId)
		throw new NodeOperationError(
			this.getNode(),
			`Choose the ${ownerName} first (From List, By ID or By URL); the list shows its links.`,
		);
	const { response } = await docSpaceApiRequest.call(
		this,
		'GET',
		isFile
			? `/api/2.0/files/file/${encodeURIComponent(ownerId)}/links`
			: `/api/2.0/files/rooms/${encodeURIComponent(ownerId)}/links`,
		isFile ? { startIndex: 0, count: FILE_LINKS_PAGE } : {},
	);
	const wanted =
		!isFile && this.getCurrentNodeParameter('operation') === 'set'
			? this.getCurrentNodeParameter('linkType') === 'invitation'
				? 0
				: 1
			: undefined;
	const text = filter?.trim().toLowerCase() ?? '';
	const results = (Array.isArray(response) ? (response as FileShareDto[]) : [])
		.map((dto) => ({ dto, link: linkOf(dto) }))
		.filter(({ link }) => link.id)
		.filter(({ link }) => wanted === undefined || Number(link.linkType ?? 1) === wanted)
		.filter(
			({ link }) =>
				!text ||
				String(link.title ?? '')
					.toLowerCase()
					.includes(text),
		)
		.map(({ dto, link }) => {
			const kind = Number(link.linkType ?? 1) === 0 ? 'invitation' : 'external';
			const primary = link.primary ? ', primary' : '';
			return {
				name: `${String(link.title ?? '(no title)')} (${kind}${primary}) — ${accessName(dto.access) ?? dto.access}, ${expiryOf(link)}`,
				value: String(link.id),
				...(typeof link.shareLink === 'string' ? { url: link.shareLink } : {}),
			};
		});
	return { results };
}
