import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IExecuteFunctions,
	INode,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { CREDENTIAL_TYPES } from '../authentication';

/**
 * The credential type the item requests use, as RoutingNode picks it (prepareCredentials): the only
 * one declared, or the one the node's Authentication choice shows.
 */
export function credentialNameOf(
	context: IExecuteFunctions,
	description: INodeTypeDescription,
): string | undefined {
	const declared = description.credentials ?? [];
	if (declared.length <= 1) return declared[0]?.name;
	const authentication = context.getNodeParameter('authentication', 0, '') as string;
	const shown = declared.find((credential) =>
		credential.displayOptions?.show?.authentication?.includes(authentication),
	);
	if (!shown) {
		throw new NodeOperationError(
			context.getNode(),
			`Node type "${context.getNode().type}" does not have any credentials of type "${authentication}" defined`,
			{
				level: 'warning',
			},
		);
	}
	return shown.name;
}

/**
 * The API key credential, read once for the whole execution. Without it n8n reads and decrypts the
 * credential again for every request (in a real n8n, a database read each time). An API key does
 * not change during an execution; a password session and OAuth2 tokens renew themselves, so n8n
 * still reads those per request, as RoutingNode does.
 */
export function unchangingCredential(
	node: INode,
	credentialName: string | undefined,
	data: ICredentialDataDecryptedObject | undefined,
): ICredentialsDecrypted | undefined {
	const chosen = credentialName ? node.credentials?.[credentialName] : undefined;
	if (credentialName !== CREDENTIAL_TYPES.apiKey || !chosen || !data) return undefined;
	return { id: chosen.id ?? '', name: chosen.name, type: credentialName, data };
}
