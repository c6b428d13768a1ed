/*
 * The core's face (docs/contributing.md, "The folder is the process"): the hub, the CLI, the shell,
 * main.ts and the tools import the core from here and nowhere else — a lint rule says so — so
 * that what lies behind it (the store, the keystore, the queue) can change without them.
 *
 * A store on disk is reached one way: `openSite` for a program that serves it, `withStore` (and
 * the key commands built on it) for one that changes it while it is closed. Both take the lock,
 * settle an interrupted rekey and prove the key before anything else happens.
 */

// The site, and the one entrance to a store on disk.
export { Site } from './site.js';
export type { EventListener, InternalErrorReport } from './site.js';
export type { LanCertificate } from './lan/lan-records.js';
export type { LanListening, LanState, SiteLan } from './lan/site-lan.js';
export { openSite, recoverySlotLabel } from './open-site.js';
export type { OpenSiteOptions } from './open-site.js';
export { withStore } from './store-entrance.js';
export type { OpenStore, SettledRekey, StoreOptions } from './store-entrance.js';
export { storePaths } from './store/paths.js';
export type { StorePaths } from './store/paths.js';

// The key commands, each through the entrance.
export { rekeyStore } from './store/rekey.js';
export type { RekeyOptions, RekeyResult, RekeyStep } from './store/rekey.js';
export { addKeyFile, changeSitePassphrase } from './store-keys.js';
export type { SitePassphraseOptions } from './store-keys.js';
export { ManagerRecoveryError, resetManagerPin } from './manager-recovery.js';
export type { ManagerRecoveryErrorReason, ResetManagerPinOptions, ResetManagerPinResult } from './manager-recovery.js';

// Keys and slots, for the doors that choose them before a store is open.
export { addSlot, assertPassphraseStrength, createKeyFile, keystoreExists, listSlots, removeSlot } from './keystore/index.js';
export type { NewSlot, OsProtector, SlotKind, SlotSummary, Unlock } from './keystore/index.js';

// The errors a door tells apart: both are raised before the contract exists, so neither is a DeskFailure.
export { isKeystoreError, KeystoreError } from './keystore/index.js';
export type { KeystoreErrorReason } from './keystore/index.js';
export { StoreError } from './store/store-error.js';
export type { StoreErrorReason } from './store/store-error.js';

// Time.
export { ManualClock, systemClock } from './clock.js';
export type { Clock } from './clock.js';
export { startScheduler } from './scheduler.js';

// The site log (docs/logs.md).
export { errorFields, noLog, openSiteLog } from './site-log.js';
export type { LogEvent, LogFields, SiteLog } from './site-log.js';

// Moving a site to a new hub PC (docs/replacing-the-hub.md).
export { exportSite, importSite } from './site-transfer/site-transfer.js';
export type { ImportedSite } from './site-transfer/site-transfer.js';
export { parseSiteFile, SiteFileError, siteFileFormat } from './site-transfer/site-file.js';
export type { SiteFile } from './site-transfer/site-file.js';

// IT's machine-wide settings file (docs/it-setup.md).
export { itConfigEnv, itConfigPath, readItConfig } from './it-config-file.js';
