import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	NodeConnectionType,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { searchFiles } from '../DocSpace/listSearch/searchFiles';
import { searchRooms } from '../DocSpace/listSearch/searchRooms';
import { handleDelivery } from './delivery';
import { triggerProperties } from './description';
import { checkExists, create, remove } from './registration';

// NodeConnectionTypes arrived in n8n-workflow 1.82; older n8n 1.x releases take the plain 'main'.
const MAIN = (NodeConnectionTypes?.Main ?? 'main') as NodeConnectionType;

export class DocSpaceTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ONLYOFFICE DocSpace Trigger',
		name: 'docSpaceTrigger',
		icon: { light: 'file:docspace.svg', dark: 'file:docspace.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ ($parameter["events"] || []).join(", ") }}',
		description:
			'Starts the workflow when something happens in ONLYOFFICE DocSpace: files, folders, rooms, users, groups',
		defaults: { name: 'DocSpace Trigger' },
		inputs: [],
		outputs: [MAIN],
		credentials: [{ name: 'docSpaceApi', required: true }],
		// HEAD first: n8n registers the webhooks in this order, and DocSpace checks the address
		// with HEAD while `create` of the POST webhook runs (docs/docspace/webhooks.md §5).
		webhooks: [
			{ name: 'setup', httpMethod: 'HEAD', responseMode: 'onReceived', path: 'docspace' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'docspace' },
		],
		properties: triggerProperties,
	};

	methods = { listSearch: { searchRooms, searchFiles } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleDelivery(this);
	}
}
