import path from 'node:path';
import { rekeyStore, type SettledRekey } from '../core/index.js';
import { cliText } from './cli-text.js';
import { defineStoreCommand, say } from './command-line.js';
import { unlockFromOptions } from './credentials.js';
import { exitCodes } from './exit-codes.js';

const text = cliText.rekey;

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
      say(text.dropped(dropped.map((slot) => text.droppedSlot(text.kinds[slot.kind], slot.label)).join(', ')));
      if (dropped.some((slot) => slot.kind === 'safe-storage')) say(text.droppedSafeStorage);
      if (dropped.some((slot) => slot.kind === 'passphrase')) say(text.droppedPassphrase);
    }
    return exitCodes.ok;
  },
});
