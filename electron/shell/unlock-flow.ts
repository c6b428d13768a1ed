import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addSlot,
  isKeystoreError,
  keystoreExists,
  listSlots,
  openSite,
  recoverySlotLabel,
  removeSlot,
  storePaths,
  type Clock,
  type Site,
  type SiteLog,
  type Unlock,
} from '../core/index.js';
import { storeText } from '../../shared/i18n/catalogue.js';
import type { JoinRequest, UnlockErrorCode, UnlockReply, UnlockState } from '../../shared/unlock-bridge.js';
import { blockedBy } from './blocked-state.js';
import { linkConfigFile, type DeskLinkParts, type LinkConfig } from './desk-link-types.js';
import { cleanLabel, couldBePairingCode, pairAndKeep, parseHubAddress } from './join-request.js';
import { osProtector, systemProtectionAvailable, type SafeStorageLike, type ShellProtector } from './os-protector.js';

/** The part of IT's settings file the way to an open store follows. */
export interface ShellItSettings {
  /** IT's file has a wrong field: the PC goes no further, and this line says why. */
  problem?: string;
  role?: 'hub' | 'desk';
  hubAddress?: string;
  hubFingerprint?: string;
}

export interface UnlockFlowOptions {
  /** `app.getPath('userData')/store`. */
  dataDir: string;
  safeStorage: SafeStorageLike;
  platform: NodeJS.Platform;
  /** The Electron build of the native module (docs/contributing.md); checked before anything is opened. */
  nativeBinding?: string | undefined;
  clock?: Clock;
  program?: string;
  /** The site log (docs/logs.md), handed to the site for its purges and internal failures. */
  log?: SiteLog;
  /** What IT's settings file fixes for this PC (docs/it-setup.md), or why it was refused. */
  it?: ShellItSettings;
  /** Where a desk PC keeps desk-link.json: `app.getPath('userData')`, beside (not in) the store folder. */
  linkDir: string;
  /** The desk link's functions (electron/desk-link/), handed in by main.ts. */
  deskLink: Pick<DeskLinkParts, 'pairWithHub' | 'readLinkConfig' | 'writeLinkConfig'>;
  /** This PC's name, offered as its label when it joins a site; `os.hostname()` by default. */
  computerName?: string;
  /** Called once, when the store is open and the person is past the recovery offer. */
  onOpen(site: Site): void;
  /** Called once instead, when this PC is a desk PC: joined just now, or on an earlier run. */
  onDesk(config: LinkConfig): void;
}

/**
 * The way from "no store open" to "open", for the shell's first-key and unlock screens
 * (docs/design.md, "Keys"). It only ever opens or creates: a key that cannot be unwrapped, a missing
 * keystore beside an existing database, a damaged file — each stops at a blocking state and
 * nothing is reset, recreated or overwritten. One action runs at a time.
 */
export class UnlockFlow {
  private state: UnlockState = { step: 'blocked', problem: 'failed', detail: '' };
  private openedSite: Site | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly protector: ShellProtector;

  constructor(private readonly options: UnlockFlowOptions) {
    this.protector = osProtector(options.safeStorage);
  }

  get site(): Site | null {
    return this.openedSite;
  }

  getState(): Promise<UnlockState> {
    return this.serial(async () => this.state);
  }

  /**
   * Looks at this PC: a store → open it (with this computer's account if that is how it is kept);
   * no store but desk-link.json → a desk PC; neither → the very first run, which asks what this PC is.
   */
  start(): Promise<UnlockState> {
    return this.serial(() => this.assess());
  }

  private joinState(): UnlockState {
    const it = this.options.it;
    return {
      step: 'join',
      suggestedLabel: cleanLabel('', this.options.computerName ?? os.hostname()),
      fixedAddress: it?.hubAddress ?? null,
      roleFixed: it?.role === 'desk',
    };
  }

  retry(): Promise<UnlockState> {
    return this.serial(() => (this.state.step === 'blocked' ? this.assess() : Promise.resolve(this.state)));
  }

