/**
 * Debian's chromium (playwright-core) signed in to a real n8n editor, for the browser tests.
 */
import type { INodeTypeDescription } from 'n8n-workflow';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

import { ensureChromium } from './chromium';
import { OWNER } from './editor';
import { NODE_TYPE } from './workflows';

/** A headless browser whose context is signed in to the editor as its owner. */
export async function signedInBrowser(
	editorUrl: string,
	viewportHeight = 1500,
): Promise<{ browser: Browser; context: BrowserContext }> {
	const browser = await chromium.launch({
		executablePath: await ensureChromium(),
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run',
		],
	});
	const context = await browser.newContext({ viewport: { width: 1440, height: viewportHeight } });
	const page = await context.newPage();
	await page.goto(`${editorUrl}/signin`);
	await page.fill('input[name="emailOrLdapLoginId"]', OWNER.email);
	await page.fill('input[name="password"]', OWNER.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.includes('signin'));
	await page.close();
	return { browser, context };
}

/**
 * The DocSpace node's description exactly as this n8n serves it to its editor. n8n lists a
 * versioned node once per version: `version` picks one, otherwise the first listed.
 */
export async function servedNodeDescription(
	context: BrowserContext,
	editorUrl: string,
	version?: number,
): Promise<INodeTypeDescription> {
	const types = (await (
		await context.request.get(`${editorUrl}/types/nodes.json`)
	).json()) as INodeTypeDescription[];
	const found = types.filter((type) => type.name === NODE_TYPE);
	const description =
		version === undefined
			? found[0]
			: found.find((type) => [type.version].flat().includes(version));
	if (!description) throw new Error(`n8n does not list ${NODE_TYPE} in /types/nodes.json`);
	return description;
}
