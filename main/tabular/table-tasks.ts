// The work a table thread does, as plain messages: parse one byte range of a CSV file, or compare one column
// (its parts from every range of both files). The same function runs in worker threads and, where workers
// cannot start, in the calling thread.
import { columnDrift } from '../../shared/drift/column-drift';
import { summarizeColumn, summaryToColumn, type ColumnSummary, type SummaryOptions } from '../../shared/drift/profile/column-summary';
import { columnDriftFromSummaries } from '../../shared/drift/profile/profile-drift';
import { summaryIsExact } from '../../shared/drift/profile/tabular-profile';
import type { ColumnDriftResult, DriftOptions } from '../../shared/drift/types';
import { assembleColumn } from './assemble-column';
import type { StoredArray } from './chunked-array';
import type { StoredColumn } from './column-builder';
import { pieceBuffers } from './sorted-numbers';
import { readCsvRange, type RangeOptions, type RangeTable } from './table-reader';

export type TableTask =
  | { kind: 'parse'; file: string; options: RangeOptions }
  | { kind: 'drift'; name: string; ref: StoredColumn[] | null; cur: StoredColumn[] | null; options: DriftOptions }
  /** A reference profile's column against a parsed file's column. */
  | { kind: 'driftSummary'; name: string; ref: ColumnSummary | null; cur: StoredColumn[] | null; options: DriftOptions }
  | { kind: 'summarize'; parts: StoredColumn[]; options: SummaryOptions };

export interface TaskResults {
  parse: RangeTable;
  drift: ColumnDriftResult;
  driftSummary: ColumnDriftResult;
  summarize: ColumnSummary;
}

/** In-memory buffers of stored columns, to transfer (not copy) between threads. */
export function columnBuffers(columns: readonly StoredColumn[]): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (s: StoredArray | null): void => {
    if (s?.kind === 'memory' && s.data.byteLength > 0) out.push(s.data.buffer as ArrayBuffer);
  };
  for (const c of columns) {
    add(c.numbers);
    add(c.dates);
    add(c.codes);
    out.push(...pieceBuffers(c.piece).filter((b) => b.byteLength > 0));
  }
  return [...new Set(out)];
}

export function runTableTask(task: TableTask): { value: TaskResults[TableTask['kind']]; transfer: ArrayBuffer[] } {
  switch (task.kind) {
    case 'parse': {
      const table = readCsvRange(task.file, task.options);
      return { value: table, transfer: columnBuffers(table.columns) };
    }
    case 'drift': {
      const ref = task.ref ? assembleColumn(task.ref) : undefined;
      const cur = task.cur ? assembleColumn(task.cur) : undefined;
      return { value: columnDrift(task.name, ref, cur, task.options), transfer: [] };
    }
    case 'driftSummary': {
      const cur = task.cur ? assembleColumn(task.cur) : undefined;
      // An exact reference becomes column data again: the same comparison as two files.
      if (!task.ref || summaryIsExact(task.ref)) return { value: columnDrift(task.name, task.ref ? summaryToColumn(task.ref) : undefined, cur, task.options), transfer: [] };
      const alpha = task.ref.sketch?.alpha;
      const curSummary = cur ? summarizeColumn(cur, alpha === undefined ? {} : { alpha }) : undefined;
      return { value: columnDriftFromSummaries(task.name, task.ref, curSummary, task.options), transfer: [] };
    }
    case 'summarize': {
      const summary = summarizeColumn(assembleColumn(task.parts), task.options);
      const transfer = [summary.numbers, summary.dates].flatMap((vc) => (vc ? [vc.values.buffer as ArrayBuffer, vc.counts.buffer as ArrayBuffer] : []));
      return { value: summary, transfer };
    }
  }
}
