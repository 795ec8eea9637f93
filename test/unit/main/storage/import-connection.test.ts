import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NEW_DATABASE_PAGE_SIZE } from '../../../../main/storage/db';
import { borrowImportConnection, openImportConnection } from '../../../../main/storage/import-connection';
import { createWorkspace, openWorkspace, type Workspace } from '../../../../main/storage/workspace';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir('assay-import-conn-');

function workspace(): Workspace {
  return createWorkspace(path.join(tmp(), 'ws'), { name: 'import connection' });
}

/** What a plain reader in another process would see: a fresh connection without Assay's pragmas. */
function otherReader(ws: Workspace): Database.Database {
  return new Database(ws.dbPath, { timeout: 50 });
}

function insertAsset(db: Database.Database, name: string): void {
  db.prepare("INSERT INTO assets (kind, name, version, sha256, source_path, created_at, row_count) VALUES ('logs', ?, 1, 'x', NULL, 't', 0)").run(name);
}

const assets = (db: Database.Database) => db.prepare('SELECT name FROM assets ORDER BY id').pluck().all();

describe('the import connection', () => {
  it('writes a workspace no one else has open under a rollback journal, holding it exclusively, and hands it back in WAL', () => {
    const ws = workspace();
    const conn = borrowImportConnection(ws.db);
    conn.begin();
    expect(conn.journal).toBe('rollback');
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('truncate');
    insertAsset(conn.db, 'imported');
    // Nobody can read a half-written import: the lock came with the switch.
    const reader = otherReader(ws);
    expect(() => reader.prepare('SELECT count(*) FROM assets').get()).toThrow(/locked/);
    conn.commit();
    conn.close();
    expect(ws.db.open).toBe(true);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(1);
    expect(existsSync(`${ws.dbPath}-journal`)).toBe(false);
    // The mode is in the file: a new connection is in WAL without asking, and reads and writes beside ours.
    expect(reader.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(assets(reader)).toEqual(['imported']);
    insertAsset(reader, 'written elsewhere');
    expect(assets(ws.db)).toEqual(['imported', 'written elsewhere']);
    reader.close();
    ws.close();
  });

  it('stays in WAL, and lets the other connection read, when the workspace is open elsewhere', () => {
    const ws = workspace();
    const app = otherReader(ws);
    expect(assets(app)).toEqual([]);
    const conn = borrowImportConnection(ws.db);
    conn.begin();
    expect(conn.journal).toBe('wal');
    insertAsset(conn.db, 'imported');
    expect(assets(app)).toEqual([]);
    conn.commit();
    conn.close();
    expect(assets(app)).toEqual(['imported']);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    app.close();
    ws.close();
  });

  it('an own connection beside the open workspace imports in WAL (the app and `assay serve` keep reading)', () => {
    const ws = workspace();
    const conn = openImportConnection(ws.dbPath);
    conn.begin();
    expect(conn.journal).toBe('wal');
    insertAsset(conn.db, 'imported');
    expect(assets(ws.db)).toEqual([]);
    conn.commit();
    conn.close();
    expect(assets(ws.db)).toEqual(['imported']);
    ws.close();
  });

  it('rolls a rollback-journal import back completely and still hands the connection back in WAL', () => {
    const ws = workspace();
    const cacheSize = ws.db.pragma('cache_size', { simple: true });
    const conn = borrowImportConnection(ws.db);
    conn.begin();
    expect(conn.journal).toBe('rollback');
    for (let i = 0; i < 2000; i++) insertAsset(conn.db, `a${i} ${'x'.repeat(2000)}`);
    conn.rollback();
    conn.rollback();
    conn.close();
    expect(assets(ws.db)).toEqual([]);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    expect(ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
    ws.close();
  });
});

describe('new workspaces', () => {
  it(`use ${NEW_DATABASE_PAGE_SIZE}-byte pages; a workspace made with 4 KiB pages (before) opens and keeps them`, () => {
    const ws = workspace();
    expect(ws.db.pragma('page_size', { simple: true })).toBe(NEW_DATABASE_PAGE_SIZE);
    ws.db.pragma('journal_mode = DELETE');
    ws.db.pragma('page_size = 4096');
    ws.db.exec('VACUUM');
    ws.db.pragma('journal_mode = WAL');
    ws.close();
    const old = openWorkspace(ws.dir);
    expect(old.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(old.db.prepare('SELECT name FROM workspace').pluck().get()).toBe('import connection');
    old.close();
  });
});
