import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The figures `npm run bench -- --json` promises; their values are judged by the full run, not here. */
const keys = [
  'issueTicketP99Ms',
  'callNextP99Ms',
  'openAndPurgeMs',
  'catchUpPurgeMs',
  'liveStatsMs',
  'historyStatsMs',
  'encryptedOverPlain',
  'unlockPassphraseMs',
  'callToDisplayMs',
  'callToDisplayMaxOf20Ms',
  'commitFloorMs',
  'issueOverFloor',
  'httpOverCoreIssue',
  'placeInLineAt50Us',
  'placeInLineAt500Us',
  'nextWaitingAt50Us',
  'nextWaitingAt500Us',
  'siteDayCallsPerSec',
  'siteDayP99Ms',
  'walPeakMiB',
  'serveFirstAnswerMs',
  'waitEstimateMaeMin',
] as const;

describe('the benchmark', () => {
  it('still runs in quick mode and prints every figure as one JSON object on its last line', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'test/bench/bench.ts', '--quick', '--json'], {
      cwd: root,
      maxBuffer: 4 * 1024 * 1024,
    });
    const lines = stdout.trim().split('\n');
    const figures = JSON.parse(lines[lines.length - 1]!) as Record<string, unknown>;
    for (const key of keys) {
      expect(typeof figures[key], key).toBe('number');
      expect(Number.isFinite(figures[key]), key).toBe(true);
    }
    expect(lines.length).toBeGreaterThan(keys.length);
  });
});
