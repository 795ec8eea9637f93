import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeOrphanFiles } from '../../../../main/indexes/index-files';
import { useTempDir } from '../../../helpers/tmp';

const tmp = useTempDir();

describe('removeOrphanFiles', () => {
  it('removes only old, unreferenced files that look like index shards', () => {
    const dir = tmp();
    const names = ['kb-3-a1b2c3-s0.hnsw', 'records-all-a1b2c3-s1.hnsw.tmp', 'kb-3-ffff00-s0.hnsw', 'notes.txt', 'records-all-0000aa-s0.hnsw'];
    for (const n of names) writeFileSync(path.join(dir, n), 'x');
    const old = (Date.now() - 2 * 3600_000) / 1000;
    for (const n of names.slice(0, 4)) utimesSync(path.join(dir, n), old, old);
    const removed = removeOrphanFiles(dir, new Set(['kb-3-ffff00-s0.hnsw']));
    expect(removed.sort()).toEqual(['kb-3-a1b2c3-s0.hnsw', 'records-all-a1b2c3-s1.hnsw.tmp']);
    expect(existsSync(path.join(dir, 'kb-3-ffff00-s0.hnsw'))).toBe(true); // referenced
    expect(existsSync(path.join(dir, 'notes.txt'))).toBe(true); // not ours
    expect(existsSync(path.join(dir, 'records-all-0000aa-s0.hnsw'))).toBe(true); // recent: a build may be writing it
  });

  it('does nothing for a missing folder', () => {
    expect(removeOrphanFiles(path.join(tmp(), 'absent'), new Set())).toEqual([]);
  });
});
