import { accessSync, constants, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { appendAudit } from './audit-chain';
import { ASSAY_APPLICATION_ID, describeSqliteError, openDatabase, type Db } from './db';
import { migrate, schemaVersion } from './migrations';
import { WorkspaceError } from './workspace-error';
import { WriteGate } from './write-gate';

export const DB_FILE = 'assay.db';
export const INDEXES_DIR = 'indexes';

export interface Workspace {
  dir: string;
  dbPath: string;
  indexesDir: string;
  db: Db;
  /** Who the audit log names for changes made through this handle. */
  actor: string;
  /**
   * Runs `change` in one transaction together with its audit entry (built from the result): both land or neither.
   * Refused at once while a long write (an import) holds `writes`; async writers await `writes.idle()` first.
   */
  mutate<T>(action: string, change: (db: Db) => T, payloadOf: (result: T) => unknown): T;
  /** Announces long writes on other connections of this process (imports). */
  writes: WriteGate;
  close(): void;
}

export function defaultActor(channel: string): string {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // Some sandboxes have no passwd entry; the channel still tells where the change came from.
  }
  return `${user} (${channel})`;
}

/** Creates a new workspace folder; refuses a folder that already holds anything. */
export function createWorkspace(dir: string, options: { name?: string; actor?: string } = {}): Workspace {
  const abs = path.resolve(dir);
  if (existsSync(abs)) {
    if (!statSync(abs).isDirectory()) throw new WorkspaceError(`${abs}: exists and is not a folder`);
    if (existsSync(path.join(abs, DB_FILE))) throw new WorkspaceError(`${abs}: already an Assay workspace`);
    if (readdirSync(abs).length > 0) throw new WorkspaceError(`${abs}: folder is not empty; choose a new or empty folder`);
  }
  try {
    mkdirSync(path.join(abs, INDEXES_DIR), { recursive: true });
  } catch (err) {
    throw new WorkspaceError(`${abs}: cannot create folder (${(err as Error).message})`);
  }
  const dbPath = path.join(abs, DB_FILE);
  const db = openDatabase(dbPath, { create: true });
  const actor = options.actor ?? defaultActor('cli');
  const name = options.name ?? path.basename(abs);
  try {
    db.pragma(`application_id = ${ASSAY_APPLICATION_ID}`);
    migrate(db, dbPath);
    db.transaction(() => {
      db.prepare('INSERT INTO workspace (id, name, created_at) VALUES (1, ?, ?)').run(name, new Date().toISOString());
      appendAudit(db, { actor, action: 'workspace.created', payload: { name, schemaVersion: schemaVersion(db) } });
    })();
  } catch (err) {
    db.close();
    throw err instanceof WorkspaceError ? err : describeSqliteError(dbPath, err);
  }
  return wrap(abs, dbPath, db, actor);
}

/** Opens an existing workspace, applying pending migrations; every failure names the path and the problem. */
export function openWorkspace(dir: string, options: { actor?: string; readonly?: boolean } = {}): Workspace {
  const abs = path.resolve(dir);
  if (!existsSync(abs)) throw new WorkspaceError(`${abs}: no such folder`);
  try {
    accessSync(abs, constants.R_OK);
  } catch {
    throw new WorkspaceError(`${abs}: folder is not readable`);
  }
  if (!statSync(abs).isDirectory()) throw new WorkspaceError(`${abs}: not a folder (a workspace is a folder holding ${DB_FILE})`);
  const dbPath = path.join(abs, DB_FILE);
  if (!existsSync(dbPath)) throw new WorkspaceError(`${abs}: not an Assay workspace (no ${DB_FILE}); create one with \`assay init\``);
  const db = openDatabase(dbPath, { create: false, readonly: options.readonly });
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    if (appId !== ASSAY_APPLICATION_ID) throw new WorkspaceError(`${dbPath}: not an Assay database (application_id ${appId})`);
    if (!options.readonly) migrate(db, dbPath);
    mkdirSync(path.join(abs, INDEXES_DIR), { recursive: true });
  } catch (err) {
    db.close();
    throw err instanceof WorkspaceError ? err : describeSqliteError(dbPath, err);
  }
  return wrap(abs, dbPath, db, options.actor ?? defaultActor('cli'));
}

export function isWorkspace(dir: string): boolean {
  return existsSync(path.join(dir, DB_FILE));
}

function wrap(dir: string, dbPath: string, db: Db, actor: string): Workspace {
  const writes = new WriteGate();
  return {
    dir,
    dbPath,
    indexesDir: path.join(dir, INDEXES_DIR),
    db,
    actor,
    writes,
    mutate<T>(action: string, change: (d: Db) => T, payloadOf: (result: T) => unknown): T {
      if (writes.busy) throw new WorkspaceError(`${dir}: ${writes.holder} is writing to the workspace; try again when it finishes`);
      try {
        return db.transaction(() => {
          const result = change(db);
          appendAudit(db, { actor, action, payload: payloadOf(result) });
          return result;
        }).immediate();
      } catch (err) {
        if (err instanceof WorkspaceError) throw err;
        const code = (err as { code?: string }).code;
        if (code?.startsWith('SQLITE_')) throw describeSqliteError(dbPath, err);
        throw err;
      }
    },
    close() {
      if (db.open) db.close();
    },
  };
}

/** The workspace's display name as stored at creation, or undefined for a database without one. */
export function workspaceName(db: Db): string | undefined {
  const row = db.prepare('SELECT name FROM workspace WHERE id = 1').get() as { name: string } | undefined;
  return row?.name;
}
