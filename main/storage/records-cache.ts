import type { Db } from './db';

/**
 * Memoizes whole-filter work (counts, totals, seek anchors) until the database changes, so a table that scrolls
 * through a million records counts once per filter instead of on every page. The revision moves on every commit:
 * `data_version` on commits by other connections (imports, workers), `total_changes()` on this connection's own.
 */
export function databaseRevision(db: Db): string {
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  const own = db.prepare('SELECT total_changes() AS n').pluck().get() as number;
  return `${dataVersion}:${own}`;
}

const MAX_ENTRIES = 64;

interface CacheState {
  revision: string;
  entries: Map<string, unknown>;
}

const caches = new WeakMap<Db, CacheState>();

/** The value for `key` at the database's current revision, computed by `compute` when missing. */
export function cachedByRevision<T>(db: Db, key: string, compute: () => T): T {
  const revision = databaseRevision(db);
  let state = caches.get(db);
  if (!state || state.revision !== revision) {
    state = { revision, entries: new Map() };
    caches.set(db, state);
  }
  if (state.entries.has(key)) return state.entries.get(key) as T;
  const value = compute();
  // compute() may have written (an FTS catch-up): file the value under the revision it was computed at.
  const after = databaseRevision(db);
  if (after !== state.revision) {
    state = { revision: after, entries: new Map() };
    caches.set(db, state);
  }
  if (state.entries.size >= MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value as string);
  state.entries.set(key, value);
  return value;
}
