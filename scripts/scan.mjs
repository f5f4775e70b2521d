// n8n's own security scanner for community packages (@n8n/scan-community-package), run the way
// n8n's verification runs it: on the packed tarball and on the package's sources. The scanner's
// CLI downloads a published version from the registry; this calls its analyzePackage directly.
// Run after `npm run build` (the tarball ships dist/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	SOURCE_FILE_PATTERNS,
	analyzePackage,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'docspace-scan-'));
let failed = false;
try {
	const packed = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
		}),
	)[0];
	const unpacked = join(work, 'package');
	execFileSync('tar', ['-xzf', join(work, packed.filename), '-C', work]);
	for (const [label, result] of [
		['tarball', await analyzePackage(unpacked)],
		['sources', await analyzePackage(root, SOURCE_FILE_PATTERNS)],
	]) {
		process.stdout.write(
			`${result.passed ? 'passed' : 'FAILED'}: n8n's scanner on the ${label}${result.passed ? '' : `: ${result.message}`}\n`,
		);
		if (!result.passed) {
			failed = true;
			if (result.details) process.stdout.write(`${result.details}\n`);
		}
	}
} finally {
	rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
