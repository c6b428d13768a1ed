import path from 'node:path';
import { rekeyStore, type SettledRekey, type SlotKind, type SlotSummary } from '../core/index.js';
import { defineStoreCommand, say } from './command-line.js';
import { envNames, unlockFromOptions } from './credentials.js';
import { exitCodes } from './exit-codes.js';

const text = {
  program: 'one-stop-queue rekey',
  summary: 'Replace the key that encrypts a store, for when it may have been exposed.',
  help: `Usage: one-stop-queue rekey --data-dir DIR [--key-file PATH]

Re-encrypts the store with a new random key, for when the old one may have been exposed.
The store must not be open anywhere else while this runs.

The passphrase or key file you open it with is kept, now wrapping the new key. Every other
way of opening the store (other passphrases, other key files, the desktop app's slot for
this computer's account) held the old key and is dropped.

Options:
  --data-dir DIR     The store's folder (required).
  --key-file PATH    Open the store with this key file instead of the site passphrase.
  -h, --help         Show this help.

The site passphrase comes from ${envNames.passphrase}, or is asked for on the terminal.`,
  kinds: { passphrase: 'passphrase', 'key-file': 'key file', 'safe-storage': "this computer's account" } satisfies Record<SlotKind, string>,
  done: 'The store has a new key.',
  kept: (slot: SlotSummary, kind: string) => `It opens with the same ${kind} as before ("${slot.label}").`,
  droppedNone: 'No other slot was dropped.',
  dropped: (list: string) => `Dropped, because they held the old key: ${list}.`,
  droppedSafeStorage:
    "The desktop app re-creates its slot for this computer's account on its next start, after asking once for the passphrase or key file.",
  droppedPassphrase: 'A manager can set the recovery passphrase again on the manager screen.',
  interrupted: {
    finished: 'An earlier change of key had been interrupted after the database changed; it has now been finished.',
    undone: 'An earlier change of key had been interrupted before the database changed; it was undone and the old key still applies.',
  } satisfies Record<SettledRekey, string>,
} as const;

/** How a command tells that the store's entrance settled a rekey a crash had interrupted. */
export function tellSettled(tell: (line: string) => void): (outcome: SettledRekey) => void {
  return (outcome) => tell(text.interrupted[outcome]);
}

export const rekeyCommand = defineStoreCommand({
  name: 'rekey',
  words: text,
  options: { 'key-file': { type: 'string' } },
  async run(dataDir, values) {
    const keyFile = values['key-file'] === undefined ? undefined : path.resolve(values['key-file']);
    const unlock = await unlockFromOptions({ keyFile });
    // Keeps the slot that opened the store, under its own label; drops the others.
    const { opening, replaced } = await rekeyStore({ dataDir, unlock, program: text.program, onSettled: tellSettled(say) });

    const dropped = replaced.filter((slot) => slot.id !== opening.id);
    say(text.done);
    say(text.kept(opening, text.kinds[opening.kind]));
    if (dropped.length === 0) say(text.droppedNone);
    else {
      say(text.dropped(dropped.map((slot) => `${text.kinds[slot.kind]} "${slot.label}"`).join(', ')));
      if (dropped.some((slot) => slot.kind === 'safe-storage')) say(text.droppedSafeStorage);
      if (dropped.some((slot) => slot.kind === 'passphrase')) say(text.droppedPassphrase);
    }
    return exitCodes.ok;
  },
});
