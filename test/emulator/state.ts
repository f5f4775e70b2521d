// In-memory portal state, loaded from a PortalSeed.

import { randomBytes, randomUUID } from 'node:crypto';
import { IdentityState } from './identity';
import type {
	Notification,
	PasswordPolicy,
	PortalSeed,
	RoomFolderType,
	SeedApiKey,
	SeedFile,
	SeedFolder,
	SeedGroup,
	SeedJwt,
	SeedLink,
	SeedUser,
	UserRole,
} from './types';
import { WebhookRegistry } from './webhooks';

export interface UserRecord {
	id: string;
	firstName: string;
	lastName: string;
	email: string;
	role: UserRole;
	status: 1 | 2;
	password?: string;
	myFolderId: number;
	registered: Date;
	/** EmployeeActivationStatus: 1 Activated (default), 2 Pending (invited, not joined yet). */
	activationStatus?: 1 | 2;
	location?: string;
	notes?: string;
	cultureName?: string;
}

export interface LinkRecord {
	id: string;
	linkType: 0 | 1;
	primary: boolean;
	access: number;
	title: string;
	password?: string;
	expirationDate?: Date;
	denyDownload: boolean;
	internal: boolean;
	maxUseCount?: number;
	currentUseCount: number;
	shortKey: string;
	requestToken: string;
}

export interface RoomRecord {
	id: string;
	title: string;
	folderType: RoomFolderType;
	managerIds: Set<string>;
	links: LinkRecord[];
	createdBy: string;
	created: Date;
	/** Settings set on create/update (docs/docspace/rooms.md §1); absent = DocSpace's defaults. */
	settings?: RoomSettingsRecord;
	tags?: string[];
	/** Users who pinned the room (pinning is per user). */
	pinnedBy?: Set<string>;
	/** Members (user or group id → access) besides the owner and the managers in managerIds. */
	members?: Map<string, number>;
	/** In the Archive section (docs/docspace/folders.md §6). */
	archived?: boolean;
}

/** A folder below My documents or a room (docs/docspace/folders.md §4). */
export interface FolderRecord {
	id: string;
	title: string;
	/** The direct parent: a room id, a user's My documents folder id, or another folder's id. */
	parentId: string;
	/** The room the folder is in (at any depth); undefined in My documents. */
	roomId?: string;
	createdBy: string;
	created: Date;
	updated: Date;
	/** In its deleter's Trash; `parentId` stays where it came from. */
	trashedBy?: string;
}

export interface RoomSettingsRecord {
	quota?: number;
	indexing?: boolean;
	denyDownload?: boolean;
	color?: string;
	cover?: string;
	lifetime?: { enabled: boolean; value?: number; period?: number; deletePermanently?: boolean };
	watermark?: { enabled: boolean; text?: string; additions?: number; rotate?: number };
	/** The stored logo's name, set by POST files/rooms/{id}/logo (docs/docspace/rooms.md §6). */
	logo?: string;
}

export interface FileRecord {
	id: string;
	title: string;
	roomId?: string;
	createdBy: string;
	isForm: boolean;
	sizeBytes: number;
	/** subject id (user or group) → access */
	shares: Map<string, number>;
	links: LinkRecord[];
	created: Date;
	/** The direct parent when it is a sub-folder (a FolderRecord id); otherwise the room or My documents. */
	folderId?: string;
	/** In its deleter's Trash. */
	trashedBy?: string;
	locked?: boolean;
	updated?: Date;
	/** Uploaded bytes; seeded files have generated content of sizeBytes (see fileContent). */
	content?: Buffer;
	version?: number;
}

/** A chunked upload session (POST files/{folderId}/upload/create_session). */
export interface UploadSession {
	id: string;
	userId: string;
	folderId: string;
	fileName: string;
	bytesTotal: number;
	createNewIfExist: boolean;
	chunks: Buffer[];
	expires: Date;
}

/** The bytes of a file: what was uploaded, or the title repeated up to its size. */
export function fileContent(file: FileRecord): Buffer {
	return file.content ?? Buffer.alloc(file.sizeBytes, `${file.title}\n`);
}

const SHORT_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomShortKey(): string {
	const bytes = randomBytes(8);
	return Array.from(bytes, (byte) => SHORT_KEY_ALPHABET[byte % SHORT_KEY_ALPHABET.length]).join('');
}

