import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

const OAUTH_CREDENTIAL_TYPE = ['docSpace', 'OAuth2', 'Api'].join('');

/** The credential types of the node, one per way to sign in (docs/docspace/auth.md). */
export const CREDENTIAL_TYPES = {
	apiKey: 'docSpaceApi',
	password: 'docSpacePasswordApi',
	oAuth2: OAUTH_CREDENTIAL_TYPE,
} as const;

export type Authentication = keyof typeof CREDENTIAL_TYPES;

/** n8n's convention: an Authentication choice; its default keeps saved workflows on the API-key credential. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'API Key or Personal Token',
			value: 'apiKey',
			description:
				'A DocSpace API key (Settings → Developer Tools → API keys) or a personal access token',
		},
		{
			name: 'OAuth2',
			value: 'oAuth2',
			description:
				"Connect through DocSpace's OAuth2 server with an OAuth app registered in DocSpace; cannot manage webhooks",
		},
		{
			name: 'User and Password',
			value: 'password',
			description:
				'Sign in with a DocSpace email and password (accounts without two-factor authentication)',
		},
	],
	default: 'apiKey',
	description: 'How the node signs in to DocSpace. Each choice uses its own credential type.',
};

export const docSpaceCredentials: INodeCredentialDescription[] = (
	Object.keys(CREDENTIAL_TYPES) as Authentication[]
).map((authentication) => ({
	name: CREDENTIAL_TYPES[authentication],
	required: true,
	displayOptions: { show: { authentication: [authentication] } },
}));

interface NodeContext {
	getNode(): {
		parameters: Record<string, unknown>;
		credentials?: Record<string, { id: string | null }>;
	};
}

/** The node's Authentication choice; read from the node itself (it takes no expressions), so it costs nothing per item. */
export function authenticationOf(context: NodeContext): Authentication {
	const value = context.getNode().parameters.authentication;
	return typeof value === 'string' && value in CREDENTIAL_TYPES
		? (value as Authentication)
		: 'apiKey';
}

/** The credential type the node's requests, pickers and lookups use. */
export function credentialTypeOf(context: NodeContext): string {
	return CREDENTIAL_TYPES[authenticationOf(context)];
}

export function credentialIdOf(context: NodeContext): string {
	return context.getNode().credentials?.[credentialTypeOf(context)]?.id ?? 'default';
}

/** What the error table says for a 401 and for a missing permission, per way of signing in. */
export const CREDENTIAL_ADVICE: Record<
	Authentication,
	{
		unauthorized: string;
		who: string;
		permission: string;
		missingPermission: (scope: string) => string;
	}
> = {
	apiKey: {
		unauthorized:
			'The API key or token is wrong, expired or revoked. In DocSpace open Settings → Developer Tools → API keys, create a new key and paste it into the DocSpace credential. Nothing was changed.',
		who: 'The API key',
		permission: 'permission',
		missingPermission: (scope) =>
			`DocSpace refused the request because the key lacks the "${scope}" permission. Create a key with that permission (Settings → Developer Tools → API keys) or use a key with full access. Nothing was changed.`,
	},
	password: {
		unauthorized:
			'DocSpace ended the session and did not accept a new sign-in. Check Email and Password in the DocSpace credential (User and Password); an admin may also have signed all sessions out. Nothing was changed.',
		who: 'The account',
		permission: 'permission',
		missingPermission: (scope) =>
			`DocSpace refused the request (it needs "${scope}"): the account behind the credential may not do this. Nothing was changed.`,
	},
	oAuth2: {
		unauthorized:
			'DocSpace did not accept the OAuth2 token, even after renewing it. Open the DocSpace OAuth2 credential and press Connect again (the access may have been revoked in DocSpace). Nothing was changed.',
		who: 'The OAuth2 connection',
		permission: 'scope',
		missingPermission: (scope) =>
			`DocSpace refused the request because the OAuth2 connection lacks the "${scope}" scope. Add ${scope} to Scope in the DocSpace OAuth2 credential (and to the OAuth app in DocSpace under Settings → Developer Tools → OAuth 2.0), then press Connect again. Nothing was changed.`,
	},
};
