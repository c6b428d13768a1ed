import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { WebContentsPrintOptions } from 'electron';
import {
  linkConfigFile,
  type DeskLinkParts,
  type HubLink,
  type HubLinkOptions,
  type JoinFailureCode,
  type LinkConfig,
  type LinkProtector,
  type PairRequest,
} from '../../electron/shell/desk-link-types.js';
import { DeskFailure } from '../../shared/errors.js';
import type { DeskEvent } from '../../shared/events.js';
import type { IpcMainLike } from '../../electron/shell/desk-ipc.js';
import type { SafeStorageLike } from '../../electron/shell/os-protector.js';
import type { PrintContentsLike, PrintEventLike, PrintIpcMainLike } from '../../electron/shell/print-ipc.js';

// Stand-ins for Electron's objects: Electron cannot run here (docs/contributing.md), and the shell takes
// its objects as parameters precisely so these can be handed in. Nothing here imports `electron`.

type Listener = (event: PrintEventLike, ...args: unknown[]) => unknown;

/** Records `ipcMain.handle` registrations and lets a test invoke them as a renderer would. */
export class FakeIpcMain implements IpcMainLike, PrintIpcMainLike {
  readonly handlers = new Map<string, Listener>();

  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** Like `ipcRenderer.invoke` from a frame at `frameUrl` (null: a frame that is gone). */
  async invoke(frameUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    return this.invokeFrom(new FakeContents(), frameUrl, channel, ...args);
  }

  /** The same, from the page in a given window's webContents (`event.sender`). */
  async invokeFrom(sender: FakeContents, frameUrl: string | null, channel: string, ...args: unknown[]): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (listener === undefined) throw new Error(`No handler registered for '${channel}'`);
    return listener(frameEvent(frameUrl, sender), ...args);
  }
}

export function frameEvent(url: string | null, sender: FakeContents = new FakeContents()): PrintEventLike {
  return { senderFrame: url === null ? null : { url }, sender };
}

let nextContentsId = 1;

/**
 * A window's webContents: records what was sent to it and what it printed. `printers` is what
 * the OS reports; `printOutcome` is what the print callback gets (Chromium's failure reasons
 * are e.g. "Print job failed").
 */
export class FakeContents implements PrintContentsLike {
  readonly id = nextContentsId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;
  printers: Array<{ name: string; displayName: string }> = [];
  printersFail = false;
  printOutcome: { success: boolean; failureReason: string } | 'throws' = { success: true, failureReason: '' };
  readonly printed: WebContentsPrintOptions[] = [];

  getPrintersAsync(): Promise<Array<{ name: string; displayName: string }>> {
    return this.printersFail ? Promise.reject(new Error('printing backend unavailable')) : Promise.resolve(this.printers.map((p) => ({ ...p })));
  }

  print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void {
    if (this.printOutcome === 'throws') throw new Error('Invalid printer settings');
    this.printed.push(options);
    const { success, failureReason } = this.printOutcome;
    // Electron calls back once the job is handed to the printer, never synchronously.
    setImmediate(() => callback(success, failureReason));
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/**
 * Electron 45's asynchronous safeStorage, with an AES key standing for the OS account. `account`
 * changes the key (a rebuilt Windows profile); `backend` is what Linux reports.
 */
export class FakeSafeStorage implements SafeStorageLike {
  available = true;
  backend: ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>> = 'gnome_libsecret';
  shouldReEncrypt = false;
  private secret: Buffer;

  constructor(account = 1) {
    this.secret = Buffer.alloc(32, account);
  }

  switchAccount(account: number): void {
    this.secret = Buffer.alloc(32, account);
  }

  isAsyncEncryptionAvailable(): Promise<boolean> {
    return Promise.resolve(this.available);
  }

  getSelectedStorageBackend(): ReturnType<NonNullable<SafeStorageLike['getSelectedStorageBackend']>> {
    return this.backend;
  }

  encryptStringAsync(plain: string): Promise<Buffer> {
    if (!this.available) return Promise.reject(new Error('Encryption is not available.'));
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.secret, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Promise.resolve(Buffer.concat([iv, cipher.getAuthTag(), body]));
  }

  decryptStringAsync(encrypted: Buffer): Promise<{ result: string; shouldReEncrypt: boolean }> {
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.secret, encrypted.subarray(0, 12));
      decipher.setAuthTag(encrypted.subarray(12, 28));
      const result = Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8');
      return Promise.resolve({ result, shouldReEncrypt: this.shouldReEncrypt });
    } catch {
      return Promise.reject(new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.'));
    }
  }
}

/** A `JoinFailure` as the desk link throws it: an Error with one of the join codes. */
export class StandInJoinFailure extends Error {
  constructor(readonly code: JoinFailureCode) {
    super(`join refused: ${code}`);
    this.name = 'JoinFailure';
  }
}

/** A hub link that answers from a table and records what it was asked; the test drives reachability and pins. */
export class FakeHubLink implements HubLink {
  readonly calls: Array<{ name: string; input: unknown; token: string | null; idempotencyKey: string | null | undefined }> = [];
  readonly listeners = new Set<(event: DeskEvent, audience: 'staff' | 'everyone') => void>();
  closed = false;

