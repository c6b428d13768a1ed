import type { BlockedProblem, UnlockErrorCode } from '../../shared/unlock-bridge.js';

/**
 * Every word of the desktop app's first-key and unlock page, in UK English (CONVENTIONS.md,
 * "Words on screen"). A Welsh catalogue is another object of this shape.
 */
export const unlockText = {
  appName: 'One Stop Queue',
  pageTitle: (screen: string): string => `${screen} – One Stop Queue`,
  working: 'Working… this takes a moment.',
  opening: 'Opening One Stop Queue…',
  notInApp: 'This page works only inside the One Stop Queue desktop app.',
  passphrase: 'Passphrase',
  passphraseAgain: 'Type the passphrase again',
  passphraseHint: 'At least 12 characters. A short sentence is easy to remember and hard to guess.',
  passphrasesDiffer: 'The two passphrases are not the same. Type them again.',
  passphraseMissing: 'Type the passphrase.',
  quit: 'Quit',

  firstRun: {
    title: 'Protect this site’s records',
    intro:
      'One Stop Queue keeps visitors’ names, addresses and reasons for visiting encrypted on this computer. Choose how the encryption key is protected.',
    systemIntro:
      'Recommended: this computer’s user account protects the key, so the app opens without a passphrase when this account signs in.',
    useSystem: 'Protect with this computer’s account',
    orPassphrase: 'Or protect the key with a site passphrase instead. Anyone opening the app will need to type it.',
    noSystem:
      'This computer has no secure key store for the app (on Linux: no keyring), so the key is protected with a site passphrase. Anyone opening the app will need to type it. Keep it somewhere safe: without it the records cannot be opened.',
    create: 'Protect with this passphrase',
  },

  recovery: {
    title: 'Set a recovery passphrase',
    intro:
      'If this computer’s account is ever lost (a new Windows profile, a rebuilt PC), the records can be opened only with a recovery passphrase. It also resets a forgotten manager PIN. Write it down and keep it somewhere safe, away from this computer.',
    set: 'Set recovery passphrase',
    skip: 'Not now',
    skipHint: 'A manager can set it later under Settings.',
  },

  unlock: {
    title: 'Open the records',
    passphraseOnly: 'Type the site passphrase to open this site’s records.',
    systemFailed:
      'This computer’s account could not open the records: the Windows profile or the keyring may have changed. Type the recovery passphrase to open them. Nothing has been changed.',
    submit: 'Open',
  },

  blocked: {
    title: 'The records cannot be opened',
    nothingChanged: 'Nothing has been changed or deleted. Do not delete any files: ask IT, and show them this screen.',
    detailLabel: 'Details for IT',
    retry: 'Try again',
    problems: {
      'key-unwrap-failed':
        'This computer’s account can no longer unlock the records, and no recovery passphrase was set. IT can restore the Windows profile or the keystore from a backup.',
      'keystore-missing': 'The records’ keystore file is missing. IT can restore it from a backup.',
      'keystore-damaged': 'The records’ keystore file is damaged. IT can restore it from a backup.',
      'database-damaged': 'The records’ database is missing or damaged, or does not belong to this keystore. IT can restore it from a backup.',
      'newer-version': 'The records were last opened by a newer version of One Stop Queue. Install that version.',
      'already-open': 'The records are already open in another One Stop Queue program. Close it there, then try again.',
      'native-module-missing': 'A part of the app is missing (the database module built for the desktop app). Reinstall the app, or run “npm start” again.',
      'unsupported-slot': 'These records are protected in a way the desktop app cannot open (a key file). Open them with the one-stop-queue program instead.',
      failed: 'Something went wrong while opening the records.',
    } satisfies Record<BlockedProblem, string>,
  },

  errors: {
    'wrong-passphrase': 'That passphrase is wrong. Check it and type it again.',
    'weak-passphrase': 'A passphrase needs at least 12 characters.',
    'wrong-step': 'That step is already done. The screen has been refreshed.',
    failed: 'Something went wrong. Nothing was changed.',
  } satisfies Record<UnlockErrorCode, string>,
};

export type UnlockText = typeof unlockText;
