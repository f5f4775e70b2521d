/**
 * DocSpace counts parallel requests per user: two n8n credentials holding keys of the same
 * account share one limiter once they work on the same portal at the same time.
 */
import type { IExecuteSingleFunctions } from 'n8n-workflow';

import type { INodeProperties } from 'n8n-workflow';

import { forgetAccounts, limiterKeyFor } from '../../../../nodes/DocSpace/shared/accounts';
import { BOUNDS } from '../../../../nodes/DocSpace/shared/bounds';
import { loadNodeType } from '../../../harness/engine';
import { BoundedCache, runLimited } from '../../../../nodes/DocSpace/shared/limiter';

const PORTAL = 'https://portal.example.com';

function fakeContext(
	credentialId: string,
	authKey: string,
	accountId: string,
	calls: string[],
): IExecuteSingleFunctions {
	return {
		getNode: () => ({ credentials: { docSpaceApi: { id: credentialId, name: credentialId } } }),
		getCredentials: async () => ({ baseUrl: PORTAL, authKey }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { url: string }) => {
				calls.push(`${credentialId} ${options.url}`);
				const response = options.url.endsWith('keys/@self')
					? { createBy: { id: accountId } }
					: { id: accountId };
				return {
					statusCode: 200,
					headers: { 'content-type': 'application/json' },
					body: { response, status: 0, statusCode: 200 },
				};
			},
		},
	} as unknown as IExecuteSingleFunctions;
}

/** Holds a slot of `key` until the returned function is called. */
async function hold(key: string): Promise<() => void> {
	let release: () => void = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	void runLimited(key, 1, async () => await held);
	await new Promise((resolve) => setImmediate(resolve));
	return release;
}

beforeEach(() => forgetAccounts());

describe('limiter per DocSpace account', () => {
	it('a lone credential is limited per credential, without any extra request', async () => {
		const calls: string[] = [];
		const key = await limiterKeyFor(
			fakeContext('cred-a', 'sk-aaaa1111', 'user-1', calls),
			'docSpaceApi',
			PORTAL,
			'write',
		);
		expect(key).toBe(`${PORTAL}|cred:cred-a|write`);
		expect(calls).toEqual([]);
	});

	it('two credentials of the same account on one portal share one limiter; the account is looked up once per credential', async () => {
		const calls: string[] = [];
		const release = await hold(`${PORTAL}|cred:cred-a|write`);
		const b = fakeContext('cred-b', 'sk-bbbb2222', 'USER-1', calls);
		const a = fakeContext('cred-a', 'token-aaaa', 'user-1', calls);
		const keyB = await limiterKeyFor(b, 'docSpaceApi', PORTAL, 'write');
		expect(keyB).toBe(`${PORTAL}|user:user-1|write`);
		// B's requests now hold slots under the account's key, which A sees.
		const releaseB = await hold(keyB);
		const keyA = await limiterKeyFor(a, 'docSpaceApi', PORTAL, 'write');
		expect(keyA).toBe(keyB);
		await limiterKeyFor(b, 'docSpaceApi', PORTAL, 'read');
		expect(calls).toEqual(['cred-b /api/2.0/keys/@self', 'cred-a /api/2.0/people/@self']);
		release();
		releaseB();
	});

	it('credentials of different accounts keep their own limiters', async () => {
		const calls: string[] = [];
		const release = await hold(`${PORTAL}|cred:cred-a|write`);
		const keyB = await limiterKeyFor(
			fakeContext('cred-b', 'sk-bbbb2222', 'user-2', calls),
			'docSpaceApi',
			PORTAL,
			'write',
		);
		const keyA = await limiterKeyFor(
			fakeContext('cred-a', 'sk-aaaa1111', 'user-1', calls),
			'docSpaceApi',
			PORTAL,
			'write',
		);
		expect(keyA).not.toBe(keyB);
		release();
	});

	it('the account cache is bounded and expires', async () => {
		const cache = new BoundedCache<number>(3, 50);
		for (let n = 0; n < 10; n++) cache.set(`k${n}`, n);
		expect(cache.size).toBe(3);
		expect(cache.get('k0')).toBeUndefined();
		expect(cache.get('k9')).toBe(9);
		await new Promise((resolve) => setTimeout(resolve, 80));
		expect(cache.get('k9')).toBeUndefined();
	});
});

describe('bounds under Options', () => {
	it('every operation offers them with the defaults and ranges the node applies', () => {
		const collections = loadNodeType().description.properties.filter(
			(property) => property.name === 'options',
		);
		// One Options for the whole node (shared/declarations.ts); the bounds are shown everywhere.
		expect(collections).toHaveLength(1);
		for (const collection of collections) {
			const entries = (collection.options ?? []) as INodeProperties[];
			for (const [name, bound] of Object.entries(BOUNDS)) {
				const entry = entries.find((candidate) => candidate.name === name);
				expect({
					name,
					shownEverywhere: entry?.displayOptions === undefined,
					default: entry?.default,
					min: entry?.typeOptions?.minValue,
					max: entry?.typeOptions?.maxValue,
				}).toEqual({
					name,
					shownEverywhere: true,
					default: bound.default,
					min: bound.min,
					max: bound.max,
				});
			}
		}
	});
});
