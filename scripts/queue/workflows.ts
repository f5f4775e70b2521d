/** The queue-mode test's workflows: Webhook → one item per entry of the body → DocSpace. */
import { SEED_IDS } from '../../test/emulator/seed';
import { CREDENTIAL_ID, CREDENTIAL_NAME, NODE_TYPE } from '../e2e/workflows';

export const ROOM_LINKS = {
	id: 'queueRoomLinks',
	path: 'queue-room-links',
	webhookId: 'a1a1a1a1-0000-4000-8000-000000000001',
};
export const FILE_SHARE = {
	id: 'queueFileShare',
	path: 'queue-file-share',
	webhookId: 'a1a1a1a1-0000-4000-8000-000000000002',
};

export const linkTitle = (room: string) => `Client ${room}`;

function webhookWorkflow(
	target: { id: string; path: string; webhookId: string },
	field: string,
	destination: string | undefined,
	docSpace: object,
) {
	const { id, path, webhookId } = target;
	return {
		id,
		name: `queue ${path}`,
		active: false,
		settings: { saveDataSuccessExecution: 'all', saveDataErrorExecution: 'all' },
		connections: {
			Webhook: { main: [[{ node: 'One item per entry', type: 'main', index: 0 }]] },
			'One item per entry': { main: [[{ node: 'DocSpace', type: 'main', index: 0 }]] },
		},
		nodes: [
			{
				id: `${id}-1`,
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId,
				parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
			},
			{
				id: `${id}-2`,
				name: 'One item per entry',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					fieldToSplitOut: `body.${field}`,
					options: destination ? { destinationFieldName: destination } : {},
				},
			},
			{
				id: `${id}-3`,
				name: 'DocSpace',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [400, 0],
				credentials: { docSpaceApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
				...docSpace,
			},
		],
	};
}

/**
 * Room Link: Set (version 1.1, Link: Create or Reuse): the external link titled "Client <room>" in
 * each room of the body, created once; sending the same body again reuses it.
 */
export const roomLinksWorkflow = webhookWorkflow(ROOM_LINKS, 'rooms', 'room', {
	typeVersion: 1.1,
	parameters: {
		resource: 'roomLink',
		operation: 'set',
		room: { __rl: true, mode: 'id', value: '={{ $json.room }}' },
		linkType: 'external',
		link: 'createOrReuse',
		access: 2,
		title: '={{ "Client " + $json.room }}',
	},
});

/** File: Share of Contract.docx with the user and access level of each entry. */
export const fileShareWorkflow = webhookWorkflow(FILE_SHARE, 'shares', undefined, {
	parameters: {
		resource: 'file',
		operation: 'share',
		file: { __rl: true, mode: 'id', value: SEED_IDS.myDocxId },
		recipientsFrom: 'rows',
		recipients: { recipient: [{ id: '={{ $json.user }}', access: '={{ $json.access }}' }] },
		notify: false,
	},
});

export function shareEntries(count: number): Array<{ user: string; access: number }> {
	return Array.from({ length: count }, (_, n) => ({
		user: n % 2 ? SEED_IDS.bobId : SEED_IDS.janeId,
		access: n % 3 ? 2 : 10,
	}));
}
