// Rendering of state records as the DTOs DocSpace returns (docs/docspace/api.md §3.3, §4.2, §5).

import type {
	EmployeeDto,
	EmployeeFullDto,
	FileShareDto,
	FileShareLinkDto,
	GroupSummaryDto,
} from './types';
import type { FileOperationRecord } from './fileOperations';
import {
	ARCHIVE_FOLDER_ID,
	ROOMS_FOLDER_ID,
	fileExtension,
	trashFolderIdOf,
	type FileRecord,
	type FolderRecord,
	type LinkRecord,
	type PortalState,
	type RoomRecord,
	type UserRecord,
} from './state';
import { renderContainer, renderFileOperation, renderFolder } from './folderDto';
import type { Container } from './tree';
import type { SeedGroup, WebhooksConfigDto } from './types';
import type { WebhookConfigRecord } from './webhooks';

let portalOffsetMinutes = 0;

/** The portal's time zone offset (EmulatorOptions.timeZoneOffsetMinutes); set by the emulator. */
export function setPortalTimeZoneOffset(minutes: number): void {
	portalOffsetMinutes = minutes;
}

/**
 * ApiDateTime is written with the .NET "o" format in the portal's time zone (§1.5):
 * `2026-11-23T10:00:00.0000000+03:00`, or `…Z` at UTC offset 0 (the default).
 */
