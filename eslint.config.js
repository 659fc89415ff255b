import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './web/svelte.config.js';

/** One lint for functions, infra, tests and the web app; formatting is Prettier's (no style rules here). */
export default ts.config(
  { ignores: ['node_modules/', 'web/build/', '**/.svelte-kit/', '.build/', 'cdk.out/', '.data/', 'test-results/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  { languageOptions: { globals: { ...globals.browser, ...globals.node } } },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    rules: {
      // Every portal is served at the root of its own host: there is no base path for resolve() to add.
      'svelte/no-navigation-without-resolve': 'off',
      // A `{' '}` keeps the space before a visually hidden label, which the formatter would otherwise fold away.
      'svelte/no-useless-mustaches': 'off',
      // TypeScript checks names (DOM types such as AutoFill included); the core rule does not know them.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