  constructor(
    readonly config: LinkConfig,
    readonly options: HubLinkOptions,
  ) {}

  call: HubLink['call'] = (name, input, token, options) => {
    this.calls.push({ name, input, token, idempotencyKey: options?.idempotencyKey });
    if (name === 'getSetupState') return Promise.resolve({ needsSetup: false, siteName: this.config.siteName }) as never;
    return Promise.reject(new DeskFailure('unavailable', 'The hub cannot be reached.'));
  };

  subscribe: HubLink['subscribe'] = (listener) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  emit(event: DeskEvent, audience: 'staff' | 'everyone' = 'staff'): void {
    for (const listener of this.listeners) listener(event, audience);
  }

  close(): Promise<void> {
    this.closed = true;
    return Promise.resolve();
  }
}

/**
 * The desk link's four functions. Pairing answers `pairAnswer` (a config, or a join code to throw);
 * the link file is a real file in the folder, its token encrypted with the protector it is given,
 * so what the shell hands over is what protects it.
 */
export class FakeDeskLink implements DeskLinkParts {
  pairAnswer: LinkConfig | JoinFailureCode | Error = sampleLinkConfig();
  readonly pairRequests: PairRequest[] = [];
  readonly links: FakeHubLink[] = [];
  writes = 0;

  pairWithHub = (request: PairRequest): Promise<LinkConfig> => {
    this.pairRequests.push(request);
    const answer = this.pairAnswer;
    if (typeof answer === 'string') return Promise.reject(new StandInJoinFailure(answer));
    if (answer instanceof Error) return Promise.reject(answer);
    return Promise.resolve({ ...answer, label: request.label });
  };

  createHubLink = (config: LinkConfig, options: HubLinkOptions): HubLink => {
    const link = new FakeHubLink(config, options);
    this.links.push(link);
    return link;
  };

  readLinkConfig = async (dir: string, protector: LinkProtector): Promise<LinkConfig | null> => {
    let text: string;
    try {
      text = await fs.promises.readFile(path.join(dir, linkConfigFile), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const stored = JSON.parse(text) as Omit<LinkConfig, 'deviceToken'> & { deviceToken: string };
    return { ...stored, deviceToken: await protector.decryptString(Buffer.from(stored.deviceToken, 'base64')) };
  };

  writeLinkConfig = async (dir: string, config: LinkConfig, protector: LinkProtector): Promise<void> => {
    const deviceToken = (await protector.encryptString(config.deviceToken)).toString('base64');
    await fs.promises.mkdir(dir, { recursive: true });
    await fs.promises.writeFile(path.join(dir, linkConfigFile), JSON.stringify({ ...config, deviceToken }), { mode: 0o600 });
    this.writes += 1;
  };
}

export function sampleLinkConfig(): LinkConfig {
  return {
    hubUrl: 'https://127.0.0.2:4781',
    fingerprints: ['AB:'.repeat(31) + 'AB'],
    deviceId: 7,
    deviceToken: 'device-token-0123456789abcdefghijklmnopqrstuvwx',
    label: 'Desk 3',
    siteName: 'Wirral One Stop Shop',
  };
}
