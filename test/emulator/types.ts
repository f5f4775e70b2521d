// Public types of the DocSpace emulator.

import type { WebhookOptions } from './webhooks';

/** FileShare access level (docs/docspace/api.md §1.4): 0 None … 11 ContentCreator. */
export type FileShareAccess = number;

export type UserRole = 'owner' | 'admin' | 'roomAdmin' | 'user' | 'guest';

export interface SeedUser {
	id: string;
	firstName: string;
	lastName: string;
	email: string;
	role: UserRole;
	/** 1 Active, 2 Terminated (disabled). */
	status?: 1 | 2;
	/** Enables Basic authentication for this user. */
	password?: string;
}

export interface SeedGroup {
	id: string;
	name: string;
	managerId?: string;
	memberIds: string[];
}

export interface SeedLink {
	id: string;
	/** 0 Invitation, 1 External. */
	linkType: 0 | 1;
	primary?: boolean;
	access: FileShareAccess;
	title?: string;
	password?: string;
	/** ISO-8601 string. */
	expirationDate?: string;
	denyDownload?: boolean;
	internal?: boolean;
	maxUseCount?: number;
	currentUseCount?: number;
}

/** FolderType values of rooms (docs/docspace/api.md §1.4). */
export type RoomFolderType = 15 | 16 | 19 | 22 | 29 | 31;

export interface SeedRoom {
	/** Integer rooms use a numeric string ('101'); third-party rooms any string ('sbox-42'). */
	id: string;
	title: string;
	folderType: RoomFolderType;
	/** Users (besides the portal owner and admins) who can manage the room's access. */
	managerIds?: string[];
	links?: SeedLink[];
	createdBy?: string;
}

export interface SeedFileShare {
	subjectId: string;
	access: FileShareAccess;
}

export interface SeedFile {
	id: string;
	title: string;
	/** 'my' = the creator's My documents; otherwise a room id, or a folder (`SeedFolder`) id. */
	location: 'my' | { roomId: string } | { folderId: string };
	/** Locked for editing by another user: moving or deleting it fails inside the operation. */
	locked?: boolean;
	createdBy: string;
	isForm?: boolean;
	sizeBytes?: number;
	shares?: SeedFileShare[];
	links?: SeedLink[];
}

/** A folder in My documents (of `createdBy`), in a room, or in another seeded folder (listed before it). */
export interface SeedFolder {
	id: string;
	title: string;
	location: 'my' | { roomId: string } | { folderId: string };
	createdBy: string;
}

export interface SeedApiKey {
	id: string;
	key: string;
	name: string;
	userId: string;
	/** API-key permissions (docs/docspace/api.md §6.3); '*' or an empty list = '*:write'. */
	permissions: string[];
	expiresAt?: string;
}

export interface SeedSessionToken {
	token: string;
	userId: string;
}

export interface SeedJwt {
	token: string;
	userId: string;
	scopes: string[];
}

export interface PasswordPolicy {
	minLength: number;
	upperCase: boolean;
	digits: boolean;
	specSymbols: boolean;
}

export interface PortalSeed {
	users: SeedUser[];
	groups: SeedGroup[];
	rooms: SeedRoom[];
	files: SeedFile[];
	folders?: SeedFolder[];
	apiKeys: SeedApiKey[];
	sessionTokens: SeedSessionToken[];
	jwts: SeedJwt[];
	passwordPolicy?: Partial<PasswordPolicy>;
}

export interface RateLimitOptions {
	concurrentWrites?: number;
	concurrentReads?: number;
	perMinute?: number;
	dailyWrites?: number;
}

