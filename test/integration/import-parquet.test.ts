// Parquet imports (logs and datasets, streamed by row group) and `assay drift` on Parquet, with fixtures written
// at test time by hyparquet-writer; damaged files are refused naming the file, row group and column.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { callApi } from '../../main/api/dispatch';
import { readDatasetRows } from '../../main/storage/datasets-repo';
import { runCli } from '../helpers/cli';
import { sampleTable, truncatedCopy, unsupportedCodecColumn, writeParquet, writeTableCsv, type ColumnSource } from '../helpers/parquet';
import { useTempDir } from '../helpers/tmp';
import { count, expectBalanced, importFiles, session, writeLines } from './import-helpers';

const tmp = useTempDir('assay-parquet-');
const N = 25;
const day = (i: number) => new Date(Date.UTC(2024, 2, 1 + (i % 5), 12));

/** Log rows as Parquet columns (three row groups) and the same rows as JSONL would hold them. */
function logColumns(): ColumnSource[] {
  const rows = Array.from({ length: N }, (_, i) => i);
  return [
    { name: 'id', data: rows.map((i) => `r${i}`), type: 'STRING' },
    { name: 'timestamp', data: rows.map(day), type: 'TIMESTAMP' },
    { name: 'model', data: rows.map((i) => (i % 2 ? 'model-a' : 'model-b')), type: 'STRING' },
    { name: 'input', data: rows.map((i) => `What is the refund window for order ${i}?`), type: 'STRING' },
    // Row 7 has no output: quarantined by the same mapping as a JSONL row without one.
    { name: 'output', data: rows.map((i) => (i === 7 ? null : `The refund window is ${i} days.`)), type: 'STRING' },
    { name: 'tokens_in', data: rows.map((i) => BigInt(10 + i)), type: 'INT64' },
    { name: 'contexts', data: rows.map((i) => [`Refunds are accepted within ${i} days.`]), type: 'JSON' },
  ];
}

function logJsonl(): Record<string, unknown>[] {
  return Array.from({ length: N }, (_, i) => ({
    id: `r${i}`, timestamp: day(i).toISOString(), model: i % 2 ? 'model-a' : 'model-b', input: `What is the refund window for order ${i}?`,
    output: i === 7 ? null : `The refund window is ${i} days.`, tokens_in: 10 + i, contexts: [`Refunds are accepted within ${i} days.`],
  }));
}

