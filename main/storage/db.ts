import Database from 'better-sqlite3';
import { WorkspaceError } from './workspace-error';

export type Db = Database.Database;

/** Identifies an Assay database among other SQLite files (PRAGMA application_id, "ASAY"). */
export const ASSAY_APPLICATION_ID = 0x41534159;

/**
 * better-sqlite3 is not N-API: under Electron the app points this at a copy built for Electron's ABI
 * (scripts/ensure-native.mjs), so the Node build in node_modules stays usable for tests and the CLI.
 */
function nativeBinding(): string | undefined {
  return process.env.ASSAY_SQLITE_BINDING || undefined;
}

/**
 * Page size of new workspaces (SQLite applies it only before the first table is written, so existing workspaces
 * keep theirs). A RAG record (question, answer, three 1 KB contexts) is ~5.5 KB: at 4 or 16 KiB a page holds
 * it with a third of the page or an overflow page to spare (253 MB for 170 MB of JSONL), at 64 KiB eleven fill
 * 94% of a page (189 MB). Measured on those 30,000 records: insert CPU 838 ms at 4 KiB, 629 at 16 KiB, 463 at
 * 64 KiB, and `assay import` ~15% faster at 64 KiB than at 16 KiB in 3 of 3 alternating rounds. The Records
 * table at 200,000 records (bench/records-scale.ts, 10 shapes): p50 of records.list about the same as at 4 KiB
 * (41-52 ms vs 42-61 ms) and 16 KiB best (39-44 ms); shapes that fetch rows in index order (model + cost,
 * prompt + tokens) are up to 2x slower than at 16 KiB, since every row read is a 64 KiB page.
 */
export const NEW_DATABASE_PAGE_SIZE = 65536;

export interface OpenOptions {
  create: boolean;
  readonly?: boolean;
}

/** Opens the SQLite file with the pragmas every connection needs; turns driver errors into one-line messages. */
export function openDatabase(file: string, options: OpenOptions): Db {
  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: !options.create,
      readonly: options.readonly ?? false,
      nativeBinding: nativeBinding(),
    });
  } catch (err) {
    throw new WorkspaceError(`${file}: cannot open database: ${(err as Error).message}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    if (options.create) db.pragma(`page_size = ${NEW_DATABASE_PAGE_SIZE}`);
    if (!options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    return db;
  } catch (err) {
    db.close();
    throw describeSqliteError(file, err);
  }
}

/** Maps SQLite failure codes to what the user should know about the file. */
export function describeSqliteError(file: string, err: unknown): WorkspaceError {
  const code = (err as { code?: string }).code ?? '';
  const message = (err as Error).message ?? String(err);
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return new WorkspaceError(`${file}: database is corrupt or not a SQLite file (${message})`);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new WorkspaceError(`${file}: database is locked by another process; close it and retry`);
  if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_PERM')) return new WorkspaceError(`${file}: cannot write the database (${message})`);
  return new WorkspaceError(`${file}: ${message}`);
}

/**
 * Changes whenever the database's content may have: `data_version` moves when another connection (a CLI run, a
 * worker) commits, and `total_changes()` counts the rows this connection changed. Cheap enough to check per
 * request, so results of heavy read queries can be kept until it moves.
 */
export function dataRevision(db: Db): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const changes = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${dataVersion}:${changes}`;
}
