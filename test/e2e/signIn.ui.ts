/**
 * Signing in to DocSpace from a real n8n editor in the browser (Debian's chromium driven by
 * playwright-core, against `npm run n8n`'s editor and the emulator):
 * - an OAuth2 credential is created from the node, Connect opens DocSpace's authorize page (the
 *   emulator's), the user approves, n8n shows the credential connected, and the node runs with it;
 * - the User and Password credential's Test succeeds with the right password and explains a wrong one.
 */
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { signedInBrowser } from '../../scripts/e2e/browser';
import { startEditor, type Editor } from '../../scripts/e2e/editor';
import { REPO_ROOT } from '../../scripts/e2e/n8n';
import { freePort } from '../../scripts/e2e/ports';
import { log } from '../../scripts/e2e/runtime';
import { NODE_TYPE } from '../../scripts/e2e/workflows';
import { SEED_IDS } from '../emulator';
import { EMULATOR_OAUTH_CLIENT } from '../emulator/identity';

const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const PASSWORD_CREDENTIAL = { id: 'docspace-password', name: 'DocSpace password (emulator)' };

function workflow(id: string, name: string, authentication: string, credentials?: object): object {
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections: { Start: { main: [[{ node: 'DocSpace', type: 'main', index: 0 }]] } },
		nodes: [
			{
				id: `${id}-t`,
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: `${id}-d`,
				name: 'DocSpace',
				type: NODE_TYPE,
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					authentication,
					resource: 'room',
					operation: 'get',
					room: { __rl: true, mode: 'id', value: SEED_IDS.customRoomId },
				},
				...(credentials ? { credentials } : {}),
			},
		],
	};
}

const oauthWorkflow = workflow('DocSpaceUiOAuth2', 'ui: OAuth2', 'oAuth2');
const passwordWorkflow = workflow('DocSpaceUiPassword', 'ui: password', 'password', {
	docSpacePasswordApi: PASSWORD_CREDENTIAL,
});

let editor: Editor;
let browser: Browser;
let context: BrowserContext;

