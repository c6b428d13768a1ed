import { errorText as t } from '../../shared/i18n/catalogue.js';
import { unlockActions, unlockChannel, unlockPagePath, type UnlockBridge } from '../../shared/unlock-bridge.js';
import { parseAppUrl } from './app-origin.js';
import { senderUrl, type IpcMainLike, type InvokeEventLike } from './desk-ipc.js';
import { joinArgument } from './join-request.js';

/** Only the shell's unlock page may choose a key or type a passphrase; the app's other pages may not. */
export function fromUnlockPage(event: InvokeEventLike): boolean {
  const url = parseAppUrl(senderUrl(event));
  return url !== null && url.pathname === unlockPagePath;
}

/** What answers the unlock bridge: the flow's actions, with `quit` supplied by the app. */
export type UnlockAnswers = Omit<UnlockBridge, 'quit'>;

function passphraseArgument(value: unknown): string {
  // A passphrase is bounded like any other input; scrypt on a megabyte string is wasted work.
  return typeof value === 'string' ? value.slice(0, 1024) : '';
}

/**
 * One handler per unlock action on `desk-unlock:<action>`. A call from any other frame is
 * rejected (the page gets a rejected promise, not a reply): nothing but the unlock page calls these.
 */
export function registerUnlockBridge(ipcMain: IpcMainLike, answers: UnlockAnswers, quit: () => void): () => void {
  const handlers: { [K in keyof UnlockBridge]: (argument: unknown) => ReturnType<UnlockBridge[K]> } = {
    getState: () => answers.getState(),
    useSystemProtection: () => answers.useSystemProtection(),
    createWithPassphrase: (p) => answers.createWithPassphrase(passphraseArgument(p)),
    unlockWithPassphrase: (p) => answers.unlockWithPassphrase(passphraseArgument(p)),
    setRecoveryPassphrase: (p) => answers.setRecoveryPassphrase(passphraseArgument(p)),
    skipRecoveryPassphrase: () => answers.skipRecoveryPassphrase(),
    chooseHub: () => answers.chooseHub(),
    chooseJoin: () => answers.chooseJoin(),
    // Rebuilt as three bounded strings: nothing else the page put in the object reaches the flow.
    joinSite: (request) => answers.joinSite(joinArgument(request)),
    backToChoice: () => answers.backToChoice(),
    retry: () => answers.retry(),
    quit: () => {
      quit();
      return Promise.resolve();
    },
  };
  for (const action of unlockActions) {
    ipcMain.handle(unlockChannel(action), (event, argument) => {
      if (!fromUnlockPage(event)) return Promise.reject(new Error(t.windowMayNotUnlock));
      return handlers[action](argument);
    });
  }
  return () => {
    for (const action of unlockActions) ipcMain.removeHandler(unlockChannel(action));
  };
}
