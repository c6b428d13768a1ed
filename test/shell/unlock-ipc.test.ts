import { describe, expect, it } from 'vitest';
import { registerUnlockBridge, type UnlockAnswers } from '../../electron/shell/unlock-ipc.js';
import { unlockActions, unlockChannel, type UnlockReply } from '../../shared/unlock-bridge.js';
import { FakeIpcMain } from './stand-ins.js';

const unlockPage = 'app://one-stop-queue/unlock/index.html';

function recordingAnswers(): UnlockAnswers & { seen: unknown[][] } {
  const seen: unknown[][] = [];
  const reply = (name: string) => (argument?: unknown): Promise<UnlockReply> => {
    seen.push(argument === undefined ? [name] : [name, argument]);
    return Promise.resolve({ ok: true, state: { step: 'open' } });
  };
  return {
    seen,
    getState: () => {
      seen.push(['getState']);
      return Promise.resolve({ step: 'unlock', reason: 'passphrase-only' });
    },
    retry: () => Promise.resolve({ step: 'open' }),
    useSystemProtection: reply('useSystemProtection'),
    createWithPassphrase: reply('createWithPassphrase'),
    unlockWithPassphrase: reply('unlockWithPassphrase'),
    setRecoveryPassphrase: reply('setRecoveryPassphrase'),
    skipRecoveryPassphrase: reply('skipRecoveryPassphrase'),
    chooseHub: reply('chooseHub'),
    chooseJoin: reply('chooseJoin'),
    joinSite: reply('joinSite'),
    backToChoice: reply('backToChoice'),
  };
}

describe('the unlock bridge in the main process', () => {
  it('answers every unlock action on its own channel, for the unlock page', async () => {
    const ipc = new FakeIpcMain();
    let quits = 0;
    const answers = recordingAnswers();
    registerUnlockBridge(ipc, answers, () => (quits += 1));
    expect([...ipc.handlers.keys()].sort()).toEqual(unlockActions.map(unlockChannel).sort());
    expect(await ipc.invoke(unlockPage, 'desk-unlock:getState')).toEqual({ step: 'unlock', reason: 'passphrase-only' });
    await ipc.invoke(unlockPage, 'desk-unlock:unlockWithPassphrase', 'correct horse battery staple');
    await ipc.invoke(unlockPage, 'desk-unlock:createWithPassphrase', { toString: () => 'sneaky' });
    await ipc.invoke(unlockPage, 'desk-unlock:setRecoveryPassphrase', 'x'.repeat(5000));
    await ipc.invoke(unlockPage, 'desk-unlock:quit');
    expect(answers.seen).toEqual([
      ['getState'],
      ['unlockWithPassphrase', 'correct horse battery staple'],
      ['createWithPassphrase', ''],
      ['setRecoveryPassphrase', 'x'.repeat(1024)],
    ]);
    expect(quits).toBe(1);
  });

  it.each([
    'app://one-stop-queue/index.html',
    'app://one-stop-queue/#/display',
    'app://one-stop-queue/unlock/other.html',
    'app://evil/unlock/index.html',
    'https://evil.example/unlock/index.html',
    'file:///app/out/renderer/unlock/index.html',
    null,
  ])('refuses unlock actions from %j', async (url) => {
    const ipc = new FakeIpcMain();
    const answers = recordingAnswers();
    let quits = 0;
    registerUnlockBridge(ipc, answers, () => (quits += 1));
    for (const action of unlockActions) {
      await expect(ipc.invoke(url, unlockChannel(action), 'correct horse battery staple')).rejects.toThrow('may not unlock');
    }
    expect(answers.seen).toEqual([]);
    expect(quits).toBe(0);
  });

  it('hands the flow the join form as three bounded strings, and the choices with no argument', async () => {
    const ipc = new FakeIpcMain();
    const answers = recordingAnswers();
    registerUnlockBridge(ipc, answers, () => undefined);
    await ipc.invoke(unlockPage, 'desk-unlock:chooseJoin', 'ignored');
    await ipc.invoke(unlockPage, 'desk-unlock:joinSite', { address: 'hub-pc', code: '7KQ4-9XMP-2C3D-8F1A-QW7R', label: 'Desk 3', hubUrl: 'https://evil' });
    await ipc.invoke(unlockPage, 'desk-unlock:joinSite', 'hub-pc');
    await ipc.invoke(unlockPage, 'desk-unlock:joinSite', { address: 'h'.repeat(5000), code: 7, label: null });
    await ipc.invoke(unlockPage, 'desk-unlock:backToChoice');
    await ipc.invoke(unlockPage, 'desk-unlock:chooseHub');
    expect(answers.seen).toEqual([
      ['chooseJoin'],
      ['joinSite', { address: 'hub-pc', code: '7KQ4-9XMP-2C3D-8F1A-QW7R', label: 'Desk 3' }],
      ['joinSite', { address: '', code: '', label: '' }],
      ['joinSite', { address: 'h'.repeat(300), code: '', label: '' }],
      ['backToChoice'],
      ['chooseHub'],
    ]);
  });

  it('removes its handlers', () => {
    const ipc = new FakeIpcMain();
    registerUnlockBridge(ipc, recordingAnswers(), () => undefined)();
    expect(ipc.handlers.size).toBe(0);
  });
});
