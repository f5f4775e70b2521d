/**
 * Makes sure Debian's chromium is installed (for test:ui). playwright-core drives it; no
 * browser is ever downloaded by Playwright.
 */
import { existsSync } from 'node:fs';

import { log, run } from './runtime';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export async function ensureChromium(): Promise<string> {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
		throw new Error(`${CHROMIUM} is missing; install Chromium and set CHROMIUM_PATH to it`);
	}
	const asRoot = process.getuid?.() === 0;
	const sudo = asRoot ? [] : ['sudo', '-n'];
	const apt = (args: string[]) => {
		const [command, ...rest] = [...sudo, 'apt-get', ...args];
		return run(command, rest, {
			env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
			quiet: true,
		});
	};
	log(
		`${CHROMIUM} is missing: installing Debian's chromium with apt-get (first run only, ~1-2 min)…`,
	);
	const started = Date.now();
	await apt(['update', '-q']);
	await apt(['install', '-y', '-q', '--no-install-recommends', 'chromium']);
	if (!existsSync(CHROMIUM))
		throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
	log(`chromium installed (${Math.round((Date.now() - started) / 1000)} s)`);
	return CHROMIUM;
}

if (require.main === module) {
	ensureChromium().then(
		(path) => log(`Using ${path}`),
		(error: Error) => {
			log(`could not install chromium: ${error.message}`);
			process.exit(1);
		},
	);
}
