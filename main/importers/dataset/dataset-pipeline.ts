import { createHash } from 'node:crypto';
import type { DatasetColumn, ResolvedSpec } from '../../../shared/contract/import-schemas';
import { DATASET_CHUNK_ROWS, datasetChunkWriter, insertDatasetColumns, type DatasetValue } from '../../storage/datasets-repo';
import { badInput } from '../import-error';
import type { Loc } from '../pipeline/accounting';
import type { Pipeline, PipelineContext } from '../pipeline/pipeline';
import { applyEdits, inferRoles } from './column-roles';
import { coerce, inferType } from './column-types';

/** Rows read before the schema is inferred; they are then stored like every other row. */
export const SCHEMA_SAMPLE_ROWS = 1000;

interface Pending {
  cells: unknown[];
  loc: Loc;
  raw: string;
}

/**
 * Tabular datasets (CSV, or flat JSON objects): the schema is inferred from the first rows, the user's edits
 * applied, then every row is typed and written by column in chunks of 4096 values. A cell that does not fit its
 * column's type quarantines the row, naming the column.
 */
export function datasetPipeline(ctx: PipelineContext): Pipeline {
  const acc = ctx.acc;
  const writeChunk = datasetChunkWriter(ctx.db, ctx.assetId);
  const hash = createHash('sha256');
  let names: string[] | null = null;
  let columns: DatasetColumn[] | null = null;
  let sample: Pending[] = [];
  let buffers: DatasetValue[][] = [];
  let chunkIndex = 0;
  let rows = 0;
  let chunkStart = 0;

  function settleSchema(): void {
    if (columns !== null) return;
    const header = names ?? [];
    const inferred = inferRoles(header.map((name, i) => ({ name, type: inferType(sample.map((p) => p.cells[i])) })));
    columns = applyEdits(inferred, ctx.columnEdits);
    insertDatasetColumns(ctx.db, ctx.assetId, columns);
    hash.update(`${JSON.stringify(columns)}\n`);
    buffers = columns.map(() => []);
    const replay = sample;
    sample = [];
    for (const p of replay) store(p);
  }

  function store(p: Pending): void {
    const cols = columns!;
    const values: DatasetValue[] = new Array(cols.length);
    for (let i = 0; i < cols.length; i++) {
      const c = coerce(p.cells[i], cols[i]!.type);
      if (!c.ok) {
        acc.reject(p.loc, cols[i]!.name, c.reason, p.raw);
        return;
      }
      values[i] = c.value;
    }
    for (let i = 0; i < values.length; i++) buffers[i]!.push(values[i]!);
    hash.update(`${JSON.stringify(values)}\n`);
    rows++;
    acc.accept();
    if (buffers[0]!.length >= DATASET_CHUNK_ROWS) flush();
  }

  function flush(): void {
    if (!columns || buffers.length === 0 || buffers[0]!.length === 0) return;
    for (let i = 0; i < buffers.length; i++) writeChunk(i, chunkIndex, chunkStart, buffers[i]!);
    chunkStart += buffers[0]!.length;
    chunkIndex++;
    buffers = columns.map(() => []);
  }

  function row(cells: unknown[], loc: Loc, raw: string): void {
    const p = { cells, loc, raw };
    if (columns === null) {
      sample.push(p);
      if (sample.length >= SCHEMA_SAMPLE_ROWS) settleSchema();
      return;
    }
    store(p);
  }

  return {
    csvHeader(header) {
      const next = uniqueNames(header, names === null ? ctx.warn : () => undefined);
      if (names !== null && next.join('\u0000') !== names.join('\u0000')) {
        throw badInput(`CSV files of one dataset must share a header; a later file has ${next.join(', ')} instead of ${names.join(', ')}`);
      }
      names = next;
    },
    csvRow(fields, loc, raw) {
      if (names && fields.length !== names.length) {
        acc.reject(loc, null, `row has ${fields.length} fields, the header has ${names.length}`, raw);
        return;
      }
      row(fields, loc, raw);
    },
    json(value, loc, raw) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        acc.reject(loc, null, 'expected a JSON object (one row)', raw);
        return;
      }
      const o = value as Record<string, unknown>;
      if (names === null) names = Object.keys(o);
      const extra = Object.keys(o).filter((k) => !names!.includes(k));
      if (extra.length && columns !== null) {
        acc.reject(loc, extra[0]!, `field ${JSON.stringify(extra[0])} is not a column of this dataset (columns come from the first rows)`, raw);
        return;
      }
      if (extra.length) names.push(...extra);
      row(names.map((n) => o[n]), loc, raw);
    },
    finish() {
      settleSchema();
      flush();
    },
    stored: () => rows,
    contentSha256: () => hash.digest('hex'),
    resolvedSpec: (): ResolvedSpec => ({ ...ctx.spec, columns }),
  };
}

/** Blank or repeated header names get positions or suffixes so every column can be addressed by name. */
function uniqueNames(header: string[], warn: (m: string) => void): string[] {
  const seen = new Map<string, number>();
  return header.map((raw, i) => {
    let name = raw.trim() === '' ? `column_${i + 1}` : raw.trim();
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    if (n > 0) {
      const renamed = `${name}_${n + 1}`;
      warn(`column ${JSON.stringify(name)} appears more than once; column ${i + 1} is named ${JSON.stringify(renamed)}`);
      name = renamed;
    }
    return name;
  });
}
