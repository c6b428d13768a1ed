import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** docs/one-stop-queue.service, the unit IT installs to run serve on a Linux hub PC (docs/it-setup.md). */
const root = path.resolve(import.meta.dirname, '..', '..');
const unitFile = path.join(root, 'docs', 'one-stop-queue.service');
const unit = fs.readFileSync(unitFile, 'utf8');
const settings = new Map(
  unit
    .split('\n')
    .filter((line) => /^[A-Za-z]+=/.test(line))
    .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)] as const),
);
const hasSystemd = spawnSync('systemd-analyze', ['--version']).status === 0;

describe('the systemd unit for serve', () => {
  it('keeps the store in the service’s own state folder and the log in its logs folder, which serve reads by itself', () => {
    expect(settings.get('StateDirectory')).toBe('one-stop-queue');
    expect(settings.get('StateDirectoryMode')).toBe('0700');
    expect(settings.get('LogsDirectory')).toBe('one-stop-queue');
    expect(settings.get('ExecStart')).toMatch(/electron\/cli\/bin\.mjs serve$/);
    expect(settings.get('ExecStart')).not.toMatch(/--data-dir|--log-dir/);
  });

  it('stops serve the way that closes the store cleanly, and runs it with as little as it needs', () => {
    expect(settings.get('KillSignal')).toBe('SIGTERM');
    for (const [key, value] of Object.entries({ DynamicUser: 'yes', NoNewPrivileges: 'yes', ProtectSystem: 'strict', ProtectHome: 'yes', PrivateTmp: 'yes', UMask: '0077' })) {
      expect(settings.get(key), key).toBe(value);
    }
    expect(settings.get('CapabilityBoundingSet')).toBe('');
    // The passphrase is never written in the unit itself.
    expect(unit).not.toMatch(/^Environment=.*PASSPHRASE/m);
  });

  it.skipIf(!hasSystemd)('is a unit systemd accepts without a warning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osq-unit-'));
    try {
      fs.copyFileSync(unitFile, path.join(dir, 'one-stop-queue.service'));
      const verify = spawnSync('systemd-analyze', ['verify', path.join(dir, 'one-stop-queue.service')], { encoding: 'utf8' });
      expect(verify.status, verify.stderr).toBe(0);
      expect(verify.stderr.split('\n').filter((line) => /one-stop-queue\.service/.test(line))).toEqual([]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