describe('Parquet imports', () => {
  it('imports Parquet logs row group by row group exactly as the same rows in JSONL (same content hash, same quarantine)', async () => {
    const s = session(tmp);
    const pq = writeParquet(path.join(s.dir, 'logs.parquet'), logColumns(), 10);
    const sum = await importFiles(s, [pq]);
    expectBalanced(sum);
    expect(sum).toMatchObject({ kind: 'logs', format: 'parquet', inputCount: N, imported: N - 1, quarantined: 1 });
    // Quarantined rows are located by their 1-based row number in the file.
    expect(sum.quarantine.map((q) => [q.file, q.line, q.field])).toEqual([[pq, 8, 'output']]);
    const page = await callApi(s.handlers, 'records.list', { assetId: sum.assetId!, sort: 'id', dir: 'asc', limit: 3 } as never);
    expect(page.rows[0]).toMatchObject({ externalId: 'r0', model: 'model-b', tokensIn: 10, timestamp: '2024-03-01T12:00:00.000Z', contexts: ['Refunds are accepted within 0 days.'] });
    const jsonl = await importFiles(s, [writeLines(path.join(s.dir, 'logs.jsonl'), logJsonl())], { name: 'logs' });
    expect(jsonl.quarantine.map((q) => [q.line, q.field, q.reason])).toEqual(sum.quarantine.map((q) => [q.line, q.field, q.reason]));
    expect(jsonl.contentSha256).toBe(sum.contentSha256);
    expect(jsonl.duplicateOfAssetId).toBe(sum.assetId);
  });

  it('imports a flat Parquet table as a dataset, typed like the same table in CSV', async () => {
    const s = session(tmp);
    const sum = await importFiles(s, [writeParquet(path.join(s.dir, 'table.parquet'), sampleTable(0), 64)]);
    expect(sum).toMatchObject({ kind: 'dataset', format: 'parquet', imported: 200, quarantined: 0 });
    const schema = await callApi(s.handlers, 'datasets.schema', { assetId: sum.assetId! });
    const csv = await importFiles(s, [writeTableCsv(path.join(s.dir, 'table.csv'), sampleTable(0))]);
    const csvSchema = await callApi(s.handlers, 'datasets.schema', { assetId: csv.assetId! });
    expect(schema.columns).toEqual(csvSchema.columns);
    expect(readDatasetRows(s.ws.db, sum.assetId!, 2, 2)).toEqual(readDatasetRows(s.ws.db, csv.assetId!, 2, 2));
    // gzip and brotli pages are read with Node's zlib: the same table in gzip is the same content.
    const gz = writeParquet(path.join(s.dir, 'table-gzip.parquet'), sampleTable(0).map((c) => ({ ...c, codec: 'GZIP' as const })), 64, { compressors: { GZIP: (b) => new Uint8Array(gzipSync(b)) } });
    const again = await importFiles(s, [gz]);
    expect(again.duplicateOfAssetId).toBe(sum.assetId);
    const preview = await callApi(s.handlers, 'import.preview', { paths: [path.join(s.dir, 'table.parquet')], limit: 5 } as never);
    expect(preview.rows).toHaveLength(5);
    expect(preview.reason).toMatch(/Parquet table \(200 rows in 4 row groups, 4 columns\)/);
  });

  it('refuses truncated, wrong-magic and unsupported-codec files naming the file, row group and column, and stores nothing', async () => {
    const s = session(tmp);
    const good = writeParquet(path.join(s.dir, 'good.parquet'), logColumns(), 10);
    const size = (await import('node:fs')).statSync(good).size;
    const auditBefore = count(s.ws, 'SELECT COUNT(*) FROM audit_log');
    const cut = truncatedCopy(good, path.join(s.dir, 'cut.parquet'), Math.floor(size / 2));
    await expect(importFiles(s, [cut])).rejects.toThrow(`${cut}: truncated Parquet file: the footer`);
    const magic = path.join(s.dir, 'magic.parquet');
    writeFileSync(magic, 'id,input,output\n1,a,b\n'.repeat(3));
    await expect(importFiles(s, [magic])).rejects.toThrow(`${magic}: not a Parquet file: starts with "id,i", not "PAR1"`);
    const { column, compressors } = unsupportedCodecColumn(logColumns()[4]!, 'LZ4');
    const lz4 = writeParquet(path.join(s.dir, 'lz4.parquet'), [...logColumns().slice(0, 4), column], 10, { compressors });
    await expect(importFiles(s, [lz4])).rejects.toThrow(`${lz4}: row group 0, column "output": compression codec LZ4 is not supported`);
    // A page damaged in the second row group: found while streaming, after rows of the first group were handed on.
    const damaged = path.join(s.dir, 'damaged.parquet');
    const bytes = (await import('node:fs')).readFileSync(good);
    const { openParquet } = await import('../../main/importers/parquet/parquet-file');
    const pq = await openParquet(good);
    const chunk = pq.metadata.row_groups[1]!.columns[3]!.meta_data!;
    await pq.close();
    const start = Number(chunk.dictionary_page_offset ?? chunk.data_page_offset);
    bytes.fill(0xff, start, start + Number(chunk.total_compressed_size));
    writeFileSync(damaged, bytes);
    await expect(importFiles(s, [damaged])).rejects.toThrow(new RegExp(`${damaged}: row group 1, column "input": cannot decode`));
    expect(count(s.ws, 'SELECT COUNT(*) FROM assets')).toBe(0);
    expect(count(s.ws, 'SELECT COUNT(*) FROM records')).toBe(0);
    expect(count(s.ws, 'SELECT COUNT(*) FROM audit_log')).toBe(auditBefore);
    const cli = runCli(['import', s.ws.dir, cut]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain('truncated Parquet file');
  });
});
