/**
 * The DocSpace node's panel in a real browser: Debian's chromium driven by playwright-core
 * against the real n8n editor of `npm run n8n` (scripts/e2e/editor.ts).
 *
 * For each example workflow it opens the DocSpace node and checks that every parameter the node
 * description displays for those values is rendered with its label (and that hidden ones are
 * not); on Room Link: Set it switches Link Type and checks the external-only fields come and go;
 * it checks the credential's connection test against the emulator with the right and a wrong
 * key, and that the Room list and the room-dependent Access list work. Screenshots of each panel
 * go to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { NodeHelpers, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { servedNodeDescription, signedInBrowser } from '../../scripts/e2e/browser';
import { startEditor, type Editor } from '../../scripts/e2e/editor';
import { REPO_ROOT } from '../../scripts/e2e/n8n';
import { freePort } from '../../scripts/e2e/ports';
import { log } from '../../scripts/e2e/runtime';
import {
	docSpaceNode,
	loadExampleWorkflows,
	variant,
	type ExampleWorkflow,
} from '../../scripts/e2e/workflows';
import {
	ROOM_LINK_ACCESS,
	accessName,
	allRoomLinkAccess,
} from '../../nodes/DocSpace/shared/accessLevels';
import { SEED_IDS } from '../emulator';

export const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');

let editor: Editor;
let browser: Browser;
let context: BrowserContext;
let description: INodeTypeDescription;

// Room Link: Set with the room picked from the list and no expressions: n8n's editor reloads a
// list that depends on other fields only when it can resolve all of the node's expressions,
// which those of the example cannot before its earlier nodes have run.
const pickers = variant(
	loadExampleWorkflows().find((e) => e.key === 'room-link-set')!.workflow,
	'DocSpaceUiPickers',
	'ui: pickers',
	(node) => {
		Object.assign(node.parameters, {
			room: { __rl: true, mode: 'list', value: '' },
			linkType: 'external',
			title: 'Client',
			password: 'Welcome#2027',
			expirationDate: '2027-01-01T00:00:00',
		});
	},
);

// File: Share with the file picked from the list: the list offers My Documents files only.
const filePicker = variant(
	loadExampleWorkflows().find((e) => e.key === 'file-share')!.workflow,
	'DocSpaceUiFilePicker',
	'ui: file picker',
	(node) => {
		Object.assign(node.parameters, { file: { __rl: true, mode: 'list', value: '' } });
	},
);

// The room-link-set example under an ID of its own for the credential dialog: n8n opens a workflow
// read-only (no credential button) while another tab holds unsaved edits to it.
const credentialDialog = variant(
	loadExampleWorkflows().find((e) => e.key === 'room-link-set')!.workflow,
	'DocSpaceUiCredential',
	'ui: credential dialog',
	() => undefined,
);

function example(key: string): ExampleWorkflow {
	const found = editor.examples.find((e) => e.key === key);
	if (!found) throw new Error(`example ${key}.json not found`);
	return found;
}

/** The top-level parameters n8n displays for these values, computed from the built node. */
function displayedParameters(parameters: Record<string, unknown>): INodeProperties[] {
	const node = { typeVersion: 1 };
	const values =
		NodeHelpers.getNodeParameters(
			description.properties,
			parameters as any,
			true,
			false,
			node,
			description,
		) ?? {};
	return description.properties.filter((p) =>
		NodeHelpers.displayParameter(values, p, node, description, values),
	);
}

