// The security lint (eslint-plugin-security) over the code that ships: run alone by `npm run audit`; its plugin
// is also registered in eslint.config.mjs, so a suppression comment naming one of its rules is understood there.
// It needs no type information, so it lints any TypeScript file quickly.
import pluginSecurity from 'eslint-plugin-security';
import tseslint from 'typescript-eslint';

/** Tests, the test kit, benchmarks, the infrastructure app and lint fixtures do not ship. */
export const ignores = [
  '**/node_modules/**',
  '.data/**',
  '**/generated/**',
  'schema/**',
  '**/*.js',
  '**/*.mjs',
  '**/test/**',
  '**/bench/**',
  'bench/**',
  'packages/testkit/**',
  'infra/**',
];

/** Every rule of the plugin's recommended set, as an error: a finding is fixed, or suppressed with its reason. */
export const securityRules = Object.fromEntries(
  Object.keys(pluginSecurity.configs.recommended.rules).map((rule) => [rule, 'error']),
);

export const securityPlugin = { security: pluginSecurity };

export default tseslint.config(
  { ignores },
  { ...tseslint.configs.base, files: ['**/*.ts'] },
  {
    files: ['**/*.ts'],
    plugins: securityPlugin,
    rules: securityRules,
    linterOptions: { reportUnusedDisableDirectives: 'off' },
  },
);
