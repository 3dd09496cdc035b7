// Lint rules, and the walls between runtimes: code that runs in the renderer or in shared/ may
// not import Electron or Node built-ins, and electron/core may not import Electron.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronBan = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };
const electronSubpaths = { group: ['electron/*'], message: 'Only electron/main and electron/preload may import Electron.' };
const faceFolders = { group: ['**/main/**', '**/preload/**', '**/renderer/**'], message: 'The engine imports neither the Electron faces nor the UI.' };
const nodeBan = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available here: this code runs in the browser or everywhere.' }));

/** Files of one runtime may not import these. */
const walls = {
  'shared/**': {
    paths: [electronBan, ...nodeBan],
    patterns: [electronSubpaths, { group: ['**/renderer/**', '**/electron/**', 'react', 'react-dom'], message: 'shared/ is pure: it imports nothing from the faces.' }],
  },
  'renderer/**': {
    paths: [electronBan, ...nodeBan],
    patterns: [electronSubpaths, { group: ['**/electron/**'], message: 'The renderer talks to the engine only through renderer/platform and the contract.' }],
  },
  'electron/{core,cli,web,security}/**': {
    paths: [electronBan],
    patterns: [electronSubpaths, faceFolders],
  },
};

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'resources/**', 'tests/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only']", message: 'Focused tests hide the rest of the suite.' }],
    },
  },
  { files: ['renderer/**/*.{ts,tsx}'], languageOptions: { globals: globals.browser }, plugins: { 'react-hooks': reactHooks }, rules: reactHooks.configs.recommended.rules },
  { files: ['electron/**/*.ts', 'tests/**/*.ts', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  ...Object.entries(walls).map(([files, rule]) => ({
    files: [files],
    rules: {
      'no-restricted-imports': ['error', rule],
      // import('electron') would slip past no-restricted-imports; no runtime here loads code lazily.
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'Dynamic import() hides a dependency from the import walls.' }],
    },
  })),
);
