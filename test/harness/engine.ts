/**
 * Runs the real DocSpace node class on n8n's own engine (n8n-core WorkflowExecute + RoutingNode),
 * with the credential's real `authenticate`, the way n8n runs a declarative node.
 * n8n's NodeTestHarness is not published; this mirrors it with public pieces
 * (as n8n-io/n8n packages/cli/src/credentials-helper.ts does).
 */
import { DirectoryLoader, ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	type ICredentialDataDecryptedObject,
	type ICredentials,
	ICredentialsHelper,
	type ICredentialType,
	type IHttpRequestHelper,
	type IDataObject,
	type IHttpRequestOptions,
	type INode,
	type INodeCredentialsDetails,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type IWorkflowExecuteAdditionalData,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} from 'n8n-workflow';

import path from 'path';

import type { DocSpaceApi as DocSpaceApiClass } from '../../credentials/DocSpaceApi.credentials';
import type { DocSpaceOAuth2Api as DocSpaceOAuth2ApiClass } from '../../credentials/DocSpaceOAuth2Api.credentials';
import type { DocSpacePasswordApi as DocSpacePasswordApiClass } from '../../credentials/DocSpacePasswordApi.credentials';
import type { DocSpace as DocSpaceClass } from '../../nodes/DocSpace/DocSpace.node';

// The TypeScript sources by default; DOCSPACE_PACKAGE_ROOT=dist runs the compiled package as users
// get it (the benchmark does). Loaded with an explicit extension: without one, tsx resolves
// `DocSpace.node` to the codex file DocSpace.node.json.
const compiledRoot = process.env.DOCSPACE_PACKAGE_ROOT;
const packageRoot = path.resolve(__dirname, '../..', compiledRoot ?? '.');
const extension = compiledRoot ? '.js' : '.ts';
const { DocSpace } = require(
	path.join(packageRoot, `nodes/DocSpace/DocSpace.node${extension}`),
) as { DocSpace: typeof DocSpaceClass };
const { DocSpaceApi } = require(
	path.join(packageRoot, `credentials/DocSpaceApi.credentials${extension}`),
) as {
	DocSpaceApi: typeof DocSpaceApiClass;
};
const { DocSpacePasswordApi } = require(
	path.join(packageRoot, `credentials/DocSpacePasswordApi.credentials${extension}`),
) as {
	DocSpacePasswordApi: typeof DocSpacePasswordApiClass;
};
const { DocSpaceOAuth2Api } = require(
	path.join(packageRoot, `credentials/DocSpaceOAuth2Api.credentials${extension}`),
) as {
	DocSpaceOAuth2Api: typeof DocSpaceOAuth2ApiClass;
};

export const NODE_NAME = 'DocSpace';
export const NODE_TYPE = 'n8n-nodes-docspace.docSpace';

export interface DocSpaceCredentialData extends ICredentialDataDecryptedObject {
	baseUrl: string;
	authKey: string;
}

export const credentialType = new DocSpaceApi();
export const passwordCredentialType = new DocSpacePasswordApi();
export const oauth2CredentialType = new DocSpaceOAuth2Api();
const CREDENTIAL_TYPES: Record<string, ICredentialType> = Object.fromEntries(
	[credentialType, passwordCredentialType, oauth2CredentialType].map((type) => [type.name, type]),
);
const AUTHENTICATION_CREDENTIALS: Record<string, string> = {
	apiKey: credentialType.name,
	password: passwordCredentialType.name,
	oAuth2: oauth2CredentialType.name,
};

/** The credential type the node uses for these parameters (its Authentication choice). */
export function credentialTypeFor(parameters: INodeParameters): string {
	return (
		AUTHENTICATION_CREDENTIALS[String(parameters.authentication ?? 'apiKey')] ?? credentialType.name
	);
}

/**
 * Hands the test credential to n8n-core the way n8n's CredentialsHelper (packages/cli) does: the
 * credential's own `authenticate`, `preAuthentication` with its expirable field, and updates
 * (a renewed session, rotated OAuth2 tokens) written back into the test's credential object.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: () => ICredentialDataDecryptedObject) {
		super();
	}
	/** How often each credential type's preAuthentication ran (sign-ins for the password credential). */
	readonly preAuthentications: Record<string, number> = {};
	getParentTypes(typeName: string): string[] {
		return CREDENTIAL_TYPES[typeName]?.extends ?? [];
	}
	isCredentialUsableByNode(): boolean {
		return true;
	}
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	) {
		const type = CREDENTIAL_TYPES[typeName];
		if (!type || typeof type.authenticate !== 'function')
			throw new Error(`Unexpected credential type ${typeName}`);
		return await type.authenticate(credentials, requestOptions);
	}
	async preAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		node: INode,
		credentialsExpired: boolean,
	) {
		const type = CREDENTIAL_TYPES[typeName];
		const expirable = type?.properties.find(
			(property) => property.type === 'hidden' && property.typeOptions?.expirable === true,
		);
		if (!expirable || typeof type.preAuthentication !== 'function') return undefined;
		if (credentials[expirable.name] !== '' && !credentialsExpired) return undefined;
		this.preAuthentications[typeName] = (this.preAuthentications[typeName] ?? 0) + 1;
		const output = await type.preAuthentication.call(helpers, credentials);
		if (output[expirable.name] === undefined || !node.credentials) return undefined;
		Object.assign(this.data(), output);
		return Object.assign(credentials, output);
	}
	async runPreAuthentication(
		helpers: IHttpRequestHelper,
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
	) {
		const type = CREDENTIAL_TYPES[typeName];
		if (typeof type?.preAuthentication !== 'function') return undefined;
		return ((await type.preAuthentication.call(helpers, credentials)) ?? undefined) as
			ICredentialDataDecryptedObject | undefined;
	}
	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}
	/** How often n8n read (decrypted) the credential. */
	decryptions = 0;
	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		this.decryptions++;
		return { ...this.data() };
	}
	async updateCredentials(
		_details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	) {
		Object.assign(this.data(), data);
	}
	async updateCredentialsOauthTokenData(
		_details: INodeCredentialsDetails,
		_type: string,
		data: ICredentialDataDecryptedObject,
	) {
		this.data().oauthTokenData = data.oauthTokenData;
	}
	getCredentialsProperties(typeName: string) {
		return CREDENTIAL_TYPES[typeName]?.properties ?? credentialType.properties;
	}
}

