// ESLint flat config: `npm run lint` (run by `npm test`, so by CI) must report zero problems.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', 'test/fixtures/**', 'examples/**', '**/*.vsix', 'media/*.js'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (callback positions, destructuring to drop a key).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-console': 'error',
    },
  },
  {
    // Only the CLI and the build/test scripts talk to a terminal; the extension logs through extensionLog().
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'test/**', 'ci/**', '.ci/**'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['src/webview/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
