// Classifies a cell that is not a plain number: null tokens, NaN and Infinity words, ISO-8601 dates, or text.
// The one classifier for CSV cells: the drift loader, columns built from record values and the dataset import
// (main/importers/dataset/column-types.ts) all use it, so a CSV is typed the same way by `assay drift` and
// `assay import`.

export const CellKind = { Missing: 0, Number: 1, NaN: 2, PosInf: 3, NegInf: 4, Date: 5, String: 6 } as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];

// "?" is how UCI datasets (adult, census) write a missing value.
const MISSING_TOKENS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'none', 'nil', '<na>', '?']);
const NAN_TOKENS = new Set(['nan', '-nan', '+nan']);
const POS_INF_TOKENS = new Set(['inf', '+inf', 'infinity', '+infinity']);
const NEG_INF_TOKENS = new Set(['-inf', '-infinity']);
// ISO-8601 dates and date-times, and the same with "/" between year, month and day (2024/03/31 10:00).
const ISO_DATE = /^(\d{4})([-/])(\d{2})\2(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch milliseconds of an ISO-8601 date or date-time (UTC unless it names an offset), or NaN. */
export function parseIsoDate(text: string): number {
  const m = ISO_DATE.exec(text);
  if (!m) return Number.NaN;
  const [, y, , mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  let iso = `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}${frac ?? ''}`;
  iso += zone ? (zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`) : 'Z';
  return Date.parse(iso);
}

/** Kind of a decoded (non-number) cell. Writes the date value into `out[0]` for dates. */
export function classifyText(text: string, out: Float64Array): CellKind {
  if (text.length === 0) return CellKind.Missing;
  const first = text.charCodeAt(0);
  // Only tokens starting with these letters/signs can be null, NaN or Infinity words; skip the set lookups otherwise.
  if (text.length <= 9 && (first === 45 || first === 43 || first === 35 || first === 60 || first === 63 || /[nNiI]/.test(text[0] ?? ''))) {
    const lower = text.toLowerCase();
    if (MISSING_TOKENS.has(lower)) return CellKind.Missing;
    if (NAN_TOKENS.has(lower)) return CellKind.NaN;
    if (POS_INF_TOKENS.has(lower)) return CellKind.PosInf;
    if (NEG_INF_TOKENS.has(lower)) return CellKind.NegInf;
  }
  if (first >= 48 && first <= 57 && text.length >= 10) {
    const ms = parseIsoDate(text);
    if (!Number.isNaN(ms)) {
      out[0] = ms;
      return CellKind.Date;
    }
  }
  return CellKind.String;
}
