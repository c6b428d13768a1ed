/**
 * UK English text of what opening and looking after a store on disk says when it cannot: the
 * keystore, the database, and resetting a manager's PIN with the site passphrase. These reach
 * people outside the queue screens — the one-stop-queue program prints them, the desktop app
 * shows them under "Details for IT" — so they name the file and the fix, and never a key, a
 * passphrase or key-file content. Chosen in catalogue.ts; a Welsh one is another `StoreText`.
 */

/** How each kind of keystore slot is named in a sentence (a slot's own label is data, not this). */
const slotKindWords = {
  passphrase: 'passphrase',
  'key-file': 'key file',
  'safe-storage': "this computer's account (safeStorage)",
};

type SlotKindWord = keyof typeof slotKindWords;

const unknownError = 'unknown error';

export const storeText = {
  /**
   * How a program that opens a store names itself in the lock file, for the "already open by …"
   * another program gets. (The one-stop-queue program's commands name themselves in its own catalogue.)
   */
  programs: {
    any: 'One Stop Queue',
    desktopApp: 'One Stop Queue (desktop app)',
    rekey: 'One Stop Queue (rekey)',
    resetManagerPin: 'One Stop Queue (reset-manager-pin)',
  },

  keystore: {
    slotKind: slotKindWords,
    cannotOpenWith: (kind: SlotKindWord, present: readonly SlotKindWord[]): string =>
      `This keystore cannot be opened with a ${slotKindWords[kind]}; it can be opened with: ${present.map((k) => slotKindWords[k]).join(', ')}.`,
    noSlotOpened: 'No slot could be opened. Nothing was changed.',
    exists: (path: string) =>
      `A keystore already exists at ${path}; it was left as it is. Unlock it, or move it away only if you are sure its database is no longer needed.`,
    wrongPassphrase: 'The passphrase is wrong. Nothing was changed.',
    noSlotWithId: (slotId: string) => `This keystore has no slot with id ${slotId}. Nothing was changed.`,
    onlySlotLeft: 'That is the only way left to open this keystore, so it cannot be removed. Add another slot first. Nothing was changed.',
    needsASlot: 'A keystore needs at least one slot to open it. Nothing was changed.',
    notJson: (path: string) => `The keystore ${path} is damaged (not valid JSON). Restore it from a backup; the database cannot be opened without it.`,
    unknownVersion: (path: string, version: string) =>
      `The keystore ${path} has version ${version}, which this version of One Stop Queue does not understand. Update the app.`,
    /** `issues` are the file's first problems as the schema check words them, for IT. */
    damaged: (path: string, issues: string) =>
      `The keystore ${path} is damaged (${issues}). Restore it from a backup; the database cannot be opened without it.`,
    missing: (path: string) =>
      `No keystore at ${path}: the file does not exist. It must sit beside the database; restore it from a backup or point the app at the right folder.`,
    unreadable: (path: string, code: string | undefined) =>
      `No keystore at ${path}: the file cannot be read (${code ?? unknownError}). Check that this account may read it.`,
    refusedToWrite: (path: string, issues: string) => `Refusing to write an invalid keystore to ${path} (${issues}).`,
    keyFileExists: (path: string) =>
      `A file already exists at ${path}; it was left as it is. Choose another path, or move the old file away if you are sure nothing needs it.`,
    keyFileMissing: (path: string) => `No usable key file at ${path}: it does not exist.`,
    keyFileUnreadable: (path: string, code: string | undefined) => `No usable key file at ${path}: it cannot be read (${code ?? unknownError}).`,
    keyFileNotRegular: (path: string) => `The key file ${path} is not a regular file.`,
    keyFileReadableByOthers: (path: string) => `The key file ${path} can be read by other users; run chmod 600 ${path} and try again.`,
    notAKeyFile: (path: string) => `The file ${path} is not a One Stop Queue key file (expected 64 hexadecimal characters).`,
    wrongKeyFile: 'This key file does not open the keystore. Nothing was changed.',
    safeStorageFailed:
      "This computer's account could not unlock the keystore (the Windows profile or OS keyring may have changed). Unlock with the recovery passphrase instead.",
  },

  database: {
    alreadyOpenBy: (owner: { program: string; pid: number; host: string; since: string }) =>
      `This store is already open by ${owner.program} (process ${owner.pid} on ${owner.host}, since ${owner.since}). Close it there first.`,
    alreadyOpen: 'This store is already open by another program. Close it there first.',
    stillInUse: 'Another connection is still using the database. Close it and try again.',
    cannotLeaveWal: 'The database could not leave WAL mode. Close every other program using it and try again.',
    newKeyDoesNotOpen: 'The database did not open with its new key after the rekey.',
    rekeyUnfinished: (why: string | undefined) =>
      `The database was rekeyed but the new keystore could not be put in place (${why ?? unknownError}). Run the command again with the same passphrase or key file to finish.`,
    neitherKeyOpens: (file: string) =>
      `A change of key was interrupted and neither the old nor the new key opens ${file}. Nothing more was changed; restore the folder from a backup.`,
    missing: (file: string) => `No database at ${file}. Nothing was created.`,
    wrongKeyLength: 'The database key has the wrong length.',
    damaged: (file: string) =>
      `The database file ${file} is damaged or does not belong to this keystore. Nothing was changed; restore it from a backup.`,
    newerVersion: (version: number, latest: number) =>
      `The database was written by a newer version of One Stop Queue (schema ${version}; this version knows ${latest}). Install the newer version; nothing was changed.`,
    migrationFailed: (from: number) => `Upgrading the database failed; it was left at schema ${from}.`,
  },

  /** Resetting a forgotten manager's PIN with the site passphrase (one-stop-queue reset-manager-pin). */
  managerRecovery: {
    invalidPin: 'A PIN is 4 to 8 digits. Nothing was changed.',
    noManager: 'This site has no manager yet: finish the first-run setup instead. Nothing was changed.',
    noSuchManager: 'There is no member of staff with that name. Use the name shown on the sign-in screen. Nothing was changed.',
    notAManager: 'That member of staff is not a manager; a manager can reset their PIN once signed in. Nothing was changed.',
    chooseManager: (count: number) =>
      `This site has ${String(count)} active managers: say whose PIN to reset with --manager and their name as shown on the sign-in screen. Nothing was changed.`,
    inactiveManager:
      'That manager has been deactivated and another manager is still active: that manager can re-activate them. Nothing was changed.',
  },
};

export type StoreText = typeof storeText;
