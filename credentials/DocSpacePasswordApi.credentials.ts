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

import { redirectRules } from '../nodes/DocSpace/shared/credentialValues';
import { signInWithPassword, usableSessionToken } from '../nodes/DocSpace/shared/signIn';

/**
 * Signs in with email and password (POST api/2.0/authentication) and reuses the session token
 * until it expires or DocSpace rejects it (docs/docspace/auth.md §1–§2). n8n stores the token in
 * the hidden, expirable Session field and calls `preAuthentication` again when it is empty or was
 * rejected.
 */
export class DocSpacePasswordApi implements ICredentialType {
	name = 'docSpacePasswordApi';

	displayName = 'ONLYOFFICE DocSpace (User and Password) API';

	icon: Icon = { light: 'file:docspace.svg', dark: 'file:docspace.dark.svg' };

	documentationUrl =
		'https://api.onlyoffice.com/docspace/api-backend/get-started/authentication/personal-access-tokens/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://yourportal.onlyoffice.com',
			description:
				'The address of your DocSpace portal, as you open it in the browser (https:// is added when left out)',
		},
		{
			displayName: 'Email',
			name: 'userName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'name@example.com',
			description: 'The email you sign in to DocSpace with',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The DocSpace password of that account. It is sent only to sign in; requests then use the session DocSpace returns. After 5 wrong passwords within a minute DocSpace blocks signing in for a minute; two-factor accounts need an API key or OAuth2.',
		},
		{
			displayName: 'Accounts with two-factor authentication cannot sign in this way.',
			name: 'signInNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Session',
			name: 'sessionToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	preAuthentication = signInWithPassword;

	// A session stored for another address or password, or past its expiry, is not sent: DocSpace
	// answers 401 and n8n (or the node) signs in again.
	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const token = usableSessionToken(credentials);
		if (!token) return requestOptions;
		return { ...requestOptions, headers: { ...requestOptions.headers, Authorization: token } };
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ ((String($credentials.baseUrl).trim().includes("://") ? "" : "https://") + String($credentials.baseUrl).trim()).replace(/\\/+$/, "").replace(/\\/api\\/2\\.0$/i, "") }}',
			url: '/api/2.0/people/@self',
			headers: { Accept: 'application/json' },
			// A redirect is never followed (the session would go with it). n8n 2.41.1's RoutingNode replaces
			// `timeout` with its own (5 minutes); it is kept for runners that apply it.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
			timeout: 20_000,
		},
		// n8n checks response-code rules on failures and body rules on successes; its type wants one kind per array.
		rules: [
			...redirectRules('session'),
			{
				// Undefined `statusCode`: the answer is not DocSpace's envelope (a web page, another API).
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
						'DocSpace did not accept the session after signing in. Check Email and Password, then save again.',
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
