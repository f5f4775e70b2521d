// Records the package's public surface (test/publicApi/surface.json) after something was added.
// Removals and renames are refused: they break saved workflows (see test/publicApi).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import {
	type PublicSurface,
	SURFACE_FILE,
	currentSurface,
	missingFrom,
} from '../test/publicApi/surface';

const current = currentSurface();
if (existsSync(SURFACE_FILE)) {
	const missing = missingFrom(
		JSON.parse(readFileSync(SURFACE_FILE, 'utf8')) as PublicSurface,
		current,
	);
	if (missing.length > 0) {
		process.stderr.write(
			`Refused: saved workflows use what is no longer there:\n${missing.join('\n')}\n`,
		);
		process.exit(1);
	}
}
writeFileSync(SURFACE_FILE, `${JSON.stringify(current, null, '\t')}\n`);
process.stdout.write(`${SURFACE_FILE} updated\n`);
