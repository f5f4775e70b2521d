/**
 * An n8n-core LoadOptionsContext for the DocSpace node, the way the editor builds one when it
 * fills a dropdown or a Room picker: the node carries the editor's current parameters, requests
 * go through n8n-core's request helpers and the credential's real `authenticate`.
 */
import { LoadOptionsContext } from 'n8n-core';
import {
	type ICredentialDataDecryptedObject,
	type ICredentials,
	ICredentialsHelper,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type INodeParameters,
	type INodeTypes,
	type IWorkflowExecuteAdditionalData,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

import { DocSpaceApi } from '../../credentials/DocSpaceApi.credentials';
import { DocSpace } from '../../nodes/DocSpace/DocSpace.node';
import type { DocSpaceCredentialData } from './engine';

const credentialType = new DocSpaceApi();

class EditorCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: DocSpaceCredentialData) {
		super();
	}
	getParentTypes(): string[] {
		return [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(credentials: ICredentialDataDecryptedObject, _typeName: string, requestOptions: IHttpRequestOptions) {
		if (typeof credentialType.authenticate !== 'function') throw new Error('generic authenticate expected');
		return await credentialType.authenticate(credentials, requestOptions);
	}
	async preAuthentication() {
		return undefined;
	}
	async runPreAuthentication() {
		return undefined;
	}
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}
	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}
	async updateCredentials() {}
	async updateCredentialsOauthTokenData() {}
	getCredentialsProperties() {
		return credentialType.properties;
	}
}

export interface EditorContext {
	nodeType: DocSpace;
	context: ILoadOptionsFunctions;
}

/** The context n8n hands to `methods.loadOptions.*` / `methods.listSearch.*` for these parameters. */
export function editorContext(credentials: DocSpaceCredentialData, parameters: INodeParameters = {}): EditorContext {
	const nodeType = new DocSpace();
	const node: INode = {
		id: 'b6c1e6a4-5f65-4d5e-9a0c-docspace0003',
		name: 'DocSpace',
		type: 'n8n-nodes-docspace.docSpace',
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { docSpaceApi: { id: 'docspace-test', name: 'DocSpace test' } },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: (_type: string, version?: number) => NodeHelpers.getVersionedNodeType(nodeType, version),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ id: 'wf-editor', nodes: [node], connections: {}, active: false, nodeTypes });
	const additionalData = {
		credentialsHelper: new EditorCredentialsHelper(credentials),
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
	return { nodeType, context: new LoadOptionsContext(workflow, node, additionalData, 'parameters') };
}
