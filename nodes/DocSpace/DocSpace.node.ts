import type { INodeType, INodeTypeDescription, NodeConnectionType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getRoomLinkAccessLevels } from './loadOptions/getRoomLinkAccessLevels';
import { searchFiles } from './listSearch/searchFiles';
import { searchGroups } from './listSearch/searchGroups';
import { searchRecipients } from './listSearch/searchRecipients';
import { searchRooms } from './listSearch/searchRooms';
import { searchUsers } from './listSearch/searchUsers';
import { authenticationProperty, docSpaceCredentials } from './shared/authentication';
import { fileDescription } from './resources/file';
import { fileLinkDescription } from './resources/fileLink';
import { groupDescription } from './resources/group';
import { roomDescription } from './resources/room';
import { roomLinkDescription } from './resources/roomLink';
import { userDescription } from './resources/user';

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
		credentials: docSpaceCredentials,
		requestDefaults: {
			baseURL: '={{ String($credentials.baseUrl).trim().replace(/\\/+$/, "").replace(/\\/api\\/2\\.0$/i, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [
			authenticationProperty,
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

	methods = {
		listSearch: { searchRooms, searchFiles, searchRecipients, searchUsers, searchGroups },
		loadOptions: { getRoomLinkAccessLevels },
	};
}
