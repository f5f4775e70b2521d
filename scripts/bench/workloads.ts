/** The bulk write operations the benchmarks run: node parameters, input items and the raw-client requests. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { SEED_IDS } from '../../test/emulator/seed';

export interface Measure {
	label: string;
	operation?: string;
	items: number;
	failed: number;
	duplicates?: number;
	wallMs: number;
	/** The longest time the event loop was blocked: preparing items before sending. */
	blockedMs: number;
	expressionsPerItem: number;
	cpuMsPerItem: number;
	statuses?: Record<string, number>;
}

export interface RawRequest {
	/** PUT unless told. */
	method?: string;
	url: string;
	body?: IDataObject;
	/** A multipart body with this one file part (uploads). */
	file?: { fileName: string; mimeType: string; data: Buffer };
	/** A 404 is what this request expects (a lookup of someone new). */
	notFoundIsOk?: boolean;
}

export interface Workload {
	name: string;
	parameters: INodeParameters;
	items: Array<IDataObject | INodeExecutionData>;
	/** The same changes as plain requests (the floor); an array: one item's requests, in order. */
	requests: Array<RawRequest | RawRequest[]>;
	/** Generated rooms to seed (Room Link: Set gives each item a room of its own). */
	rooms?: number;
	/** Generated My Documents files to seed (ids from 20001). */
	files?: number;
	roomIds?: string[];
	/** Emulator commands run after the reset. */
	setup?: IDataObject[];
	faultPath: string;
}

/** A link of Contract.docx that File Link: Set updates (created by the setup). */
export const BENCH_FILE_LINK_ID = 'b0b0b0b0-0000-4000-8000-000000000001';

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

export function workloads(count: number): Workload[] {
	const indexes = Array.from({ length: count }, (_, n) => n);
	const roomIds = indexes.map((n) => String(1001 + n));
	const shareItems = indexes.map((n) => ({
		user: n % 2 ? SEED_IDS.bobId : SEED_IDS.janeId,
		access: n % 3 ? 2 : 10,
	}));
	const fileShare = `/api/2.0/files/file/${SEED_IDS.myDocxId}/share`;
	const fileLinks = `/api/2.0/files/file/${SEED_IDS.myDocxId}/links`;
	return [
		{
			name: 'Room Link: Set',
			parameters: {
				resource: 'roomLink',
				operation: 'set',
				room: byId('={{ $json.room }}'),
				linkType: 'external',
				access: 2,
				title: '={{ "Client " + $json.room }}',
			},
			items: roomIds.map((room) => ({ room })),
			requests: roomIds.map((room) => ({
				url: `/api/2.0/files/rooms/${room}/links`,
				body: { linkType: 1, access: 2, title: `Client ${room}` },
			})),
			rooms: count,
			roomIds,
			faultPath: '^/api/2.0/files/rooms/\\d+/links$',
		},
		{
			name: 'File: Share',
			parameters: {
				resource: 'file',
				operation: 'share',
				file: byId(SEED_IDS.myDocxId),
				recipientsFrom: 'rows',
				recipients: { recipient: [{ id: '={{ $json.user }}', access: '={{ $json.access }}' }] },
				notify: false,
			},
			items: shareItems,
			requests: shareItems.map((item) => ({
				url: fileShare,
				body: { share: [{ shareTo: item.user, access: item.access }], notify: false },
			})),
			faultPath: '^/api/2.0/files/file/\\d+/share$',
		},
		{
			name: 'File: Share, a file per item',
			parameters: {
				resource: 'file',
				operation: 'share',
				file: byId('={{ $json.file }}'),
				recipientsFrom: 'rows',
				recipients: { recipient: [{ id: SEED_IDS.bobId, access: 2 }] },
				notify: false,
			},
			items: indexes.map((n) => ({ file: String(20_001 + n) })),
			requests: indexes.map((n) => ({
				url: `/api/2.0/files/file/${20_001 + n}/share`,
				body: { share: [{ shareTo: SEED_IDS.bobId, access: 2 }], notify: false },
			})),
			files: count,
			faultPath: '^/api/2.0/files/file/\\d+/share$',
		},
		{
			name: 'File Link: Set',
			parameters: {
				resource: 'fileLink',
				operation: 'set',
				file: byId(SEED_IDS.myDocxId),
				link: 'update',
				linkId: BENCH_FILE_LINK_ID,
				fileLinkAccess: 2,
				title: '={{ $json.title }}',
			},
			items: indexes.map((n) => ({ title: `Review ${n}` })),
			requests: indexes.map((n) => ({
				url: fileLinks,
				body: {
					access: 2,
					linkId: BENCH_FILE_LINK_ID,
					title: `Review ${n}`,
					denyDownload: false,
					internal: false,
				},
			})),
			setup: [
				{
					type: 'put',
					url: fileLinks,
					body: { access: 2, linkId: BENCH_FILE_LINK_ID, title: 'Bench' },
				},
			],
			faultPath: '^/api/2.0/files/file/\\d+/links$',
		},
		{
			name: 'File: Remove Sharing',
			parameters: {
				resource: 'file',
				operation: 'removeSharing',
				file: byId(SEED_IDS.myDocxId),
				removeFrom: 'given',
				subjects: '={{ $json.user }}',
			},
			items: shareItems.map(({ user }) => ({ user })),
			requests: shareItems.map((item) => ({
				url: fileShare,
				body: { share: [{ shareTo: item.user, access: 0 }], notify: false },
			})),
			faultPath: '^/api/2.0/files/file/\\d+/share$',
		},
		...bulkWriteWorkloads(indexes, roomIds),
	];
}

