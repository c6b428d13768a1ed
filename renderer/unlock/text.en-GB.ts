import type { BlockedProblem, UnlockErrorCode } from '../../shared/unlock-bridge.js';

/**
 * Every word of the desktop app's first-key and unlock page, in UK English (docs/contributing.md,
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
  back: 'Back',

  chooseRole: {
    title: 'Set up this PC',
    intro:
      'One PC at the site keeps the visitors’ records, encrypted: the hub. Every other PC joins it as a desk PC and keeps no records of its own.',
    hub: 'This PC is the site’s hub',
    hubHint: 'For the first PC at the site, usually at reception. The records will be kept on this PC.',
    join: 'Join a site as a desk PC',
    joinHint: 'When the hub PC is already set up. You need its address and a pairing code from a manager.',
  },

  join: {
    title: 'Join a site',
    intro:
      'On the hub PC, a manager makes a pairing code under Settings → Desk PCs on the network. A code works once, for ten minutes.',
    address: 'Hub PC’s address',
    addressHint: 'Its name or IP address, for example hub-pc or 192.168.1.20. Add :port only if it is not 4781.',
    addressFixed: 'Set by your IT department for this PC.',
    addressMissing: 'Type the hub PC’s address.',
    code: 'Pairing code',
    codeHint: '20 letters and digits, for example 7KQ4-9XMP-2C3D-8F1A-QW7R. Dashes and spaces do not matter.',
    codeMissing: 'Type the pairing code.',
    label: 'Name for this PC',
    labelHint: 'How managers will see this PC in the hub’s list, for example Desk 3 or Reception 2.',
    submit: 'Join the site',
    working: 'Checking the hub and pairing… this takes a moment.',
  },

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
      'desk-link-damaged':
        'This PC has joined a site, but its link to the hub (desk-link.json) cannot be read: the Windows account may have changed, or the file is damaged. IT can delete that file (shown below), then join the site again with a new pairing code.',
      'it-config-invalid':
        'The settings file your IT department put on this PC has a mistake, so the app goes no further and nothing was changed. The details below name the file and the setting; IT corrects or removes it, then chooses Try again.',
      failed: 'Something went wrong while opening the records.',
    } satisfies Record<BlockedProblem, string>,
  },

  errors: {
    'wrong-passphrase': 'That passphrase is wrong. Check it and type it again.',
    'weak-passphrase': 'A passphrase needs at least 12 characters.',
    'wrong-step': 'That step is already done. The screen has been refreshed.',
    failed: 'Something went wrong. Nothing was changed.',
    'bad-address': 'That is not an address. Type the hub PC’s name or IP address, for example hub-pc or 192.168.1.20.',
    'bad-code': 'That is not a pairing code. A code is 20 letters and digits, for example 7KQ4-9XMP-2C3D-8F1A-QW7R.',
    'hub-unreachable':
      'No hub answered at that address. Check the address, and that the hub PC is on with One Stop Queue open, then try again.',
    'hub-certificate':
      'The PC at that address is not the hub this code was made on, so nothing was sent to it. Check the address and the code; if both are right, tell IT.',
    'pairing-refused': 'The hub refused that code: it is wrong, already used or more than ten minutes old. Ask a manager on the hub PC for a new one.',
    'lan-off': 'The hub has LAN access turned off. A manager turns it on in Settings, under Desk PCs on the network.',
    'update-desk': 'This desk PC has an older version of One Stop Queue than the hub. Update this desk PC, then join again.',
    'update-hub': 'The hub PC has an older version of One Stop Queue than this desk PC. Update the hub PC, then join again.',
  } satisfies Record<UnlockErrorCode, string>,
};

export type UnlockText = typeof unlockText;
