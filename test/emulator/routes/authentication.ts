// Password login (POST api/2.0/authentication) and DocSpace's OAuth2 server (/oauth2/authorize,
// /oauth2/token), as described in docs/docspace/auth.md §1 and §3.

import { authenticationFailed, bruteForceBlocked, invalidOperation } from '../apiErrors';
import { parseJsonObject, property } from '../binding';
import { formatApiDate } from '../dto';
import { jsonAnswer, type Answer } from '../envelope';
import { pkceChallenge } from '../identity';
import type { ActionResult, RouteContext, RouteDefinition } from './context';

function login(context: RouteContext): ActionResult {
	const body = parseJsonObject(context.rawBody);
	const userName = String(property(body, 'userName')?.value ?? '').trim();
	const password = String(property(body, 'password')?.value ?? '');
	const { identity } = context.state;
	// Empty user names and unknown users are AuthenticationExceptions too (§1: 401, not 400/404).
	if (userName === '') throw authenticationFailed('User authentication failed');
	if (identity.isBlocked(userName))
		throw bruteForceBlocked('Too many login attempts. Please try again later.');
	const user = context.state.findUserByEmail(userName);
	if (!user || user.password === undefined || user.password !== password) {
		identity.recordFailure(userName);
		throw authenticationFailed('User authentication failed');
	}
	if (user.status !== 1) throw invalidOperation('User disabled');
	const confirmUrl = `${context.baseUrl}/confirm/TfaAuth?type=TfaAuth&email=${encodeURIComponent(user.email)}`;
	const secondFactor = identity.twoFactor.get(user.id);
	if (secondFactor === 'app')
		return { payload: { tfa: true, sms: false, confirmUrl, expires: '0001-01-01T00:00:00' } };
	if (secondFactor === 'sms') {
		return {
			payload: {
				sms: true,
				tfa: false,
				phoneNoise: '+7 *** *** **12',
				confirmUrl,
				expires: formatApiDate(new Date(Date.now() + 600_000)),
			},
		};
	}
	const session = identity.issueSession();
	context.state.sessionTokens.set(session.token, user.id);
	return {
		payload: {
			token: session.token,
			expires: new Date(session.expiresAt).toISOString(),
			sms: false,
			tfa: false,
		},
	};
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function htmlAnswer(status: number, html: string): ActionResult {
	return {
		payload: undefined,
		answer: { status, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: html },
	};
}

function redirect(location: string): ActionResult {
	return { payload: undefined, answer: { status: 302, headers: { Location: location }, body: '' } };
}

function oauthError(status: number, error: string, description: string): ActionResult {
	const answer: Answer = jsonAnswer(status, { error, error_description: description });
	return { payload: undefined, answer };
}

type Form = Record<string, string>;

function formOf(context: RouteContext): Form {
	return Object.fromEntries(new URLSearchParams(context.rawBody));
}

function queryForm(context: RouteContext): Form {
	return Object.fromEntries(
		Object.entries(context.query).map(([key, value]) => [
			key,
			Array.isArray(value) ? value[0] : value,
		]),
	);
}

/** Checks an authorize request; returns the problem as a page, or the client and scopes. */
function checkAuthorizeRequest(context: RouteContext, form: Form) {
	const client = context.state.identity.clients.get(form.client_id ?? '');
	if (!client) return { problem: htmlAnswer(400, '<h1>Unknown client</h1>') };
	if (!client.redirectUris.includes(form.redirect_uri ?? ''))
		return {
			problem: htmlAnswer(400, '<h1>The redirect URI is not registered for this client</h1>'),
		};
	if (form.response_type !== 'code')
		return {
			problem: redirect(
				`${form.redirect_uri}?error=unsupported_response_type&state=${encodeURIComponent(form.state ?? '')}`,
			),
		};
	const scopes = (form.scope ?? '').split(/[\s+]+/).filter(Boolean);
	const unknown = scopes.filter((scope) => scope !== 'openid' && !client.scopes.includes(scope));
	if (scopes.length === 0 || unknown.length > 0) {
		return {
			problem: redirect(
				`${form.redirect_uri}?error=invalid_scope&state=${encodeURIComponent(form.state ?? '')}`,
			),
		};
	}
	if (form.code_challenge && !client.allowPkce)
		return { problem: htmlAnswer(400, '<h1>PKCE is not allowed for this client</h1>') };
	return { client, scopes };
}

const AUTHORIZE_FIELDS = [
	'response_type',
	'client_id',
	'redirect_uri',
	'scope',
	'state',
	'code_challenge',
	'code_challenge_method',
];

function consentPage(form: Form, scopes: string[], error = ''): string {
	const hidden = AUTHORIZE_FIELDS.filter((name) => form[name] !== undefined)
		.map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(form[name])}">`)
		.join('');
	return `<!doctype html><html><head><title>DocSpace: allow access</title></head><body>
<h1>Sign in to ONLYOFFICE DocSpace</h1>${error ? `<p id="error">${escapeHtml(error)}</p>` : ''}
<p>The application asks for: <ul id="scopes">${scopes.map((scope) => `<li>${escapeHtml(scope)}</li>`).join('')}</ul></p>
<form method="post" action="/oauth2/authorize">${hidden}
<label>Email <input name="email" type="email"></label><label>Password <input name="password" type="password"></label>
<button type="submit" name="consent" value="allow">Allow</button><button type="submit" name="consent" value="deny">Deny</button>
</form></body></html>`;
}

