// `assay drift` on Parquet tables gives what it gives on the same tables written as CSV.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli';
import { sampleTable, truncatedCopy, writeParquet, writeTableCsv } from '../helpers/parquet';
import { useTempDir } from '../helpers/tmp';

const tmp = useTempDir('assay-drift-parquet-');

describe('assay drift on Parquet', () => {
  it('reads Parquet by row group and finds what it finds in the same tables as CSV', () => {
    const dir = tmp();
    const ref = writeParquet(path.join(dir, 'ref.parquet'), sampleTable(0), 50);
    const cur = writeParquet(path.join(dir, 'cur.parquet'), sampleTable(1), 50);
    const fromParquet = runCli(['drift', ref, cur, '--json']);
    const fromCsv = runCli(['drift', writeTableCsv(path.join(dir, 'ref.csv'), sampleTable(0)), writeTableCsv(path.join(dir, 'cur.csv'), sampleTable(1)), '--json']);
    expect(fromParquet.stderr).toBe('');
    expect(fromParquet.code).toBe(0);
    const report = JSON.parse(fromParquet.stdout) as { columns: unknown[] };
    expect(report.columns).toHaveLength(4);
    expect(report).toEqual(JSON.parse(fromCsv.stdout));
    const bad = runCli(['drift', truncatedCopy(ref, path.join(dir, 'cut.parquet'), 100), cur]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cut\.parquet: truncated Parquet file/);
  });
});
