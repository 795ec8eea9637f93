// Where `assay score` reads records from: stdin (JSONL), or `--input FILE`, a JSONL or Parquet file. A Parquet
// row becomes the JSON line a JSONL export of it would hold, so the Dask driver can score Parquet partitions
// without pyarrow on the workers.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { CliError } from '../cli-error';

async function* parquetLines(file: string): AsyncGenerator<string> {
  const [{ openParquet, ParquetReadError }, { rowGroups }] = await Promise.all([
    import('../../importers/parquet/parquet-file'), import('../../importers/parquet/parquet-rows'),
  ]);
  try {
    const pq = await openParquet(file);
    try {
      for await (const { rows } of rowGroups(pq)) for (const row of rows) yield JSON.stringify(row);
    } finally {
      await pq.close();
    }
  } catch (err) {
    if (err instanceof ParquetReadError) throw new CliError(`score: ${err.message}`);
    throw err;
  }
}

/** The input's lines; a file that cannot be opened is bad input (exit 2). */
export async function scoreInputLines(input: string | undefined): Promise<AsyncIterable<string>> {
  if (input === undefined) return createInterface({ input: process.stdin, crlfDelay: Infinity });
  const { isParquetPath } = await import('../../importers/parquet/parquet-file');
  if (isParquetPath(input) || input.toLowerCase().endsWith('.parquet')) return parquetLines(input);
  const stream = createReadStream(input);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err: NodeJS.ErrnoException) => reject(new CliError(`score: ${input}: ${err.code === 'ENOENT' ? 'no such file' : `cannot read (${err.code ?? err.message})`}`)));
  });
  return createInterface({ input: stream, crlfDelay: Infinity });
}
