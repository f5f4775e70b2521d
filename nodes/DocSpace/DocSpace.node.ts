import type { INodeType, INodeTypeDescription, NodeConnectionType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getRoomLinkAccessLevels } from './loadOptions/getRoomLinkAccessLevels';
import { searchFiles } from './listSearch/searchFiles';
import { searchGroups } from './listSearch/searchGroups';
import { searchRecipients } from './listSearch/searchRecipients';
import { searchRooms } from './listSearch/searchRooms';
import { searchUsers } from './listSearch/searchUsers';
import { fileDescription } from './resources/file';
import { fileLinkDescription } from './resources/fileLink';
import { groupDescription } from './resources/group';
import { roomDescription } from './resources/room';
import { roomLinkDescription } from './resources/roomLink';
import { userDescription } from './resources/user';
import { routedOperations } from './shared/runner';

// NodeConnectionTypes arrived in n8n-workflow 1.82; older n8n 1.x releases take the plain 'main'.
const MAIN = (NodeConnectionTypes?.Main ?? 'main') as NodeConnectionType;

export class DocSpace implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE DocSpace',
		name: 'docSpace',
		icon: { light: 'file:docspace.svg', dark: 'file:docspace.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["resource"] + ": " + $parameter["operation"] }}',
		description: 'Automate sharing in ONLYOFFICE DocSpace: room and file links, file sharing, rooms, users and groups',
		defaults: { name: 'DocSpace' },
		usableAsTool: true,
		inputs: [MAIN],
		outputs: [MAIN],
		credentials: [{ name: 'docSpaceApi', required: true }],
		requestDefaults: {
			baseURL: '={{ String($credentials.baseUrl).trim().replace(/\\/+$/, "").replace(/\\/api\\/2\\.0$/i, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'File', value: 'file' },
					{ name: 'File Link', value: 'fileLink' },
					{ name: 'Group', value: 'group' },
					{ name: 'Room', value: 'room' },
					{ name: 'Room Link', value: 'roomLink' },
					{ name: 'User', value: 'user' },
				],
				default: 'roomLink',
			},
			...roomLinkDescription,
			...roomDescription,
			...fileDescription,
			...fileLinkDescription,
			...userDescription,
			...groupDescription,
		],
	};

	// Bulk writes skip RoutingNode's per-item cost but keep their routing declarations as the
	// single source of truth: one runner applies them (shared/runner).
	customOperations = routedOperations(this, { roomLink: ['set'], file: ['share', 'removeSharing'], fileLink: ['set'] });

	methods = {
		listSearch: { searchRooms, searchFiles, searchRecipients, searchUsers, searchGroups },
		loadOptions: { getRoomLinkAccessLevels },
	};
}
