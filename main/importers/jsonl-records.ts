import type { ImportSummary } from '../../shared/contract/import-schemas';
import type { Workspace } from '../storage/workspace';
import { runImport } from './run-import';

export interface ImportOptions {
  name?: string;
  onProgress?: (rows: number, bytes: number, totalBytes: number) => void;
}

/**
 * Imports Assay's native JSONL records as a new logs asset version (kept for the demo builder and early
 * callers; `runImport` handles every other format).
 */
export function importJsonlRecords(ws: Workspace, file: string, options: ImportOptions = {}): Promise<ImportSummary> {
  return runImport(ws, { paths: [file], name: options.name, spec: { kind: 'logs', format: 'jsonl' } }, {
    onProgress: (p) => options.onProgress?.(p.rows, p.bytes, p.totalBytes ?? 0),
  });
}
