import fs from 'node:fs';
import path from 'node:path';
import { exportSite, importSite, parseSiteFile, SiteFileError, storePaths, systemClock, withStore } from '../core/index.js';
import { CliFailure } from './cli-failure.js';
import { cliText } from './cli-text.js';
import { defineStoreCommand, say, warn } from './command-line.js';
import { unlockFromOptions } from './credentials.js';
import { exitCodes } from './exit-codes.js';
import { tellSettled } from './rekey-command.js';

const exportText = cliText.exportSite;
const importText = cliText.importSite;

function keyFileOf(values: { 'key-file'?: string | undefined }): string | undefined {
  return values['key-file'] === undefined ? undefined : path.resolve(values['key-file']);
}

/**
 * Written whole or not at all: a temp file beside it (owner-only), then moved into place. Without
 * `force` it is linked into place, which fails if the name exists — even one made a moment ago,
 * after the first check — so an existing file is never replaced.
 */
function writeAtomically(file: string, text: string, force: boolean): void {
  const temp = `${file}.${String(process.pid)}.partial`;
  try {
    fs.writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    if (force) {
      fs.renameSync(temp, file);
      return;
    }
    try {
      fs.linkSync(temp, file);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'EEXIST') throw new CliFailure(exitCodes.refused, exportText.exists(file));
      throw error;
    }
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

function sentence(message: string): string {
  return message.endsWith('.') ? message : `${message}.`;
}

function removeNewStore(dataDir: string): void {
  const paths = storePaths(dataDir);
  for (const file of [paths.database, `${paths.database}-wal`, `${paths.database}-shm`, paths.keystore, paths.lock]) fs.rmSync(file, { force: true });
  try {
    fs.rmdirSync(dataDir);
  } catch {
    // Not empty (or not ours to remove): left as it is.
  }
}

export const exportSiteCommand = defineStoreCommand({
  name: 'export-site',
  words: exportText,
  options: { out: { type: 'string' }, force: { type: 'boolean' }, 'key-file': { type: 'string' } },
  async run(dataDir, values) {
    if (values.out === undefined || values.out === '') throw new CliFailure(exitCodes.usage, exportText.needsOut);
    const out = path.resolve(values.out);
    if (values.force !== true && fs.existsSync(out)) throw new CliFailure(exitCodes.refused, exportText.exists(out));
    // Asked before the passphrase: a folder that is not there would fail only after the store was read.
    if (!fs.statSync(path.dirname(out), { throwIfNoEntry: false })?.isDirectory()) throw new CliFailure(exitCodes.usage, exportText.noFolder(path.dirname(out)));
    const unlock = await unlockFromOptions({ keyFile: keyFileOf(values) });
    let file;
    try {
      // Written while the store is still open, so that only a file that was written is audited.
      file = await withStore(
        dataDir,
        unlock,
        (store) => exportSite(store.db, systemClock.now(), (site) => writeAtomically(out, `${JSON.stringify(site, null, 1)}\n`, values.force === true)),
        { program: exportText.program, onSettled: tellSettled(warn) },
      );
    } catch (error) {
      if (error instanceof SiteFileError) throw new CliFailure(exitCodes.refused, exportText.refused(error.message));
      throw error;
    }
    const days = new Set(file.tables.daily_totals.filter((row) => row.grouping === 'day').map((row) => row.day)).size;
    say(exportText.done(out, file.tables.staff.length, days));
    return exitCodes.ok;
  },
});

export const importSiteCommand = defineStoreCommand({
  name: 'import-site',
  words: importText,
  options: { file: { type: 'string' }, 'key-file': { type: 'string' } },
  positional: 'file',
  async run(dataDir, values) {
    if (values.file === undefined || values.file === '') throw new CliFailure(exitCodes.usage, importText.needsFile);
    const source = path.resolve(values.file);
    let text: string;
    try {
      text = fs.readFileSync(source, 'utf8');
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new CliFailure(exitCodes.usage, importText.unreadable(source, typeof code === 'string' ? code : 'unreadable'));
    }
    // Checked whole before any store is opened or made: a wrong file is named at once, asking for nothing.
    try {
      parseSiteFile(text);
    } catch (error) {
      if (error instanceof SiteFileError) throw new CliFailure(exitCodes.refused, importText.refused(sentence(error.message)));
      throw error;
    }
    const paths = storePaths(dataDir);
    const create = !fs.existsSync(paths.keystore) && !fs.existsSync(paths.database);
    const unlock = await unlockFromOptions({ keyFile: keyFileOf(values), choosing: create });
    try {
      const imported = await withStore(dataDir, unlock, (store) => importSite(store.db, text, systemClock.now()), { program: importText.program, create, onSettled: tellSettled(warn) });
      say(importText.done(imported.siteName, imported.staff, imported.managers));
      return exitCodes.ok;
    } catch (error) {
      if (error instanceof SiteFileError) {
        // A store made just now for a file that was refused would only confuse: its files go
        // again, and the folder too if it was left empty (never anything else in it).
        if (create) removeNewStore(dataDir);
        throw new CliFailure(exitCodes.refused, importText.refused(sentence(error.message)));
      }
      throw error;
    }
  },
});
