import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from '../../../../main/storage/migrations';
import { createWorkspace, openWorkspace } from '../../../../main/storage/workspace';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir();

describe('migrations', () => {
  it('applies every shipped migration on create and records each with its sha256', () => {
    const ws = createWorkspace(path.join(tmp(), 'ws'));
    const rows = ws.db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as { version: number; name: string; sha256: string }[];
    const shipped = loadMigrations();
    expect(rows.map((r) => r.name)).toEqual(shipped.map((m) => m.name));
    expect(rows.map((r) => r.sha256)).toEqual(shipped.map((m) => m.sha256));
    const strict = ws.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE '%STRICT'").pluck().all();
    expect(strict).toEqual(expect.arrayContaining(['assets', 'records', 'audit_log']));
    ws.close();
  });

  it('applies only pending migrations when a newer build opens an older workspace', () => {
    const dir = tmp();
    const migDir = path.join(dir, 'migrations');
    mkdirSync(migDir);
    writeFileSync(path.join(migDir, '0001_a.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    const db = new Database(path.join(dir, 'x.db'));
    expect(migrate(db, 'x.db', loadMigrations(migDir)).map((m) => m.name)).toEqual(['0001_a']);
    writeFileSync(path.join(migDir, '0002_b.sql'), 'CREATE TABLE b (y INTEGER) STRICT;');
    expect(migrate(db, 'x.db', loadMigrations(migDir)).map((m) => m.name)).toEqual(['0002_b']);
    expect(migrate(db, 'x.db', loadMigrations(migDir))).toEqual([]);
    db.close();
  });

  it('rolls back a failing migration entirely, leaving it pending', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, '0001_bad.sql'), 'CREATE TABLE ok (x INTEGER) STRICT; CREATE TABLE broken (;');
    const db = new Database(path.join(dir, 'x.db'));
    expect(() => migrate(db, 'x.db', loadMigrations(dir))).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'ok'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a workspace whose applied migration was edited, and changes nothing', () => {
    const dir = path.join(tmp(), 'ws');
    createWorkspace(dir).close();
    const db = new Database(path.join(dir, 'assay.db'));
    db.prepare("UPDATE schema_migrations SET sha256 = 'deadbeef' WHERE version = 1").run();
    db.close();
    const before = readFileSync(path.join(dir, 'assay.db'));
    expect(() => openWorkspace(dir)).toThrow(/0001_init differs from this build/);
    expect(readFileSync(path.join(dir, 'assay.db')).equals(before)).toBe(true);
  });

  it('refuses a workspace written by a newer Assay', () => {
    const dir = path.join(tmp(), 'ws');
    createWorkspace(dir).close();
    const db = new Database(path.join(dir, 'assay.db'));
    db.prepare("INSERT INTO schema_migrations VALUES (9999, '9999_future', 'x', '2030-01-01')").run();
    db.close();
    expect(() => openWorkspace(dir)).toThrow(/schema 9999, newer than this Assay supports/);
  });
});
