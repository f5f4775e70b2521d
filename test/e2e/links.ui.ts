/**
 * Room Link: Create or Update in a real browser, as a new (version 1.1) node: the Link mode
 * defaults to Create or Reuse and its one line says what it does; Update an Existing Link picks
 * the link from the room's list (only links of the chosen Link Type). Screenshots go to
 * docs/screenshots/.
 */
import { join } from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';
import type { Browser, BrowserContext, Page } from 'playwright-core';

import { servedNodeDescription, signedInBrowser } from '../../scripts/e2e/browser';
import { startEditor, type Editor } from '../../scripts/e2e/editor';
import { REPO_ROOT } from '../../scripts/e2e/n8n';
import { freePort } from '../../scripts/e2e/ports';
import { log } from '../../scripts/e2e/runtime';
import { docSpaceNode, loadExampleWorkflows, variant } from '../../scripts/e2e/workflows';
import { SEED_IDS } from '../emulator';

const SCREENSHOTS = join(REPO_ROOT, 'docs', 'screenshots');
const base = loadExampleWorkflows().find((e) => e.key === 'room-link-set')!.workflow;

/** A Room Link: Create or Update node as a new node holds it: version 1.1, Link left at its default. */
function linkNode(id: string, parameters: Record<string, unknown>) {
	return variant(base, id, `ui: ${id}`, (node) => {
		node.typeVersion = 1.1;
		node.parameters = {
			resource: 'roomLink',
			operation: 'set',
			linkType: 'external',
			...parameters,
		};
	});
}

const reuse = linkNode('DocSpaceUiReuse', {
	room: { __rl: true, mode: 'id', value: SEED_IDS.customRoomId },
	title: 'Client: read-only',
});
const existing = linkNode('DocSpaceUiExistingLink', {
	room: { __rl: true, mode: 'id', value: SEED_IDS.fullRoomId },
	link: 'update',
	linkId: { __rl: true, mode: 'list', value: '' },
	title: 'Partner',
});

let editor: Editor;
let browser: Browser;
let context: BrowserContext;
let description: INodeTypeDescription;

async function openNode(workflow: any): Promise<Page> {
	const page = await context.newPage();
	await page.goto(`${editor.url}/workflow/${workflow.id}`);
	const name = docSpaceNode(workflow).name;
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.locator('[data-test-id="node-parameters"]').waitFor();
	await page.waitForLoadState('networkidle');
	return page;
}

async function selectedOption(page: Page, name: string): Promise<string> {
	return await page.locator(`[data-test-id="parameter-input-${name}"] input`).first().inputValue();
}

async function panelText(page: Page): Promise<string> {
	return (await page.locator('[data-test-id="node-parameters"]').innerText()).replace(/\s+/g, ' ');
}

async function screenshot(page: Page, file: string): Promise<void> {
	const path = join(SCREENSHOTS, file);
	await page.locator('[data-test-id="ndv"]').first().screenshot({ path });
	log(`screenshot: ${path.slice(REPO_ROOT.length + 1)}`);
}

/** The panel line of a Link mode, as the description served to the editor has it. */
function modeLine(mode: string): string {
	const notice = description.properties.find((p) => p.name === `${mode}LinkNotice`);
	if (!notice) throw new Error(`no notice for ${mode}`);
	return notice.displayName;
}

beforeAll(async () => {
	editor = await startEditor({ port: await freePort(), workflows: [reuse, existing] });
	({ browser, context } = await signedInBrowser(editor.url, 1500));
	// New nodes get the default version.
	description = await servedNodeDescription(context, editor.url, 1.1);
});

afterAll(async () => {
	await browser?.close();
	await editor?.stop();
});

test('a new node: Link is Create or Reuse, and one line says what it does', async () => {
	expect(description.defaultVersion).toBe(1.1);
	const page = await openNode(reuse);
	await expect(selectedOption(page, 'operation')).resolves.toBe('Create or Update');
	await expect(selectedOption(page, 'link')).resolves.toBe('Create or Reuse (Match by Title)');
	const text = await panelText(page);
	expect(text).toContain(modeLine('createOrReuse'));
	for (const other of ['create', 'createOrUpdate', 'update'])
		expect(text).not.toContain(modeLine(other));
	// No link ID to type: the link is found by its title.
	await expect(page.locator('[data-test-id="parameter-input-linkId"]').count()).resolves.toBe(0);
	await screenshot(page, 'room-link-create-or-reuse.png');
	await page.close();
});

test("Update an Existing Link: the link comes from the room's list, only links of the chosen type", async () => {
	const page = await openNode(existing);
	expect(await panelText(page)).toContain(modeLine('update'));
	await page.locator('[data-test-id="parameter-input-linkId"] [data-test-id="rlc-input"]').click();
	const items = page.locator('[data-test-id="rlc-item"]');
	await items.first().waitFor({ timeout: 30_000 });
	const listed = await items.allInnerTexts();
	log(`Existing Link list: ${listed.join(' | ')}`);
	expect(listed).toEqual(
		expect.arrayContaining([
			'Shared link (external, primary) — Viewer, no expiry',
			'Partner link 2 (external) — Viewer, no expiry',
		]),
	);
	expect(listed).toHaveLength(6);
	expect(listed.join(' ')).not.toContain('invitation');
	await screenshot(page, 'room-link-existing-link.png');
	await items.filter({ hasText: 'Partner link 2' }).first().click();
	await expect(
		// The mode's select comes first, then the value.
		page.locator('[data-test-id="parameter-input-linkId"] input').last().inputValue(),
	).resolves.toContain('Partner link 2');
	// The list came from the room's links, read with the credential.
	expect(
		editor.emu.requests.some(
			(r) => r.method === 'GET' && r.path === `/api/2.0/files/rooms/${SEED_IDS.fullRoomId}/links`,
		),
	).toBe(true);
	await page.close();
});
