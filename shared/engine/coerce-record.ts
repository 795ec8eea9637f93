import type { AnalyzerRecord } from './analyzer';

export interface CoercedRecord {
  record: AnalyzerRecord;
  /** What had to be fixed to make the line scoreable, for the output's `notes`. */
  notes: string[];
}

function asText(value: unknown, field: string, notes: string[]): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  notes.push(`${field} is ${Array.isArray(value) ? 'an array' : typeof value}, not a string; scored its JSON text`);
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * Accepts whatever a pipeline sends (missing fields, numbers, context objects with a `text` or `content`
 * member) and yields a record every analyzer can read, saying what was changed instead of failing.
 */
export function coerceRecord(raw: Record<string, unknown>): CoercedRecord {
  const notes: string[] = [];
  const contexts: string[] = [];
  const rawContexts = raw.contexts;
  if (rawContexts !== undefined && rawContexts !== null && !Array.isArray(rawContexts)) {
    notes.push('contexts is not an array; used it as one context');
  }
  const list = rawContexts === undefined || rawContexts === null ? [] : Array.isArray(rawContexts) ? rawContexts : [rawContexts];
  list.forEach((c, i) => {
    if (typeof c === 'string') contexts.push(c);
    else if (c && typeof c === 'object' && typeof (c as { text?: unknown }).text === 'string') contexts.push((c as { text: string }).text);
    else if (c && typeof c === 'object' && typeof (c as { content?: unknown }).content === 'string') contexts.push((c as { content: string }).content);
    else if (c === null || c === undefined) notes.push(`contexts[${i}] is empty; skipped`);
    else {
      notes.push(`contexts[${i}] is ${typeof c}, not a string; scored its JSON text`);
      contexts.push(JSON.stringify(c));
    }
  });
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? raw.id : undefined;
  return { record: { id, input: asText(raw.input, 'input', notes), output: asText(raw.output, 'output', notes), contexts }, notes };
}