export function newLink(
	fields: Omit<LinkRecord, 'shortKey' | 'requestToken' | 'currentUseCount'> & {
		currentUseCount?: number;
	},
): LinkRecord {
	return {
		currentUseCount: 0,
		...fields,
		shortKey: randomShortKey(),
		requestToken: randomBytes(24).toString('base64url'),
	};
}

function linkFromSeed(seed: SeedLink): LinkRecord {
	return newLink({
		id: seed.id,
		linkType: seed.linkType,
		primary: seed.primary ?? false,
		access: seed.access,
		title: seed.title ?? (seed.linkType === 0 ? 'Invitation link' : 'Shared link'),
		password: seed.password,
		expirationDate: seed.expirationDate ? new Date(seed.expirationDate) : undefined,
		denyDownload: seed.denyDownload ?? false,
		internal: seed.internal ?? false,
		maxUseCount: seed.maxUseCount,
		currentUseCount: seed.currentUseCount ?? 0,
	});
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
	minLength: 8,
	upperCase: false,
	digits: false,
	specSymbols: false,
};
export const PORTAL_CREATED = new Date('2025-01-15T09:00:00.000Z');
/** Id of the VirtualRooms root folder ("Rooms", FolderType 14). */
export const ROOMS_FOLDER_ID = 2;
/** Id of the Archive root folder (FolderType 20). */
export const ARCHIVE_FOLDER_ID = 4;
/** A user's Trash folder id (FolderType 3): derived from their My documents id. */
export const trashFolderIdOf = (myFolderId: number) => 900_000 + myFolderId;

export class PortalState {
	readonly users = new Map<string, UserRecord>();
	/** The addresses DocSpace emailed an invitation to, in order (a new address only, people.md §2). */
	readonly invitationEmails: string[] = [];
	readonly groups = new Map<string, SeedGroup>();
	readonly rooms = new Map<string, RoomRecord>();
	readonly files = new Map<string, FileRecord>();
	readonly folders = new Map<string, FolderRecord>();
	/** Asynchronous file operations (docs/docspace/folders.md §1), see fileOperations.ts. */
	readonly fileOperations: import('./fileOperations').FileOperationRecord[] = [];
	readonly auditLog: import('./fileOperations').AuditEvent[] = [];
	/** Reads that see an operation running before one sees it finished (EmulatorOptions.fileOperationReads). */
	fileOperationReads = 1;
	private nextEntryId = 5000;
	readonly apiKeys = new Map<string, SeedApiKey>();
	readonly sessionTokens = new Map<string, string>();
	readonly jwts = new Map<string, SeedJwt>();
	/** Logins, session lifetimes and the OAuth2 server (docs/docspace/auth.md). */
	readonly identity = new IdentityState();
	readonly notifications: Notification[] = [];
	readonly uploadSessions = new Map<string, UploadSession>();
	private lastFileId = 5000;
	readonly webhooks = new WebhookRegistry();
	readonly passwordPolicy: PasswordPolicy;
	readonly ownerId: string;

	constructor(seed: PortalSeed, passwordMinLength?: number) {
		seed.users.forEach((user, index) => this.users.set(user.id, userFromSeed(user, 10 + index)));
		seed.groups.forEach((group) =>
			this.groups.set(group.id, { ...group, memberIds: [...group.memberIds] }),
		);
		const owner = seed.users.find((user) => user.role === 'owner') ?? seed.users[0];
		this.ownerId = owner?.id ?? '';
		for (const room of seed.rooms) {
			this.rooms.set(room.id, {
				id: room.id,
				title: room.title,
				folderType: room.folderType,
				managerIds: new Set(room.managerIds ?? []),
				links: (room.links ?? []).map(linkFromSeed),
				createdBy: room.createdBy ?? this.ownerId,
				created: PORTAL_CREATED,
			});
		}
		(seed.folders ?? []).forEach((folder) =>
			this.folders.set(folder.id, this.folderFromSeed(folder)),
		);
		seed.files.forEach((file) =>
			this.files.set(file.id, this.placeSeedFile(fileFromSeed(file), file)),
		);
		seed.apiKeys.forEach((key) => this.apiKeys.set(key.key, key));
		seed.sessionTokens.forEach((session) => this.sessionTokens.set(session.token, session.userId));
		seed.jwts.forEach((jwt) => this.jwts.set(jwt.token, jwt));
		this.passwordPolicy = { ...DEFAULT_PASSWORD_POLICY, ...seed.passwordPolicy };
		if (passwordMinLength !== undefined) this.passwordPolicy.minLength = passwordMinLength;
	}

