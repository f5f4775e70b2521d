/**
 * Runs the DocSpace Trigger on n8n-core's own contexts the way n8n's webhook service does
 * (n8n packages/cli webhook.service.ts runWebhookMethod / runWebhook): the lifecycle methods
 * through HookContext, deliveries through WebhookContext, behind a loopback HTTP server that
 * stands in for n8n's webhook endpoint (raw body kept, as n8n's body parser does).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { HookContext, WebhookContext } from 'n8n-core';
import {
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

import type { DocSpaceTrigger as DocSpaceTriggerClass } from '../../nodes/DocSpaceTrigger/DocSpaceTrigger.node';
import { type DocSpaceCredentialData, TestCredentialsHelper, nodeTypesOf } from './engine';

const compiledRoot = process.env.DOCSPACE_PACKAGE_ROOT;
const packageRoot = path.resolve(__dirname, '../..', compiledRoot ?? '.');

const { DocSpaceTrigger } = require(
	path.join(
		packageRoot,
		`nodes/DocSpaceTrigger/DocSpaceTrigger.node${compiledRoot ? '.js' : '.ts'}`,
	),
) as {
	DocSpaceTrigger: typeof DocSpaceTriggerClass;
};

export const TRIGGER_NODE_NAME = 'DocSpace Trigger';
export const TRIGGER_NODE_TYPE = 'n8n-nodes-docspace.docSpaceTrigger';

export interface Answered {
	method: string;
	/** 0 = the connection was dropped without an answer (see dropResponses). */
	status: number;
}

type ExpressRequest = IncomingMessage & {
	body?: unknown;
	rawBody?: Buffer;
	query: IDataObject;
	params: IDataObject;
	contentType?: string;
};
type ExpressResponse = ServerResponse & {
	status(code: number): ExpressResponse;
	json(body: unknown): ExpressResponse;
	send(body: unknown): ExpressResponse;
};

/** The subset of express' response the trigger uses. */
function expressResponse(response: ServerResponse): ExpressResponse {
	const res = response as ExpressResponse;
	res.status = (code: number) => {
		res.statusCode = code;
		return res;
	};
	res.json = (body: unknown) => {
		res.setHeader('Content-Type', 'application/json; charset=utf-8');
		res.end(JSON.stringify(body));
		return res;
	};
	res.send = (body: unknown) => {
		res.end(typeof body === 'string' ? body : JSON.stringify(body));
		return res;
	};
	return res;
}

export interface TriggerOptions {
	parameters: INodeParameters;
	credentials: DocSpaceCredentialData;
	/** Test URLs (`/webhook-test/…`, "Listen for test event") instead of production URLs. */
	isTest?: boolean;
}

export class TriggerHarness {
	/** One entry per delivery that started the workflow: the items the trigger emitted. */
	readonly executions: INodeExecutionData[][] = [];
	readonly answered: Answered[] = [];
	readonly nodeType: INodeType = new DocSpaceTrigger();
	/** How many of the next POSTs lose their answer after the node ran (as if the connection broke). */
	dropResponses = 0;
	readonly node: INode;
	/** The workflow's static data as n8n keeps it in its database between requests. */
	private database: IDataObject = {};
	private readonly additionalData: IWorkflowExecuteAdditionalData;

	private constructor(
		private readonly server: Server,
		readonly baseUrl: string,
		private readonly options: TriggerOptions,
	) {
		this.node = {
			id: 'b6c1e6a4-5f65-4d5e-9a0c-docspace0009',
			name: TRIGGER_NODE_NAME,
			type: TRIGGER_NODE_TYPE,
			typeVersion: 1,
			position: [0, 0],
			webhookId: '5d1c8e0a-7a3b-4c55-9e0f-trigger00001',
			parameters: options.parameters,
			credentials: { docSpaceApi: { id: 'docspace-test', name: 'DocSpace test' } },
		};
		this.additionalData = {
			credentialsHelper: new TestCredentialsHelper(() => options.credentials),
			restApiUrl: `${baseUrl}/rest`,
			instanceBaseUrl: `${baseUrl}/`,
			webhookBaseUrl: `${baseUrl}/webhook`,
			webhookTestBaseUrl: `${baseUrl}/webhook-test`,
			webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
			formWaitingBaseUrl: `${baseUrl}/form-waiting`,
			variables: {},
			userId: 'user-1',
		} as unknown as IWorkflowExecuteAdditionalData;
		server.on(
			'request',
			(request, response) => void this.handle(request as ExpressRequest, expressResponse(response)),
		);
	}

	static async start(options: TriggerOptions): Promise<TriggerHarness> {
		const server = createServer();
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return new TriggerHarness(
			server,
			`http://127.0.0.1:${(server.address() as AddressInfo).port}`,
			options,
		);
	}

