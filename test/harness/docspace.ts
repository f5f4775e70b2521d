/** Shared set-up for engine tests: one emulator per test file, fresh state per test. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { forgetAdaptiveLimits } from '../../nodes/DocSpace/shared/limiter';
import { DocSpaceEmulator, SEED_IDS } from '../emulator';
import type { EmulatorOptions, RecordedRequest } from '../emulator';
import { type DocSpaceCredentialData, type RunOptions, runDocSpaceNode } from './engine';

export { SEED_IDS };

export function useEmulator(options?: EmulatorOptions): { readonly emulator: DocSpaceEmulator } {
	const holder = {} as { emulator: DocSpaceEmulator };
	beforeAll(async () => {
		holder.emulator = await DocSpaceEmulator.start(options);
	});
	beforeEach(() => {
		holder.emulator.reset();
		// A limit learnt from one test's 429s must not slow the next test down.
		forgetAdaptiveLimits();
	});
	afterEach(() => {
		// Whatever a test did, the node never sent a request that breaks DocSpace's OpenAPI document.
		expect(holder.emulator.openApiViolations()).toEqual([]);
	});
	afterAll(async () => holder.emulator.stop());
	return holder;
}

export function credentialsFor(
	emulator: DocSpaceEmulator,
	authKey: string = SEED_IDS.apiKey,
): DocSpaceCredentialData {
	return { baseUrl: emulator.baseUrl, authKey };
}

/** Runs the node against the emulator with the owner's API key unless told otherwise. */
export async function run(
	emulator: DocSpaceEmulator,
	parameters: IDataObject | INodeParameters,
	options: Partial<RunOptions> = {},
) {
	return await runDocSpaceNode({
		credentials: credentialsFor(emulator),
		...options,
		parameters: parameters as INodeParameters,
	});
}

export function writes(emulator: DocSpaceEmulator): RecordedRequest[] {
	return emulator.requests.filter((request) => request.method !== 'GET');
}

export function byId(mode: 'id' | 'url' | 'list' | 'email', value: string) {
	return { __rl: true, mode, value };
}

/** Room Link: Set creating an external Viewer link to the seeded custom room. */
export function roomLinkSet(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'roomLink',
		operation: 'set',
		room: byId('id', SEED_IDS.customRoomId),
		linkType: 'external',
		access: 2,
		...overrides,
	};
}

/** File: Share of the seeded Contract.docx with Bob as a viewer, without a notification. */
export function fileShare(overrides: IDataObject = {}): IDataObject {
	return {
		resource: 'file',
		operation: 'share',
		file: byId('id', SEED_IDS.myDocxId),
		recipientsFrom: 'rows',
		recipients: { recipient: [{ id: SEED_IDS.bobId, access: 2 }] },
		notify: false,
		...overrides,
	};
}
