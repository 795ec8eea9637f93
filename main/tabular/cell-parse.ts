// Classifies one CSV cell straight from the file's bytes. Numbers are parsed without creating a string
// (the hot path for numeric columns); everything else is decoded once and checked against null, NaN,
// Infinity and ISO-8601 date forms.

export const enum CellKind {
  Missing = 0,
  Number = 1,
  NaN = 2,
  PosInf = 3,
  NegInf = 4,
  Date = 5,
  String = 6,
}

const POW10: number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * Parses [+-]digits[.digits][(e|E)[+-]digits] exactly as Number() would, or returns NaN when the bytes are not
 * in that form. Uses the exact fast path (mantissa < 2^53, |exponent| <= 22) and falls back to Number().
 */
export function parseNumberBytes(buf: Buffer, start: number, end: number): number {
  let i = start;
  let c = buf[i]!;
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  let any = false;
  while (i < end) {
    c = buf[i]!;
    if (c < 48 || c > 57) break;
    if (digits < 16) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) digits++;
    } else exponent++;
    any = true;
    i++;
  }
  if (i < end && buf[i] === 46) {
    i++;
    while (i < end) {
      c = buf[i]!;
      if (c < 48 || c > 57) break;
      if (digits < 16) {
        mantissa = mantissa * 10 + (c - 48);
        if (mantissa !== 0) digits++;
        exponent--;
      }
      any = true;
      i++;
    }
  }
  if (!any) return Number.NaN;
  if (i < end) {
    c = buf[i]!;
    if (c !== 101 && c !== 69) return Number.NaN;
    i++;
    let expNegative = false;
    if (buf[i] === 45 || buf[i] === 43) {
      expNegative = buf[i] === 45;
      i++;
    }
    let e = 0;
    let expDigits = 0;
    while (i < end) {
      c = buf[i]!;
      if (c < 48 || c > 57) return Number.NaN;
      if (e < 100000) e = e * 10 + (c - 48);
      expDigits++;
      i++;
    }
    if (!expDigits) return Number.NaN;
    exponent += expNegative ? -e : e;
  }
  if (digits > 15 || exponent < -22 || exponent > 22) return Number(buf.toString('latin1', start, end));
  const v = exponent === 0 ? mantissa : exponent < 0 ? mantissa / POW10[-exponent]! : mantissa * POW10[exponent]!;
  return negative ? -v : v;
}

const MISSING_TOKENS = new Set(['', 'na', 'n/a', '#n/a', 'null', 'none', 'nil', '<na>']);
const NAN_TOKENS = new Set(['nan', '-nan', '+nan']);
const POS_INF_TOKENS = new Set(['inf', '+inf', 'infinity', '+infinity']);
const NEG_INF_TOKENS = new Set(['-inf', '-infinity']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Epoch milliseconds of an ISO-8601 date or date-time (UTC unless it names an offset), or NaN. */
export function parseIsoDate(text: string): number {
  const m = ISO_DATE.exec(text);
  if (!m) return Number.NaN;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return Number.NaN;
  let iso = `${y}-${mo}-${d}T${h ?? '00'}:${mi ?? '00'}:${s ?? '00'}${frac ?? ''}`;
  iso += zone ? (zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`) : 'Z';
  return Date.parse(iso);
}

/** Kind of a decoded (non-number) cell. Writes the date value into `out[0]` for dates. */
export function classifyText(text: string, out: Float64Array): CellKind {
  const first = text.charCodeAt(0);
  // Only tokens starting with these letters/signs can be null, NaN or Infinity words; skip the set lookups otherwise.
  if (text.length <= 9 && (first === 45 || first === 43 || first === 35 || first === 60 || /[nNiI]/.test(text[0] ?? ''))) {
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