	/** n8n's IWebhookData for the trigger's webhook `name` ('setup' = HEAD, 'default' = POST). */
	webhookData(name: string, workflow: Workflow = this.loadWorkflow()): IWebhookData {
		const description = this.nodeType.description.webhooks!.find(
			(webhook) => webhook.name === name,
		)!;
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: this.node.name,
			path: NodeHelpers.getNodeWebhookPath(workflow.id, this.node, String(description.path), false),
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.additionalData,
			isTest: this.options.isTest,
		};
	}

	/** The address DocSpace is given. */
	get webhookUrl(): string {
		const data = this.webhookData('default');
		return `${this.options.isTest ? this.additionalData.webhookTestBaseUrl : this.additionalData.webhookBaseUrl}/${data.path}`;
	}

	/** The node's static data as stored (tests may change it, as if edited in the database). */
	get staticData(): IDataObject {
		const key = `node:${this.node.name}`;
		this.database[key] ??= {};
		return this.database[key] as IDataObject;
	}

	/** n8n builds a Workflow per activation and per request, with the stored static data. */
	private loadWorkflow(): Workflow {
		return new Workflow({
			id: 'wf-trigger',
			name: 'Contracts inbox',
			nodes: [this.node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesOf(() => this.nodeType),
			staticData: JSON.parse(JSON.stringify(this.database)) as IDataObject,
		});
	}

	/** n8n's WorkflowStaticDataService.saveStaticData: stored only when marked as changed. */
	private saveStaticData(workflow: Workflow): void {
		if (workflow.staticData.__dataChanged === true) {
			this.database = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			workflow.staticData.__dataChanged = false;
		}
	}

	async runMethod(method: 'checkExists' | 'create' | 'delete'): Promise<boolean | undefined> {
		const workflow = this.loadWorkflow();
		const data = this.webhookData('default', workflow);
		const fn = this.nodeType.webhookMethods?.default?.[method];
		const context = new HookContext(
			workflow,
			this.node,
			this.additionalData,
			this.options.isTest ? 'manual' : 'trigger',
			'activate',
			data,
		);
		try {
			return await fn!.call(context);
		} finally {
			// n8n saves the static data after adding (and removing) a workflow's webhooks.
			this.saveStaticData(workflow);
		}
	}

	/** What n8n does on activation: for each webhook, create it unless it exists (only `default` has methods). */
	async activate(): Promise<void> {
		if (!(await this.runMethod('checkExists'))) await this.runMethod('create');
	}

	async deactivate(): Promise<boolean | undefined> {
		return await this.runMethod('delete');
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => {
			this.server.close(() => resolve());
			this.server.closeAllConnections();
		});
	}

	private async handle(request: ExpressRequest, response: ExpressResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of request) chunks.push(chunk as Buffer);
		request.rawBody = Buffer.concat(chunks);
		request.contentType = String(request.headers['content-type'] ?? '')
			.split(';')[0]
			.trim();
		request.query = {};
		request.params = {};
		if (request.contentType === 'application/json' && request.rawBody.length) {
			try {
				request.body = JSON.parse(request.rawBody.toString('utf8'));
			} catch {
				// n8n answers 422 before the node runs
				response.status(422).json({ message: 'Failed to parse request body' });
				return this.record(request, response.statusCode);
			}
		}
		const name = request.method === 'HEAD' ? 'setup' : 'default';
		const workflow = this.loadWorkflow();
		const data = this.webhookData(name, workflow);
		if (request.method === 'POST' && this.dropResponses > 0) {
			this.dropResponses--;
			// The node runs, but its answer never reaches the sender.
			response.end = (() => {
				response.socket?.destroy();
				return response;
			}) as typeof response.end;
		}
		const additionalData = {
			...this.additionalData,
			httpRequest: request,
			httpResponse: response,
		} as IWorkflowExecuteAdditionalData;
		const context = new WebhookContext(
			workflow,
			this.node,
			additionalData,
			this.options.isTest ? 'manual' : 'webhook',
			data,
			[],
			null,
		);
		let result: IWebhookResponseData;
		try {
			result = await this.nodeType.webhook!.call(context);
		} catch (error) {
			response.status(500).json({
				message: `Workflow Webhook Error: Workflow could not be started! ${(error as Error).message}`,
			});
			return this.record(request, response.statusCode);
		}
		// As n8n's webhook helpers: a node that answered itself gets its static data saved now...
		if (result.noWebhookResponse) this.saveStaticData(workflow);
		if (result.workflowData) {
			this.executions.push(result.workflowData[0]);
			// ...while starting an execution builds another Workflow on the same static data,
			// which clears its "changed" mark before n8n's own answer would save it.
			new Workflow({
				id: workflow.id,
				nodes: [this.node],
				connections: {},
				active: true,
				nodeTypes: workflow.nodeTypes,
				staticData: workflow.staticData,
			});
		}
		if (!result.noWebhookResponse) {
			response
				.status(200)
				.json(
					result.workflowData
						? { message: 'Workflow was started' }
						: (result.webhookResponse ?? { message: 'Webhook call received' }),
				);
			this.saveStaticData(workflow);
		}
		this.record(
			request,
			response.socket?.destroyed && !response.writableFinished ? 0 : response.statusCode,
		);
	}

	private record(request: ExpressRequest, status: number): void {
		this.answered.push({ method: request.method ?? '', status });
	}
}
