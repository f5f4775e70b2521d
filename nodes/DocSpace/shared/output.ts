import type { IDataObject } from 'n8n-workflow';

import { accessName } from './accessLevels';

export const HIDDEN_PASSWORD = '[hidden: turn on Options → Include Password]';

/** A FileShareDto as DocSpace sends it (docs/docspace/api.md §3.3); only the fields we read. */
export interface FileShareDto extends IDataObject {
	access?: number;
	subjectType?: number;
	sharedTo?: IDataObject;
	sharedToUser?: IDataObject;
	sharedToGroup?: IDataObject;
	sharedLink?: IDataObject;
}

/** The link object of a link entry: `sharedLink` on 3.5+, `sharedTo` before. */
export function linkOf(dto: FileShareDto): IDataObject {
	return (dto.sharedLink ?? dto.sharedTo ?? {}) as IDataObject;
}

/** The user or group of an entry (`sharedToUser`/`sharedToGroup` on 3.5+, `sharedTo` before). */
export function subjectOf(dto: FileShareDto): IDataObject {
	return (dto.sharedToUser ?? dto.sharedToGroup ?? dto.sharedTo ?? {}) as IDataObject;
}

/** Full entry, but the link password DocSpace returns in clear text is hidden unless asked for. */
export function redactPasswords(dto: FileShareDto, includePassword: boolean): FileShareDto {
	if (includePassword) return dto;
	const copy: FileShareDto = { ...dto };
	for (const key of ['sharedLink', 'sharedTo'] as const) {
		const link = copy[key];
		if (link && typeof link === 'object' && 'password' in link) {
			copy[key] = { ...link, password: HIDDEN_PASSWORD };
		}
	}
	return copy;
}

export function simplifyLink(dto: FileShareDto, includePassword: boolean): IDataObject {
	const link = linkOf(dto);
	const simple: IDataObject = {
		linkId: link.id,
		title: link.title,
		url: link.shareLink,
		linkType: Number(link.linkType) === 0 ? 'invitation' : 'external',
		access: dto.access,
		accessName: accessName(dto.access),
		expirationDate: link.expirationDate ?? null,
		expired: link.isExpired ?? false,
		passwordProtected: typeof link.password === 'string' && link.password !== '',
		denyDownload: link.denyDownload ?? false,
		internal: link.internal ?? false,
		maxUses: link.maxUseCount ?? null,
		usesSoFar: link.currentUseCount ?? null,
		primary: link.primary ?? false,
		canRevoke: dto.canRevoke ?? null,
	};
	if (includePassword && simple.passwordProtected) simple.password = link.password;
	return simple;
}

export function simplifySubject(dto: FileShareDto): IDataObject {
	const subject = subjectOf(dto);
	const isGroup =
		Number(dto.subjectType) === 2 ||
		(dto.sharedToGroup !== undefined && dto.sharedToUser === undefined);
	return {
		subjectType: isGroup ? 'group' : 'user',
		id: subject.id,
		name:
			(isGroup ? subject.name : subject.displayName) ?? subject.name ?? subject.displayName ?? null,
		email: isGroup ? null : (subject.email ?? null),
		access: dto.access,
		accessName: accessName(dto.access),
		owner: dto.isOwner ?? false,
		locked: dto.isLocked ?? false,
		canEditAccess: dto.canEditAccess ?? false,
	};
}
