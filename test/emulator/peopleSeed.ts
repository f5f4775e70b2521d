// A portal with a DocSpace admin besides the owner, for the owner/admin rules of people and groups.

import { DEFAULT_SEED, SEED_IDS } from './seed';
import type { PortalSeed } from './types';

export const ADMIN_ID = '6f1c2a40-0009-4a00-8000-000000000009';
export const ADMIN_TOKEN = 'U2Vzc2lvbkFkYW1BZG1pbjAxMjM0NTY3ODlhYmNkZWY=';
export const BOB_TOKEN = 'U2Vzc2lvbkJvYlN0b25lMDEyMzQ1Njc4OWFiY2RlZg==';

/** The default portal plus a DocSpace admin (Adam) and sessions for Adam and Bob (a plain user). */
export const SEED_WITH_ADMIN: PortalSeed = {
	...DEFAULT_SEED,
	users: [
		...DEFAULT_SEED.users,
		{
			id: ADMIN_ID,
			firstName: 'Adam',
			lastName: 'Admin',
			email: 'adam@example.com',
			role: 'admin',
		},
	],
	sessionTokens: [
		...DEFAULT_SEED.sessionTokens,
		{ token: ADMIN_TOKEN, userId: ADMIN_ID },
		{ token: BOB_TOKEN, userId: SEED_IDS.bobId },
	],
};
