import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../electron/core/site.js';
import { storePaths } from '../../electron/core/store/paths.js';
import { linkConfigFile, type JoinFailureCode, type LinkConfig } from '../../electron/shell/desk-link-types.js';
import { UnlockFlow } from '../../electron/shell/unlock-flow.js';
import { appVersion } from '../../shared/app-version.js';
import { unlockText } from '../../renderer/unlock/text.en-GB.js';
import { tempDir } from '../fixtures/temp-site.js';
import { FakeDeskLink, FakeSafeStorage, sampleLinkConfig } from './stand-ins.js';

const goodCode = '7KQ4-9XMP-2C3D-8F1A-QW7R';
const joinCodes: JoinFailureCode[] = ['bad-address', 'bad-code', 'hub-unreachable', 'hub-certificate', 'pairing-refused', 'lan-off', 'update-desk', 'update-hub'];

describe('the first run: hub PC or desk PC, and joining a site', () => {
  let temp: ReturnType<typeof tempDir>;
  let dataDir: string;
  let deskLink: FakeDeskLink;
  let safeStorage: FakeSafeStorage;
  const opened: Site[] = [];

  beforeEach(() => {
    temp = tempDir('osq-join-');
    dataDir = path.join(temp.dir, 'store');
    deskLink = new FakeDeskLink();
    safeStorage = new FakeSafeStorage();
  });

  afterEach(() => {
    for (const site of opened.splice(0)) site.close();
    temp.remove();
  });

  function flow(): UnlockFlow & { desks: LinkConfig[]; sites: Site[] } {
    const desks: LinkConfig[] = [];
    const sites: Site[] = [];
    const made = new UnlockFlow({
      dataDir,
      linkDir: temp.dir,
      deskLink,
      computerName: 'WIRRAL-DESK-03',
      safeStorage,
      platform: 'win32',
      onOpen: (site) => {
        sites.push(site);
        opened.push(site);
      },
      onDesk: (config) => desks.push(config),
    });
    return Object.assign(made, { desks, sites });
  }

  const linkFile = (): string => path.join(temp.dir, linkConfigFile);

  async function atJoin(): Promise<ReturnType<typeof flow>> {
    const first = flow();
    expect(await first.start()).toEqual({ step: 'choose-role', systemProtection: true });
    expect(await first.chooseJoin()).toEqual({ ok: true, state: { step: 'join', suggestedLabel: 'WIRRAL-DESK-03', fixedAddress: null, roleFixed: false } });
    return first;
  }

  it('offers the choice on the very first run, and creates nothing until one is made', async () => {
    const first = flow();
    expect(await first.start()).toEqual({ step: 'choose-role', systemProtection: true });
    expect(fs.readdirSync(temp.dir)).toEqual([]);
    // The steps after the choice are not open yet.
    expect(await first.useSystemProtection()).toMatchObject({ ok: false, code: 'wrong-step', state: { step: 'choose-role' } });
    expect(await first.joinSite({ address: 'hub-pc', code: goodCode, label: 'Desk 3' })).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(deskLink.pairRequests).toEqual([]);
  });

  it('goes from the join form back to the choice, and from there on to the hub’s first-key choice as before', async () => {
    const first = await atJoin();
    expect(await first.chooseHub()).toMatchObject({ ok: false, code: 'wrong-step', state: { step: 'join' } });
    expect(await first.backToChoice()).toEqual({ ok: true, state: { step: 'choose-role', systemProtection: true } });
    expect(await first.chooseHub()).toEqual({ ok: true, state: { step: 'first-run', systemProtection: true } });
    // Still nothing made: back again, and join after all.
    expect(await first.backToChoice()).toEqual({ ok: true, state: { step: 'choose-role', systemProtection: true } });
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(await first.chooseHub()).toMatchObject({ state: { step: 'first-run' } });
    expect(await first.useSystemProtection()).toEqual({ ok: true, state: { step: 'recovery-offer' } });
    // Once the store exists, there is no way back to the choice.
    expect(await first.backToChoice()).toMatchObject({ ok: false, code: 'wrong-step', state: { step: 'recovery-offer' } });
    expect(await first.skipRecoveryPassphrase()).toEqual({ ok: true, state: { step: 'open' } });
    expect(first.sites).toHaveLength(1);
    expect(first.desks).toEqual([]);
  });

  it.each([
    ['nothing', ''],
    ['spaces', '   '],
    ['another scheme', 'http://hub-pc'],
    ['a space inside', 'hub pc'],
    ['a path', 'hub-pc/api'],
    ['a user name', 'admin@hub-pc'],
    ['a port that is not one', 'hub-pc:99999'],
  ])('answers an address that is not one (%s) with bad-address, without trying the network', async (_what, address) => {
    const first = await atJoin();
    expect(await first.joinSite({ address, code: goodCode, label: 'Desk 3' })).toEqual({
      ok: false,
      code: 'bad-address',
      state: { step: 'join', suggestedLabel: 'WIRRAL-DESK-03', fixedAddress: null, roleFixed: false },
    });
    expect(deskLink.pairRequests).toEqual([]);
  });

  it.each([
    ['nothing', ''],
    ['too short', '7KQ4-9XMP'],
    ['too long', `${goodCode}-AAAA`],
    ['a letter Crockford leaves out', '7KQ4-9XMP-2C3D-8F1A-QW7U'],
  ])('answers a code that cannot be a pairing code (%s) with bad-code, without trying the network', async (_what, code) => {
    const first = await atJoin();
    expect(await first.joinSite({ address: 'hub-pc', code, label: 'Desk 3' })).toMatchObject({ ok: false, code: 'bad-code', state: { step: 'join' } });
    expect(deskLink.pairRequests).toEqual([]);
  });

  it.each(joinCodes)('answers the desk link’s %s with that code, stays on the form and keeps nothing', async (code) => {
    const first = await atJoin();
    deskLink.pairAnswer = code;
    expect(await first.joinSite({ address: '192.168.1.20', code: goodCode, label: 'Desk 3' })).toEqual({
      ok: false,
      code,
      state: { step: 'join', suggestedLabel: 'WIRRAL-DESK-03', fixedAddress: null, roleFixed: false },
    });
    expect(deskLink.pairRequests).toHaveLength(1);
    expect(fs.existsSync(linkFile())).toBe(false);
    expect(first.desks).toEqual([]);
    // The person corrects what was wrong and tries again on the same form.
    deskLink.pairAnswer = sampleLinkConfig();
    expect(await first.joinSite({ address: '192.168.1.20', code: goodCode, label: 'Desk 3' })).toEqual({ ok: true, state: { step: 'open' } });
  });

  it('answers anything else going wrong with failed, on the form rather than a blocking screen', async () => {
    const first = await atJoin();
    deskLink.pairAnswer = new Error('socket hang up');
    expect(await first.joinSite({ address: 'hub-pc', code: goodCode, label: 'Desk 3' })).toMatchObject({ ok: false, code: 'failed', state: { step: 'join' } });
    // An error that merely has a `code` (Node's ECONNRESET) is not a join failure.
    deskLink.pairAnswer = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(await first.joinSite({ address: 'hub-pc', code: goodCode, label: 'Desk 3' })).toMatchObject({ ok: false, code: 'failed', state: { step: 'join' } });
  });

  it('stays on the form when the link cannot be saved', async () => {
    const first = await atJoin();
    deskLink.writeLinkConfig = () => Promise.reject(new Error('EACCES'));
    expect(await first.joinSite({ address: 'hub-pc', code: goodCode, label: 'Desk 3' })).toMatchObject({ ok: false, code: 'failed', state: { step: 'join' } });
    expect(first.desks).toEqual([]);
  });

  it('joins: pairs with what was typed, keeps the link with its token encrypted, and opens as a desk PC with no store', async () => {
    const first = await atJoin();
    expect(await first.joinSite({ address: '  https://192.168.1.20:4781/ ', code: goodCode.toLowerCase(), label: ' Desk\u00073 \n upstairs ' })).toEqual({
      ok: true,
      state: { step: 'open' },
    });
    // The address goes on as host:port, whichever way it was typed.
    expect(deskLink.pairRequests).toEqual([{ address: '192.168.1.20:4781', code: goodCode.toLowerCase(), label: 'Desk 3 upstairs', appVersion }]);
    const config = { ...sampleLinkConfig(), label: 'Desk 3 upstairs' };
    expect(first.desks).toEqual([config]);
    expect(first.sites).toEqual([]);
    // The token is kept only as safeStorage encrypted it; no store was made.
    const file = fs.readFileSync(linkFile(), 'utf8');
    expect(file).not.toContain(config.deviceToken);
    expect(fs.existsSync(dataDir)).toBe(false);
    // Done: the form's actions are closed.
    expect(await first.joinSite({ address: 'hub-pc', code: goodCode, label: 'Desk 3' })).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(await first.backToChoice()).toMatchObject({ ok: false, code: 'wrong-step' });
  });

  it('names the PC after the computer when the label is left blank', async () => {
    const first = await atJoin();
    await first.joinSite({ address: 'hub-pc:4790', code: goodCode, label: '   ' });
    expect(deskLink.pairRequests[0]?.label).toBe('WIRRAL-DESK-03');
  });

  it('starts a joined PC straight in desk mode, asking nothing and opening no store', async () => {
    const first = await atJoin();
    await first.joinSite({ address: 'hub-pc', code: goodCode, label: 'Desk 3' });
    const later = flow();
    expect(await later.start()).toEqual({ step: 'open' });
    expect(later.desks).toEqual([{ ...sampleLinkConfig(), label: 'Desk 3' }]);
    expect(later.sites).toEqual([]);
    expect(fs.existsSync(dataDir)).toBe(false);
    expect(await later.chooseHub()).toMatchObject({ ok: false, code: 'wrong-step' });
  });

  it('blocks, changing nothing, when the link can no longer be read (another Windows account)', async () => {
    const first = await atJoin();
    await first.joinSite({ address: 'hub-pc', code: goodCode, label: 'Desk 3' });
    const before = fs.readFileSync(linkFile());
    safeStorage.switchAccount(2);
    const later = flow();
    expect(await later.start()).toEqual({ step: 'blocked', problem: 'desk-link-damaged', detail: linkFile() });
    expect(later.desks).toEqual([]);
    expect(await later.chooseJoin()).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(fs.readFileSync(linkFile())).toEqual(before);
    // IT deletes the file: the PC starts as new, and may join again.
    fs.rmSync(linkFile());
    expect(await later.retry()).toEqual({ step: 'choose-role', systemProtection: true });
  });

  it('opens the store, not the link, on a PC that has both', async () => {
    const hub = flow();
    await hub.start();
    await hub.chooseHub();
    await hub.useSystemProtection();
    await hub.skipRecoveryPassphrase();
    opened.splice(0).forEach((site) => site.close());
    await deskLink.writeLinkConfig(temp.dir, sampleLinkConfig(), { encryptString: (plain) => safeStorage.encryptStringAsync(plain), decryptString: async () => '' });
    expect(fs.existsSync(storePaths(dataDir).keystore)).toBe(true);
    const later = flow();
    expect(await later.start()).toEqual({ step: 'open' });
    expect(later.sites).toHaveLength(1);
    expect(later.desks).toEqual([]);
  });

  it('has page words for every way joining can fail', () => {
    const words = joinCodes.map((code) => unlockText.errors[code]);
    for (const word of words) expect(word).toMatch(/\w{3,}/);
    expect(new Set(words).size).toBe(joinCodes.length);
    expect(unlockText.blocked.problems['desk-link-damaged']).toContain('desk-link.json');
  });
});
