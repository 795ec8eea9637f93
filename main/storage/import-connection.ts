import { openDatabase, type Db } from './db';
import { migrate } from './migrations';

/**
 * The connection an import writes through: its own, so the whole import is one transaction that a cancel, a
 * failure or a kill rolls back, while the workspace's main connection keeps answering reads.
 */
export interface ImportConnection {
  db: Db;
  /** Takes the write lock now, so a concurrent writer fails at the start rather than at commit. */
  begin(): void;
  commit(): void;
  /** Rolls back if a transaction is open (safe to call twice). */
  rollback(): void;
  close(): void;
}

export function openImportConnection(dbPath: string): ImportConnection {
  const db = openDatabase(dbPath, { create: false });
  // A larger page cache keeps index pages of big imports in memory; it is released with the connection.
  db.pragma('cache_size = -32768');
  return wrap(db);
}

/** A throw-away in-memory workspace database with the current schema: previews import into it and read back. */
export function openScratchImportDb(): ImportConnection {
  const db = openDatabase(':memory:', { create: true });
  migrate(db, ':memory:');
  return wrap(db);
}

function wrap(db: Db): ImportConnection {
  return {
    db,
    begin: () => db.exec('BEGIN IMMEDIATE'),
    commit: () => db.exec('COMMIT'),
    rollback: () => { if (db.inTransaction) db.exec('ROLLBACK'); },
    close: () => db.close(),
  };
}
