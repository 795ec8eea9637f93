import { openDatabase, type Db } from './db';
import { migrate } from './migrations';

/**
 * The connection an import writes through, so that the whole import is one transaction that a cancel, a failure
 * or a kill rolls back. `journal` says how that transaction was journaled (see `begin`).
 */
export interface ImportConnection {
  db: Db;
  /**
   * Takes the write lock now, so a concurrent writer fails at the start rather than at commit. When no other
   * connection has the database open, the transaction runs under a rollback journal (`journal` = 'rollback');
   * otherwise in WAL.
   */
  begin(): void;
  commit(): void;
  /** Rolls back if a transaction is open (safe to call twice). */
  rollback(): void;
  /** Puts the database back in WAL; closes the connection unless it was borrowed. */
  close(): void;
  readonly journal: 'wal' | 'rollback' | 'none';
}

/** A larger page cache keeps index pages of big imports in memory (KiB, negative as SQLite wants it). */
const IMPORT_CACHE_KIB = -32768;

/**
 * A connection of the import's own, for processes that keep reading the workspace meanwhile (the app, `assay
 * serve`): their connection stays open, so the import always runs in WAL and readers carry on.
 */
export function openImportConnection(dbPath: string): ImportConnection {
  const db = openDatabase(dbPath, { create: false });
  db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  return wrap(db, () => db.close());
}

/**
 * The workspace's own connection, lent to the import by a process that does nothing else meanwhile (a CLI
 * command). Being the only connection in this process lets the import leave WAL when no other process has the
 * workspace open either. Everything the import changes on the connection is put back at close.
 */
export function borrowImportConnection(db: Db): ImportConnection {
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${IMPORT_CACHE_KIB}`);
  return wrap(db, () => db.pragma(`cache_size = ${cacheSize}`));
}

/** A throw-away in-memory workspace database with the current schema: previews import into it and read back. */
export function openScratchImportDb(): ImportConnection {
  const db = openDatabase(':memory:', { create: true });
  migrate(db, ':memory:');
  return wrap(db, () => db.close(), false);
}

function wrap(db: Db, release: () => void, mayLeaveWal = true): ImportConnection {
  let journal: ImportConnection['journal'] = mayLeaveWal ? 'wal' : 'none';
  return {
    db,
    get journal() {
      return journal;
    },
    begin() {
      if (mayLeaveWal && enterRollbackJournal(db)) journal = 'rollback';
      db.exec('BEGIN IMMEDIATE');
    },
    commit: () => db.exec('COMMIT'),
    rollback: () => { if (db.inTransaction) db.exec('ROLLBACK'); },
    close() {
      try {
        if (journal === 'rollback') leaveRollbackJournal(db);
      } catch (err) {
        // The import has committed or rolled back by now; a workspace left in rollback mode is consistent, and the
        // next open (db.ts) puts it back in WAL. Only SQLite's own refusals are let go.
        if (!(err as { code?: string }).code?.startsWith('SQLITE_')) throw err;
      } finally {
        release();
      }
    },
  };
}

/**
 * WAL writes every page of a big import twice: into the WAL during the transaction, then into the database file
 * at the checkpoint after commit (measured on 30,000 RAG records, 140 MB: commit plus checkpoint took 3-4x the
 * time of the same commit under a rollback journal, and the whole storage step ~40% more CPU). A rollback
 * journal writes new pages once, straight into the database file, and journals only the pages that existed
 * before, which a crash restores from the hot journal at the next open.
 *
 * SQLite leaves WAL only when no other connection, in this process or another, has the file open; it refuses at
 * once (SQLITE_BUSY) otherwise, and the import then stays in WAL. locking_mode=EXCLUSIVE takes the exclusive lock
 * with the switch, so no one opens the workspace between the switch and the transaction; a process opening it
 * during the import waits (busy_timeout) and is told the database is locked, as it would be behind any big
 * writer that spills its cache. synchronous=FULL: a rollback journal needs it to survive power loss.
 */
function enterRollbackJournal(db: Db): boolean {
  if (db.inTransaction) return false;
  db.pragma('locking_mode = EXCLUSIVE');
  let mode: string;
  try {
    mode = db.pragma('journal_mode = TRUNCATE', { simple: true }) as string;
  } catch (err) {
    // SQLITE_BUSY: another connection has the file open. Any other refusal also leaves the import in WAL, which
    // is always correct; a real I/O problem shows again at BEGIN.
    if (!(err as { code?: string }).code?.startsWith('SQLITE_')) throw err;
    mode = 'wal';
  }
  if (mode !== 'truncate') {
    restoreSharedWal(db);
    return false;
  }
  db.pragma('synchronous = FULL');
  return true;
}

function leaveRollbackJournal(db: Db): void {
  db.pragma('synchronous = NORMAL');
  restoreSharedWal(db);
}

/** Back to the mode every workspace connection uses (db.ts); NORMAL locking releases the lock at the next access. */
function restoreSharedWal(db: Db): void {
  db.pragma('locking_mode = NORMAL');
  db.pragma('journal_mode = WAL');
}
