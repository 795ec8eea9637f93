import type { ImportPreview } from '../../shared/contract/import-schemas';
import { insertAsset } from '../storage/assets-repo';
import { getDatasetColumns, readDatasetRows } from '../storage/datasets-repo';
import { openScratchImportDb } from '../storage/import-connection';
import { firstKbChunks } from '../storage/kb-repo';
import { listRecords } from '../storage/records-repo';
import type { Workspace } from '../storage/workspace';
import { Accounting } from './pipeline/accounting';
import { readSources } from './read-sources';
import { PromptCollector } from './records/prompt-collector';
import { createPipeline, prepareImport, type ImportInput } from './run-import';
import { sourceLabel } from './uploads';

/** Trace formats need whole traces: read this many items before assembling the preview. */
const TRACE_PREVIEW_ITEMS = 2000;

/**
 * Runs the real import pipeline on the first rows into a throw-away in-memory database and reads them back,
 * so the preview shows rows exactly as they will be stored (and the quarantine the first rows would produce).
 */
export async function previewImport(ws: Workspace, input: ImportInput & { limit: number }): Promise<ImportPreview> {
  const prep = await prepareImport(ws.db, input);
  const { detection } = prep;
  const warnings = [...prep.warnings];
  const scratch = openScratchImportDb();
  const db = scratch.db;
  let closePipeline = () => {};
  try {
    const kind = detection.spec.kind;
    const assetId = insertAsset(db, { kind, name: prep.name, version: 1, sha256: 'preview', sourcePath: null });
    const quarantine: ImportPreview['quarantine'] = [];
    const acc = new Accounting((q) => { if (quarantine.length < input.limit) quarantine.push({ file: q.file, line: q.line, byteOffset: q.byteOffset, field: q.field, reason: q.reason }); }, sourceLabel);
    const pipeline = createPipeline({ db, assetId, importId: 0, assetName: prep.name, spec: detection.spec, columnEdits: detection.columnEdits, acc, warn: (m) => warnings.push(m) }, new PromptCollector());
    closePipeline = () => pipeline.close?.();
    const tracey = ['otel', 'openinference', 'langfuse'].includes(detection.spec.format);
    await readSources(prep.files, detection, pipeline, acc, (m) => warnings.push(m), { stopAfterItems: tracey ? TRACE_PREVIEW_ITEMS : input.limit + quarantine.length + 1 });
    pipeline.finish();
    const spec = pipeline.resolvedSpec();
    let rows: Record<string, unknown>[] = [];
    let columns: ImportPreview['columns'] = null;
    if (kind === 'logs') {
      rows = listRecords(db, { assetId, sort: 'id', dir: 'asc', offset: 0, limit: input.limit }).rows.map(({ id: _id, assetId: _a, ...r }) => r);
    } else if (kind === 'dataset') {
      rows = readDatasetRows(db, assetId, 0, input.limit);
      const all = readDatasetRows(db, assetId, 0, 200);
      columns = getDatasetColumns(db, assetId).map((c) => ({
        ...c, sample: [...new Set(all.map((r) => r[c.name]).filter((v) => v !== null).map(String))].slice(0, 5),
      }));
    } else {
      rows = firstKbChunks(db, assetId, input.limit).map((c) => ({ ...c }));
    }
    return { spec, reason: detection.reason, compressed: detection.compressed, fieldsSeen: detection.fieldsSeen, columns, rows, quarantine, warnings };
  } finally {
    closePipeline();
    scratch.close();
  }
}
