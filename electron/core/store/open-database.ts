import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { storeText } from '../../../shared/i18n/catalogue.js';
import { StoreError } from './store-error.js';
import { latestVersion, migrations, schemaFunctions } from './migrations/index.js';
import { createPrivateFile, databaseSidecars, restrictToOwner } from './file-modes.js';

const t = storeText.database;

export type Db = Database.Database;

/** The raw 256-bit key from the keystore. Plaintext exists for tests and the benchmark only. */
export type DatabaseKey = { kind: 'key'; key: Buffer } | { kind: 'unencrypted-for-tests' };

export interface OpenDatabaseOptions {
  file: string;
  key: DatabaseKey;
  /** Create the file when it is missing (first run only). */
  create: boolean;
  /** The Electron build of the native module (kept apart from Node's; see docs/contributing.md). */
  nativeBinding?: string | undefined;
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Opens, keys, verifies and migrates. Nothing is written until the key is proven by a read and
 * the schema version is known, so a wrong key, a damaged file or one from a newer app version
 * leaves the file exactly as it was.
 */
export function openDatabase(options: OpenDatabaseOptions): Db {
  const exists = fs.existsSync(options.file);
  if (!exists && !options.create) {
    throw new StoreError('missing-database', t.missing(options.file));
  }
  // Owner-only from the first byte, whoever made the folder: SQLite would create the file 0644
  // (less the umask) and its -wal and -shm with the same mode. An older store's files are
  // narrowed here too, before SQLite opens them: it reuses a -wal or -shm left behind as it is.
  if (!exists) createPrivateFile(options.file);
  restrictToOwner([options.file, ...databaseSidecars(options.file)]);
  const db = new Database(options.file, { fileMustExist: !options.create, nativeBinding: options.nativeBinding });
  try {
    if (options.key.kind === 'key') {
      if (options.key.key.length !== 32) throw new StoreError('corrupt-database', t.wrongKeyLength);
      // Both cipher pragmas on every open (SQLite3MC docs): SQLCipher 4 format, raw key, no KDF.
      db.pragma(`cipher='sqlcipher'`);
      db.pragma('legacy=4');
      db.pragma(`key="x'${options.key.key.toString('hex')}'"`);
    }
    let version: number;
    try {
      db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
      version = db.pragma('user_version', { simple: true }) as number;
    } catch (error) {
      if (isNotADatabase(error)) {
        throw new StoreError('corrupt-database', t.damaged(options.file), { cause: error });
      }
      throw error;
    }
    if (version > latestVersion) {
      throw new StoreError('newer-version', t.newerVersion(version, latestVersion));
    }
    configure(db, version === 0);
    // Registered on every connection before anything can write: the schema's triggers call them.
    for (const [name, fn] of Object.entries(schemaFunctions)) {
      db.function(name, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fn(text) : null));
    }
    migrate(db, version);
    cacheStatements(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Every call prepares the same few dozen SQL texts; compiling them once saves about a tenth of a
 * ticket's time (the bench). Statements are re-prepared by SQLite itself after a schema change,
 * and no code here changes a statement's mode (`pluck`, `raw`), so sharing them is safe.
 */
function cacheStatements(db: Db): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  db.prepare = ((sql: string) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  }) as Db['prepare'];
}

function configure(db: Db, empty: boolean): void {
  // auto_vacuum must be chosen before the first table exists (https://sqlite.org/pragma.html#pragma_auto_vacuum).
  if (empty) db.pragma('auto_vacuum = INCREMENTAL');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Deleted visitor data is overwritten, not left in free pages (https://sqlite.org/pragma.html#pragma_secure_delete).
  db.pragma('secure_delete = ON');
  // Temporary tables stay in memory, never in an unencrypted temp file.
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  // A checkpoint inside a desk's commit made the slowest 1 % of tickets twice as slow (the bench):
  // the site checkpoints between batches of calls instead (Site.checkpointWhenDue) and every
  // minute (Site.tick). This is only a backstop, at about 16 MiB of -wal.
  db.pragma('wal_autocheckpoint = 4000');
  // When a checkpoint has copied every frame back, the next commit starts the -wal over and trims
  // the file to this size, so a busy hour's high-water mark does not stay on disk.
  db.pragma(`journal_size_limit = ${4 * 1024 * 1024}`);
}

function migrate(db: Db, from: number): void {
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return;
  const run = db.transaction(() => {
    for (const migration of pending) {
      db.exec(migration.up);
      migration.finish?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  });
  try {
    run.immediate();
  } catch (error) {
    throw new StoreError('migration-failed', t.migrationFailed(from), { cause: error });
  }
}