export function formatApiDate(date: Date): string {
	if (portalOffsetMinutes === 0) return date.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
	const local = new Date(date.getTime() + portalOffsetMinutes * 60_000).toISOString();
	const sign = portalOffsetMinutes < 0 ? '-' : '+';
	const minutes = Math.abs(portalOffsetMinutes);
	const zone = `${sign}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
	return local.replace(/\.(\d{3})Z$/, `.$10000${zone}`);
}

/** FolderType of a room → RoomType enum used by FolderDto.roomType (OpenAPI FolderDto.roomType). */
export const ROOM_TYPE_BY_FOLDER_TYPE: Record<number, number> = {
	15: 1,
	16: 2,
	19: 5,
	22: 6,
	29: 8,
	31: 9,
};

export function roomNumericOrStringId(id: string): number | string {
	return /^\d+$/.test(id) ? Number(id) : id;
}

/** FileType by extension (0 Unknown, 5 Spreadsheet, 6 Presentation, 7 Document, 10 Pdf). */
const FILE_TYPES: Record<string, number> = {
	'.docx': 7,
	'.doc': 7,
	'.odt': 7,
	'.rtf': 7,
	'.txt': 7,
	'.xlsx': 5,
	'.csv': 5,
	'.ods': 5,
	'.pptx': 6,
	'.odp': 6,
	'.pdf': 10,
};

export class DtoRenderer {
	constructor(
		private readonly state: PortalState,
		private readonly portalUrl: string,
		private readonly linkBaseUrl: string,
	) {}

	/** WebhooksConfigDto (§2): plain DateTime values, never the secret. */
	webhookConfig(config: WebhookConfigRecord): WebhooksConfigDto {
		const creator = this.state.users.get(config.createdBy);
		const date = (value: Date | undefined) => value?.toISOString().replace(/Z$/, '');
		return {
			id: config.id,
			name: config.name,
			uri: config.uri,
			enabled: config.enabled,
			ssl: config.ssl,
			triggers: config.triggers,
			targetId: config.targetId,
			createdBy: creator ? this.employee(creator) : undefined,
			createdOn: date(config.createdOn),
			modifiedOn: date(config.modifiedOn),
			lastFailureOn: date(config.lastFailureOn),
			lastFailureContent: config.lastFailureContent,
			lastSuccessOn: date(config.lastSuccessOn),
		};
	}

	employee(user: UserRecord): EmployeeDto {
		const avatar = `/static/images/default_user_photo_size_82-82.png`;
		return {
			id: user.id,
			// An invited user has no name yet: DocSpace shows the address.
			displayName: `${user.firstName} ${user.lastName}`.trim() || user.email,
			avatar,
			avatarOriginal: avatar,
			avatarMax: `/static/images/default_user_photo_size_200-200.png`,
			avatarMedium: `/static/images/default_user_photo_size_48-48.png`,
			avatarSmall: `/static/images/default_user_photo_size_32-32.png`,
			profileUrl: `${this.portalUrl}/accounts/people/filter?email=${encodeURIComponent(user.email)}`,
			hasAvatar: false,
			isAnonim: false,
		};
	}

	employeeFull(user: UserRecord): EmployeeFullDto {
		return {
			...this.employee(user),
			firstName: user.firstName,
			lastName: user.lastName,
			userName: user.email.split('@')[0],
			email: user.email,
			status: user.status,
			activationStatus: user.activationStatus ?? 1,
			groups: this.state.groupsOf(user.id).map((group) => this.groupSummary(group)),
			// false for the owner (docs/docspace/people.md §1)
			isAdmin: user.role === 'admin',
			isRoomAdmin: user.role === 'roomAdmin',
			isLDAP: false,
			isOwner: user.role === 'owner',
			isVisitor: user.role === 'guest',
			isCollaborator: user.role === 'user',
			isSSO: false,
			mobilePhoneActivationStatus: 0,
			terminated: user.status === 2 ? formatApiDate(user.registered) : undefined,
			registrationDate: formatApiDate(user.registered),
			location: user.location,
			notes: user.notes,
			cultureName: user.cultureName,
		};
	}

	groupSummary(group: SeedGroup): GroupSummaryDto {
		return {
			id: group.id,
			name: group.name,
			manager: group.managerId ? this.managerUserName(group.managerId) : undefined,
			isSystem: false,
		};
	}

	private managerUserName(userId: string): string | undefined {
		return this.state.users.get(userId)?.email.split('@')[0];
	}

	/** GroupDto; GET group/{id} and the group writes add the members (docs/docspace/people.md §5). */
	group(group: SeedGroup, includeMembers = false) {
		const manager = group.managerId ? this.state.users.get(group.managerId) : undefined;
		return {
			name: group.name,
			category: '00000000-0000-0000-0000-000000000000',
			id: group.id,
			isLDAP: false,
			isSystem: false,
			manager: manager ? this.employeeFull(manager) : undefined,
			shared: false,
			membersCount: group.memberIds.length,
			members: includeMembers
				? group.memberIds.flatMap((id) => {
						const member = this.state.users.get(id);
						return member ? [this.employeeFull(member)] : [];
					})
				: undefined,
		};
	}

	shareLink(link: LinkRecord, requestedLinkId?: string): FileShareLinkDto {
		const isInvitation = link.linkType === 0;
		return {
			id: link.id,
			title: link.title,
			shareLink: `${this.linkBaseUrl}/s/${link.shortKey}`,
			expirationDate: link.expirationDate ? formatApiDate(link.expirationDate) : undefined,
			linkType: link.linkType,
			password: link.password,
			denyDownload: isInvitation ? undefined : link.denyDownload,
			isExpired: link.expirationDate ? link.expirationDate.getTime() < Date.now() : false,
			primary: link.primary,
			internal: isInvitation ? undefined : link.internal,
			// §3.3: requestToken is null when the returned link differs from the requested linkId.
			requestToken:
				isInvitation || (requestedLinkId !== undefined && requestedLinkId !== link.id)
					? undefined
					: link.requestToken,
			maxUseCount: isInvitation ? link.maxUseCount : undefined,
			currentUseCount: isInvitation ? link.currentUseCount : undefined,
		};
	}

	roomLinkShare(room: RoomRecord, link: LinkRecord, requestedLinkId?: string): FileShareDto {
		const sharedLink = this.shareLink(link, requestedLinkId);
		const isExternal = link.linkType === 1;
		const publicPrimary = room.folderType === 22 && link.primary;
		return {
			access: link.access,
			sharedTo: sharedLink,
			sharedLink,
			isLocked: false,
			isOwner: false,
			canEditAccess: false,
			canEditInternal: isExternal && room.folderType !== 22 && room.folderType !== 29,
			canEditDenyDownload: isExternal,
			canEditExpirationDate: !publicPrimary,
			canRevoke: true,
			subjectType: isExternal ? (link.primary ? 4 : 1) : 3,
		};
	}

	fileLinkShare(link: LinkRecord, requestedLinkId?: string): FileShareDto {
		const sharedLink = this.shareLink(link, requestedLinkId);
		return {
			access: link.access,
			sharedTo: sharedLink,
			sharedLink,
			isLocked: false,
			isOwner: false,
			canEditAccess: false,
			canEditInternal: true,
			canEditDenyDownload: true,
			canEditExpirationDate: true,
			canRevoke: true,
			subjectType: link.primary ? 4 : 1,
		};
	}

	/** A user or group share of a file (subjectType 0 / 2); undefined if the subject no longer exists. */
	subjectShare(subjectId: string, access: number, currentUserId: string): FileShareDto | undefined {
		const flags = {
			access,
			isLocked: subjectId === currentUserId,
			isOwner: false,
			canEditAccess: true,
			canEditInternal: false,
			canEditDenyDownload: false,
			canEditExpirationDate: false,
			canRevoke: true,
		};
		const user = this.state.users.get(subjectId);
		if (user) {
			const sharedToUser = this.employeeFull(user);
			return { ...flags, sharedTo: sharedToUser, sharedToUser, subjectType: 0 };
		}
		const group = this.state.groups.get(subjectId);
		if (group) {
			const sharedToGroup = this.groupSummary(group);
			return { ...flags, sharedTo: sharedToGroup, sharedToGroup, subjectType: 2 };
		}
		return undefined;
	}

	room(room: RoomRecord, currentUserId: string) {
		const creator = this.state.users.get(room.createdBy);
		const canManage = this.state.canManageRoom(currentUserId, room);
		const isThirdParty = !/^\d+$/.test(room.id);
		return {
			id: roomNumericOrStringId(room.id),
			title: room.title,
			parentId: room.archived ? ARCHIVE_FOLDER_ID : ROOMS_FOLDER_ID,
			filesCount: [...this.state.files.values()].filter((file) => file.roomId === room.id).length,
			foldersCount: [...this.state.folders.values()].filter((folder) => folder.roomId === room.id)
				.length,
			new: 0,
			mute: false,
			tags: room.tags ?? [],
			pinned: room.pinnedBy?.has(currentUserId) ?? false,
			roomType: ROOM_TYPE_BY_FOLDER_TYPE[room.folderType],
			private: false,
			indexing: room.settings?.indexing ?? false,
			denyDownload: room.settings?.denyDownload ?? false,
			...this.roomSettings(room),
			inRoom: true,
			rootFolderId: room.archived ? ARCHIVE_FOLDER_ID : ROOMS_FOLDER_ID,
			canShare: canManage,
			access: canManage ? 9 : 2,
			shared: room.links.some((link) => link.linkType === 1),
			created: formatApiDate(room.created),
			createdBy: creator ? this.employee(creator) : undefined,
			updated: formatApiDate(room.created),
			rootFolderType: room.archived ? 20 : 14,
			updatedBy: creator ? this.employee(creator) : undefined,
			providerItem: isThirdParty ? true : undefined,
			providerKey: isThirdParty ? 'Box' : undefined,
			fileEntryType: 1,
		};
	}

	/** A set logo's addresses in its four sizes (docs/docspace/rooms.md §6). */
	private roomLogoUrls(logo: string | undefined) {
		if (!logo) return {};
		const url = (size: string) => `${this.portalUrl}/storage/room_logos/root/${logo}_${size}.png`;
		return {
			original: url('orig'),
			large: url('large'),
			medium: url('medium'),
			small: url('small'),
		};
	}

	/** Room settings FolderDto carries only once they are set (docs/docspace/rooms.md §1). */
	private roomSettings(room: RoomRecord) {
		const settings = room.settings ?? {};
		return {
			lifetime: settings.lifetime?.enabled ? settings.lifetime : undefined,
			watermark: settings.watermark?.enabled ? settings.watermark : undefined,
			logo:
				settings.color || settings.cover || settings.logo
					? {
							...this.roomLogoUrls(settings.logo),
							color: settings.color,
							cover: settings.cover ? { id: settings.cover } : undefined,
						}
					: undefined,
			quotaLimit: settings.quota,
			isCustomQuota: settings.quota !== undefined ? true : undefined,
		};
	}

	file(file: FileRecord, currentUserId: string) {
		const creator = this.state.users.get(file.createdBy);
		const extension = fileExtension(file.title);
		const owner = this.state.users.get(file.createdBy);
		const trashId = file.trashedBy
			? trashFolderIdOf(this.state.users.get(file.trashedBy)?.myFolderId ?? 0)
			: undefined;
		const folderId =
			trashId ??
			(file.folderId !== undefined
				? Number(file.folderId)
				: file.roomId !== undefined
					? roomNumericOrStringId(file.roomId)
					: (owner?.myFolderId ?? 0));
		const archived =
			file.roomId !== undefined && this.state.rooms.get(file.roomId)?.archived === true;
		const isMine = file.createdBy === currentUserId;
		return {
			id: Number(file.id),
			title: file.title,
			folderId,
			version: file.version ?? 1,
			versionGroup: 1,
			contentLength: `${(file.sizeBytes / 1024).toFixed(1)} KB`,
			pureContentLength: file.sizeBytes,
			fileStatus: 0,
			mute: false,
			viewUrl: `${this.portalUrl}/filehandler.ashx?action=download&fileid=${file.id}`,
			webUrl: `${this.portalUrl}/doceditor?fileid=${file.id}&version=1`,
			fileType: FILE_TYPES[extension] ?? 0,
			fileExst: extension,
			isForm: file.isForm ? true : undefined,
			rootFolderId: file.roomId !== undefined ? ROOMS_FOLDER_ID : folderId,
			canShare: isMine || this.state.isAdmin(currentUserId),
			access: isMine ? 1 : 2,
			shared: file.shares.size > 0 || file.links.length > 0,
			created: formatApiDate(file.created),
			createdBy: creator ? this.employee(creator) : undefined,
			updated: formatApiDate(file.updated ?? file.created),
			rootFolderType:
				trashId !== undefined ? 3 : file.roomId !== undefined ? (archived ? 20 : 14) : 5,
			parentRoomType:
				file.roomId !== undefined ? this.state.rooms.get(file.roomId)?.folderType : undefined,
			updatedBy: creator ? this.employee(creator) : undefined,
			fileEntryType: 2,
		};
	}

	/** A sub-folder, My documents, a Trash or a section root as FolderDto (folderDto.ts). */
	container(container: Container, currentUserId: string): Record<string, unknown> {
		return container.kind === 'room'
			? this.room(container.room, currentUserId)
			: renderContainer(this.state, this, container);
	}

	folder(folder: FolderRecord): Record<string, unknown> {
		return renderFolder(this.state, this, folder);
	}

	fileOperation(
		operation: FileOperationRecord,
		finished: boolean,
		currentUserId: string,
	): Record<string, unknown> {
		return renderFileOperation(this.state, this, operation, finished, currentUserId);
	}
}
