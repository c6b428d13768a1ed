import type Database from 'better-sqlite3-multiple-ciphers';

export interface Migration {
  version: number;
  name: string;
  /** SQL run inside the one transaction that takes the store to `version`. */
  up: string;
  /**
   * Work SQL cannot say (Unicode normalisation of existing rows), run after `up` in the same
   * transaction. Like `up`, written out in the migration's own file so it means the same forever.
   */
  finish?: (db: Database.Database) => void;
}
