import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Plants a file with a forbidden import in each folder and proves `npm run lint` (part of
 * `npm test`) rejects it, so the folder rules of CONVENTIONS.md cannot quietly stop biting.
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
  ['electron/preload', 'electron/preload.ts', "import fs from 'node:fs';"],
];

describe('folder import rules', () => {
  it.each(cases)('%s: rejects %s with `%s`', async (_folder, file, importLine) => {
    const source = `${importLine}\nexport const planted = [${importLine.match(/import (?:\{ )?(\w+)/)?.[1]}];\n`;
    if (file === 'electron/preload.ts') {
      // The preload's rule is keyed to its own file, which exists: lint the text as that file.
      const [result] = await new ESLint({ cwd: root }).lintText(source, { filePath: path.join(root, file) });
      expect(result?.messages.some((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')).toBe(true);
      return;
    }
    const errors = await lintPlanted(file, source);
    expect(errors.some((e) => e.startsWith('@typescript-eslint/no-restricted-imports'))).toBe(true);
  });

  it('accepts the same imports where they belong', async () => {
    const errors = await lintPlanted('electron/core/zz-planted-import.ts', "import fs from 'node:fs';\nexport const planted = [fs];\n");
    expect(errors).toEqual([]);
  });
});
