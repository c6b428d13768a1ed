import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listSlots } from '../../electron/core/keystore/index.js';
import type { Site } from '../../electron/core/site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { UnlockFlow, type UnlockFlowOptions } from '../../electron/shell/unlock-flow.js';
import { ManualClock } from '../../electron/core/clock.js';
import { testPassphrase, tempDir, tuesdayMorning } from '../fixtures/temp-site.js';
import type { LinkConfig } from '../../electron/shell/desk-link-types.js';
import { FakeDeskLink, FakeSafeStorage } from './stand-ins.js';

const recovery = 'a long recovery passphrase for IT';

describe('opening the store in the desktop app', () => {
  let temp: ReturnType<typeof tempDir>;
  let dataDir: string;
  let deskLink: FakeDeskLink;
  const opened: Site[] = [];

  beforeEach(() => {
    temp = tempDir('osq-unlock-');
    dataDir = path.join(temp.dir, 'store');
    deskLink = new FakeDeskLink();
  });

  afterEach(() => {
    for (const site of opened.splice(0)) site.close();
    temp.remove();
  });

  function flow(safeStorage: FakeSafeStorage, extra: Partial<UnlockFlowOptions> = {}): UnlockFlow & { openedSites: Site[]; desks: LinkConfig[] } {
    const openedSites: Site[] = [];
    const desks: LinkConfig[] = [];
    const made = new UnlockFlow({
      dataDir,
      linkDir: temp.dir,
      deskLink,
      computerName: 'WIRRAL-DESK-03',
      safeStorage,
      platform: 'linux',
      clock: new ManualClock(tuesdayMorning),
      onOpen: (site) => {
        openedSites.push(site);
        opened.push(site);
      },
      onDesk: (config) => desks.push(config),
      ...extra,
    });
    return Object.assign(made, { openedSites, desks });
  }

  /** The bytes of every file in the store folder, to show a refusal changed nothing. */
  function snapshot(): Record<string, string> {
    if (!fs.existsSync(dataDir)) return {};
    return Object.fromEntries(
      fs
        .readdirSync(dataDir)
        .sort()
        .map((name) => [name, createHash('sha256').update(fs.readFileSync(path.join(dataDir, name))).digest('hex')]),
    );
  }

  /** A store made on an earlier run with this computer's account, and optionally a recovery passphrase. */
  async function existingSystemStore(safeStorage: FakeSafeStorage, withRecovery: boolean): Promise<void> {
    const first = flow(safeStorage);
    await first.start();
    await first.chooseHub();
    await first.useSystemProtection();
    if (withRecovery) await first.setRecoveryPassphrase(recovery);
    else await first.skipRecoveryPassphrase();
    opened.splice(0).forEach((site) => site.close());
  }

  it('first run with an OS keyring: protects the key with the account, then offers a recovery passphrase', async () => {
    const safeStorage = new FakeSafeStorage();
    const first = flow(safeStorage);
    expect(await first.start()).toEqual({ step: 'choose-role', systemProtection: true });
    expect(await first.chooseHub()).toEqual({ ok: true, state: { step: 'first-run', systemProtection: true } });
    expect(fs.existsSync(storePaths(dataDir).keystore)).toBe(false);

    expect(await first.useSystemProtection()).toEqual({ ok: true, state: { step: 'recovery-offer' } });
    expect(listSlots(storePaths(dataDir).keystore).map((slot) => slot.kind)).toEqual(['safe-storage']);
    expect(first.openedSites).toHaveLength(0);

    expect(await first.setRecoveryPassphrase('too short')).toEqual({ ok: false, code: 'weak-passphrase', state: { step: 'recovery-offer' } });
    expect(await first.setRecoveryPassphrase(recovery)).toEqual({ ok: true, state: { step: 'open' } });
    expect(listSlots(storePaths(dataDir).keystore).map((slot) => [slot.kind, slot.label])).toEqual([
      ['safe-storage', "this computer's account"],
      ['passphrase', 'recovery'],
    ]);
    expect(first.openedSites).toHaveLength(1);
    expect(await first.openedSites[0]!.call('getSetupState', {}, null)).toEqual({ needsSetup: true, siteName: null });
  });

  it('later runs open with the account and ask nothing', async () => {
    const safeStorage = new FakeSafeStorage();
    await existingSystemStore(safeStorage, false);
    const later = flow(safeStorage);
    expect(await later.start()).toEqual({ step: 'open' });
    expect(later.openedSites).toHaveLength(1);
  });

  it('on Linux with only basic_text, asks for a site passphrase instead, and unlocks with it later', async () => {
    const safeStorage = new FakeSafeStorage();
    safeStorage.backend = 'basic_text';
    const first = flow(safeStorage);
    expect(await first.start()).toEqual({ step: 'choose-role', systemProtection: false });
    expect(await first.chooseHub()).toEqual({ ok: true, state: { step: 'first-run', systemProtection: false } });
    expect(await first.useSystemProtection()).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(fs.existsSync(storePaths(dataDir).keystore)).toBe(false);
    expect(await first.createWithPassphrase('short')).toMatchObject({ ok: false, code: 'weak-passphrase', state: { step: 'first-run' } });
    expect(await first.createWithPassphrase(testPassphrase)).toEqual({ ok: true, state: { step: 'open' } });
    expect(listSlots(storePaths(dataDir).keystore).map((slot) => slot.kind)).toEqual(['passphrase']);
    opened.splice(0).forEach((site) => site.close());

    const later = flow(safeStorage);
    expect(await later.start()).toEqual({ step: 'unlock', reason: 'passphrase-only' });
    const before = snapshot();
    expect(await later.unlockWithPassphrase('the wrong passphrase here')).toEqual({
      ok: false,
      code: 'wrong-passphrase',
      state: { step: 'unlock', reason: 'passphrase-only' },
    });
    expect(snapshot()).toEqual(before);
    expect(await later.unlockWithPassphrase(testPassphrase)).toEqual({ ok: true, state: { step: 'open' } });
    expect(later.openedSites).toHaveLength(1);
  });

  it('offers no account protection when async encryption is unavailable, on any platform', async () => {
    const safeStorage = new FakeSafeStorage();
    safeStorage.available = false;
    expect(await flow(safeStorage, { platform: 'win32' }).start()).toEqual({ step: 'choose-role', systemProtection: false });
    const windows = new FakeSafeStorage();
    windows.backend = 'unknown';
    expect(await flow(windows, { platform: 'win32' }).start()).toEqual({ step: 'choose-role', systemProtection: true });
  });

  it('when the account can no longer unwrap the key, asks for the recovery passphrase and changes nothing', async () => {
    const safeStorage = new FakeSafeStorage();
    await existingSystemStore(safeStorage, true);
    safeStorage.switchAccount(2);
    const before = snapshot();
    const later = flow(safeStorage);
    expect(await later.start()).toEqual({ step: 'unlock', reason: 'system-failed' });
    expect(snapshot()).toEqual(before);
    expect(await later.unlockWithPassphrase(recovery)).toEqual({ ok: true, state: { step: 'open' } });
  });

  it('when the key cannot be unwrapped and there is no recovery passphrase, blocks and never resets the data', async () => {
    const safeStorage = new FakeSafeStorage();
    await existingSystemStore(safeStorage, false);
    safeStorage.switchAccount(2);
    const before = snapshot();
    const later = flow(safeStorage);
    expect(await later.start()).toMatchObject({ step: 'blocked', problem: 'key-unwrap-failed' });
    // No way forward but retry or quit: every other action is refused.
    expect(await later.createWithPassphrase(testPassphrase)).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(await later.useSystemProtection()).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(await later.unlockWithPassphrase(testPassphrase)).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(await later.retry()).toMatchObject({ step: 'blocked', problem: 'key-unwrap-failed' });
    expect(snapshot()).toEqual(before);
    expect(later.openedSites).toHaveLength(0);
  });

  it('blocks when the database is there but its keystore is missing, and creates nothing', async () => {
    const safeStorage = new FakeSafeStorage();
    await existingSystemStore(safeStorage, false);
    fs.rmSync(storePaths(dataDir).keystore);
    const before = snapshot();
    const later = flow(safeStorage);
    expect(await later.start()).toMatchObject({ step: 'blocked', problem: 'keystore-missing' });
    expect(await later.useSystemProtection()).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(snapshot()).toEqual(before);
  });

  it('blocks on a damaged keystore with the core’s message', async () => {
    const safeStorage = new FakeSafeStorage();
    await existingSystemStore(safeStorage, false);
    fs.writeFileSync(storePaths(dataDir).keystore, '{ not json');
    const state = await flow(safeStorage).start();
    expect(state).toMatchObject({ step: 'blocked', problem: 'keystore-damaged' });
    expect(state.step === 'blocked' && state.detail).toContain('damaged');
  });

  it('blocks while another program has the store open, and opens on retry once it has closed', async () => {
    const safeStorage = new FakeSafeStorage();
    await existingSystemStore(safeStorage, false);
    const lock = storePaths(dataDir).lock;
    fs.writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), program: 'one-stop-queue serve', since: new Date().toISOString() }));
    const later = flow(safeStorage);
    const state = await later.start();
    expect(state).toMatchObject({ step: 'blocked', problem: 'already-open' });
    expect(state.step === 'blocked' && state.detail).toContain('one-stop-queue serve');
    fs.rmSync(lock);
    expect(await later.retry()).toEqual({ step: 'open' });
  });

  it('blocks when the Electron build of the database module is missing, once this PC is to be the hub', async () => {
    const first = flow(new FakeSafeStorage(), { nativeBinding: path.join(temp.dir, 'missing', 'better_sqlite3.node') });
    // A desk PC opens no database: the choice comes first.
    expect(await first.start()).toMatchObject({ step: 'choose-role' });
    expect(await first.chooseHub()).toMatchObject({ ok: true, state: { step: 'blocked', problem: 'native-module-missing' } });
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('re-wraps the account slot when the OS says its key rotated', async () => {
    const safeStorage = new FakeSafeStorage();
    await existingSystemStore(safeStorage, false);
    const [old] = listSlots(storePaths(dataDir).keystore);
    safeStorage.shouldReEncrypt = true;
    expect(await flow(safeStorage).start()).toEqual({ step: 'open' });
    const slots = listSlots(storePaths(dataDir).keystore);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ kind: 'safe-storage', label: old!.label });
    expect(slots[0]!.id).not.toBe(old!.id);
    opened.splice(0).forEach((site) => site.close());
    safeStorage.shouldReEncrypt = false;
    expect(await flow(safeStorage).start()).toEqual({ step: 'open' });
  });

  it('runs one action at a time: a double click does not create twice', async () => {
    const safeStorage = new FakeSafeStorage();
    const first = flow(safeStorage);
    await first.start();
    await first.chooseHub();
    const [a, b] = await Promise.all([first.useSystemProtection(), first.useSystemProtection()]);
    expect(a).toEqual({ ok: true, state: { step: 'recovery-offer' } });
    expect(b).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(listSlots(storePaths(dataDir).keystore)).toHaveLength(1);
    await first.skipRecoveryPassphrase();
  });
});
