// Lint rules. Beyond the recommended sets, it enforces the process boundary: the renderer
// may import only src-main/shared, never electron, node:* or other main-side code.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const rendererBoundary = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['electron', 'electron/*'],
          message: 'The renderer never imports electron; use lib/api.ts.',
        },
        { group: ['node:*'], message: 'The renderer runs in a sandboxed browser: no Node modules.' },
        {
          regex: '(^|/)src-main/(?!shared/)',
          message: 'The renderer may import only src-main/shared/ (the contract and pure code).',
        },
      ],
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/',
      'dist/',
      'node_modules/',
      '.cache/',
      'test-results/',
      'playwright-report/',
      '.shot.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.svelte'],
    languageOptions: { globals: { ...globals.browser } },
    rules: rendererBoundary,
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: tseslint.parser,
        svelteConfig,
      },
    },
  },
  {
    files: ['src-main/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['electron', 'node:*'], message: 'shared/ is pure: it runs on both sides.' }] },
      ],
    },
  },
);