function authorizePage(context: RouteContext): ActionResult {
	const form = queryForm(context);
	const checked = checkAuthorizeRequest(context, form);
	return checked.problem ?? htmlAnswer(200, consentPage(form, checked.scopes));
}

function authorizeDecision(context: RouteContext): ActionResult {
	const form = formOf(context);
	const checked = checkAuthorizeRequest(context, form);
	if (checked.problem) return checked.problem;
	const state = encodeURIComponent(form.state ?? '');
	if (form.consent !== 'allow')
		return redirect(`${form.redirect_uri}?error=access_denied&state=${state}`);
	const user = context.state.findUserByEmail(form.email ?? '');
	if (!user || user.password !== form.password || user.status !== 1) {
		return htmlAnswer(401, consentPage(form, checked.scopes, 'Wrong email or password.'));
	}
	const code = context.state.identity.issueCode({
		clientId: checked.client.clientId,
		userId: user.id,
		scopes: checked.scopes.filter((scope) => scope !== 'openid'),
		redirectUri: form.redirect_uri,
		challenge: form.code_challenge,
		challengeMethod: form.code_challenge_method,
	});
	return redirect(`${form.redirect_uri}?code=${encodeURIComponent(code)}&state=${state}`);
}

/** client_secret_post only; a PKCE code may be redeemed with its verifier instead of the secret. */
function tokenEndpoint(context: RouteContext): ActionResult {
	const form = formOf(context);
	const { identity } = context.state;
	const client = identity.clients.get(form.client_id ?? '');
	const secretOk = client !== undefined && form.client_secret === client.clientSecret;
	if (!client || (form.client_secret !== undefined && !secretOk))
		return oauthError(401, 'invalid_client', 'Client authentication failed');
	if (form.grant_type === 'authorization_code') {
		const code = identity.codes.get(form.code ?? '');
		identity.codes.delete(form.code ?? '');
		if (
			!code ||
			code.clientId !== client.clientId ||
			code.expiresAt <= Date.now() ||
			code.redirectUri !== form.redirect_uri
		) {
			return oauthError(400, 'invalid_grant', 'The authorization code is invalid or expired');
		}
		if (code.challenge !== undefined) {
			if (
				!form.code_verifier ||
				pkceChallenge(form.code_verifier, code.challengeMethod) !== code.challenge
			) {
				return oauthError(400, 'invalid_grant', 'PKCE verification failed');
			}
		} else if (!secretOk) {
			return oauthError(401, 'invalid_client', 'Client authentication failed');
		}
		return tokenAnswer(context, code);
	}
	if (form.grant_type === 'refresh_token') {
		if (!secretOk) return oauthError(401, 'invalid_client', 'Client authentication failed');
		const grant = identity.refreshTokens.get(form.refresh_token ?? '');
		if (
			!grant ||
			!grant.active ||
			grant.clientId !== client.clientId ||
			grant.expiresAt <= Date.now()
		) {
			return oauthError(400, 'invalid_grant', 'The refresh token is invalid');
		}
		// reuseRefreshTokens=false: every refresh retires the old refresh token.
		grant.active = false;
		identity.refreshes++;
		return tokenAnswer(context, grant);
	}
	return oauthError(
		400,
		'unsupported_grant_type',
		`Grant type ${form.grant_type ?? '(none)'} is not supported`,
	);
}

function tokenAnswer(
	context: RouteContext,
	grant: { clientId: string; userId: string; scopes: string[] },
): ActionResult {
	const issued = context.state.identity.issueAccessToken(context.baseUrl, grant);
	context.state.jwts.set(issued.token, {
		token: issued.token,
		userId: grant.userId,
		scopes: grant.scopes,
	});
	const answer = jsonAnswer(200, {
		access_token: issued.token,
		refresh_token: issued.refreshToken,
		token_type: 'Bearer',
		expires_in: issued.expiresIn,
		scope: grant.scopes.join(' '),
	});
	answer.headers['Cache-Control'] = 'no-store';
	return { payload: undefined, answer };
}

export const authenticationRoutes: RouteDefinition[] = [
	{ method: 'POST', template: '/api/2.0/authentication', handler: login, allowAnonymous: true },
	{ method: 'GET', template: '/oauth2/authorize', handler: authorizePage, allowAnonymous: true },
	{
		method: 'POST',
		template: '/oauth2/authorize',
		handler: authorizeDecision,
		allowAnonymous: true,
	},
	{ method: 'POST', template: '/oauth2/token', handler: tokenEndpoint, allowAnonymous: true },
];
