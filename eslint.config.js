// Lint rules, and the walls between runtimes: code that runs in the renderer or in shared/ may
// not import Electron or Node built-ins, and electron/core may not import Electron.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const electronBan = { name: 'electron', message: 'Only electron/main and electron/preload may import Electron.' };
const nodeBan = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available here: this code runs in the browser or everywhere.' }));

/** Files of one runtime may not import these. */
const walls = {
  'shared/**': {
    paths: [electronBan, ...nodeBan],
    patterns: [{ group: ['**/renderer/**', '**/electron/**', 'react', 'react-dom'], message: 'shared/ is pure: it imports nothing from the faces.' }],
  },
  'renderer/**': {
    paths: [electronBan, ...nodeBan],
    patterns: [{ group: ['**/electron/**'], message: 'The renderer talks to the engine only through renderer/platform and the contract.' }],
  },
  'electron/core/**': {
    paths: [electronBan],
    patterns: [{ group: ['**/renderer/**'], message: 'The engine does not import the UI.' }],
  },
  'electron/{cli,web,security}/**': {
    paths: [electronBan],
    patterns: [{ group: ['**/renderer/**'], message: 'The engine does not import the UI.' }],
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
  ...Object.entries(walls).map(([files, rule]) => ({ files: [files], rules: { 'no-restricted-imports': ['error', rule] } })),
);
