/**
 * The example workflows and the credential, prepared for import into a throwaway n8n.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { REPO_ROOT } from './n8n';

export const CREDENTIAL_ID = 'docspace-emulator';
export const CREDENTIAL_NAME = 'DocSpace (emulator)';
export const CREDENTIAL_TYPE = 'docSpaceApi';
export const NODE_TYPE = 'n8n-nodes-docspace.docSpace';
export const NODE_NAME = 'DocSpace';

export interface ExampleWorkflow {
	/** File it was read from, relative to the repository. */
	file: string;
	/** Short key from the file name, e.g. 'room-link-set'. */
	key: string;
	/** The workflow JSON, with an id n8n accepts (at most 21 characters). */
	workflow: any;
}

/** The example workflows users import (examples/*.json). */
export function examplesDir(): string {
	return join(REPO_ROOT, 'examples');
}

/** n8n workflow ids are at most 21 characters; derive a stable one from the file name. */
function workflowIdFor(key: string): string {
	const compact = key.replace(/[^a-zA-Z0-9]/g, '');
	return `ex${compact}`.slice(0, 21);
}

export function loadExampleWorkflows(): ExampleWorkflow[] {
	const dir = examplesDir();
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const key = basename(f, '.json');
			const workflow = JSON.parse(readFileSync(join(dir, f), 'utf8'));
			const id =
				typeof workflow.id === 'string' && workflow.id.length > 0 && workflow.id.length <= 21
					? workflow.id
					: workflowIdFor(key);
			return {
				file: join(dir, f).slice(REPO_ROOT.length + 1),
				key,
				workflow: { active: false, settings: {}, ...workflow, id },
			};
		});
}

/** The DocSpace node of a workflow (by type, so a renamed node is still found). */
export function docSpaceNode(workflow: any): any {
	const node = (workflow.nodes as any[]).find((n) => n.type === NODE_TYPE);
	if (!node) throw new Error(`workflow "${workflow.name}" has no ${NODE_TYPE} node`);
	return node;
}

/** The credential every example uses, pointed at `baseUrl`. */
export function credentialFor(baseUrl: string, authKey: string): object[] {
	return [
		{
			id: CREDENTIAL_ID,
			name: CREDENTIAL_NAME,
			type: CREDENTIAL_TYPE,
			data: { baseUrl, authKey },
		},
	];
}

/** A copy of `workflow` with a new id and name, for variants made by the tests. */
export function variant(workflow: any, id: string, name: string, change: (node: any) => void): any {
	const copy = JSON.parse(JSON.stringify(workflow));
	copy.id = id;
	copy.name = name;
	delete copy.versionId;
	change(docSpaceNode(copy));
	return copy;
}
