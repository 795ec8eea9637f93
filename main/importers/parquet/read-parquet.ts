// The import container for Parquet: each row becomes one JSON row for the pipeline (records by the same field
// mapping as JSONL rows, datasets by column name), streamed one row group at a time.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { SourceFile } from '../../../shared/contract/import-schemas';
import { JobCancelledError } from '../../jobs/job-runner';
import { badInput } from '../import-error';
import type { Loc } from '../pipeline/accounting';
import type { Pipeline } from '../pipeline/pipeline';
import type { SourceEntry } from '../source/files';
import { openParquet, ParquetReadError, type ParquetFile } from './parquet-file';
import { rowGroups, type RowGroupRows } from './parquet-rows';

export interface ParquetReadOptions {
  signal?: AbortSignal;
  /** Called after each row group with the bytes of this file read so far (by row group size). */
  onProgress?: (bytes: number) => void;
  /** Called once per row handed to the pipeline; may throw StopReading (previews). */
  count: () => void;
}

async function fileSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Opens a Parquet import source, turning a read failure into the import's bad-input error. */
export async function openParquetSource(path: string): Promise<ParquetFile> {
  try {
    return await openParquet(path);
  } catch (err) {
    throw err instanceof ParquetReadError ? badInput(err.message) : err;
  }
}

/**
 * Streams one Parquet file into the pipeline. Quarantined rows are located by `line` = the row's 1-based number
 * in the file. A file that fails to decode part-way throws (naming row group and column), and the import's
 * transaction is rolled back, so nothing of it is stored.
 */
export async function readParquetSource(entry: SourceEntry, pipeline: Pipeline, options: ParquetReadOptions): Promise<SourceFile> {
  const pq = await openParquetSource(entry.path);
  try {
    let bytes = 0;
    for await (const { group, rows } of rowGroupsOrBadInput(pq)) {
      for (let i = 0; i < rows.length; i++) {
        const value = rows[i]!;
        const loc: Loc = { file: entry.path, line: group.firstRow + i + 1, byteOffset: null };
        pipeline.json!(value, loc, JSON.stringify(value), null, false);
        options.count();
      }
      if (pipeline.drain) await pipeline.drain();
      bytes += Number(pq.metadata.row_groups[group.index]?.total_compressed_size ?? 0n);
      options.onProgress?.(Math.min(bytes, pq.bytes));
      if (options.signal?.aborted) throw new JobCancelledError();
    }
    return { path: entry.path, bytes: pq.bytes, sha256: await fileSha256(entry.path) };
  } finally {
    await pq.close();
  }
}

async function* rowGroupsOrBadInput(pq: ParquetFile): AsyncGenerator<RowGroupRows> {
  try {
    yield* rowGroups(pq);
  } catch (err) {
    throw err instanceof ParquetReadError ? badInput(err.message) : err;
  }
}
