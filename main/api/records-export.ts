import type { LogRecord } from '../../shared/contract/schemas';
import type { RecordExportChunk, RecordExportFormat } from '../../shared/contract/records-schemas';
import { csvField } from '../demo/generate/csv';
import type { Db } from '../storage/db';
import { pageKeys, recordsByIds, type RecordFilter } from '../storage/records-repo';
import { storedPiiFor, type StoredPii } from '../storage/records-pii-repo';
import { maskField, maskJson } from './records-pii-mask';

/** One exported record: the Records JSONL import format (so an export imports again) plus id, asset and scores. */
interface ExportedRecord {
  record_id: number;
  asset_id: number;
  id: string | null;
  timestamp: string | null;
  model: string | null;
  model_version: string | null;
  prompt_id: string | null;
  prompt_version: string | null;
  input: string;
  output: string;
  contexts: string[];
  tokens_in: number | null;
  tokens_out: number | null;
  latency_ms: number | null;
  cost: number | null;
  metadata: unknown;
  scores: Record<string, number | null> | null;
  flags: string[];
}

function exported(r: LogRecord, pii: StoredPii | undefined, reveal: boolean): ExportedRecord {
  const s = r.scores;
  return {
    record_id: r.id, asset_id: r.assetId, id: r.externalId, timestamp: r.timestamp, model: r.model, model_version: r.modelVersion,
    prompt_id: r.promptId, prompt_version: r.promptVersion,
    input: reveal ? r.input : maskField(r.input, pii?.input),
    output: reveal ? r.output : maskField(r.output, pii?.output),
    contexts: reveal ? r.contexts : r.contexts.map((c) => maskField(c, undefined)),
    tokens_in: r.tokensIn, tokens_out: r.tokensOut, latency_ms: r.latencyMs, cost: r.cost,
    metadata: reveal ? r.metadata : maskJson(r.metadata),
    scores: s && { grounding: s.grounding, toxicity: s.toxicity, injection: s.injection, context_injection: s.contextInjection, pii: s.pii },
    flags: s?.flags ?? [],
  };
}

const CSV_COLUMNS = ['record_id', 'asset_id', 'id', 'timestamp', 'model', 'model_version', 'prompt_id', 'prompt_version', 'input', 'output',
  'contexts', 'tokens_in', 'tokens_out', 'latency_ms', 'cost', 'metadata', 'grounding', 'toxicity', 'injection', 'pii', 'flags'] as const;

// A cell starting with = + - @ (or a tab or CR before them) runs as a formula in spreadsheet apps; log text is
// untrusted, so such text cells get a leading apostrophe, as OWASP advises for CSV exports.
const FORMULA_START = /^[=+\-@\t\r]/;
const textCell = (v: string | null): string => csvField(v !== null && FORMULA_START.test(v) ? `'${v}` : v);
const numberCell = (v: number | null | undefined): string => csvField(v ?? null);

function csvLine(e: ExportedRecord): string {
  return [
    numberCell(e.record_id), numberCell(e.asset_id), textCell(e.id), textCell(e.timestamp), textCell(e.model), textCell(e.model_version),
    textCell(e.prompt_id), textCell(e.prompt_version), textCell(e.input), textCell(e.output), textCell(JSON.stringify(e.contexts)),
    numberCell(e.tokens_in), numberCell(e.tokens_out), numberCell(e.latency_ms), numberCell(e.cost), textCell(JSON.stringify(e.metadata)),
    numberCell(e.scores?.grounding), numberCell(e.scores?.toxicity), numberCell(e.scores?.injection), numberCell(e.scores?.pii),
    textCell(e.flags.join(' ')),
  ].join(',');
}

function format(rows: ExportedRecord[], fmt: RecordExportFormat, header: boolean): string {
  if (fmt === 'jsonl') return rows.map((e) => `${JSON.stringify(e)}\n`).join('');
  const lines = header ? [CSV_COLUMNS.join(',')] : [];
  for (const e of rows) lines.push(csvLine(e));
  return lines.length ? `${lines.join('\r\n')}\r\n` : '';
}

/** The next chunk of an export of the current view: keyset over the filter and sort, PII masked unless revealed. */
export function exportChunk(db: Db, q: Omit<RecordFilter, 'offset'> & { format: RecordExportFormat; revealPii: boolean }): RecordExportChunk {
  const { ids, next } = pageKeys(db, { ...q, offset: 0 });
  const records = recordsByIds(db, ids);
  const pii = q.revealPii ? new Map<number, StoredPii>() : storedPiiFor(db, ids);
  const rows = records.map((r) => exported(r, pii.get(r.id), q.revealPii));
  return { text: format(rows, q.format, q.after === undefined), rows: rows.length, next };
}
