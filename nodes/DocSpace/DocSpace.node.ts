import type { INodeType, INodeTypeDescription, NodeConnectionType } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getRoomLinkAccessLevels } from './loadOptions/getRoomLinkAccessLevels';
import { searchAllUsers } from './listSearch/searchAllUsers';
import { getRoomMemberAccessLevels } from './loadOptions/getRoomMemberAccessLevels';
import { searchFiles } from './listSearch/searchFiles';
import { searchLinks } from './listSearch/searchLinks';
import { searchFolders } from './listSearch/searchFolders';
import { searchGroups } from './listSearch/searchGroups';
import { searchRecipients } from './listSearch/searchRecipients';
import { searchRoomMembers } from './listSearch/searchRoomMembers';
import { searchRooms } from './listSearch/searchRooms';
import { searchUsers } from './listSearch/searchUsers';
import { authenticationProperty, docSpaceCredentials } from './shared/authentication';
import { fileDescription } from './resources/file';
import { oneDeclarationEach } from './shared/declarations';
import { returnAllProperties } from './shared/descriptions';
import { fileLinkDescription } from './resources/fileLink';
import { folderDescription } from './resources/folder';
import { groupDescription } from './resources/group';
import { roomDescription } from './resources/room';
import { roomLinkDescription } from './resources/roomLink';
import { roomMemberDescription } from './resources/roomMember';
import { userDescription } from './resources/user';
import { routedOperations } from './shared/runner';
import { withPresentedOutput } from './shared/presentation';

// NodeConnectionTypes arrived in n8n-workflow 1.82; older n8n 1.x releases take the plain 'main'.
const MAIN = (NodeConnectionTypes?.Main ?? 'main') as NodeConnectionType;

export class DocSpace implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE DocSpace',
		name: 'docSpace',
		icon: { light: 'file:docspace.svg', dark: 'file:docspace.dark.svg' },
		group: ['transform'],
		// 1.1: new nodes default to Link: Create or Reuse and File: Share without Notify; the link to
		// update or revoke is picked from a list. Nodes saved at 1 keep their behaviour.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{ $parameter["resource"] + ": " + $parameter["operation"] }}',
		description:
			'Automate ONLYOFFICE DocSpace: rooms and their members, files, room and file links, sharing, users and groups',
		defaults: { name: 'DocSpace' },
		usableAsTool: true,
		inputs: [MAIN],
		outputs: [MAIN],
		credentials: docSpaceCredentials,
		requestDefaults: {
			baseURL:
				'={{ ((String($credentials.baseUrl).trim().includes("://") ? "" : "https://") + String($credentials.baseUrl).trim()).replace(/\\/+$/, "").replace(/\\/api\\/2\\.0$/i, "") }}',
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
		},
		// Every operation's output in reading order with UTC dates (shared/presentation.ts).
		properties: withPresentedOutput([
			authenticationProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'File', value: 'file' },
					{ name: 'File Link', value: 'fileLink' },
					{ name: 'Folder', value: 'folder' },
					{ name: 'Group', value: 'group' },
					{ name: 'Room', value: 'room' },
					{ name: 'Room Link', value: 'roomLink' },
					{ name: 'Room Member', value: 'roomMember' },
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
			...roomMemberDescription,
			...folderDescription,
			...returnAllProperties,
		]),
	};

	// Each operation declares its own Simplify and Options; n8n gets them merged (shared/declarations.ts).
	constructor() {
		this.description.properties = oneDeclarationEach(this.description.properties, [
			'simplify',
			'options',
		]);
	}

	// Bulk writes skip RoutingNode's per-item cost but keep their routing declarations as the
	// single source of truth: one runner applies them (shared/runner).
	customOperations = routedOperations(this, {
		roomLink: ['set', 'revoke'],
		file: ['share', 'removeSharing', 'upload'],
		fileLink: ['set'],
		roomMember: ['add'],
		user: ['invite'],
	});

	methods = {
		listSearch: {
			searchRooms,
			searchFiles,
			searchFolders,
			searchRecipients,
			searchUsers,
			searchGroups,
			searchAllUsers,
			searchRoomMembers,
			searchLinks,
		},
		loadOptions: { getRoomLinkAccessLevels, getRoomMemberAccessLevels },
	};
}
