// Both rule sets n8n applies to community packages: the classic eslint-plugin-n8n-nodes-base
// (community / credentials / nodes) and @n8n/eslint-plugin-community-nodes `recommended`, which is
// what n8n's verification scanner runs. Mirrors @n8n/node-cli's own configuration.
import tseslint from 'typescript-eslint';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import communityNodes from '@n8n/eslint-plugin-community-nodes';

const sourceFiles = ['nodes/**/*.ts', 'credentials/**/*.ts'];
// Development code: tests, the emulator, the harness and scripts. Not shipped, so the n8n rule sets
// do not apply; typescript-eslint's recommended rules do.
const devFiles = ['test/**/*.ts', 'scripts/**/*.ts'];

export default [
	{ ignores: ['dist/**', 'node_modules/**', '*.js', '*.mjs', 'scripts/**/*.mjs'] },
	...tseslint.configs.recommended.map((config) => ({
		...config,
		files: [...sourceFiles, ...devFiles],
	})),
	{
		files: devFiles,
		rules: {
			// Tests read untyped JSON (n8n run data, emulator answers) and require() built files.
			'@typescript-eslint/no-explicit-any': 'off',
			'@typescript-eslint/no-require-imports': 'off',
			// `const { host: _host, ...rest } = headers` leaves out a field on purpose.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ varsIgnorePattern: '^_', argsIgnorePattern: '^_', ignoreRestSiblings: true },
			],
		},
	},
	{ ...communityNodes.configs.recommended, files: [...sourceFiles, 'package.json'] },
	{
		files: sourceFiles,
		rules: { 'no-console': 'error' },
	},
	{
		files: ['package.json'],
		languageOptions: { parser: tseslint.parser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: { ...n8nNodesBase.configs.community.rules },
	},
	{
		files: ['credentials/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.credentials.rules,
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
			'n8n-nodes-base/cred-class-field-type-options-password-missing': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...n8nNodesBase.configs.nodes.rules,
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
			'n8n-nodes-base/node-param-type-options-max-value-present': 'off',
		},
	},
];
