/**
 * `npm run test:mutation [-- group…] [--incremental] [--no-hand | --hand-only]`: runs Stryker once
 * per group of critical files (test/mutation/groups.ts), each against its own vitest config, then
 * the hand-made mutants Stryker cannot make (test/mutation/hand-mutants.ts), and prints each
 * file's scores and every mutant that survived. Exits non-zero when a file's Stryker score is
 * below the threshold, a hand-made mutant survives or goes stale, or a group could not run.
 * Not part of `npm test`: a full run takes the best part of an hour on a shared 2-core machine.
 *
 * Concurrency stays at 1 unless STRYKER_CONCURRENCY says otherwise (the machines have 2 cores,
 * shared). `--incremental` reuses the previous run's results for unchanged code and tests
 * (reports/mutation/<group>.incremental.json), for quick rounds while writing tests.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Stryker } from '@stryker-mutator/core';
import { groups, isGroupName, threshold, type Equivalent, type GroupName } from './groups.js';
import { handMutants, type HandMutant } from './hand-mutants.js';

type MutantResult = Awaited<ReturnType<Stryker['runMutationTest']>>[number];
type LogLevel = NonNullable<ConstructorParameters<typeof Stryker>[0]['logLevel']>;

interface FileScore {
  group: GroupName;
  file: string;
  killed: number;
  total: number;
  survivors: MutantResult[];
}

const root = process.cwd();
const args = process.argv.slice(2);
const incremental = args.includes('--incremental');
const runStryker = !args.includes('--hand-only');
const runHand = !args.includes('--no-hand');
const asked = args.filter((a) => !a.startsWith('--'));
const unknown = asked.filter((a) => !isGroupName(a));
if (unknown.length > 0) {
  console.error(`No such mutation group: ${unknown.join(', ')}. Groups: ${Object.keys(groups).join(', ')}`);
  process.exit(2);
}
const chosen = (asked.length > 0 ? asked : Object.keys(groups)) as GroupName[];
const concurrency = Number(process.env.STRYKER_CONCURRENCY ?? 1);

const detected = new Set(['Killed', 'Timeout']);
const undetected = new Set(['Survived', 'NoCoverage']);

async function runGroup(name: GroupName): Promise<MutantResult[]> {
  const group = groups[name];
  return new Stryker({
    testRunner: 'vitest',
    vitest: { configFile: `test/mutation/vitest.${name}.config.ts`, related: false },
    mutate: group.mutate,
    coverageAnalysis: 'perTest',
    concurrency,
    // Generous: on a busy shared machine a slow test is not a hung mutant, and a timeout counts as killed.
    timeoutMS: 30_000,
    reporters: ['progress', 'html', 'json'],
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    incremental,
    incrementalFile: `reports/mutation/${name}.incremental.json`,
    tempDirName: '.stryker-tmp',
    cleanTempDir: 'always',
    ignorePatterns: ['/out', '/dist', '/test-results', '/playwright-report', '/.tsbuild', '/reports'],
    thresholds: { high: 95, low: threshold, break: null },
    // The progress bar and the table below say enough; Stryker's own log only for trouble.
    logLevel: 'warn' as LogLevel,
  }).runMutationTest();
}

function scoreFiles(name: GroupName, results: MutantResult[]): FileScore[] {
  return groups[name].mutate.map((file) => {
    const mine = results.filter((r) => r.fileName.endsWith(file));
    const killed = mine.filter((r) => detected.has(r.status)).length;
    const survivors = mine.filter((r) => undetected.has(r.status)).sort((a, b) => a.location.start.line - b.location.start.line);
    return { group: name, file, killed, total: killed + survivors.length, survivors };
  });
}

function percent(killed: number, total: number): number {
  return total === 0 ? 100 : (100 * killed) / total;
}

const sourceLines = new Map<string, string[]>();
function lineOf(file: string, line: number): string {
  if (!sourceLines.has(file)) sourceLines.set(file, fs.readFileSync(path.join(root, file), 'utf8').split('\n'));
  return sourceLines.get(file)![line - 1] ?? '';
}

/** The equivalent a survivor is named as, matched by file, mutator and the text of its line. */
function namedAs(s: FileScore, m: MutantResult): Equivalent | undefined {
  const text = lineOf(s.file, m.location.start.line);
  return groups[s.group].equivalent.find((e: Equivalent) => e.at.startsWith(`${s.file}:`) && e.mutator === m.mutatorName && text.includes(e.code));
}

/**
 * A copy of the working tree outside it (node_modules linked), where each hand-made mutant is
 * written in turn: the files other people are editing are never touched.
 */
