// Lint rules, including the layer rules: every import points inward (renderer -> shared, main -> shared,
// preload -> shared/contract); shared/ stays pure; only main/electron and preload touch Electron.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'worker_threads', 'url', 'stream', 'zlib', 'readline'];
const forbid = (groups, message) => ['error', { patterns: groups.map((g) => ({ group: [g], message })) }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', '.native/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // The package by name only: a test may import main/electron's pure modules (a pattern would match that folder).
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'only main/electron and preload may import electron' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: { 'no-restricted-imports': forbid([...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3', 'hnswlib-node', '**/main/**', '**/renderer/**'], 'shared/ is pure TypeScript: no Node, Electron, DOM or host code') },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: { 'no-restricted-imports': forbid([...nodeBuiltins, 'electron', 'better-sqlite3', 'hnswlib-node', '**/main/**'], 'the renderer talks to main/ only through the API bridge') },
  },
  {
    files: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['main/electron/**/*.ts', 'preload/**/*.ts', 'test/e2e/electron/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['preload/**/*.ts'],
    rules: { 'no-restricted-imports': forbid(['**/main/**', '**/renderer/**', '**/engine/**'], 'preload exposes the contract bridge and nothing else') },
  },
  {
    // Storage is the bottom layer of main/: it holds all the SQL and depends on no code that uses it.
    files: ['main/storage/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'only main/electron and preload may import electron' }],
        patterns: [{ group: ['**/analysis/**', '**/api/**', '**/importers/**', '**/cli/**', '**/server/**', '**/demo/**'], message: 'main/storage imports nothing from the layers that use it' }],
      }],
    },
  },
  {
    // SQL lives in main/storage only: the API handlers and the demo builder call its functions.
    files: ['main/api/**/*.ts', 'main/demo/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name=/^(prepare|pragma|transaction)$/]",
        message: 'SQL belongs in main/storage: add a function there and call it',
      }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bin/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
