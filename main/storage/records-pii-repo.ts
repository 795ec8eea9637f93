import type { Db } from './db';

/** A stored PII region of one text field: JavaScript string offsets and the entity type. */
export interface PiiRegion {
  start: number;
  end: number;
  type: string;
}

/** What the latest PII analysis of a record found in its input and output (contexts are not analyzed). */
export interface StoredPii {
  input: PiiRegion[];
  output: PiiRegion[];
}

const isRegion = (v: unknown): v is { start: number; end: number } =>
  typeof v === 'object' && v !== null && Number.isInteger((v as { start?: unknown }).start) && Number.isInteger((v as { end?: unknown }).end);

const regionOf = (v: { start: number; end: number; type?: unknown; label?: unknown }): PiiRegion =>
  ({ start: v.start, end: v.end, type: typeof v.type === 'string' ? v.type : typeof v.label === 'string' ? v.label : 'pii' });

/**
 * The PII analyzer's spans for these records, from their latest PII finding: output spans, and input spans from
 * its details (`input_pii`). Records the analyzer has not seen are absent from the map.
 */
export function storedPiiFor(db: Db, ids: readonly number[]): Map<number, StoredPii> {
  const out = new Map<number, StoredPii>();
  if (ids.length === 0) return out;
  const rows = db.prepare(`SELECT record_id AS id, spans, details FROM findings
    WHERE analyzer_id = 'pii' AND record_id IN (SELECT value FROM json_each(?)) ORDER BY run_id`).all(JSON.stringify(ids)) as
    { id: number; spans: string; details: string | null }[];
  for (const row of rows) {
    const spans = JSON.parse(row.spans) as unknown[];
    const details = row.details === null ? {} : (JSON.parse(row.details) as { input_pii?: unknown });
    const input = Array.isArray(details.input_pii) ? details.input_pii : [];
    // Later runs come later and replace earlier ones.
    out.set(row.id, {
      output: spans.filter((s) => isRegion(s) && (s as { field?: unknown }).field === 'output').map((s) => regionOf(s as PiiRegion)),
      input: input.filter(isRegion).map((s) => regionOf(s as PiiRegion)),
    });
  }
  return out;
}
