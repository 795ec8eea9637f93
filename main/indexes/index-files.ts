import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

const INDEX_FILE = /^(?:kb|records)-[a-z0-9]+-[0-9a-f]+-s\d+\.hnsw(?:\.tmp)?$/;
const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** Removes shard files that a committed change no longer references. */
export function removeIndexFiles(dir: string, files: readonly string[]): void {
  for (const f of files) rmSync(path.join(dir, path.basename(f)), { force: true });
}

/**
 * Deletes index files no row references and no running build can still be writing (older than an hour): what a
 * killed build leaves behind. Files that do not look like ours are never touched.
 */
export function removeOrphanFiles(dir: string, referenced: ReadonlySet<string>, now = Date.now()): string[] {
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!INDEX_FILE.test(name) || referenced.has(name)) continue;
    try {
      if (now - statSync(path.join(dir, name)).mtimeMs < ORPHAN_AGE_MS) continue;
      rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
  return removed;
}