async function openNode(workflow: any): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${editor.url}/workflow/${workflow.id}`);
	const name = docSpaceNode(workflow).name;
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id="node-parameters"]').waitFor();
	// Let the panel settle (resource locators and options load asynchronously).
	await page.waitForLoadState('networkidle');
	return page;
}

/** Labels visible in the Parameters tab: `for` → text. */
async function visibleLabels(page: Page): Promise<Map<string, string>> {
	const pairs = await page.$$eval('[data-test-id="node-parameters"] label[for]', (labels) =>
		labels
			.filter((l) => (l as { offsetParent: unknown }).offsetParent !== null)
			.map((l) => [l.getAttribute('for') ?? '', (l.textContent ?? '').replace(/\s+/g, ' ').trim()]),
	);
	const map = new Map<string, string>();
	for (const [key, text] of pairs) if (!map.has(key)) map.set(key, text);
	return map;
}

/** Checks that exactly the parameters the description displays are rendered, each with its label. */
async function expectPanelMatches(
	page: Page,
	parameters: Record<string, unknown>,
): Promise<string[]> {
	// n8n adds "Request Options" to declarative nodes and shows it in the Settings tab; it shows
	// Authentication as the credential dialog's mode, not among the parameters.
	const shown = displayedParameters(parameters).filter(
		(p) => p.name !== 'requestOptions' && p.name !== 'authentication',
	);
	const labels = await visibleLabels(page);
	const panelText = (await page.locator('[data-test-id="node-parameters"]').innerText()).replace(
		/\s+/g,
		' ',
	);
	// Every field renders: none shows n8n's "Error fetching options" in place of its choices.
	expect(panelText).not.toMatch(/Error fetching options/);
	for (const parameter of shown) {
		if (parameter.type === 'notice') {
			expect(panelText).toContain(parameter.displayName.replace(/\s+/g, ' ').trim());
		} else {
			// The label reads as the displayName, followed at most by n8n's Fixed/Expression toggle.
			expect({ name: parameter.name, label: labels.get(parameter.name) }).toEqual({
				name: parameter.name,
				label: expect.stringMatching(
					new RegExp(`^${escape(parameter.displayName)}( Fixed ?Expression)?$`),
				),
			});
		}
	}
	const shownNames = new Set(shown.map((p) => p.name));
	for (const parameter of description.properties) {
		if (shownNames.has(parameter.name) || parameter.type === 'notice') continue;
		if (parameter.name === 'requestOptions' || parameter.name === 'authentication') continue;
		expect({ hidden: parameter.name, label: labels.get(parameter.name) }).toEqual({
			hidden: parameter.name,
			label: undefined,
		});
	}
	return shown.map((p) => p.name);
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text shown in an options parameter's select. */
async function selectedOption(page: Page, name: string): Promise<string> {
	return await page.locator(`[data-test-id="parameter-input-${name}"] input`).first().inputValue();
}

async function choose(page: Page, name: string, option: string): Promise<void> {
	await page.locator(`[data-test-id="parameter-input-${name}"]`).click();
	await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click();
	await expect(selectedOption(page, name)).resolves.toBe(option);
}

async function screenshot(page: Page, file: string): Promise<void> {
	const path = join(SCREENSHOTS, file);
	await page.locator('[data-test-id="ndv"]').first().screenshot({ path });
	log(`screenshot: ${path.slice(REPO_ROOT.length + 1)}`);
}

beforeAll(async () => {
	mkdirSync(SCREENSHOTS, { recursive: true });
	log(`Screenshots go to ${SCREENSHOTS}`);
	editor = await startEditor({
		port: await freePort(),
		workflows: [pickers, filePicker, credentialDialog],
	});
	// Tall enough for the whole panel to be in one screenshot.
	({ browser, context } = await signedInBrowser(editor.url, 1500));
	description = await servedNodeDescription(context, editor.url);
});

afterAll(async () => {
	await browser?.close();
	await editor?.stop();
});

test.each([
	['room-link-set', 'Room Link', 'Create or Update'],
	['file-share', 'File', 'Share'],
])(
	'%s: the DocSpace panel shows Resource, Operation and every field with its label',
	async (key, resource, operation) => {
		const { workflow } = example(key);
		const page = await openNode(workflow);
		await expect(selectedOption(page, 'resource')).resolves.toBe(resource);
		await expect(selectedOption(page, 'operation')).resolves.toBe(operation);
		const shown = await expectPanelMatches(page, docSpaceNode(workflow).parameters);
		log(`${key}: ${shown.join(', ')}`);
		await screenshot(page, `${key}.png`);
		await page.close();
	},
);

test('credential: the connection test succeeds against the emulator and fails clearly for a wrong key', async () => {
	// A workflow no other test edits: n8n opens a workflow read-only while another tab holds
	// unsaved edits to it.
	const page = await openNode(example('file-share').workflow);
	await page.locator('[data-test-id="credential-edit-button"]').click();
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.waitFor();
	const dialog = page
		.locator('.el-dialog')
		.filter({ has: page.locator('[data-test-id="credential-edit-dialog"]') })
		.first();
	// n8n tests a saved credential when its dialog opens.
	await modal
		.locator('[data-test-id="credentials-config-container-test-success"]')
		.waitFor({ timeout: 30_000 });
	await expect(modal.innerText()).resolves.toContain('Connection tested successfully');
	await modal
		.locator('[data-test-id="credentials-config-container-test-success"]')
		.getByText('Retry')
		.waitFor();
	await page.waitForTimeout(300); // let the banner's fade-in finish before the screenshot
	const path = join(SCREENSHOTS, 'credential-success.png');
	await dialog.screenshot({ path });
	log(`screenshot: ${path.slice(REPO_ROOT.length + 1)}`);
	const testsBefore = editor.emu.requests.length;

	const key = modal.locator('[data-test-id="parameter-input-authKey"] input');
	await key.fill('sk-not-a-valid-key-000000');
	await modal.locator('[data-test-id="credential-save-button"]').click();
	// n8n writes "Couldn’t" with a typographic apostrophe.
	await modal.getByText(/Couldn.t connect with these settings/).waitFor({ timeout: 30_000 });
	// The credential's own message is behind "More details".
	await modal.getByText('More details').click();
	await modal.getByText(/DocSpace did not accept the API key or token/).waitFor();
	const text = (await modal.innerText()).replace(/\s+/g, ' ');
	log(
		`wrong key → ${text.match(/Couldn.t connect.*?DocSpace did not accept the API key or token[^.]*\./)?.[0]}`,
	);
	expect(text).toContain('DocSpace did not accept the API key or token');
	// The test really reached the emulator, and the emulator said 401.
	const calls = editor.emu.requests.slice(testsBefore);
	expect(calls.some((r) => r.path === '/api/2.0/keys/@self' && r.status === 401)).toBe(true);
	const wrongPath = join(SCREENSHOTS, 'credential-wrong-key.png');
	await dialog.screenshot({ path: wrongPath });
	log(`screenshot: ${wrongPath.slice(REPO_ROOT.length + 1)}`);

	// Put the right key back: the other tests use this credential.
	await key.fill(SEED_IDS.apiKey);
	await modal.locator('[data-test-id="credential-save-button"]').click();
	await modal
		.locator('[data-test-id="credentials-config-container-test-success"]')
		.waitFor({ timeout: 30_000 });
	await page.close();
});

test('room-link-set: switching Link Type shows and hides the external-only fields', async () => {
	const { workflow } = example('room-link-set');
	const parameters = { ...docSpaceNode(workflow).parameters };
	const page = await openNode(workflow);
	const external = await expectPanelMatches(page, { ...parameters, linkType: 'external' });

	await choose(page, 'linkType', 'Invitation Link');
	const invitation = await expectPanelMatches(page, { ...parameters, linkType: 'invitation' });
	const externalOnly = external.filter((name) => !invitation.includes(name));
	const invitationOnly = invitation.filter((name) => !external.includes(name));
	log(`external-only: ${externalOnly.join(', ')}; invitation-only: ${invitationOnly.join(', ')}`);
	expect(externalOnly).toEqual(expect.arrayContaining(['password', 'denyDownload', 'internal']));
	// Fields have labels; notices (checked by text in expectPanelMatches) have none.
	const externalOnlyFields = externalOnly.filter((name) => !name.endsWith('Notice'));
	const labels = await visibleLabels(page);
	for (const name of externalOnlyFields) expect(labels.has(name)).toBe(false);
	await screenshot(page, 'room-link-set-invitation.png');

	await choose(page, 'linkType', 'External Link');
	await expectPanelMatches(page, { ...parameters, linkType: 'external' });
	const back = await visibleLabels(page);
	for (const name of externalOnlyFields) expect(back.has(name)).toBe(true);
	await page.close();
});

test("room-link-set: the Room list shows the portal's rooms, and Access offers what the chosen room allows", async () => {
	const page = await openNode(pickers);
	const roomInput = page.locator(
		'[data-test-id="parameter-input-room"] [data-test-id="rlc-input"]',
	);
	const rooms = page.locator('[data-test-id="rlc-item"]');
	const openRoomList = async () => {
		if (await rooms.first().isVisible()) return;
		await roomInput.click();
		await rooms.first().waitFor();
	};
	await openRoomList();
	const listed = await rooms.allInnerTexts();
	log(`Room list: ${listed.join(', ')}`);
	expect(listed).toEqual(
		expect.arrayContaining([
			'Client Projects (Custom room)',
			'Press Kit (Public room)',
			'Applications (Form filling room)',
			'Team Drafts (Collaboration room)',
		]),
	);

	for (const [room, type] of [
		['Applications', 'formFilling'],
		['Press Kit', 'public'],
		['Team Drafts', 'collaboration'],
	] as const) {
		await openRoomList();
		const reloaded = page.waitForResponse((response) =>
			response.url().includes('/rest/dynamic-node-parameters/options'),
		);
		await rooms.filter({ hasText: room }).first().click();
		await reloaded;
		await page.locator('[data-test-id="parameter-input-access"]').click();
		const options = page.locator('.el-select-dropdown__item:visible');
		await options.first().waitFor();
		const offered = (await options.allInnerTexts()).map((text) => text.split('\n')[0].trim());
		const allowed = allRoomLinkAccess('external').filter((value) =>
			ROOM_LINK_ACCESS[type].external.includes(value),
		);
		log(`Access for ${room}: ${offered.join(', ')}`);
		if (type === 'collaboration') {
			// Nothing fits: one option says why, in one line, instead of "Error fetching options".
			expect(allowed).toEqual([]);
			expect(offered).toEqual([
				`Team Drafts (room ${SEED_IDS.collabRoomId}) is a collaboration room: it takes no external links`,
			]);
			const panelText = await page.locator('[data-test-id="node-parameters"]').innerText();
			expect(panelText).not.toMatch(/Error fetching options/);
			await screenshot(page, 'room-link-set-collaboration.png');
		} else {
			expect(offered).toEqual(allowed.map((value) => accessName(value)));
		}
		if (type === 'formFilling') await screenshot(page, 'room-link-set-access.png');
		await page.keyboard.press('Escape');
	}
	// The room's own address in DocSpace was read once per choice, with the credential.
	expect(
		editor.emu.requests.filter(
			(r) => r.method === 'GET' && /^\/api\/2\.0\/files\/rooms\/\d+$/.test(r.path),
		),
	).toHaveLength(3);
	await page.close();
});

test('file-share: the File list offers My Documents files only', async () => {
	const page = await openNode(filePicker);
	await page.locator('[data-test-id="parameter-input-file"] [data-test-id="rlc-input"]').click();
	const files = page.locator('[data-test-id="rlc-item"]');
	await files.first().waitFor();
	const listed = await files.allInnerTexts();
	log(`File list for Share: ${listed.join(', ')}`);
	expect(listed.length).toBeGreaterThan(0);
	expect(listed.every((name) => name.endsWith('— My Documents'))).toBe(true);
	expect(listed).toEqual(expect.arrayContaining(['Contract.docx — My Documents']));
	expect(listed.some((name) => name.startsWith('Brief.docx'))).toBe(false);
	await screenshot(page, 'file-share-file-list.png');
	await page.keyboard.press('Escape');
	await page.close();
});

test('credential: a Base URL typed without https:// is completed, not refused', async () => {
	const page = await openNode(credentialDialog);
	await page.locator('[data-test-id="credential-edit-button"]').click();
	const modal = page.locator('[data-test-id="editCredential-modal"]');
	await modal.waitFor();
	await modal
		.locator('[data-test-id="credentials-config-container-test-success"]')
		.waitFor({ timeout: 30_000 });
	const baseUrl = modal.locator('[data-test-id="parameter-input-baseUrl"] input');
	const saved = await baseUrl.inputValue();
	const bare = saved.replace(/^https?:\/\//, '');
	await baseUrl.fill(bare);
	await modal.locator('[data-test-id="credential-save-button"]').click();
	// https:// is added: the Test goes to https://<address>. The emulator speaks plain HTTP, so
	// the Test fails at the connection, never with "not a web address".
	await modal.getByText(/Couldn.t connect with these settings/).waitFor({ timeout: 30_000 });
	const text = (await modal.innerText()).replace(/\s+/g, ' ');
	log(`Base URL ${bare} → ${text.match(/Couldn.t connect[^.]*\./)?.[0]}`);
	expect(text).not.toMatch(/not a web address/);
	const dialog = page
		.locator('.el-dialog')
		.filter({ has: page.locator('[data-test-id="credential-edit-dialog"]') })
		.first();
	const path = join(SCREENSHOTS, 'credential-base-url-without-https.png');
	await dialog.screenshot({ path });
	log(`screenshot: ${path.slice(REPO_ROOT.length + 1)}`);

	await baseUrl.fill(saved);
	await modal.locator('[data-test-id="credential-save-button"]').click();
	await modal
		.locator('[data-test-id="credentials-config-container-test-success"]')
		.waitFor({ timeout: 30_000 });
	await page.close();
});

/** The entries the Options collection's "Add Option" list offers. */
async function offeredOptions(page: Page): Promise<string[]> {
	// Options is the last parameter of the Parameters tab (Request Options, on Settings, is hidden).
	await page.locator('[data-test-id="collection-parameter-add"]:visible').last().click();
	const entries = page.locator('[data-test-id="collection-parameter-option"]:visible');
	await entries.first().waitFor();
	const offered = (await entries.allInnerTexts()).map((text) => text.trim());
	await page.keyboard.press('Escape');
	return offered;
}

test('one Options declaration: each operation offers its own entries and the shared limits', async () => {
	// A workflow no other test edits: n8n opens a workflow read-only (no "Add Option") while
	// another tab holds unsaved edits to it.
	const page = await openNode(example('client-onboarding').workflow);
	const limits = ['Max Parallel Writes', 'Max Retries', 'Timeout (Seconds)'];
	await choose(page, 'resource', 'Room Link');
	// Create or Update (value set) is Room Link's default operation.
	await expect(selectedOption(page, 'operation')).resolves.toBe('Create or Update');
	const roomLinkSet = await offeredOptions(page);
	log(`Room Link: Set options: ${roomLinkSet.join(', ')}`);
	expect(roomLinkSet).toEqual(expect.arrayContaining(['Include Password', ...limits]));
	expect(roomLinkSet).not.toContain('Max Wait (Seconds)');
	expect(roomLinkSet).not.toContain('File Name');

	await choose(page, 'resource', 'File');
	await choose(page, 'operation', 'Download');
	await expectPanelMatches(page, { resource: 'file', operation: 'download' });
	const download = await offeredOptions(page);
	log(`File: Download options: ${download.join(', ')}`);
	expect(download).toEqual(expect.arrayContaining(['Max Wait (Seconds)', ...limits]));
	expect(download).not.toContain('Include Password');
	expect(download).not.toContain('Remove Even With Form Roles');
	// Adding an entry puts in its default.
	await page.locator('[data-test-id="collection-parameter-add"]:visible').last().click();
	await page
		.locator('[data-test-id="collection-parameter-option"]:visible', { hasText: 'Max Wait' })
		.click();
	await expect(
		page.locator('[data-test-id="parameter-input-maxWaitSeconds"] input').first().inputValue(),
	).resolves.toBe('300');
	await screenshot(page, 'file-download-options.png');
	await page.close();
});
