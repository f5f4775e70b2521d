/**
 * Credentials for the User and Password and the OAuth2 credential types against the emulator. The
 * OAuth2 connection is made the way n8n's Connect button does it: the authorize page approved with
 * the owner's password, then the code redeemed with its PKCE verifier at the token endpoint.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { type DocSpaceEmulator, SEED_IDS } from '../emulator';
import { EMULATOR_OAUTH_CLIENT } from '../emulator/identity';

export const DEFAULT_OAUTH_SCOPE = 'rooms:write files:write accounts:read accounts.self:read';

export function passwordCredentialsFor(
	emulator: DocSpaceEmulator,
	password: string = SEED_IDS.ownerPassword,
): ICredentialDataDecryptedObject {
	return { baseUrl: emulator.baseUrl, userName: SEED_IDS.ownerEmail, password, sessionToken: '' };
}

async function postForm(url: string, fields: Record<string, string>) {
	return await fetch(url, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields).toString(),
	});
}

/** What n8n stores as `oauthTokenData` after the Connect flow. */
export async function connectOAuth(
	emulator: DocSpaceEmulator,
	scope: string = DEFAULT_OAUTH_SCOPE,
): Promise<IDataObject> {
	const verifier = randomBytes(32).toString('base64url');
	const redirectUri = EMULATOR_OAUTH_CLIENT.redirectUris[0];
	const approved = await postForm(`${emulator.baseUrl}/oauth2/authorize`, {
		response_type: 'code',
		client_id: EMULATOR_OAUTH_CLIENT.clientId,
		redirect_uri: redirectUri,
		scope,
		state: 'n8n-state',
		code_challenge: createHash('sha256').update(verifier).digest('base64url'),
		code_challenge_method: 'S256',
		email: SEED_IDS.ownerEmail,
		password: SEED_IDS.ownerPassword,
		consent: 'allow',
	});
	const code = new URL(approved.headers.get('location') ?? '').searchParams.get('code') ?? '';
	const token = await postForm(`${emulator.baseUrl}/oauth2/token`, {
		grant_type: 'authorization_code',
		code,
		redirect_uri: redirectUri,
		code_verifier: verifier,
		client_id: EMULATOR_OAUTH_CLIENT.clientId,
		client_secret: EMULATOR_OAUTH_CLIENT.clientSecret,
	});
	if (token.status !== 200)
		throw new Error(`OAuth2 connect failed: ${token.status} ${await token.text()}`);
	return (await token.json()) as IDataObject;
}

/** The OAuth2 credential as n8n hands it over: hidden fields resolved, token data from Connect. */
export function oauthCredentialsFor(
	emulator: DocSpaceEmulator,
	oauthTokenData: IDataObject,
	scope: string = DEFAULT_OAUTH_SCOPE,
): ICredentialDataDecryptedObject {
	return {
		baseUrl: emulator.baseUrl,
		grantType: 'pkce',
		authUrl: `${emulator.baseUrl}/oauth2/authorize`,
		accessTokenUrl: `${emulator.baseUrl}/oauth2/token`,
		clientId: EMULATOR_OAUTH_CLIENT.clientId,
		clientSecret: EMULATOR_OAUTH_CLIENT.clientSecret,
		scope,
		authQueryParameters: '',
		authentication: 'body',
		oauthTokenData,
	};
}
