/**
 * The runner hands n8n the API key credential it read once for the execution
 * (shared/runner/credentials.ts), so n8n does not read and decrypt it again for every request; the
 * password credential, whose session renews itself, is still read per request.
 */
import { passwordCredentialsFor } from '../../../harness/signIn';
import { SEED_IDS, byId, run, useEmulator, writes } from '../../../harness/docspace';

const ctx = useEmulator({ latencyMs: 1 });

const items = Array.from({ length: 20 }, (_, n) => ({
	user: n % 2 ? SEED_IDS.bobId : SEED_IDS.janeId,
}));
const removeSharing = {
	resource: 'file',
	operation: 'removeSharing',
	file: byId('id', SEED_IDS.myDocxId),
	subjects: '={{ $json.user }}',
};

describe('runner credentials', () => {
	it('reads the API key credential once per execution, not once per request', async () => {
		const result = await run(ctx.emulator, removeSharing, { items });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(items.length);
		expect(writes(ctx.emulator)).toHaveLength(items.length);
		for (const request of ctx.emulator.requests)
			expect(request.headers.authorization).toBe(`Bearer ${SEED_IDS.apiKey}`);
		// Once for the execution, once for the file's one read before the writes (entryChecks.ts).
		expect(result.credentialsHelper?.decryptions).toBeLessThanOrEqual(3);
	});

	it('reads the password credential per request, as n8n does', async () => {
		const result = await run(
			ctx.emulator,
			{ ...removeSharing, authentication: 'password' },
			{
				items,
				credentials: passwordCredentialsFor(ctx.emulator),
			},
		);
		expect(result.error).toBeUndefined();
		expect(writes(ctx.emulator).filter((request) => request.path.endsWith('/share'))).toHaveLength(
			items.length,
		);
		expect(result.credentialsHelper?.decryptions).toBeGreaterThan(items.length);
	});
});