function handSandbox(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'osq-hand-mutants-'));
  const skip = new Set(['node_modules', '.git', '.stryker-tmp', 'reports', 'out', 'dist', 'test-results', 'playwright-report', '.tsbuild']);
  for (const entry of fs.readdirSync(root)) {
    if (!skip.has(entry)) fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs test files in the sandbox, stopping at the first failure; the names of the tests that failed. */
function vitest(dir: string, tests: string[]): { passed: boolean; failed: string[] } {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--bail', '1', ...tests], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  const failed = run.stdout
    .split('\n')
    .filter((l) => /^\s*(×|FAIL)/.test(l))
    .map((l) => l.trim());
  return { passed: run.status === 0, failed };
}

interface HandResult {
  mutant: HandMutant;
  outcome: 'killed' | 'survived' | 'stale' | 'not-run';
  by?: string;
}

function runHandMutants(files: Set<string>): HandResult[] {
  const mutants = handMutants.filter((m) => files.has(m.file));
  if (mutants.length === 0) return [];
  const dir = handSandbox();
  const results: HandResult[] = [];
  try {
    // The tests must pass unmutated, or a "killed" mutant would prove nothing.
    const baseline = new Map<string, boolean>();
    for (const tests of new Set(mutants.map((m) => m.tests.join(' ')))) {
      const run = vitest(dir, tests.split(' '));
      baseline.set(tests, run.passed);
      if (!run.passed) console.error(`Hand mutants: ${tests} fails unmutated (${run.failed.join('; ')}); its mutants are not run.`);
    }
    for (const [i, mutant] of mutants.entries()) {
      const target = path.join(dir, mutant.file);
      const original = fs.readFileSync(target, 'utf8');
      const found = original.split(mutant.find).length - 1;
      if (found !== 1) {
        results.push({ mutant, outcome: 'stale' });
        continue;
      }
      if (!baseline.get(mutant.tests.join(' '))) {
        results.push({ mutant, outcome: 'not-run' });
        continue;
      }
      fs.writeFileSync(target, original.replace(mutant.find, () => mutant.replace));
      try {
        const run = vitest(dir, mutant.tests);
        results.push(run.passed ? { mutant, outcome: 'survived' } : { mutant, outcome: 'killed', by: run.failed.find((l) => l.startsWith('×')) ?? run.failed[0] });
      } finally {
        fs.writeFileSync(target, original);
      }
      process.stderr.write(`\rHand mutants: ${i + 1}/${mutants.length}`);
    }
    process.stderr.write('\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const started = Date.now();
const scores: FileScore[] = [];
const failedGroups: string[] = [];
if (runStryker) {
  for (const name of chosen) {
    const groupStarted = Date.now();
    console.warn(`\n── mutation group ${name}: ${groups[name].mutate.join(', ')}`);
    try {
      scores.push(...scoreFiles(name, await runGroup(name)));
      console.warn(`── ${name} done in ${Math.round((Date.now() - groupStarted) / 1000)} s`);
    } catch (error) {
      failedGroups.push(name);
      console.error(`── ${name} could not run:`, error);
    }
  }
}
let hand: HandResult[] = [];
if (runHand) {
  const handStarted = Date.now();
  console.warn('\n── hand-made mutants (what Stryker cannot mutate)');
  hand = runHandMutants(new Set(chosen.flatMap((name) => groups[name].mutate)));
  console.warn(`── hand-made mutants done in ${Math.round((Date.now() - handStarted) / 1000)} s`);
}

const lines: string[] = [];
if (runStryker) {
  lines.push('', 'Stryker survivors (file:line mutator → replacement):');
  for (const s of scores) {
    for (const m of s.survivors) {
      const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 70);
      const named = namedAs(s, m);
      const note = named === undefined ? 'NOT NAMED' : named.at === `${s.file}:${m.location.start.line}` ? 'named equivalent' : `named equivalent at ${named.at}`;
      lines.push(`  ${s.file}:${m.location.start.line}  ${m.mutatorName} (${m.status}) → ${replacement}  [${note}]`);
    }
  }
}
const handProblems = hand.filter((h) => h.outcome !== 'killed');
if (runHand) {
  lines.push('', `Hand-made mutants: ${hand.length - handProblems.length} of ${hand.length} killed`);
  for (const h of handProblems) lines.push(`  ${h.outcome.toUpperCase()}  ${h.mutant.file}: ${h.mutant.find.trim().slice(0, 60)} → ${h.mutant.replace.trim().slice(0, 40)} (${h.mutant.why})`);
}

const files = [...new Set([...scores.map((s) => s.file), ...hand.map((h) => h.mutant.file)])];
const width = Math.max(...files.map((f) => f.length), 4);
lines.push('', `${'file'.padEnd(width)}  ${'Stryker'.padStart(12)}   score   ${'by hand'.padStart(7)}`);
for (const file of files) {
  const s = scores.find((x) => x.file === file);
  const mine = hand.filter((h) => h.mutant.file === file);
  const stryker = s === undefined ? `${''.padStart(12)}        ` : `${`${s.killed}/${s.total}`.padStart(12)}  ${percent(s.killed, s.total).toFixed(1).padStart(5)} %`;
  const byHand = mine.length === 0 ? '' : `${mine.filter((h) => h.outcome === 'killed').length}/${mine.length}`.padStart(7);
  const mark = s !== undefined && percent(s.killed, s.total) < threshold ? `  < ${threshold} %` : '';
  lines.push(`${file.padEnd(width)}  ${stryker}   ${byHand}${mark}`);
}
if (runStryker) {
  const killed = scores.reduce((n, s) => n + s.killed, 0);
  const total = scores.reduce((n, s) => n + s.total, 0);
  lines.push(`${'all'.padEnd(width)}  ${`${killed}/${total}`.padStart(12)}  ${percent(killed, total).toFixed(1).padStart(5)} %   ${runHand ? `${hand.length - handProblems.length}/${hand.length}`.padStart(7) : ''}`);
}
lines.push(`(${Math.round((Date.now() - started) / 1000)} s, concurrency ${concurrency}${incremental ? ', incremental' : ''})`);
process.stdout.write(`${lines.join('\n')}\n`);

const below = scores.filter((s) => percent(s.killed, s.total) < threshold);
if (failedGroups.length > 0) console.error(`Groups that did not run: ${failedGroups.join(', ')}`);
if (below.length > 0) console.error(`Below ${threshold} %: ${below.map((s) => s.file).join(', ')}`);
if (handProblems.length > 0) console.error(`Hand-made mutants not killed: ${handProblems.length}`);
process.exitCode = failedGroups.length > 0 || below.length > 0 || handProblems.length > 0 ? 1 : 0;
