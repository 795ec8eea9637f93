import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './db';
import { WorkspaceError } from './workspace-error';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

/** Bundled builds copy migrations/ next to the bundle, so the same relative URL works in both. */
const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** The forward-only migrations shipped with this build, ordered by their numeric prefix. */
export function loadMigrations(dir: string = migrationsDir): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(`${dir}/${file}`, 'utf8');
      return {
        version: Number(file.slice(0, 4)),
        name: file.replace(/\.sql$/, ''),
        sql,
        sha256: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

interface AppliedRow {
  version: number;
  name: string;
  sha256: string;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Applies pending migrations, each in its own transaction with its record. Refuses a database whose applied
 * migrations were edited or that comes from a newer Assay, so nothing is changed in either case.
 */
export function migrate(db: Db, file: string, migrations: Migration[] = loadMigrations()): Migration[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const applied = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as AppliedRow[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const mine = known.get(row.version);
    if (!mine) {
      const latest = migrations.at(-1)?.version ?? 0;
      throw new WorkspaceError(`${file}: workspace uses schema ${applied.at(-1)?.version}, newer than this Assay supports (${latest}); upgrade Assay to open it`);
    }
    if (mine.sha256 !== row.sha256) {
      throw new WorkspaceError(`${file}: applied migration ${row.name} differs from this build's copy (sha256 ${row.sha256.slice(0, 12)} vs ${mine.sha256.slice(0, 12)}); refusing to open`);
    }
  }
  const done = new Set(applied.map((r) => r.version));
  const pending = migrations.filter((m) => !done.has(m.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, m.sha256, new Date().toISOString());
    })();
  }
  return pending;
}