/** The node type as n8n loads it: with the Request Options collection n8n adds to declarative nodes. */
export function loadNodeType(): INodeType {
	const nodeType = new DocSpace();
	DirectoryLoader.applyDeclarativeNodeOptionParameters(nodeType);
	return nodeType;
}

/** Like n8n's own NodeTypes, hands out one loaded instance rather than constructing one per lookup. */
export function nodeTypesOf(load: () => INodeType): INodeTypes {
	let loaded: INodeType | undefined;
	const instance = () => (loaded ??= load());
	return {
		getByName: () => instance(),
		getByNameAndVersion: (_type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(instance(), version),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
}

export interface RunOptions {
	parameters: INodeParameters;
	/** Another node type to run instead of the DocSpace node (the credential test uses one). */
	nodeType?: () => INodeType;
	/** The credential's data; renewed sessions and rotated tokens are written back into this object. */
	credentials: DocSpaceCredentialData | ICredentialDataDecryptedObject;
	/** The credential type the node holds; by default the one its Authentication parameter picks. */
	credentialType?: string;
	items?: Array<IDataObject | INodeExecutionData>;
	continueOnFail?: boolean;
	executionId?: string;
	timezone?: string;
	/** How many times the node runs in the execution, as inside a loop (items of the first run are returned). */
	runs?: number;
	/** The node's typeVersion as saved in the workflow (1 unless told). */
	typeVersion?: number;
	/** Called once the execution started, with what the editor's Stop button does. */
	onStart?: (cancel: () => void) => void;
}

export interface RunResult {
	/** Output items of the DocSpace node (empty when the run failed). */
	items: INodeExecutionData[];
	/** The credentials helper of the run (sign-in counts). */
	credentialsHelper?: TestCredentialsHelper;
	/** The error that stopped the run, if any. */
	error?: Error & { description?: string; message: string; context?: IDataObject };
	run: IRun;
}

function asItem(item: IDataObject | INodeExecutionData): INodeExecutionData {
	return 'json' in item && typeof item.json === 'object'
		? (item as INodeExecutionData)
		: { json: item as IDataObject };
}

export async function runDocSpaceNode(options: RunOptions): Promise<RunResult> {
	const credentialsDetails: INodeCredentialsDetails = {
		id: 'docspace-test',
		name: 'DocSpace test',
	};
	const node: INode = {
		id: 'b6c1e6a4-5f65-4d5e-9a0c-docspace0001',
		name: NODE_NAME,
		type: NODE_TYPE,
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: {
			[options.credentialType ?? credentialTypeFor(options.parameters)]: credentialsDetails,
		},
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
	};
	const workflow = new Workflow({
		id: 'wf-docspace-test',
		name: 'DocSpace test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(options.nodeType ?? loadNodeType),
		settings: { timezone: options.timezone ?? 'UTC' },
	});
	const executionId = options.executionId ?? `exec-${Math.random().toString(36).slice(2)}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: workflow.id,
		name: workflow.name,
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		activeVersionId: null,
		isArchived: false,
	} as never);
	let finish: (run: IRun) => void = () => {};
	const finished = new Promise<IRun>((resolve) => (finish = resolve));
	hooks.addHandler('workflowExecuteAfter', async (run) => finish(run));

	const credentialsHelper = new TestCredentialsHelper(() => options.credentials);
	const additionalData = {
		credentialsHelper,
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		userId: 'user-1',
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;

	const items = (options.items ?? [{}]).map(asItem);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: Array.from({ length: options.runs ?? 1 }, () => ({
				node,
				data: { main: [items] },
				source: null,
			})),
		},
	});
	const execution = new WorkflowExecute(additionalData, 'manual', runExecutionData);
	try {
		const running = execution.processRunExecutionData(workflow);
		options.onStart?.(() => running.cancel());
		// A cancelled execution's promise stays pending; the after-hook still reports the run.
		await Promise.race([running, finished]);
	} catch (error) {
		// n8n refuses to start a workflow whose parameters have issues (WorkflowHasIssuesError), as the editor does.
		return {
			items: [],
			error: error as RunResult['error'],
			run: undefined as unknown as IRun,
			credentialsHelper,
		};
	}
	const run = await finished;
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (run.data.resultData.error ?? taskData?.error) as RunResult['error'],
		run,
		credentialsHelper,
	};
}