async function openNode(id: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${editor.url}/workflow/${id}`);
	await page.locator('[data-test-id="canvas-node"][data-node-name="DocSpace"]').dblclick();
	await page.locator('[data-test-id="node-parameters"]').waitFor();
	await page.waitForLoadState('networkidle');
	return page;
}

async function shot(target: Page | ReturnType<Page['locator']>, file: string): Promise<void> {
	const path = join(SCREENSHOTS, file);
	await target.screenshot({ path });
	log(`screenshot: ${path.slice(REPO_ROOT.length + 1)}`);
}

beforeAll(async () => {
	editor = await startEditor({
		port: await freePort(),
		workflows: [oauthWorkflow, passwordWorkflow],
		credentials: (baseUrl) => [
			{
				...PASSWORD_CREDENTIAL,
				type: 'docSpacePasswordApi',
				data: { baseUrl, userName: SEED_IDS.ownerEmail, password: SEED_IDS.ownerPassword },
			},
		],
	});
	({ browser, context } = await signedInBrowser(editor.url, 1300));
});

afterAll(async () => {
	await browser?.close();
	await editor?.stop();
});

/** On failure, the page's text and a screenshot go to the n8n folder's log directory for diagnosis. */
async function diagnose<T>(page: Page, name: string, steps: () => Promise<T>): Promise<T> {
	try {
		return await steps();
	} catch (error) {
		const base = join(editor.home.userFolder, `failed-${name}`);
		await page.screenshot({ path: `${base}.png`, fullPage: true }).catch(() => undefined);
		log(
			`${name} failed; screenshot ${base}.png; page text: ${(
				await page
					.locator('body')
					.innerText()
					.catch(() => '')
			)
				.replace(/\s+/g, ' ')
				.slice(0, 3000)}`,
		);
		throw error;
	}
}

test('OAuth2: create the credential, Connect, approve on DocSpace, connected, and run the node with it', async () => {
	const page = await openNode('DocSpaceUiOAuth2');
	await diagnose(page, 'oauth2', async () => await connectAndRun(page));
});

async function connectAndRun(page: Page): Promise<void> {
	await page.locator('[data-test-id="node-credentials-select"]').click();
	await page
		.getByText(/Create new credential/i)
		.first()
		.click();
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.waitFor();
	// n8n's credential dialog offers the node's Authentication choices as its mode.
	await modal.locator('[data-test-id="credential-mode-dropdown-trigger"]').click();
	await expect(page.locator('[role=menu]:visible').innerText()).resolves.toMatch(
		/API Key or Personal Token\s+OAuth2\s+User and Password/,
	);
	await page.getByRole('menuitem', { name: 'OAuth2' }).first().click();
	await modal.locator('[data-test-id="parameter-input-clientId"] input').waitFor();
	await modal.locator('[data-test-id="parameter-input-baseUrl"] input').fill(editor.emu.baseUrl);
	await modal
		.locator('[data-test-id="parameter-input-clientId"] input')
		.fill(EMULATOR_OAUTH_CLIENT.clientId);
	await modal
		.locator('[data-test-id="parameter-input-clientSecret"] input')
		.fill(EMULATOR_OAUTH_CLIENT.clientSecret);
	// Register n8n's redirect URL with the emulator's OAuth app, as the user does in DocSpace.
	const redirectUrl = `${editor.url}/rest/oauth2-credential/callback`;
	editor.emu.identity.clients.get(EMULATOR_OAUTH_CLIENT.clientId)!.redirectUris.push(redirectUrl);
	await expect(modal.innerText()).resolves.toContain(redirectUrl);

	const popupOpened = context.waitForEvent('page');
	await modal
		.locator('[data-test-id="oauth-not-connected-banner"]')
		.getByRole('button', { name: /^Connect/ })
		.first()
		.click();
	const popup = await popupOpened;
	await popup.waitForURL((url) => url.pathname === '/oauth2/authorize', { timeout: 30_000 });
	const authorize = new URL(popup.url());
	expect(authorize.origin).toBe(editor.emu.baseUrl);
	expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
	expect(authorize.searchParams.get('scope')).toBe(
		'rooms:write files:write accounts:read accounts.self:read',
	);
	await expect(popup.locator('#scopes').innerText()).resolves.toContain('rooms:write');
	await popup.fill('input[name="email"]', SEED_IDS.ownerEmail);
	await popup.fill('input[name="password"]', SEED_IDS.ownerPassword);
	await shot(popup, 'oauth2-authorize.png');
	await popup.getByText('Allow').click();

	// n8n redeems the code at the emulator's token endpoint with the PKCE verifier and the secret.
	const deadline = Date.now() + 30_000;
	const redeemed = () =>
		editor.emu.requests.find((request) => request.path === '/oauth2/token' && request.status !== 0);
	while (!redeemed() && Date.now() < deadline) await page.waitForTimeout(250);
	const token = redeemed();
	expect(token?.status).toBe(200);
	expect(String(token?.rawBody)).toMatch(/grant_type=authorization_code/);
	expect(String(token?.rawBody)).toMatch(/code_verifier=/);
	expect(String(token?.rawBody)).toMatch(/client_secret=/);
	// The dialog shows the credential connected (n8n may close it by itself once connected).
	const banner = modal.locator('[data-test-id="oauth-connect-success-banner"]');
	await Promise.race([
		banner.waitFor({ timeout: 30_000 }),
		modal.waitFor({ state: 'hidden', timeout: 30_000 }),
	]);
	if (await modal.isVisible()) {
		await shot(modal, 'credential-oauth2-connected.png');
		await page.keyboard.press('Escape');
		await modal.waitFor({ state: 'hidden' });
	}
	await expect(
		page.locator('[data-test-id="node-credentials-select"] input').first().inputValue(),
	).resolves.toMatch(/DocSpace/);

	const before = editor.emu.requests.length;
	await page.locator('[data-test-id="node-execute-button"]').click();
	await page.getByText('Client Projects').first().waitFor({ timeout: 60_000 });
	const calls = editor.emu.requests
		.slice(before)
		.filter((request) => request.path === `/api/2.0/files/rooms/${SEED_IDS.customRoomId}`);
	expect(
		calls.map((request) => [
			request.status,
			request.headers.authorization?.startsWith('Bearer ey'),
		]),
	).toEqual([[200, true]]);
	await page.close();
}

test('User and Password: the credential Test succeeds with the right password and explains a wrong one', async () => {
	const page = await openNode('DocSpaceUiPassword');
	await page.locator('[data-test-id="credential-edit-button"]').click();
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.waitFor();
	await modal
		.locator('[data-test-id="credentials-config-container-test-success"]')
		.waitFor({ timeout: 30_000 });
	expect(
		editor.emu.requests.some(
			(request) => request.path === '/api/2.0/authentication' && request.status === 200,
		),
	).toBe(true);
	await shot(modal, 'credential-password-success.png');

	const password = modal.locator('[data-test-id="parameter-input-password"] input');
	await password.fill('not-the-password-1');
	await modal.locator('[data-test-id="credential-save-button"]').click();
	await modal.getByText(/Couldn.t connect with these settings/).waitFor({ timeout: 30_000 });
	const details = modal.getByText('More details');
	if (await details.isVisible()) await details.click();
	await modal.getByText(/DocSpace did not accept the email or password/).waitFor();
	expect(await modal.innerText()).not.toContain('not-the-password-1');
	await shot(modal, 'credential-password-wrong.png');
	await page.close();
});
