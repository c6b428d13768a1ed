/**
 * `npm run test:mutation [-- group…] [--incremental]`: runs Stryker once per group of critical
 * files (test/mutation/groups.ts), each against its own vitest config, then prints each file's
 * mutation score and the mutants that survived. Exits non-zero when a file is below the
 * threshold or a group could not run. Not part of `npm test`: a full run takes tens of minutes.
 *
 * Concurrency stays at 1 unless STRYKER_CONCURRENCY says otherwise (the machines have 2 cores,
 * shared). `--incremental` reuses the previous run's results for unchanged code and tests
 * (reports/mutation/<group>.incremental.json), for quick rounds while writing tests.
 */
import { Stryker } from '@stryker-mutator/core';
import { groups, isGroupName, threshold, type Equivalent, type GroupName } from './groups.js';

type MutantResult = Awaited<ReturnType<Stryker['runMutationTest']>>[number];
type LogLevel = NonNullable<ConstructorParameters<typeof Stryker>[0]['logLevel']>;

interface FileScore {
  group: GroupName;
  file: string;
  killed: number;
  total: number;
  survivors: MutantResult[];
}

const args = process.argv.slice(2);
const incremental = args.includes('--incremental');
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

function percent(s: FileScore): number {
  return s.total === 0 ? 100 : (100 * s.killed) / s.total;
}

function isNamed(s: FileScore, m: MutantResult): boolean {
  const at = `${s.file}:${m.location.start.line}`;
  return groups[s.group].equivalent.some((e: Equivalent) => e.at === at && e.mutator === m.mutatorName);
}

const started = Date.now();
const scores: FileScore[] = [];
const failedGroups: string[] = [];
for (const name of chosen) {
  const groupStarted = Date.now();
  console.warn(`\n── mutation group ${name}: ${groups[name].mutate.join(', ')}`);
  try {
    const groupScores = scoreFiles(name, await runGroup(name));
    scores.push(...groupScores);
    console.warn(`── ${name} done in ${Math.round((Date.now() - groupStarted) / 1000)} s`);
  } catch (error) {
    failedGroups.push(name);
    console.error(`── ${name} could not run:`, error);
  }
}

const lines: string[] = ['', 'Survivors (file:line mutator → replacement):'];
for (const s of scores) {
  for (const m of s.survivors) {
    const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 70);
    lines.push(`  ${s.file}:${m.location.start.line}  ${m.mutatorName} (${m.status}) → ${replacement}${isNamed(s, m) ? '  [named equivalent]' : '  [NOT NAMED]'}`);
  }
}
const width = Math.max(...scores.map((s) => s.file.length), 4);
lines.push('', `${'file'.padEnd(width)}  killed/total   score`);
for (const s of scores) {
  const mark = percent(s) >= threshold ? '' : `  < ${threshold} %`;
  lines.push(`${s.file.padEnd(width)}  ${`${s.killed}/${s.total}`.padStart(12)}  ${percent(s).toFixed(1).padStart(5)} %${mark}`);
}
const killed = scores.reduce((n, s) => n + s.killed, 0);
const total = scores.reduce((n, s) => n + s.total, 0);
lines.push(`${'all'.padEnd(width)}  ${`${killed}/${total}`.padStart(12)}  ${(total === 0 ? 100 : (100 * killed) / total).toFixed(1).padStart(5)} %`);
lines.push(`(${Math.round((Date.now() - started) / 1000)} s, concurrency ${concurrency}${incremental ? ', incremental' : ''})`);
process.stdout.write(`${lines.join('\n')}\n`);

const below = scores.filter((s) => percent(s) < threshold);
if (failedGroups.length > 0) console.error(`Groups that did not run: ${failedGroups.join(', ')}`);
if (below.length > 0) console.error(`Below ${threshold} %: ${below.map((s) => s.file).join(', ')}`);
process.exitCode = failedGroups.length > 0 || below.length > 0 ? 1 : 0;
