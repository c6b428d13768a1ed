import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Plants a file with a forbidden import in each folder and proves `npm run lint` (part of
 * `npm test`) rejects it, so the folder rules of docs/contributing.md cannot quietly stop biting.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const planted: string[] = [];

afterEach(() => {
  while (planted.length > 0) fs.rmSync(planted.pop()!, { force: true });
});

async function lintPlanted(relative: string, source: string): Promise<string[]> {
  const file = path.join(root, relative);
  fs.writeFileSync(file, source);
  planted.push(file);
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintFiles([file]);
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

const cases: Array<[folder: string, file: string, importLine: string]> = [
  ['renderer', 'renderer/zz-planted-import.ts', "import fs from 'node:fs';"],
  ['renderer', 'renderer/zz-planted-import.ts', "import { app } from 'electron';"],
  ['renderer', 'renderer/zz-planted-import.ts', "import { Site } from '../electron/core/site.js';"],
  ['renderer', 'renderer/zz-planted-import.ts', "import Database from 'better-sqlite3-multiple-ciphers';"],
  ['shared', 'shared/zz-planted-import.ts', "import fs from 'node:fs';"],
  ['shared', 'shared/zz-planted-import.ts', "import path from 'path';"],
  ['shared', 'shared/zz-planted-import.ts', "import { app } from 'electron';"],
  ['shared', 'shared/zz-planted-import.ts', "import { Site } from '../electron/core/site.js';"],
  ['shared', 'shared/zz-planted-import.ts', "import { createRoot } from 'react-dom/client';"],
  ['electron/core', 'electron/core/zz-planted-import.ts', "import { app } from 'electron';"],
  ['electron/core', 'electron/core/zz-planted-import.ts', "import Fastify from 'fastify';"],
  ['electron/core', 'electron/core/zz-planted-import.ts', "import { startHub } from '../hub/server.js';"],
  ['electron/hub', 'electron/hub/zz-planted-import.ts', "import { app } from 'electron';"],
  ['electron/desk-link', 'electron/desk-link/zz-planted-import.ts', "import { safeStorage } from 'electron';"],
  ['electron/desk-link', 'electron/desk-link/zz-planted-import.ts', "import { registerDeskBridge } from '../shell/desk-ipc.js';"],
  ['electron/preload', 'electron/preload/zz-planted-import.ts', "import fs from 'node:fs';"],
  ['electron/preload', 'electron/preload/zz-planted-import.ts', "import { shell } from 'electron';"],
  ['electron/preload', 'electron/preload/zz-planted-import.ts', "import { Site } from '../core/site.js';"],
  ['electron/preload', 'electron/preload/zz-planted-import.ts', "import { z } from 'zod';"],
  ['electron/shell', 'electron/shell/zz-planted-import.ts', "import { exposeBridges } from '../preload/expose-bridge.js';"],
  ['electron/shell', 'electron/shell/zz-planted-import.ts', "import { registerDeskBridge } from '../ipc.js';"],
];

describe('folder import rules', () => {
  it.each(cases)('%s: rejects %s with `%s`', async (_folder, file, importLine) => {
    const source = `${importLine}\nexport const planted = [${importLine.match(/import (?:\{ )?(\w+)/)?.[1]}];\n`;
    const errors = await lintPlanted(file, source);
    expect(errors.some((e) => e.startsWith('@typescript-eslint/no-restricted-imports'))).toBe(true);
  });

  it('accepts the same imports where they belong', async () => {
    const errors = await lintPlanted('electron/core/zz-planted-import.ts', "import fs from 'node:fs';\nexport const planted = [fs];\n");
    expect(errors).toEqual([]);
  });

  it('lets the preload import shared/, its own folder, and electron’s contextBridge and ipcRenderer', async () => {
    const source = [
      "import { contextBridge, ipcRenderer } from 'electron';",
      "import type { IpcRenderer } from 'electron';",
      "import { callNames } from '../../shared/contract/index.js';",
      "import { exposeBridges } from './expose-bridge.js';",
      'export const planted: unknown[] = [contextBridge, ipcRenderer, callNames, exposeBridges, null as IpcRenderer | null];',
      '',
    ].join('\n');
    expect(await lintPlanted('electron/preload/zz-planted-import.ts', source)).toEqual([]);
  });

  it('finds the real preload files clean', async () => {
    const results = await new ESLint({ cwd: root }).lintFiles(['electron/preload/**/*.ts']);
    expect(results.map((r) => path.relative(root, r.filePath)).sort()).toEqual(
      expect.arrayContaining([path.join('electron', 'preload', 'expose-bridge.ts'), path.join('electron', 'preload', 'preload.ts')]),
    );
    expect(results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}: ${m.ruleId}: ${m.message}`))).toEqual([]);
  });
});

describe('the core’s face', () => {
  // Outside electron/core/ the core is reached only through electron/core/index.ts (docs/contributing.md):
  // its store, keystore and the rest can change behind it.
  const faceMessage = 'electron/core/index.ts';
  const inside: Array<[folder: string, file: string, source: string]> = [
    ['electron/cli', 'electron/cli/zz-planted-import.ts', "import { acquireStoreLock } from '../core/store/lock.js';\nexport const planted = [acquireStoreLock];\n"],
    ['electron/cli', 'electron/cli/zz-planted-import.ts', "import { unlockKeystore } from '../core/keystore/index.js';\nexport const planted = [unlockKeystore];\n"],
    ['electron/cli', 'electron/cli/zz-planted-import.ts', "export const planted = await import('../core/store/rekey.js');\n"],
    ['electron/hub', 'electron/hub/zz-planted-import.ts', "import type { Site } from '../core/site.js';\nexport type Planted = Site;\n"],
    ['electron/shell', 'electron/shell/zz-planted-import.ts', "import { storePaths } from '../core/store/paths.js';\nexport const planted = [storePaths];\n"],
    ['electron/tools', 'electron/tools/zz-planted-import.ts', "export { openSite } from '../core/open-site.js';\n"],
  ];

  it.each(inside)('%s: rejects a file that reaches behind the face (%s)', async (_folder, file, source) => {
    const errors = await lintPlanted(file, source);
    expect(errors.filter((e) => e.includes(faceMessage))).toHaveLength(1);
  });

  it('rejects it in electron/main.ts too (linted as that file, which is not replaced)', async () => {
    const [result] = await new ESLint({ cwd: root }).lintText("import { Site } from './core/site.js';\nexport const planted = [Site];\n", {
      filePath: path.join(root, 'electron', 'main.ts'),
    });
    expect((result?.messages ?? []).filter((m) => m.severity === 2 && m.message.includes(faceMessage))).toHaveLength(1);
  });

  it.each(['electron/cli', 'electron/hub', 'electron/shell', 'electron/tools'])('%s may import the face itself', async (folder) => {
    const source = "import { openSite, type Site } from '../core/index.js';\nexport const planted: unknown[] = [openSite, null as Site | null];\n";
    expect(await lintPlanted(`${folder}/zz-planted-import.ts`, source)).toEqual([]);
  });

  it('finds nothing outside electron/core/ (tests aside) that reaches behind the face', async () => {
    const results = await new ESLint({ cwd: root }).lintFiles(['electron/**/*.ts']);
    const outside = results.filter((r) => !path.relative(root, r.filePath).startsWith(path.join('electron', 'core') + path.sep));
    expect(outside.map((r) => path.relative(root, r.filePath))).toEqual(
      expect.arrayContaining([path.join('electron', 'main.ts'), path.join('electron', 'cli', 'serve-command.ts'), path.join('electron', 'shell', 'unlock-flow.ts')]),
    );
    const behindTheFace = outside.flatMap((r) =>
      r.messages.filter((m) => m.message.includes(faceMessage)).map((m) => `${path.relative(root, r.filePath)}:${String(m.line)}: ${m.message}`),
    );
    expect(behindTheFace).toEqual([]);
    // The same, read from the source: no import of the core's store or keystore folders at all.
    const sources = outside.map((r) => fs.readFileSync(r.filePath, 'utf8'));
    expect(sources.flatMap(importSpecifiers).filter((s) => /(^|\/)core\/(store|keystore)\//.test(s))).toEqual([]);
  });
});

describe('words come through a chooser', () => {
  // docs/contributing.md, "Words on screen": one chooser per process picks the language, so a file that
  // imported a language's catalogue itself would keep speaking it after the choice changed.
  const choosers = ['shared/i18n/catalogue.ts', 'electron/cli/cli-text.ts', 'renderer/i18n/text.ts', 'renderer/unlock/text.ts'];
  const languageFile = /(?:^|\/)(?:[\w-]+\.)?[a-z]{2,3}-[A-Z]{2}(?:\.js)?$/;
  const planted: Array<[folder: string, file: string, importLine: string]> = [
    ['shared', 'shared/contract/zz-planted-import.ts', "import { validationText } from '../i18n/validation.en-GB.js';"],
    ['electron/core', 'electron/core/zz-planted-import.ts', "import { errorText } from '../../shared/i18n/errors.en-GB.js';"],
    ['electron/core', 'electron/core/zz-planted-import.ts', "import type { ErrorText } from '../../shared/i18n/errors.en-GB.js';"],
    ['electron/core', 'electron/core/zz-planted-import.ts', "import { errorText } from '../../shared/i18n/errors.cy-GB.js';"],
    ['electron/hub', 'electron/hub/zz-planted-import.ts', "import { errorText } from '../../shared/i18n/errors.en-GB.js';"],
    ['electron/shell', 'electron/shell/zz-planted-import.ts', "import { desktopText } from '../../shared/i18n/desktop.en-GB.js';"],
    ['electron/cli', 'electron/cli/zz-planted-import.ts', "import { cliEnGB } from './i18n/cli.en-GB.js';"],
    ['renderer', 'renderer/zz-planted-import.ts', "import { enGB } from './i18n/en-GB.js';"],
    ['renderer', 'renderer/unlock/zz-planted-import.ts', "import { unlockText } from './text.en-GB.js';"],
  ];

  it.each(planted)('%s: rejects %s with `%s`', async (_folder, file, importLine) => {
    const source = `${importLine}\nexport const planted = [${importLine.match(/import (?:type )?\{ (\w+)/)?.[1]}];\n`;
    const errors = await lintPlanted(file, importLine.startsWith('import type') ? `${importLine}\nexport type Planted = ErrorText;\n` : source);
    expect(errors.filter((e) => e.startsWith('no-restricted-imports:') && e.includes('catalogue chooser'))).toHaveLength(1);
  });

  it('lets a file take the same words from its chooser', async () => {
    const source = "import { errorText } from '../../shared/i18n/catalogue.js';\nexport const planted = [errorText];\n";
    expect(await lintPlanted('electron/core/zz-planted-import.ts', source)).toEqual([]);
  });

  it('finds a language’s file imported by the choosers alone', () => {
    const sources = ['shared', 'electron', 'renderer'].flatMap((folder) =>
      fs
        .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.tsx?$/.test(file))
        .map((file) => path.join(folder, file)),
    );
    const importers = sources
      .filter((file) => importSpecifiers(fs.readFileSync(path.join(root, file), 'utf8')).some((s) => languageFile.test(s)))
      .map((file) => file.split(path.sep).join('/'))
      .sort();
    expect(importers).toEqual([...choosers].sort());
  });
});

/** Every module a file imports or re-exports from, as written. */
function importSpecifiers(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+'([^']+)'/gm), ...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map(
    (m) => m[1]!,
  );
}

describe('electron/ layers', () => {
  // main.ts wires the shell; the shell never reaches back up beside it. An `ipc.ts` beside main.ts
  // that the shell imported, while it imported the shell, was the cycle this stops coming back.
  const below = ['electron/shell', 'electron/preload'].flatMap((folder) =>
    fs
      .readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => path.join(folder, file)),
  );

  it.each(below)('%s imports nothing from the files beside electron/main.ts', (file) => {
    const upward = importSpecifiers(fs.readFileSync(path.join(root, file), 'utf8'))
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => path.relative(root, path.resolve(root, path.dirname(file), specifier)))
      .filter((target) => path.dirname(target) === 'electron');
    expect(upward).toEqual([]);
  });

  it('sees a planted upward import', () => {
    const line = "import { registerDeskBridge } from '../ipc.js';\n";
    const target = importSpecifiers(line).map((s) => path.relative(root, path.resolve(root, 'electron/shell', s)));
    expect(target).toEqual([path.join('electron', 'ipc.js')]);
  });
});
