import type { ICredentialType, INodeProperties, Icon } from 'n8n-workflow';

import { checkOAuthAudience } from '../nodes/DocSpace/shared/signIn';

/** Every scope the node's operations, pickers and lookups need (docs/docspace/auth.md §4). */
const DEFAULT_SCOPES = 'rooms:write files:write accounts:read accounts.self:read';

const PORTAL =
	'{{ ((String($self["baseUrl"]).trim().includes("://") ? "" : "https://") + String($self["baseUrl"]).trim()).replace(/\\/+$/, "").replace(/\\/api\\/2\\.0$/i, "") }}';

/**
 * DocSpace's own OAuth2 server, authorization code with PKCE (docs/docspace/auth.md §3): the
 * client id and secret go in the token request's body, and every refresh returns a new refresh
 * token, which n8n stores with the access token.
 */
export class DocSpaceOAuth2Api implements ICredentialType {
	name = 'docSpaceOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'ONLYOFFICE DocSpace OAuth2 API';

	icon: Icon = { light: 'file:docspace.svg', dark: 'file:docspace.dark.svg' };

	documentationUrl =
		'https://api.onlyoffice.com/docspace/api-backend/get-started/authentication/oauth2/';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://yourportal.onlyoffice.com',
			description:
				'The address of your DocSpace portal, as you open it in the browser (https:// is added when left out). The sign-in page and the tokens come from this portal.',
		},
		{
			displayName:
				'Register n8n in DocSpace under Settings → Developer Tools → OAuth 2.0 → Create app.',
			name: 'oauthNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'pkce',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `=${PORTAL}/oauth2/authorize`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `=${PORTAL}/oauth2/token`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: DEFAULT_SCOPES,
			description:
				'Space-separated DocSpace scopes; select the same ones in the DocSpace app (Settings → Developer Tools → OAuth 2.0 → Create app: paste the OAuth Redirect URL shown above, tick "Allow PKCE", then copy the Client ID and Client Secret here). The default covers every operation: rooms:write (Room and Room Link operations, the Room list), files:write (File and File Link operations, the File list), accounts:read (User and Group: Get Many, the recipient list, emails in File: Share), accounts.self:read (who is signed in). A :write scope includes reading. Webhooks and portal settings are not available to OAuth2 at all.',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];

	preAuthentication = checkOAuthAudience;
}