	isAdmin(userId: string): boolean {
		const role = this.users.get(userId)?.role;
		return role === 'owner' || role === 'admin';
	}

	canManageRoom(userId: string, room: RoomRecord): boolean {
		return this.isAdmin(userId) || room.createdBy === userId || room.managerIds.has(userId);
	}

	/** Rooms visible to the user: admins see all, others the rooms they manage. */
	visibleRooms(userId: string): RoomRecord[] {
		return [...this.rooms.values()].filter((room) => this.canManageRoom(userId, room));
	}

	findUserByEmail(email: string): UserRecord | undefined {
		const lower = email.toLowerCase();
		return [...this.users.values()].find((user) => user.email.toLowerCase() === lower);
	}

	groupsOf(userId: string): SeedGroup[] {
		return [...this.groups.values()].filter((group) => group.memberIds.includes(userId));
	}

	canReadFile(userId: string, file: FileRecord): boolean {
		if (this.isAdmin(userId) || file.createdBy === userId) return true;
		if (file.roomId !== undefined) {
			const room = this.rooms.get(file.roomId);
			return room !== undefined && this.canManageRoom(userId, room);
		}
		if (file.shares.has(userId)) return true;
		return this.groupsOf(userId).some((group) => file.shares.has(group.id));
	}

	newFileId(): string {
		while (this.files.has(String(++this.lastFileId)));
		return String(this.lastFileId);
	}

	newLinkId(requested: string | undefined): string {
		return requested ?? randomUUID();
	}

	/** A new file or folder id above every seeded one. */
	newEntryId(): string {
		while (
			this.files.has(String(this.nextEntryId)) ||
			this.folders.has(String(this.nextEntryId)) ||
			this.rooms.has(String(this.nextEntryId))
		)
			this.nextEntryId++;
		return String(this.nextEntryId++);
	}

	private folderFromSeed(seed: SeedFolder): FolderRecord {
		const folder: FolderRecord = {
			id: seed.id,
			title: seed.title,
			parentId: '',
			createdBy: seed.createdBy,
			created: PORTAL_CREATED,
			updated: PORTAL_CREATED,
		};
		if (seed.location === 'my')
			folder.parentId = String(this.users.get(seed.createdBy)?.myFolderId ?? 0);
		else if ('roomId' in seed.location)
			Object.assign(folder, { parentId: seed.location.roomId, roomId: seed.location.roomId });
		else
			Object.assign(folder, {
				parentId: seed.location.folderId,
				roomId: this.folders.get(seed.location.folderId)?.roomId,
			});
		return folder;
	}

	private placeSeedFile(file: FileRecord, seed: SeedFile): FileRecord {
		if (typeof seed.location === 'object' && 'folderId' in seed.location) {
			file.folderId = seed.location.folderId;
			file.roomId = this.folders.get(seed.location.folderId)?.roomId;
		}
		file.locked = seed.locked;
		return file;
	}
}

function userFromSeed(user: SeedUser, myFolderId: number): UserRecord {
	return {
		id: user.id,
		firstName: user.firstName,
		lastName: user.lastName,
		email: user.email,
		role: user.role,
		status: user.status ?? 1,
		password: user.password,
		myFolderId,
		registered: PORTAL_CREATED,
	};
}

function fileFromSeed(file: SeedFile): FileRecord {
	return {
		id: file.id,
		title: file.title,
		roomId:
			typeof file.location === 'object' && 'roomId' in file.location
				? file.location.roomId
				: undefined,
		createdBy: file.createdBy,
		isForm: file.isForm ?? false,
		sizeBytes: file.sizeBytes ?? 24_576,
		shares: new Map((file.shares ?? []).map((share) => [share.subjectId, share.access])),
		links: (file.links ?? []).map(linkFromSeed),
		created: PORTAL_CREATED,
	};
}

export function fileExtension(title: string): string {
	const dot = title.lastIndexOf('.');
	return dot >= 0 ? title.slice(dot).toLowerCase() : '';
}
