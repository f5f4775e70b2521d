/**
 * Runs a whole example workflow (examples/*.json) on n8n's engine: the DocSpace nodes are the real
 * node, expressions such as `$('New client').item.json` resolve through n8n's paired items, and the
 * n8n-nodes-base pieces the examples use (Manual Trigger, Edit Fields, Sticky Note) are small
 * stand-ins, since n8n-nodes-base is not a dependency of this package.
 */
import { readFileSync } from 'fs';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	IConnections,
} from 'n8n-workflow';
import { NodeHelpers, Workflow, createRunExecutionData } from 'n8n-workflow';
import path from 'path';

import {
	type DocSpaceCredentialData,
	NODE_TYPE,
	TestCredentialsHelper,
	loadNodeType,
} from './engine';

const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');

function standIn(
	name: string,
	execute?: INodeType['execute'],
	properties: INodeType['description']['properties'] = [],
): INodeType {
	return {
		description: {
			displayName: name,
			name,
			group: ['transform'],
			version: [1, 3.4],
			description: name,
			defaults: { name },
			inputs: ['main'],
			outputs: ['main'],
			properties,
		},
		...(execute ? { execute } : {}),
	} as INodeType;
}

/** Edit Fields (Set) 3.4 as the examples use it: each assignment becomes a field, typed. */
const setNode = standIn(
	'set',
	async function (this: IExecuteFunctions) {
		return [
			this.getInputData().map((_item, index) => {
				const assignments = (this.getNodeParameter('assignments.assignments', index, []) ??
					[]) as IDataObject[];
				const json: IDataObject = {};
				for (const { name, value, type } of assignments) {
					json[String(name)] =
						type === 'number'
							? Number(value)
							: (type === 'array' || type === 'object') && typeof value === 'string'
								? JSON.parse(value)
								: (value as IDataObject[string]);
				}
				return { json, pairedItem: { item: index } };
			}),
		];
	},
	[
		{ displayName: 'Assignments', name: 'assignments', type: 'assignmentCollection', default: {} },
		{ displayName: 'Options', name: 'options', type: 'collection', default: {}, options: [] },
	],
);

const manualTrigger = standIn('manualTrigger', async function () {
	return [[{ json: {} }]];
});

function nodeTypes(): INodeTypes {
	const docSpace = loadNodeType();
	const byType: Record<string, INodeType> = {
		[NODE_TYPE]: docSpace,
		'n8n-nodes-base.set': setNode,
		'n8n-nodes-base.manualTrigger': manualTrigger,
		'n8n-nodes-base.stickyNote': standIn('stickyNote'),
	};
	const find = (type: string) => {
		const found = byType[type];
		if (!found) throw new Error(`no stand-in for node type ${type}`);
		return found;
	};
	return {
		getByName: find,
		getByNameAndVersion: (type: string, version?: number) =>
			NodeHelpers.getVersionedNodeType(find(type), version),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
}

export interface WorkflowRun {
	name: string;
	/** Output items (first output) of each node that ran, by node name. */
	outputs: Record<string, INodeExecutionData[]>;
	error?: Error & { description?: string };
}

/** Runs `examples/<file>` from its trigger with the given DocSpace credential. */
export async function runExampleWorkflow(
	file: string,
	credentials: DocSpaceCredentialData,
): Promise<WorkflowRun> {
	const definition = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
		name: string;
		nodes: INode[];
		connections: IConnections;
	};
	const workflow = new Workflow({
		id: 'wf-docspace-example',
		name: definition.name,
		nodes: definition.nodes,
		connections: definition.connections,
		active: false,
		nodeTypes: nodeTypes(),
		settings: { timezone: 'UTC', executionOrder: 'v1' },
	});
	const executionId = `exec-${Math.random().toString(36).slice(2)}`;
	const hooks = new ExecutionLifecycleHooks('manual', executionId, {
		id: workflow.id,
		name: workflow.name,
		nodes: definition.nodes,
		connections: definition.connections,
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
	const additionalData = {
		credentialsHelper: new TestCredentialsHelper(() => credentials),
		hooks,
		executionId,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		userId: 'user-1',
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
	} as unknown as IWorkflowExecuteAdditionalData;
	const trigger = definition.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`${file} has no manual trigger`);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node: trigger, data: { main: [[{ json: {} }]] }, source: null }],
		},
	});
	await new WorkflowExecute(additionalData, 'manual', runExecutionData).processRunExecutionData(
		workflow,
	);
	const run = await finished;
	const outputs = Object.fromEntries(
		Object.entries(run.data.resultData.runData).map(([name, tasks]) => [
			name,
			tasks[0]?.data?.main?.[0] ?? [],
		]),
	);
	return {
		name: definition.name,
		outputs,
		error: run.data.resultData.error as WorkflowRun['error'],
	};
}
