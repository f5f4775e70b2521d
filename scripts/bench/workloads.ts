/** The bulk write operations the benchmarks run: node parameters, input items and the raw-client requests. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

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

export interface Workload {
	name: string;
	parameters: INodeParameters;
	items: IDataObject[];
	/** The same changes as plain requests (the floor). */
	requests: Array<{ url: string; body: IDataObject }>;
	/** Generated rooms to seed (Room Link: Set gives each item a room of its own). */
	rooms?: number;
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
	];
}
