// ESLint flat config. The layer rules below are repeated, exactly, by
// test/integration/import-boundaries.test.ts, which no inline comment can switch off.
import { builtinModules } from 'node:module';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const SOURCES = ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'];
const NODE_ONLY = ['**/*.test.{ts,tsx}', '**/*.config.{ts,js,mjs}'];

const ELECTRON = {
  paths: [
    { name: 'electron', message: 'Only main/app/ may import electron.' },
    { name: 'electron-store', message: 'Only main/app/ may import electron-store (it is electron).' },
  ],
  patterns: [{ regex: '^electron/', message: 'Only main/app/ may import electron.' }],
};

// The addon deletes a registered logger after its thread's environment is gone: heap damage in the
// running process each time a worker thread ends (see main/db/connection.ts).
const SQLITE_LOGGER = {
  paths: [
    {
      name: '@signalapp/sqlcipher',
      importNames: ['setLogger'],
      message: 'Never register an SQLite logger: it damages the heap when its thread ends (main/db/connection.ts).',
    },
  ],
};

const BUILTINS = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_') && !name.includes('/'))
    .map((name) => ({ name, message: 'This layer runs without Node: no Node built-ins.' })),
  patterns: [
    { regex: '^node:', message: 'This layer runs without Node: no Node built-ins.' },
    {
      regex: `^(${builtinModules.filter((name) => !name.includes('/')).join('|')})/`,
      message: 'This layer runs without Node: no Node built-ins.',
    },
  ],
};

// Relative imports that climb into another top-level folder. `domain/` and renderer/main.tsx do
// not match: the folder name must follow `../` and be followed by `/`.
const intoFolder = (folder, message) => ({ regex: `^(\\.\\./)+${folder}/`, message });
const MAIN = intoFolder('main', 'The UI and shared code never import main/: go through the IPC contract.');
const RENDERER = intoFolder('renderer', 'shared/ never imports renderer/.');

const restrict = (...parts) => [
  'error',
  { paths: parts.flatMap((part) => part.paths ?? []), patterns: parts.flatMap((part) => part.patterns ?? []) },
];

// Dynamic import() and require() are not covered by no-restricted-imports.
const dynamicElectron = [
  {
    selector: 'ImportExpression[source.value=/^electron(\\u002F|-store$|$)/]',
    message: 'Only main/app/ may import electron.',
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value=/^electron(\\u002F|-store$|$)/]",
    message: 'Only main/app/ may import electron.',
  },
];
const dynamicBuiltins = [
  { selector: 'ImportExpression[source.value=/^node:/]', message: 'This layer runs without Node: no Node built-ins.' },
  {
    selector: "CallExpression[callee.name='require']",
    message: 'This layer is ESM and runs without Node: no require().',
  },
];

export default defineConfig(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'build/schemas/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
  { files: SOURCES, extends: [tseslint.configs.recommended] },
  {
    files: SOURCES,
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  // The rules of hooks. The plugin's React Compiler rules (refs, purity, set-state-in-effect …) are
  // left out: Bro does not compile with the React Compiler, and they flag code that is correct without it.
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },

  // Layer 1: nothing outside main/app/ imports electron. (Launchers need the npm package for the
  // binary's path only: build/start.mjs and the Electron specs.)
  {
    files: SOURCES,
    ignores: ['main/app/**', 'build/start.mjs', 'test/electron/**'],
    rules: {
      'no-restricted-imports': restrict(ELECTRON, SQLITE_LOGGER),
      'no-restricted-syntax': ['error', ...dynamicElectron],
    },
  },
  // Layer 2: shared/ is platform-free. Rule options do not merge across blocks, so each block
  // restates everything that applies to its files.
  {
    files: ['shared/**'],
    ignores: NODE_ONLY,
    rules: {
      'no-restricted-imports': restrict(ELECTRON, BUILTINS, { patterns: [MAIN, RENDERER] }),
      'no-restricted-syntax': ['error', ...dynamicElectron, ...dynamicBuiltins],
    },
  },
  // Layer 3: the renderer sees shared/ and itself, never Node, electron or main/.
  {
    files: ['renderer/**'],
    ignores: NODE_ONLY,
    rules: {
      'no-restricted-imports': restrict(ELECTRON, BUILTINS, { patterns: [MAIN] }),
      'no-restricted-syntax': ['error', ...dynamicElectron, ...dynamicBuiltins],
    },
  },
  // Tests and build configs in those layers run in Node: built-ins allowed, the layer rules not lifted.
  {
    files: NODE_ONLY.map((glob) => `shared/${glob}`),
    rules: { 'no-restricted-imports': restrict(ELECTRON, { patterns: [MAIN, RENDERER] }) },
  },
  {
    files: NODE_ONLY.map((glob) => `renderer/${glob}`),
    rules: { 'no-restricted-imports': restrict(ELECTRON, { patterns: [MAIN] }) },
  },
);
