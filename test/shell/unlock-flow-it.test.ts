import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Site } from '../../electron/core/site.js';
import { linkConfigFile, type LinkConfig } from '../../electron/shell/desk-link-types.js';
import { UnlockFlow, type ShellItSettings } from '../../electron/shell/unlock-flow.js';
import { tempDir } from '../fixtures/temp-site.js';
import { FakeDeskLink, FakeSafeStorage, sampleLinkConfig } from './stand-ins.js';

const goodCode = '7KQ4-9XMP-2C3D-8F1A-QW7R';

/** The first run of a PC that IT's settings file (docs/it-setup.md) has set up. */
describe('the way to an open store, on a PC IT has set up', () => {
  let temp: ReturnType<typeof tempDir>;
  let deskLink: FakeDeskLink;
  const opened: Site[] = [];

  beforeEach(() => {
    temp = tempDir('osq-it-flow-');
    deskLink = new FakeDeskLink();
  });
  afterEach(() => {
    for (const site of opened.splice(0)) site.close();
    temp.remove();
  });

  function flow(it: ShellItSettings): UnlockFlow & { desks: LinkConfig[] } {
    const desks: LinkConfig[] = [];
    const made = new UnlockFlow({
      dataDir: path.join(temp.dir, 'store'),
      linkDir: temp.dir,
      deskLink,
      computerName: 'WIRRAL-DESK-03',
      safeStorage: new FakeSafeStorage(),
      platform: 'win32',
      it,
      onOpen: (site) => opened.push(site),
      onDesk: (config) => desks.push(config),
    });
    return Object.assign(made, { desks });
  }

  it('stops at a screen naming the wrong field, and makes nothing', async () => {
    const problem = 'The IT settings file C:\\ProgramData\\One Stop Queue\\it-config.json was not used: "paper" must be one of "80mm", "a5".';
    const first = flow({ problem });
    expect(await first.start()).toEqual({ step: 'blocked', problem: 'it-config-invalid', detail: problem });
    expect(await first.chooseHub()).toMatchObject({ ok: false, code: 'wrong-step' });
    expect(await first.retry()).toMatchObject({ step: 'blocked', problem: 'it-config-invalid' });
    expect(fs.readdirSync(temp.dir)).toEqual([]);
  });

  it('goes straight to the hub’s first-key choice on a PC IT made the hub', async () => {
    const first = flow({ role: 'hub' });
    expect(await first.start()).toEqual({ step: 'first-run', systemProtection: true });
    expect(await first.backToChoice()).toMatchObject({ ok: false, code: 'wrong-step', state: { step: 'first-run' } });
  });

  it('asks a desk PC only for its pairing code, joins the hub IT named, and offers no way back', async () => {
    const first = flow({ role: 'desk', hubAddress: 'hub-pc:4790', hubFingerprint: sampleLinkConfig().fingerprints[0]!.toLowerCase() });
    expect(await first.start()).toEqual({ step: 'join', suggestedLabel: 'WIRRAL-DESK-03', fixedAddress: 'hub-pc:4790', roleFixed: true });
    expect(await first.backToChoice()).toMatchObject({ ok: false, code: 'wrong-step' });
    // Whatever address a page sends, IT's is the one used.
    expect(await first.joinSite({ address: 'evil-pc', code: goodCode, label: 'Desk 3' })).toMatchObject({ ok: true, state: { step: 'open' } });
    expect(deskLink.pairRequests.map((request) => request.address)).toEqual(['hub-pc:4790']);
    expect(first.desks).toHaveLength(1);
  });

  it('keeps no link to a hub whose certificate is not the one IT named', async () => {
    const first = flow({ role: 'desk', hubAddress: 'hub-pc', hubFingerprint: 'CD:'.repeat(31) + 'CD' });
    await first.start();
    expect(await first.joinSite({ address: '', code: goodCode, label: 'Desk 3' })).toMatchObject({ ok: false, code: 'hub-certificate', state: { step: 'join' } });
    expect(first.desks).toEqual([]);
    expect(fs.existsSync(path.join(temp.dir, linkConfigFile))).toBe(false);
  });
});
