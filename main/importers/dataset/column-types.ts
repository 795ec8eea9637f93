import type { ColumnType } from '../../../shared/contract/import-schemas';
import type { DatasetValue } from '../../storage/datasets-repo';
import { CellKind, classifyText, parseIsoDate } from '../../../shared/drift/cell-text';

const TRUE = new Set(['true', 'yes', 't', 'y']);
const FALSE = new Set(['false', 'no', 'f', 'n']);
const INT = /^[+-]?\d+$/;
const NUM = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const scratch = new Float64Array(1);

/**
 * "No value", as shared/drift/cell-text.ts classifies cells for `assay drift` too: null words (NA, null, "?" as
 * UCI writes it, ...) and NaN, which a table cannot hold as a value.
 */
export function isMissing(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'number') return Number.isNaN(v);
  if (typeof v !== 'string') return false;
  const kind = classifyText(v.trim(), scratch);
  return kind === CellKind.Missing || kind === CellKind.NaN;
}

/** The narrowest type every non-missing sample value fits; strings split into categorical and free text. */
export function inferType(values: readonly unknown[]): ColumnType {
  const present = values.filter((v) => !isMissing(v)).map((v) => (typeof v === 'string' ? v.trim() : v));
  if (present.length === 0) return 'categorical';
  // A stray bad cell ("forty thousand" among numbers) should be quarantined, not turn the column into text.
  const tolerance = present.length >= 5 ? Math.max(1, Math.floor(present.length * 0.02)) : 0;
  const fits = (test: (v: unknown) => boolean) => present.length - present.filter(test).length <= tolerance;
  if (fits((v) => typeof v === 'boolean' || (typeof v === 'string' && (TRUE.has(v.toLowerCase()) || FALSE.has(v.toLowerCase()))))) return 'boolean';
  if (fits((v) => (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && INT.test(v) && Number.isSafeInteger(Number(v))))) return 'integer';
  if (fits((v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUM.test(v)))) return 'number';
  if (fits((v) => typeof v === 'string' && Number.isFinite(parseIsoDate(v)))) return 'datetime';
  const distinct = new Set(present.map(String));
  const avgLength = present.reduce<number>((n, v) => n + String(v).length, 0) / present.length;
  return (distinct.size <= 20 || distinct.size / present.length <= 0.5) && avgLength < 100 ? 'categorical' : 'text';
}

export type Coerced = { ok: true; value: DatasetValue } | { ok: false; reason: string };

/** One cell as its column type; a value that does not fit is reported, never silently nulled. */
export function coerce(v: unknown, type: ColumnType): Coerced {
  if (isMissing(v)) return { ok: true, value: null };
  const s = typeof v === 'string' ? v.trim() : v;
  switch (type) {
    case 'integer':
      if (typeof s === 'number' && Number.isInteger(s)) return { ok: true, value: s };
      if (typeof s === 'string' && INT.test(s) && Number.isSafeInteger(Number(s))) return { ok: true, value: Number(s) };
      if (typeof s === 'string' && NUM.test(s) && Number.isInteger(Number(s))) return { ok: true, value: Number(s) };
      return bad('an integer', v);
    case 'number':
      if (typeof s === 'number' && Number.isFinite(s)) return { ok: true, value: s };
      if (typeof s === 'string' && NUM.test(s)) return { ok: true, value: Number(s) };
      return bad('a number', v);
    case 'boolean':
      if (typeof s === 'boolean') return { ok: true, value: s };
      if (typeof s === 'number' && (s === 0 || s === 1)) return { ok: true, value: s === 1 };
      if (typeof s === 'string') {
        const l = s.toLowerCase();
        if (TRUE.has(l) || l === '1') return { ok: true, value: true };
        if (FALSE.has(l) || l === '0') return { ok: true, value: false };
      }
      return bad('true/false', v);
    case 'datetime': {
      // Dates without a zone are read as UTC so every machine stores the same instant.
      const ms = typeof s === 'number' ? (s > 1e11 ? s : s * 1000) : typeof s === 'string' ? parseIsoDate(s) : NaN;
      if (Number.isFinite(ms)) return { ok: true, value: new Date(ms).toISOString() };
      return bad('a date or time', v);
    }
    case 'categorical':
    case 'text':
      return { ok: true, value: typeof s === 'string' ? s : typeof s === 'object' ? JSON.stringify(s) : String(s) };
  }
}

function bad(what: string, v: unknown): Coerced {
  const shown = typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : JSON.stringify(v);
  return { ok: false, reason: `expected ${what}, got ${shown}` };
}
