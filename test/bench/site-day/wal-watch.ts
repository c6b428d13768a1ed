import fs from 'node:fs';

/**
 * The largest the store's -wal file grew while watched: polled every `everyMs`, since a
 * checkpoint shrinks it again between any two looks a test could take at the end.
 */
export function watchWal(databaseFile: string, everyMs = 20): { stop(): number } {
  const wal = `${databaseFile}-wal`;
  let peak = 0;
  const look = () => {
    try {
      peak = Math.max(peak, fs.statSync(wal).size);
    } catch {
      // No -wal file at this moment (before the first write, or just after a truncating checkpoint).
    }
  };
  look();
  const timer = setInterval(look, everyMs);
  return {
    stop() {
      clearInterval(timer);
      look();
      return peak;
    },
  };
}
