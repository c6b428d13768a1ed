import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// `require('electron')` tries to download Electron's binary (docs/contributing.md): everything the tests load
// takes Electron's objects as parameters and imports only its types. main.ts and
// preload/preload.ts are the two files that import it for real, and no test loads them.
const tsFilesIn = (folder: string): string[] =>
  fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(folder, file));
const shellFiles = [...tsFilesIn('electron/shell'), ...tsFilesIn('electron/preload').filter((file) => file !== path.join('electron/preload', 'preload.ts'))];

describe('the shell’s testable modules', () => {
  it.each(shellFiles)('%s imports only types from electron', (file) => {
    const source = fs.readFileSync(file, 'utf8');
    const imports = [...source.matchAll(/^import\s+(type\s+)?[^;]*?from\s+'electron(?:\/[^']*)?';/gms)];
    for (const match of imports) expect(match[1], `${file}: ${match[0]}`).toBe('type ');
    expect(source).not.toMatch(/require\(\s*['"]electron['"]\s*\)/);
    expect(source).not.toMatch(/import\(\s*['"]electron['"]\s*\)/);
  });
});
