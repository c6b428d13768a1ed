import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { errorFields, logFileStem, openSiteLog, withheldKeys, type LogFields } from '../../electron/core/site-log.js';
import { tempDir } from '../fixtures/temp-site.js';

let cleanup: (() => void) | null = null;
afterEach(() => {
  cleanup?.();
  cleanup = null;
});

function logDir(): string {
  const { dir, remove } = tempDir('osq-log-');
  cleanup = remove;
  return path.join(dir, 'logs', 'serve');
}

function readLines(dir: string): Record<string, unknown>[] {
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.log'))
    .flatMap((file) => fs.readFileSync(path.join(dir, file), 'utf8').split('\n'))
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the site log', () => {
  it('makes its folder and writes one JSON line per event, with the program, version, level and time', async () => {
    const dir = logDir();
    const log = await openSiteLog({ dir, program: 'serve' });
    log.info('started', { port: 4780, firstRun: true });
    log.warn('rate-limited', { door: 'local', call: 'signIn' });
    await log.close();

    const files = fs.readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(new RegExp(`^${logFileStem}\\.\\d{4}-\\d{2}-\\d{2}\\.1\\.log$`));
    const lines = readLines(dir);
    expect(lines).toMatchObject([
      { level: 'info', event: 'started', program: 'serve', version: expect.any(String), port: 4780, firstRun: true },
      { level: 'warn', event: 'rate-limited', door: 'local', call: 'signIn' },
    ]);
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it('carries on in the same day’s file after a restart, and writes nothing once closed', async () => {
    const dir = logDir();
    const first = await openSiteLog({ dir, program: 'serve' });
    first.info('started');
    await first.close();
    first.info('stopped');
    const second = await openSiteLog({ dir, program: 'serve' });
    second.info('started');
    await second.close();
    expect(readLines(dir).map((line) => line.event)).toEqual(['started', 'started']);
  });

  it('blanks every key where a visitor’s data or a secret would sit, should a change ever pass one', async () => {
    const dir = logDir();
    const log = await openSiteLog({ dir, program: 'desktop' });
    const leaked = Object.fromEntries(withheldKeys.map((key) => [key, `Oluwaseun Fairweather ${key}`])) as LogFields;
    log.error('error', { ...leaked, call: 'issueTicket' });
    await log.close();
    const text = fs.readFileSync(path.join(dir, fs.readdirSync(dir)[0]!), 'utf8');
    expect(text).not.toContain('Oluwaseun');
    expect(readLines(dir)[0]).toMatchObject({ name: '[withheld]', postcode: '[withheld]', pin: '[withheld]', call: 'issueTicket' });
  });

  it('keeps an error’s name, code and frames but never its message, which can quote what was typed', () => {
    const error = Object.assign(new Error('UNIQUE constraint failed: visitor Seán O’Brien, L1 1JQ'), { code: 'SQLITE_CONSTRAINT' });
    const fields = errorFields(error);
    expect(fields).toMatchObject({ errorName: 'Error', errorCode: 'SQLITE_CONSTRAINT' });
    expect(fields.frames).toMatch(/^at /);
    expect(JSON.stringify(fields)).not.toMatch(/Seán|L1 1JQ|constraint/);
  });

  it('refuses a folder it cannot make, before anything else starts', async () => {
    const { dir, remove } = tempDir('osq-log-');
    cleanup = remove;
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    await expect(openSiteLog({ dir: path.join(file, 'logs'), program: 'serve' })).rejects.toMatchObject({ code: expect.stringMatching(/ENOTDIR|EEXIST/) });
  });
});
