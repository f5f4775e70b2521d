/**
 * Presses the credential's "Test" button the way n8n does (packages/cli credentials-tester):
 * the credential's `test.request` becomes the requestDefaults of a throwaway declarative node,
 * run on the engine with the credential's `authenticate`; a failure is matched against the
 * `responseCode` rules to pick the message the user sees.
 */
import type { ICredentialDataDecryptedObject, ICredentialType, INodeType } from 'n8n-workflow';

import {
	type DocSpaceCredentialData,
	credentialType as apiKeyCredentialType,
	runDocSpaceNode,
} from './engine';

function credentialTestNodeType(credentialType: ICredentialType): INodeType {
	return {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: credentialType.test!.request,
			properties: [],
		},
	} as INodeType;
}

export async function testCredential(
	credentials: DocSpaceCredentialData | ICredentialDataDecryptedObject,
	credentialType: ICredentialType = apiKeyCredentialType,
): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const { error, items } = await runDocSpaceNode({
		parameters: {},
		credentials,
		credentialType: credentialType.name,
		nodeType: () => credentialTestNodeType(credentialType),
	});
	if (!error) {
		// n8n then checks the answer against the responseSuccessBody rules: get(body, key) === value fails.
		for (const rule of credentialType.test?.rules ?? []) {
			if (rule.type !== 'responseSuccessBody') continue;
			const json = items[0]?.json as unknown;
			const found = String(rule.properties.key)
				.split('.')
				.reduce<unknown>(
					(node, key) =>
						node !== null && typeof node === 'object'
							? (node as Record<string, unknown>)[key]
							: undefined,
					json,
				);
			if (found === rule.properties.value)
				return { status: 'Error', message: rule.properties.message };
		}
		return { status: 'OK', message: 'Connection tested successfully' };
	}
	const httpCode = Number((error as { httpCode?: string }).httpCode);
	const rule = credentialType.test?.rules?.find(
		(candidate) => candidate.type === 'responseCode' && candidate.properties.value === httpCode,
	);
	return { status: 'Error', message: rule ? rule.properties.message : error.message };
}
