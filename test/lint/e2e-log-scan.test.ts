import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { personalValuesIn, scanLogs } from '../e2e/fixtures/log-scan.js';
import { tempDir } from '../fixtures/temp-site.js';

let remove: (() => void) | null = null;
afterEach(() => remove?.());

function logDirWith(lines: unknown[]): string {
  const made = tempDir('osq-scan-');
  remove = made.remove;
  fs.writeFileSync(path.join(made.dir, 'one-stop-queue.2026-12-04.1.log'), lines.map((line) => JSON.stringify(line)).join('\n') + '\n');
  return made.dir;
}

/** The browser suite's last check (test/e2e/fixtures/global-teardown.ts) must be able to fail. */
describe('the e2e site-log search', () => {
  it('finds the personal values a test sends or types', () => {
    const source = `
      const visitor = { name: 'Grace Okonkwo', street: '5 Hope Street', postcode: 'L1 9BQ' };
      const secret = 'plum kettle harbour seventeen';
      await call('issueTicket', { visitor: { name, addressLines: ['1 Dale Street', 'Liverpool'] }, reason: \`Housing repair \${n}\` });
      await page.getByLabel('PIN').fill('8642');
    `;
    expect([...personalValuesIn(source)].sort()).toEqual(['1 Dale Street', '5 Hope Street', '8642', 'Grace Okonkwo', 'Housing repair', 'L1 9BQ', 'Liverpool', 'plum kettle harbour seventeen'].sort());
  });

  it('fails on a name, a postcode or a PIN written anywhere in a line, and on anything token-shaped', () => {
    const dir = logDirWith([
      { event: 'error', call: 'issueTicket', frames: 'at Grace Okonkwo (x.ts:1:1)' },
      { event: 'desk.refused', reason: 'L1 9BQ' },
      { event: 'started', note: 'pin 8642' },
      { event: 'hub.listening', extra: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-AbCd' },
    ]);
    const { findings } = scanLogs(dir, new Set(['Grace Okonkwo', 'L1 9BQ', '8642']));
    expect(findings.map((f) => [f.line, f.what])).toEqual([
      [1, '"Grace Okonkwo"'],
      [2, '"L1 9BQ"'],
      [3, '"8642"'],
      [4, 'a token-shaped string'],
    ]);
  });

  it('passes the site log’s own words: a call named listDesks is not the button "Desk", a frame’s line 8642 is not a PIN', () => {
    const dir = logDirWith([{ event: 'desk.refused', call: 'listDesks', door: 'lan' }, { event: 'error', frames: 'at open (site.ts:8642:3)' }]);
    expect(scanLogs(dir, new Set(['Desk', '8642'])).findings).toEqual([]);
  });
});
