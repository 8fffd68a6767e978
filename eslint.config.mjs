// Lint: typed rules where they catch real bugs (floating promises), the recommended set elsewhere, and the
// security rules (eslint.security.mjs) over the code that ships.
import tseslint from 'typescript-eslint';
import { ignores as securityIgnores, securityPlugin, securityRules } from './eslint.security.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '.data/**',
      '**/generated/**',
      'schema/**',
      'storefront/src/gql/**',
      'storefront/dist/**',
      'storefront/test-artifacts/**',
      'examples/*/src/gql/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: securityPlugin,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  { files: ['**/*.ts'], ignores: securityIgnores, rules: securityRules },
);
