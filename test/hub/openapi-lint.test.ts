import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openApiPath } from '../../shared/hub-protocol.js';
import { request, startTestHub } from '../fixtures/hub-fixtures.js';
import { tempDir } from '../fixtures/temp-site.js';

const run = promisify(execFile);
const redoclyCli = path.join(path.dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');

interface LintReport {
  totals: { errors: number; warnings: number; ignored: number };
  version: string;
  problems: Array<{ ruleId: string; severity: string; message: string; location: Array<{ pointer?: string }> }>;
}

describe('the served openapi.json under @redocly/cli lint', () => {
  it('has no errors and no warnings with the recommended rules', async () => {
    const w = await startTestHub();
    const { dir, remove } = tempDir('osq-redocly-');
    try {
      const served = await request(w.url, openApiPath);
      expect(served.status).toBe(200);
      const file = path.join(dir, 'openapi.json');
      fs.writeFileSync(file, served.text);
      // Its own folder as the working directory, so no redocly.yaml but the built-in
      // `recommended` rules apply; no telemetry and no update check, so nothing leaves the machine.
      const { stdout } = await run(process.execPath, [redoclyCli, 'lint', file, '--format=json'], {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        timeout: 120_000,
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
      const report = JSON.parse(stdout) as LintReport;
      expect(report.version).toBe('2.77.0');
      const problems = report.problems.map((p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
      expect(problems).toEqual([]);
      expect(report.totals).toEqual({ errors: 0, warnings: 0, ignored: 0 });
    } finally {
      remove();
      await w.close();
    }
  });
});