export interface EmulatorOptions extends WebhookOptions {
	latencyMs?: number;
	rateLimits?: false | RateLimitOptions;
	passwordMinLength?: number;
	linkBaseUrl?: string;
	/** `chunkUploadSize` of GET files/settings (DocSpace's default: 10 MiB). */
	chunkUploadSize?: number;
	/** The portal's UTC offset: ApiDateTime values are written in it (`…+03:00`); default 0 (`…Z`). */
	timeZoneOffsetMinutes?: number;
	/** How long filehandler.ashx takes to convert a file on download. */
	conversionMs?: number;
	/**
	 * External storage (S3-like): downloads without conversion answer 302 to a pre-signed address
	 * there (docs/docspace/files.md §3). Set by `emulator.useExternalStorage()`.
	 */
	externalStorage?: { presign(key: string, body: Buffer, headers: Record<string, string>): string };
	/** Reads (the start answer included) that see a file operation running before one sees it finished; default 1. */
	fileOperationReads?: number;
	/** The portal's largest image upload (`web:max-upload-size`; DocSpace's default: 1 MiB). */
	maxImageUploadSize?: number;
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
	/** The body's bytes (multipart uploads are binary). */
	bytes?: Buffer;
	status: number;
}

export type FaultKind =
	| { kind: 'latency'; ms: number }
	| { kind: 'reset' }
	| { kind: 'timeout' }
	| { kind: 'html502' }
	| { kind: 'malformedJson' }
	| { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> };

export type Fault = {
	method?: string;
	path: string | RegExp;
	times?: number;
} & FaultKind & { afterProcessing?: boolean };

export interface Notification {
	fileId: string;
	userIds: string[];
	message: string;
}

export interface EmulatorStats {
	maxConcurrentWrites: number;
	maxConcurrentReads: number;
	rejected429: number;
}

export interface OpenApiViolation {
	method: string;
	path: string;
	problems: string[];
}

export interface EmployeeDto {
	id: string;
	displayName: string;
	avatar: string;
	avatarOriginal: string;
	avatarMax: string;
	avatarMedium: string;
	avatarSmall: string;
	profileUrl: string;
	hasAvatar: boolean;
	isAnonim: boolean;
}

export interface EmployeeFullDto extends EmployeeDto {
	firstName: string;
	lastName: string;
	userName: string;
	email: string;
	status: number;
	activationStatus: number;
	groups: GroupSummaryDto[];
	isAdmin: boolean;
	isRoomAdmin: boolean;
	isLDAP: boolean;
	isOwner: boolean;
	isVisitor: boolean;
	isCollaborator: boolean;
	isSSO: boolean;
	mobilePhoneActivationStatus: number;
	terminated?: string;
	registrationDate: string;
	location?: string;
	notes?: string;
	cultureName?: string;
}

export interface GroupSummaryDto {
	id: string;
	name: string;
	manager?: string;
	isSystem?: boolean;
}

export interface FileShareLinkDto {
	id: string;
	title: string;
	shareLink: string;
	expirationDate?: string;
	linkType: 0 | 1;
	password?: string;
	denyDownload?: boolean;
	isExpired?: boolean;
	primary: boolean;
	internal?: boolean;
	requestToken?: string;
	maxUseCount?: number;
	currentUseCount?: number;
}

export interface FileShareDto {
	access: FileShareAccess;
	sharedTo?: FileShareLinkDto | EmployeeFullDto | GroupSummaryDto;
	sharedToUser?: EmployeeFullDto;
	sharedToGroup?: GroupSummaryDto;
	sharedLink?: FileShareLinkDto;
	isLocked: boolean;
	isOwner: boolean;
	canEditAccess: boolean;
	canEditInternal: boolean;
	canEditDenyDownload: boolean;
	canEditExpirationDate: boolean;
	canRevoke: boolean;
	/** 0 User, 1 ExternalLink, 2 Group, 3 InvitationLink, 4 PrimaryExternalLink. */
	subjectType: 0 | 1 | 2 | 3 | 4;
}

export interface WebhooksConfigDto {
	id: number;
	name: string;
	uri: string;
	enabled: boolean;
	ssl: boolean;
	/** WebhookTrigger flags (a long: up to 2^35). */
	triggers: number;
	targetId?: string;
	createdBy?: EmployeeDto;
	createdOn?: string;
	modifiedOn?: string;
	lastFailureOn?: string;
	lastFailureContent?: string;
	lastSuccessOn?: string;
}
