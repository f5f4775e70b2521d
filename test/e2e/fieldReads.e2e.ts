/**
 * The runner reads a parameter written as `{{ $json.field }}` from the item itself
 * (nodes/DocSpace/shared/runner/fieldRead.ts). The engine tests compare it with n8n's legacy
 * evaluator; this compares it with the isolated-vm engine a real n8n 2.41 uses by default, on the
 * e2e runtime's Node 24.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import { REPO_ROOT } from '../../scripts/e2e/n8n';
import { ensureN8n } from '../../scripts/e2e/runtime';

it('field reads give what n8n’s vm expression engine gives', async () => {
	const { nodeBin } = await ensureN8n();
	const output = execFileSync(
		nodeBin,
		['--import', 'tsx', join(REPO_ROOT, 'scripts/checks/fieldReadsOnVm.ts')],
		{ cwd: REPO_ROOT, encoding: 'utf8' },
	);
	const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as {
		compared: number;
		differences: string[];
	};
	expect(result.differences).toEqual([]);
	expect(result.compared).toBe(90);
});
