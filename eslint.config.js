// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The folder is the process (docs/contributing.md): the compiler stops a Node or DOM API in the wrong
 * place, and these rules stop a forbidden package — `electron`'s types would pull Node back in.
 */
const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeRule = { group: ['node:*'], message: 'Node built-ins do not run here.' };
const banned = (names, message) => names.map((name) => ({ name, message }));
const pathGroup = (group, message) => ({ group, message });

const db = ['better-sqlite3-multiple-ciphers'];
const fastify = ['fastify', '@fastify/websocket', '@fastify/static', '@fastify/rate-limit', '@fastify/helmet', 'ws'];
const react = ['react', 'react-dom', 'react-dom/client', 'zustand'];

// The core is reached from outside only through its face (docs/contributing.md): any relative import
// that goes into a `core/` folder, except core/index.js itself. The core's own files and the
// tests are not under this rule.
const coreFace = {
  regex: '^\\.{1,2}/(?:[^/]+/)*core/(?!index\\.js$)',
  message: 'Outside electron/core/, import the core only through its face, electron/core/index.ts (…/core/index.js).',
};
// `no-restricted-imports` does not see `import(...)`; the same pattern for those (esquery's regex
// cannot hold a `/`, hence \x2F).
const coreFaceSyntax = {
  selector: 'ImportExpression > Literal[value=/^\\.{1,2}\\x2F(?:[^\\x2F]+\\x2F)*core\\x2F(?!index\\.js$)/]',
  message: coreFace.message,
};

function restrict(paths, patterns, extraRules = {}) {
  return {
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }],
      ...extraRules,
    },
  };
}

const outsideTheCore = { 'no-restricted-syntax': ['error', coreFaceSyntax] };

// Words on screen (docs/contributing.md): a language's catalogue (`errors.en-GB.ts`, `en-GB.ts`, a future
// `cy-GB.ts`) is imported only by its process's chooser, so choosing a language is a change there.
// ESLint's own `no-restricted-imports`, not typescript-eslint's: the folder rules above set that
// one per folder, and a second setting of the same rule would replace them.
const catalogueChoosers = ['shared/i18n/catalogue.ts', 'electron/cli/cli-text.ts', 'renderer/i18n/text.ts', 'renderer/unlock/text.ts'];
// A language's file, or one of its parts in the folder of the same name (`en-GB/board.ts`).
const languageFile = {
  regex: '(?:^|/)(?:[\\w-]+\\.)?[a-z]{2,3}-[A-Z]{2}(?:\\.js)?$|(?:^|/)[a-z]{2,3}-[A-Z]{2}/',
  caseSensitive: true,
  message: `Take words from your process's catalogue chooser (${catalogueChoosers.join(', ')}), not from a language's file.`,
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist/**', '.tsbuild/**', 'test-results/**', 'playwright-report/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-control-regex': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ...restrict(
      [
        ...banned(nodeBuiltins, 'shared/ is pure: no Node built-ins.'),
        ...banned(['electron', ...react, ...fastify, ...db], 'shared/ is pure: no Electron, React, fastify or database.'),
      ],
      [nodeRule, pathGroup(['**/electron/**', '**/renderer/**', '../electron', '../renderer'], 'shared/ must not import electron/ or renderer/.')],
    ),
  },
  {
    files: ['electron/core/**/*.ts'],
    ...restrict(
      banned(['electron', ...react, ...fastify], 'The core runs in plain Node: no Electron, React or fastify.'),
      [pathGroup(['**/hub/**', '**/shell/**', '**/preload/**', '**/renderer/**', '**/main'], 'The core must not import the hub, the shell, the preload or the renderer.')],
    ),
  },
  {
    files: ['electron/hub/**/*.ts', 'electron/cli/**/*.ts', 'electron/tools/**/*.ts', 'electron/desk-link/**/*.ts'],
    ...restrict(
      banned(['electron', ...react], 'This runs in plain Node: no Electron or React.'),
      [pathGroup(['**/shell/**', '**/preload/**', '**/renderer/**', '**/main'], 'Must not import the shell, the preload or the renderer.'), coreFace],
      outsideTheCore,
    ),
  },
  {
    files: ['electron/main.ts', 'electron/shell/**/*.ts'],
    ...restrict(banned(react, 'The Electron main process has no React.'), [
      pathGroup(['**/renderer/**'], 'The main process must not import the renderer.'),
      pathGroup(['**/preload/**'], 'The preload runs in the page’s process, not in main: main must not import it.'),
      // main.ts wires the shell; the shell importing a file beside main.ts is how the ipc.ts ⇄ shell/
      // cycle came about. (main.ts's own imports are `./…`, which this does not match.)
      { regex: '^\\.\\./[\\w-][\\w.-]*$', message: 'electron/shell/ must not import main.ts or any other file beside it: main.ts wires the shell.' },
      coreFace,
    ], outsideTheCore),
  },
  {
    // The sandboxed preload (electron/preload/, bundled to CommonJS) can reach nothing but what it is
    // given: an allow-list, so a Node built-in, any other package or any other part of electron/
    // is refused. Type-only imports of Electron's types are erased and stay allowed.
    files: ['electron/preload/**/*.ts'],
    rules: {
      ...restrict(
        [
          {
            name: 'electron',
            allowImportNames: ['contextBridge', 'ipcRenderer'],
            allowTypeImports: true,
            message: 'The preload uses only electron’s contextBridge and ipcRenderer.',
          },
        ],
        [
          {
            // Anything but `electron`, the preload's own folder (`./…`) and shared/ (`../../shared/…`);
            // no segment may be `..` past those, so `../../shared/../electron/core` is refused too.
            regex: '^(?!(?:electron|\\./[\\w-][\\w.-]*(?:/[\\w-][\\w.-]*)*|\\.\\./\\.\\./shared(?:/[\\w-][\\w.-]*)+)$)',
            message: 'The sandboxed preload may import only shared/ (../../shared/…), its own folder and electron: no Node built-ins, no other package, no other part of electron/.',
          },
        ],
      ).rules,
      // `no-restricted-imports` does not see `import(...)` (`require` is refused everywhere already).
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'The preload imports statically, and only shared/ and electron.' }],
    },
  },
  {
    files: ['shared/**/*.ts', 'electron/**/*.ts', 'renderer/**/*.ts', 'renderer/**/*.tsx'],
    // A language's catalogue may gather its own parts.
    ignores: [...catalogueChoosers, 'renderer/i18n/en-GB.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [languageFile] }] },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    ...restrict(
      [
        ...banned(nodeBuiltins, 'The renderer runs in a browser: no Node built-ins.'),
        ...banned(['electron', ...fastify, ...db], 'The renderer reaches the site only through DeskApi.'),
      ],
      [nodeRule, pathGroup(['**/electron/**', '../electron', '../../electron'], 'The renderer must not import electron/.')],
    ),
  },
);
