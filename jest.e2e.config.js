/**
 * End-to-end tests: the packed package inside a real n8n (see scripts/e2e/runtime.ts).
 * Run with `npm run test:e2e`. Test files are `test/e2e/**\/*.e2e.ts`, so the unit-test config
 * (jest.config.js, `*.test.ts`) never picks them up.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.ts'],
	transform: {
		'^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
	},
	// The first run downloads n8n (~4 min) and builds sqlite3 (~1.5 min) in beforeAll.
	testTimeout: 15 * 60 * 1000,
	maxWorkers: 1,
	verbose: true,
};
