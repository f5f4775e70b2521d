/**
 * An n8n-core LoadOptionsContext for the DocSpace node, the way the editor builds one when it
 * fills a dropdown or a picker: the node carries the editor's current parameters, requests go
 * through n8n-core's request helpers and the credential's real `authenticate`.
 */
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ILoadOptionsFunctions,
	INode,
	INodeListSearchResult,
	INodeParameters,
	INodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import {
	type DocSpaceCredentialData,
	NODE_NAME,
	NODE_TYPE,
	TestCredentialsHelper,
	credentialTypeFor,
	loadNodeType,
	nodeTypesOf,
} from './engine';

export interface EditorContext {
	nodeType: INodeType;
	context: ILoadOptionsFunctions;
}

/** The context n8n hands to `methods.loadOptions.*` / `methods.listSearch.*` for these parameters. */
export function editorContext(
	credentials: DocSpaceCredentialData | ICredentialDataDecryptedObject,
	given: INodeParameters = {},
): EditorContext {
	const nodeType = loadNodeType();
	// The editor sends the node's parameters with their defaults: the credential shown depends on Authentication.
	const parameters: INodeParameters = { authentication: 'apiKey', ...given };
	const node: INode = {
		id: 'b6c1e6a4-5f65-4d5e-9a0c-docspace0003',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: {
			[credentialTypeFor(parameters)]: { id: 'docspace-test', name: 'DocSpace test' },
		},
	};
	const workflow = new Workflow({
		id: 'wf-editor',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(() => nodeType),
	});
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(() => credentials),
		currentNodeParameters: parameters,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		userId: 'user-1',
	} as unknown as IWorkflowExecuteAdditionalData;
	return {
		nodeType,
		context: new LoadOptionsContext(workflow, node, additionalData, 'parameters'),
	};
}

type ListSearchMethod = (
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
) => Promise<INodeListSearchResult>;

/** Runs `methods.listSearch[name]` of the DocSpace node as the editor's picker does. */
export async function listSearch(
	credentials: DocSpaceCredentialData | ICredentialDataDecryptedObject,
	name: string,
	filter?: string,
	paginationToken?: string,
	parameters: INodeParameters = {},
): Promise<INodeListSearchResult> {
	const { nodeType, context } = editorContext(credentials, parameters);
	const method = (nodeType.methods?.listSearch as Record<string, ListSearchMethod> | undefined)?.[
		name
	];
	if (!method) throw new Error(`No listSearch method ${name}`);
	return await method.call(context, filter, paginationToken);
}
