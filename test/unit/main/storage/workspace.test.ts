import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWorkspace, openWorkspace } from '../../../../main/storage/workspace';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir();

describe('workspace folders', () => {
  it('creates assay.db in WAL mode with foreign keys and an indexes/ folder', () => {
    const dir = path.join(tmp(), 'ws');
    const ws = createWorkspace(dir, { name: 'Q4 audit' });
    expect(existsSync(path.join(dir, 'indexes'))).toBe(true);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ws.db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(ws.db.prepare('SELECT name FROM workspace').pluck().get()).toBe('Q4 audit');
    ws.close();
    const again = openWorkspace(dir);
    expect(again.db.prepare('SELECT action FROM audit_log WHERE seq = 1').pluck().get()).toBe('workspace.created');
    again.close();
  });

  it('refuses a folder that is not a workspace, naming the path', () => {
    const dir = tmp();
    expect(() => openWorkspace(dir)).toThrow(`${dir}: not an Assay workspace (no assay.db)`);
    expect(() => openWorkspace(path.join(dir, 'missing'))).toThrow(/missing: no such folder/);
  });

  it('refuses to create a workspace in a non-empty folder and leaves its files alone', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'notes.txt'), 'keep me');
    expect(() => createWorkspace(dir)).toThrow(/folder is not empty/);
    expect(readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(path.join(dir, 'assay.db'))).toBe(false);
  });

  it('refuses a path that is a file', () => {
    const file = path.join(tmp(), 'plain.txt');
    writeFileSync(file, 'x');
    expect(() => openWorkspace(file)).toThrow(/plain\.txt: not a folder/);
  });

  it('reports a corrupt database file without changing it', () => {
    const dir = tmp();
    const garbage = Buffer.from('this is not a sqlite database at all, just text'.repeat(100));
    writeFileSync(path.join(dir, 'assay.db'), garbage);
    expect(() => openWorkspace(dir)).toThrow(/assay\.db: database is corrupt or not a SQLite file/);
    expect(readFileSync(path.join(dir, 'assay.db')).equals(garbage)).toBe(true);
  });

  it('reports a SQLite file from another program as not an Assay database', () => {
    const dir = tmp();
    const other = new Database(path.join(dir, 'assay.db'));
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => openWorkspace(dir)).toThrow(/not an Assay database/);
  });

  it('reports a database locked by another process instead of hanging or failing silently', () => {
    const dir = path.join(tmp(), 'ws');
    createWorkspace(dir).close();
    const holder = new Database(path.join(dir, 'assay.db'));
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('BEGIN EXCLUSIVE');
    const ws = (() => {
      try {
        return openWorkspace(dir);
      } catch (err) {
        return err as Error;
      }
    })();
    holder.exec('ROLLBACK');
    holder.close();
    expect(ws).toBeInstanceOf(Error);
    expect((ws as Error).message).toMatch(/assay\.db: database is locked by another process/);
  }, 20_000);

  it('keeps working folders under other names untouched', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'sub'));
    expect(() => openWorkspace(path.join(dir, 'sub'))).toThrow(/not an Assay workspace/);
    expect(existsSync(path.join(dir, 'sub', 'assay.db'))).toBe(false);
  });
});
