// A parsed table held column by column, in memory or spilled to a temporary directory. Columns are
// materialized one at a time and can be released after use, so analysis memory stays near two columns.
import { rmSync } from 'node:fs';
import type { ColumnData } from '../../shared/drift/types';
import { loadStoredArray, type StoredArray } from './chunked-array';
import type { StoredColumn } from './column-builder';
import type { StoredTable } from './table-reader';

export class ColumnarTable {
  private readonly byName: Map<string, StoredColumn>;

  constructor(readonly stored: StoredTable, private readonly spillDir: string | null) {
    this.byName = new Map(stored.columns.map((c) => [c.name, c]));
  }

  get path(): string {
    return this.stored.path;
  }

  get rows(): number {
    return this.stored.rows;
  }

  get names(): string[] {
    return this.stored.columns.map((c) => c.name);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  column(name: string): ColumnData | undefined {
    const c = this.byName.get(name);
    if (!c) return undefined;
    const load = (s: StoredArray | null): Float64Array | Int32Array | null => (s ? loadStoredArray(s) : null);
    return {
      name: c.name,
      profile: c.profile,
      numbers: load(c.numbers) as Float64Array | null,
      numbersSorted: c.numbersSorted,
      dates: load(c.dates) as Float64Array | null,
      codes: load(c.codes) as Int32Array | null,
      dictionary: c.dictionary,
      dictionaryCounts: c.dictionaryCounts,
    };
  }

  /** Drops an in-memory column's arrays once analysed (spilled columns cost nothing until loaded). */
  release(name: string): void {
    const c = this.byName.get(name);
    if (!c) return;
    const empty = (s: StoredArray | null): StoredArray | null =>
      s && s.kind === 'memory' ? { kind: 'memory', type: s.type, data: s.type === 'f64' ? new Float64Array(0) : new Int32Array(0) } : s;
    c.numbers = empty(c.numbers);
    c.dates = empty(c.dates);
    c.codes = empty(c.codes);
  }

  dispose(): void {
    if (this.spillDir) rmSync(this.spillDir, { recursive: true, force: true });
  }
}
