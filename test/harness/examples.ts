/** Reads the importable example workflows: the DocSpace node and the item its input node produces. */
import { readFileSync } from 'fs';
import path from 'path';
import type { IDataObject, INodeParameters } from 'n8n-workflow';

interface WorkflowNode {
	name: string;
	type: string;
	parameters: INodeParameters;
}

export interface Example {
	file: string;
	name: string;
	docSpaceParameters: INodeParameters;
	/** The item the example's "Edit Fields" node passes to the DocSpace node. */
	inputItem: IDataObject;
}

const EXAMPLES_DIR = path.resolve(__dirname, '../../examples');

export function loadExample(file: string): Example {
	const workflow = JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as {
		name: string;
		nodes: WorkflowNode[];
	};
	const docSpace = workflow.nodes.find((node) => node.type === 'n8n-nodes-docspace.docSpace');
	const fields = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.set');
	if (!docSpace || !fields)
		throw new Error(`${file} needs an Edit Fields node and a DocSpace node`);
	const assignments = ((fields.parameters.assignments as IDataObject).assignments ??
		[]) as IDataObject[];
	const inputItem = Object.fromEntries(
		assignments.map(({ name, value, type }) => [
			String(name),
			type === 'number'
				? Number(value)
				: type === 'array' || type === 'object'
					? JSON.parse(String(value))
					: value,
		]),
	) as IDataObject;
	return { file, name: workflow.name, docSpaceParameters: docSpace.parameters, inputItem };
}
