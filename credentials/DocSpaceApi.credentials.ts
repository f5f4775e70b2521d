import type {
	IAuthenticate,
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import {
	authorizationHeaderFor,
	docSpaceCredentialValues,
	redirectRules,
} from '../nodes/DocSpace/shared/credentialValues';

export class DocSpaceApi implements ICredentialType {
	name = 'docSpaceApi';

	displayName = 'ONLYOFFICE DocSpace API';

	icon: Icon = { light: 'file:docspace.svg', dark: 'file:docspace.dark.svg' };

	documentationUrl =
		'https://api.onlyoffice.com/docspace/api-backend/get-started/authentication/api-keys/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://yourportal.onlyoffice.com',
			description:
				'The address of your DocSpace portal, as you open it in the browser (e.g. https://yourportal.onlyoffice.com; https:// is added when left out). Nothing else belongs in it: no user name, query or key; the key goes into API Key or Token.',
		},
		{
			displayName: 'API Key or Token',
			name: 'authKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: 'sk-…',
			description:
				'An API key or a personal access token. Create an API key in DocSpace under Settings → Developer Tools → API keys. Give it the permissions rooms:write (Room Link operations) and files:write (File operations), plus rooms:read, files:read and accounts:read for the pickers and lookups. A personal access token (the value of the asc_auth_key cookie) works too. Copy a new key (it starts with sk-) right away: DocSpace shows it only once.',
		},
		{
			displayName: 'Create a key in DocSpace under Settings → Developer Tools → API keys.',
			name: 'keyNotice',
			type: 'notice',
			default: '',
		},
	];

	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const { authKey } = docSpaceCredentialValues(credentials);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: authorizationHeaderFor(authKey) },
		};
	};

	// API keys are tested on keys/@self, which needs no scope: a key limited to rooms:* would get
	// an empty 403 on people/@self although it is valid (docs/docspace/transport.md §4). Tokens have no
	// key record, so they are tested on people/@self.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ((String($credentials.baseUrl).trim().includes("://") ? "" : "https://") + String($credentials.baseUrl).trim()).replace(/\\/+$/, "").replace(/\\/api\\/2\\.0$/i, "") }}',
			url: '={{ /^(bearer\\s+)?sk-/i.test(String($credentials.authKey).trim()) ? "/api/2.0/keys/@self" : "/api/2.0/people/@self" }}',
			headers: { Accept: 'application/json' },
			// A redirect is never followed (the key would go with it). n8n 2.41.1's RoutingNode replaces
			// `timeout` with its own (5 minutes); it is kept for runners that apply it.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			timeout: 20_000,
		},
		// n8n checks response-code rules on failures and body rules on successes; its type wants one kind per array.
		rules: [
			...redirectRules('key'),
			{
				// n8n fails the test when the answer's `statusCode` equals the value: undefined means the
				// answer is not DocSpace's envelope (an HTML page, a sign-in page, another API).
				type: 'responseSuccessBody',
				properties: {
					key: 'statusCode',
					value: undefined,
					message:
						"The Base URL answered, but not with DocSpace's API (for example a web page or a sign-in page). Enter the portal's address as you open it in the browser, e.g. https://yourportal.onlyoffice.com, not a room's address.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'DocSpace did not accept the API key or token: it is wrong, expired or revoked. Create a new API key under Settings → Developer Tools → API keys and paste it here.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'DocSpace recognised the key but refused it here (403). If it is a personal access token, sign in again and copy a fresh one; if it is an API key, check that it is active.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'No DocSpace API answered at this Base URL (404). Check the portal address, e.g. https://yourportal.onlyoffice.com',
				},
			},
		] as Array<
			IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody
		> as IAuthenticateRuleResponseCode[],
	};
}
