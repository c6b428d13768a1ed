import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { itConfigPath, readItConfig } from '../../electron/core/it-config-file.js';
import { describeItConfigProblem, parseItConfig } from '../../shared/it-config.js';
import { tempDir } from '../fixtures/temp-site.js';

const fingerprint = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
const at = '/etc/one-stop-queue/it-config.json';

describe('IT’s settings file', () => {
  it('takes a hub PC’s and a desk PC’s settings', () => {
    expect(parseItConfig(JSON.stringify({ role: 'hub', dataDir: 'D:\\One Stop Queue', printerName: 'Star TSP143', paper: '80mm' }), at)).toMatchObject({
      kind: 'ok',
      config: { role: 'hub', dataDir: 'D:\\One Stop Queue', printerName: 'Star TSP143', paper: '80mm' },
    });
    expect(parseItConfig(JSON.stringify({ role: 'desk', hub: { address: 'hub-pc:4781', fingerprint }, paper: 'a5' }), at)).toMatchObject({ kind: 'ok', config: { hub: { address: 'hub-pc:4781' } } });
    expect(parseItConfig('{}', at)).toEqual({ kind: 'ok', path: at, config: {} });
  });

  it.each([
    [{ role: 'server' }, 'role', /"hub" or "desk"/],
    [{ role: 'desk', hub: { address: 'http://hub-pc/path' } }, 'hub.address', /host name or IP address/],
    [{ role: 'desk', hub: { address: 'hub-pc', fingerprint: 'AB:CD' } }, 'hub.fingerprint', /SHA-256 fingerprint/],
    [{ paper: 'letter' }, 'paper', /"80mm", "a5"/],
    [{ printerName: '' }, 'printerName', /empty/],
    [{ dataDir: 'relative/store' }, 'dataDir', /full path/],
    [{ role: 'desk', dataDir: '/var/lib/one-stop-queue' }, 'dataDir', /desk PC keeps no store/],
    [{ role: 'hub', hub: { address: 'hub-pc' } }, 'hub', /for a desk PC/],
    [{ printer: 'Star' }, 'printer', /not a setting/],
    [{ hub: { address: 'hub-pc', port: 4781 } }, 'hub.port', /not a setting/],
    [[], '', /JSON object/],
  ])('refuses %j by its field', (config, field, message) => {
    const read = parseItConfig(JSON.stringify(config), at);
    expect(read).toMatchObject({ kind: 'invalid', field });
    if (read.kind !== 'invalid') return;
    expect(read.message).toMatch(message);
    expect(describeItConfigProblem(read)).toContain(at);
    if (field !== '') expect(describeItConfigProblem(read)).toContain(`"${field}"`);
  });

  it('refuses text that is not JSON', () => {
    expect(parseItConfig('{ role: hub }', at)).toMatchObject({ kind: 'invalid', field: '', message: 'is not valid JSON' });
  });

  it('lives in a machine-wide folder on each system', () => {
    expect(itConfigPath('win32', { ProgramData: 'C:\\ProgramData' })).toBe('C:\\ProgramData\\One Stop Queue\\it-config.json');
    expect(itConfigPath('win32', {})).toBe('C:\\ProgramData\\One Stop Queue\\it-config.json');
    expect(itConfigPath('darwin', {})).toBe('/Library/Application Support/One Stop Queue/it-config.json');
    expect(itConfigPath('linux', {})).toBe('/etc/one-stop-queue/it-config.json');
  });

  describe('read from disk', () => {
    let remove: (() => void) | null = null;
    afterEach(() => remove?.());

    it('is absent on most PCs, read when there, and never changed by reading it', () => {
      const made = tempDir('osq-it-');
      remove = made.remove;
      const file = path.join(made.dir, 'it-config.json');
      expect(readItConfig('linux', { ONE_STOP_QUEUE_IT_CONFIG: file })).toEqual({ kind: 'none', path: file });
      const text = '{ "role": "desk", "paper": "tabloid" }';
      fs.writeFileSync(file, text);
      expect(readItConfig('linux', { ONE_STOP_QUEUE_IT_CONFIG: file })).toMatchObject({ kind: 'invalid', field: 'paper' });
      expect(fs.readFileSync(file, 'utf8')).toBe(text);
      expect(fs.readdirSync(made.dir)).toEqual(['it-config.json']);
    });
  });
});
