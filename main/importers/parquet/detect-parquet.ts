// Detection for Parquet imports: the columns come from the file's schema and a sample of its first rows decides,
// as for CSV, whether the table holds log records (input and output columns) or a tabular dataset.
import type { FieldMapping, ImportKind, ParsedImportSpec } from '../../../shared/contract/import-schemas';
import type { Detection } from '../detect';
import { badInput } from '../import-error';
import { inferMapping } from '../records/mapped-records';
import type { SourceEntry } from '../source/files';
import { readRowGroup } from './parquet-rows';
import { ParquetReadError } from './parquet-file';
import { openParquetSource } from './read-parquet';

const SAMPLE_ROWS = 50;

export async function detectParquet(first: SourceEntry, spec: ParsedImportSpec, compressed: boolean,
  resolveMapping: (given: FieldMapping | undefined, fields: string[], name: string) => FieldMapping): Promise<Detection> {
  const name = first.path;
  if (compressed) throw badInput(`${name}: a gzip-compressed Parquet file; Parquet compresses its own pages, so import the .parquet file itself`);
  if (spec.csv) throw badInput(`${name}: CSV options do not apply to a Parquet file`);
  const pq = await openParquetSource(name);
  let sample: Record<string, unknown>[] = [];
  try {
    const group = pq.rowGroups.find((g) => g.rows > 0);
    if (group) sample = await readRowGroup(pq, group, SAMPLE_ROWS);
  } catch (err) {
    throw err instanceof ParquetReadError ? badInput(err.message) : err;
  } finally {
    await pq.close();
  }
  const fields = pq.columns;
  const mapped = inferMapping(fields);
  const nested = sample.some((row) => Object.values(row).some((v) => v !== null && typeof v === 'object'));
  const kind: ImportKind = spec.kind ?? (spec.mapping || (mapped.fields.input && mapped.fields.output) || nested ? 'logs' : 'dataset');
  if (kind !== 'logs' && kind !== 'dataset') throw badInput(`${name}: a Parquet file can be imported as logs or as a dataset, not as ${kind}`);
  const mapping = kind === 'logs' ? resolveMapping(spec.mapping, fields, name) : null;
  const rows = pq.rowGroups.reduce((n, g) => n + g.rows, 0);
  const reason = kind === 'logs'
    ? `Parquet table (${rows} rows in ${pq.rowGroups.length} row groups) with input/output columns (${mapping!.fields.input}, ${mapping!.fields.output}): read as log records`
    : `Parquet table (${rows} rows in ${pq.rowGroups.length} row groups, ${fields.length} columns): read as a tabular dataset`;
  return {
    spec: { kind, format: 'parquet', container: 'parquet', mapping, csv: null, columns: null, chunking: null },
    columnEdits: spec.columns, compressed: false, reason, fieldsSeen: fields.slice(0, 200), json: { streamKeys: [], whole: false },
  };
}