  /** First run: this PC is the site's hub — on to the first-key choice. */
  chooseHub(): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'choose-role') return 'wrong-step';
      await this.assessStore();
      return null;
    });
  }

  /** First run: this PC joins a site as a desk PC — on to the join form. */
  chooseJoin(): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'choose-role') return 'wrong-step';
      this.state = this.joinState();
      return null;
    });
  }

  /** Back to the first choice, from the join form or from the first-key choice (nothing exists yet at either). */
  backToChoice(): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'join' && this.state.step !== 'first-run') return 'wrong-step';
      // IT chose what this PC is: there is no other way to go back to.
      if (this.options.it?.role !== undefined) return 'wrong-step';
      this.state = await this.chooseRole();
      return null;
    });
  }

  /**
   * Pairs with the hub and keeps the link (desk-link.json), then opens the app in desk mode. A
   * mistyped address or code is answered before any connection; every refusal leaves the form
   * where it was, so the person corrects one field and tries again.
   */
  joinSite(request: JoinRequest): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'join') return 'wrong-step';
      const hub = parseHubAddress(this.options.it?.hubAddress ?? request.address);
      if (hub === null) return 'bad-address';
      if (!couldBePairingCode(request.code)) return 'bad-code';
      const joined = await pairAndKeep(this.options.deskLink, {
        address: `${hub.host}:${String(hub.port)}`,
        code: request.code,
        label: cleanLabel(request.label, this.options.computerName ?? os.hostname()),
        linkDir: this.options.linkDir,
        protector: this.protector,
        ...(this.options.it?.hubFingerprint === undefined ? {} : { expectedFingerprint: this.options.it.hubFingerprint }),
      });
      if (typeof joined === 'string') return joined;
      this.finishDesk(joined);
      return null;
    });
  }

  useSystemProtection(): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'first-run' || !this.state.systemProtection) return 'wrong-step';
      await this.open({ kind: 'safe-storage', protector: this.protector }, true);
      this.state = { step: 'recovery-offer' };
      return null;
    });
  }

  createWithPassphrase(passphrase: string): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'first-run') return 'wrong-step';
      this.finish(await this.open({ kind: 'passphrase', passphrase }, true));
      return null;
    });
  }

  unlockWithPassphrase(passphrase: string): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'unlock') return 'wrong-step';
      this.finish(await this.open({ kind: 'passphrase', passphrase }, false));
      return null;
    });
  }

  setRecoveryPassphrase(passphrase: string): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'recovery-offer' || this.openedSite === null) return 'wrong-step';
      // The same label as the manager's contract call, so the settings screen sees it as set.
      await addSlot(
        storePaths(this.options.dataDir).keystore,
        { kind: 'safe-storage', protector: this.protector },
        { kind: 'passphrase', passphrase, label: recoverySlotLabel },
      );
      this.finish(this.openedSite);
      return null;
    });
  }

  skipRecoveryPassphrase(): Promise<UnlockReply> {
    return this.act(async () => {
      if (this.state.step !== 'recovery-offer' || this.openedSite === null) return 'wrong-step';
      this.finish(this.openedSite);
      return null;
    });
  }

  private async assess(): Promise<UnlockState> {
    // A wrong IT settings file stops the PC here: nothing is opened, made or changed.
    const itProblem = this.options.it?.problem;
    if (itProblem !== undefined) return { step: 'blocked', problem: 'it-config-invalid', detail: itProblem };
    const paths = storePaths(this.options.dataDir);
    try {
      // A store (or what is left of one) is never passed over for the desk link or the first choice.
      if (!keystoreExists(paths.keystore) && !fs.existsSync(paths.database)) {
        let config: LinkConfig | null;
        try {
          config = await this.options.deskLink.readLinkConfig(this.options.linkDir, this.protector);
        } catch {
          // Unreadable (another account's safeStorage, a damaged file): changed by nobody, shown to IT.
          this.state = { step: 'blocked', problem: 'desk-link-damaged', detail: path.join(this.options.linkDir, linkConfigFile) };
          return this.state;
        }
        if (config !== null) {
          this.finishDesk(config);
          return this.state;
        }
        this.state = await this.chooseRole();
        return this.state;
      }
    } catch (error) {
      this.state = blockedBy(error);
      return this.state;
    }
    return this.assessStore();
  }

  private async chooseRole(): Promise<UnlockState> {
    // IT decided what this PC is: its first run starts at that PC's own first step.
    if (this.options.it?.role === 'desk') return this.joinState();
    if (this.options.it?.role === 'hub') return this.assessStore();
    return { step: 'choose-role', systemProtection: await systemProtectionAvailable(this.options.safeStorage, this.options.platform) };
  }

  /** The hub's way: the store as it is on disk, or the first-key choice when there is none yet. */
  private async assessStore(): Promise<UnlockState> {
    const paths = storePaths(this.options.dataDir);
    const binding = this.options.nativeBinding;
    if (binding !== undefined && !fs.existsSync(binding)) {
      this.state = { step: 'blocked', problem: 'native-module-missing', detail: binding };
      return this.state;
    }
    try {
      if (!keystoreExists(paths.keystore)) {
        if (fs.existsSync(paths.database)) {
          // A database without its keystore is unreadable, and a new keystore would not open it.
          this.state = { step: 'blocked', problem: 'keystore-missing', detail: paths.keystore };
        } else {
          this.state = { step: 'first-run', systemProtection: await systemProtectionAvailable(this.options.safeStorage, this.options.platform) };
        }
        return this.state;
      }
      const kinds = new Set(listSlots(paths.keystore).map((slot) => slot.kind));
      if (kinds.has('safe-storage')) {
        try {
          const site = await this.open({ kind: 'safe-storage', protector: this.protector }, false);
          await this.rewrapIfAdvised();
          this.finish(site);
        } catch (error) {
          if (!isKeystoreError(error, 'unwrap-failed')) throw error;
          this.state = kinds.has('passphrase') ? { step: 'unlock', reason: 'system-failed' } : blockedBy(error);
        }
      } else if (kinds.has('passphrase')) {
        this.state = { step: 'unlock', reason: 'passphrase-only' };
      } else {
        this.state = { step: 'blocked', problem: 'unsupported-slot', detail: paths.keystore };
      }
    } catch (error) {
      this.state = blockedBy(error);
    }
    return this.state;
  }

  private async open(unlock: Unlock, create: boolean): Promise<Site> {
    // Through the store's one entrance, which also settles a rekey (the one-stop-queue program) interrupted by a crash.
    return openSite({
      dataDir: this.options.dataDir,
      unlock,
      create,
      nativeBinding: this.options.nativeBinding,
      program: this.options.program ?? storeText.programs.desktopApp,
      ...(this.options.clock === undefined ? {} : { clock: this.options.clock }),
      ...(this.options.log === undefined ? {} : { log: this.options.log }),
    }).then((site) => {
      this.openedSite = site;
      return site;
    });
  }

  private finish(site: Site): void {
    this.state = { step: 'open' };
    this.options.onOpen(site);
  }

  private finishDesk(config: LinkConfig): void {
    this.state = { step: 'open' };
    this.options.onDesk(config);
  }

  /**
   * When the OS rotated its key, the account slot is wrapped again with the new one. Best effort:
   * the old slot still opens the store today, so a failure here only waits for the next start.
   */
  private async rewrapIfAdvised(): Promise<void> {
    if (!this.protector.reEncryptAdvised) return;
    const keystore = storePaths(this.options.dataDir).keystore;
    const unlock: Unlock = { kind: 'safe-storage', protector: this.protector };
    try {
      const old = listSlots(keystore).filter((slot) => slot.kind === 'safe-storage');
      await addSlot(keystore, unlock, { ...unlock, ...(old[0] === undefined ? {} : { label: old[0].label }) });
      for (const slot of old) await removeSlot(keystore, unlock, slot.id);
    } catch (error) {
      console.warn('Could not re-wrap the safeStorage slot; it still opens the store.', isKeystoreError(error) ? error.reason : '');
    }
  }

  /** Runs one action; a wrong or weak passphrase is a reply, anything else the store refuses blocks. */
  private act(work: () => Promise<UnlockErrorCode | null>): Promise<UnlockReply> {
    return this.serial(async (): Promise<UnlockReply> => {
      let code: UnlockErrorCode | null;
      try {
        code = await work();
      } catch (error) {
        if (isKeystoreError(error, 'wrong-passphrase')) code = 'wrong-passphrase';
        else if (isKeystoreError(error, 'weak-passphrase')) code = 'weak-passphrase';
        else {
          this.state = blockedBy(error);
          if (this.state.problem === 'failed') console.error('Opening the store failed:', error);
          return { ok: false, code: 'failed', state: this.state };
        }
      }
      return code === null ? { ok: true, state: this.state } : { ok: false, code, state: this.state };
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
