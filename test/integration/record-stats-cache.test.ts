import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importJsonlRecords } from '../../main/importers/jsonl-records';
import { cachedRecordStats, recordStats } from '../../main/storage/record-stats-repo';
import { createWorkspace, openWorkspace } from '../../main/storage/workspace';
import type { Db } from '../../main/storage/db';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-stats-cache-');

function logs(name: string, n: number, model: string): string {
  const file = path.join(tmp(), `${name}.jsonl`);
  writeFileSync(file, Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${name}-${i}`, model, input: `q ${name} ${i}`, output: `a ${i}` })).join('\n'));
  return file;
}

describe('records.stats cache', () => {
  it('answers repeated calls without recomputing, and recomputes after a write by this or another connection', async () => {
    const dir = path.join(tmp(), 'ws');
    const ws = createWorkspace(dir);
    await importJsonlRecords(ws, logs('a', 5, 'm1'), { name: 'a' });
    let computed = 0;
    const stats = cachedRecordStats(ws.db, (db: Db, filter) => {
      computed++;
      return recordStats(db, filter);
    });

    expect(stats({}).count).toBe(5);
    for (let i = 0; i < 20; i++) expect(stats({}).count).toBe(5);
    expect(computed).toBe(1);
    expect(stats({ model: 'm1' }).count).toBe(5); // another filter is its own entry
    expect(computed).toBe(2);

    // A write through this connection.
    await importJsonlRecords(ws, logs('b', 3, 'm2'), { name: 'b' });
    expect(stats({}).count).toBe(8);

    // A write by another connection (as a CLI run or a second app would make).
    const other = openWorkspace(dir);
    try {
      await importJsonlRecords(other, logs('c', 2, 'm1'), { name: 'c' });
    } finally {
      other.close();
    }
    expect(stats({}).count).toBe(10);
    expect(stats({ model: 'm1' }).count).toBe(7);
    ws.close();
  });
});
