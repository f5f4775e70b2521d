/** Shared set-up for engine tests: one emulator per test file, fresh state per test. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { DocSpaceEmulator, SEED_IDS } from '../emulator';
import type { EmulatorOptions, RecordedRequest } from '../emulator';
import { type DocSpaceCredentialData, type RunOptions, runDocSpaceNode } from './engine';

export { SEED_IDS };

export function useEmulator(options?: EmulatorOptions): { readonly emulator: DocSpaceEmulator } {
	const holder = {} as { emulator: DocSpaceEmulator };
	beforeAll(async () => {
		holder.emulator = await DocSpaceEmulator.start(options);
	});
	beforeEach(() => holder.emulator.reset());
	afterEach(() => {
		// Whatever a test did, the node never sent a request that breaks DocSpace's OpenAPI document.
		expect(holder.emulator.openApiViolations()).toEqual([]);
	});
	afterAll(async () => holder.emulator.stop());
	return holder;
}

export function credentialsFor(emulator: DocSpaceEmulator, authKey: string = SEED_IDS.apiKey): DocSpaceCredentialData {
	return { baseUrl: emulator.baseUrl, authKey };
}

/** Runs the node against the emulator with the owner's API key unless told otherwise. */
export async function run(
	emulator: DocSpaceEmulator,
	parameters: IDataObject | INodeParameters,
	options: Partial<RunOptions> = {},
) {
	return await runDocSpaceNode({ credentials: credentialsFor(emulator), ...options, parameters: parameters as INodeParameters });
}

export function writes(emulator: DocSpaceEmulator): RecordedRequest[] {
	return emulator.requests.filter((request) => request.method !== 'GET');
}

export function byId(mode: 'id' | 'url' | 'list', value: string) {
	return { __rl: true, mode, value };
}