const PDF = Buffer.from(`%PDF-1.7\n${'bench '.repeat(170)}\n%%EOF\n`);

/** File: Upload, Room Member: Add and User: Invite: one small file, one member, one address per item. */
function bulkWriteWorkloads(indexes: number[], roomIds: string[]): Workload[] {
	const room = (id: string) => `/api/2.0/files/rooms/${id}`;
	const emails = indexes.map((n) => `client${n}@bench.example`);
	return [
		{
			name: 'File: Upload',
			parameters: {
				resource: 'file',
				operation: 'upload',
				destinationFolder: byId(SEED_IDS.customRoomId),
				options: { fileName: '={{ $json.name }}' },
			},
			items: indexes.map((n) => ({
				json: { name: `Offer ${n}.pdf` },
				binary: {
					data: { data: PDF.toString('base64'), mimeType: 'application/pdf', fileName: 'x.pdf' },
				},
			})),
			requests: indexes.map((n) => ({
				method: 'POST',
				url: `/api/2.0/files/${SEED_IDS.customRoomId}/upload?createNewIfExist=true`,
				file: { fileName: `Offer ${n}.pdf`, mimeType: 'application/pdf', data: PDF },
			})),
			faultPath: '^/api/2.0/files/\\d+/upload$',
		},
		{
			name: 'Room Member: Add',
			parameters: {
				resource: 'roomMember',
				operation: 'add',
				room: byId('={{ $json.room }}'),
				membersFrom: 'list',
				memberList: SEED_IDS.janeId,
				listAccess: '={{ $json.access }}',
				notifyMembers: false,
			},
			items: roomIds.map((id) => ({ room: id, access: 10 })),
			// The node reads the room and its members first (idempotence), as this client does.
			requests: roomIds.map((id) => [
				{ method: 'GET', url: room(id) },
				{ method: 'GET', url: `${room(id)}/share?filterType=0&startIndex=0&count=100` },
				{
					url: `${room(id)}/share`,
					body: { invitations: [{ id: SEED_IDS.janeId, access: 10 }], notify: false },
				},
			]),
			rooms: roomIds.length,
			faultPath: '^/api/2.0/files/rooms/\\d+/share$',
		},
		{
			name: 'User: Invite',
			parameters: {
				resource: 'user',
				operation: 'invite',
				email: '={{ $json.email }}',
				inviteType: 'user',
			},
			items: emails.map((email) => ({ email })),
			// Looks the address up, invites, reads the invited user back, as the node does.
			requests: emails.map((email) => [
				{ method: 'GET', url: `/api/2.0/people/email?email=${email}`, notFoundIsOk: true },
				{
					method: 'POST',
					url: '/api/2.0/people/invite',
					body: { invitations: [{ email, type: 'User' }] },
				},
				{ method: 'GET', url: `/api/2.0/people/email?email=${email}` },
			]),
			faultPath: '^/api/2.0/people/invite$',
		},
	];
}
