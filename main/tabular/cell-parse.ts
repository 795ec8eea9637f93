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

/** Where scanNumber leaves the value it parsed (a shared slot, so no tuple is allocated per cell). */
export const scanned = { value: 0 };

/**
 * Reads [+-]digits[.digits][(e|E)[+-]digits] from `start`, stopping at the first byte that cannot continue
 * it, and returns the end index (== start when there is no number). The value, exactly what Number() gives
 * for those bytes, goes to `scanned.value`: an exact fast path for mantissas under 2^53 and exponents within
 * +-22, Number() otherwise. The CSV scanner calls it at the start of every unquoted field, so numeric cells
 * are parsed in the same pass that finds the field's end.
 */
export function scanNumber(buf: Buffer, start: number, limit: number): number {
  let i = start;
  let c = buf[i];
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let exponent = 0;
  let any = false;
  while (i < limit) {
    c = buf[i]!;
    if (c < 48 || c > 57) break;
    if (digits < 16) {
      mantissa = mantissa * 10 + (c - 48);
      if (mantissa !== 0) digits++;
    } else exponent++;
    any = true;
    i++;
  }
  if (i < limit && buf[i] === 46) {
    i++;
    while (i < limit) {
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
  if (!any) return start;
  if (i < limit && (buf[i] === 101 || buf[i] === 69)) {
    let k = i + 1;
    let expNegative = false;
    if (buf[k] === 45 || buf[k] === 43) {
      expNegative = buf[k] === 45;
      k++;
    }
    let e = 0;
    const expStart = k;
    while (k < limit) {
      c = buf[k]!;
      if (c < 48 || c > 57) break;
      if (e < 100000) e = e * 10 + (c - 48);
      k++;
    }
    // "1e" or "1e+" is not a number; the caller sees the field continue past `i` and treats it as text.
    if (k === expStart) return i;
    exponent += expNegative ? -e : e;
    i = k;
  }
  if (digits > 15 || exponent < -22 || exponent > 22) {
    scanned.value = Number(buf.toString('latin1', start, i));
    return i;
  }
  const v = exponent === 0 ? mantissa : exponent < 0 ? mantissa / POW10[-exponent]! : mantissa * POW10[exponent]!;
  scanned.value = negative ? -v : v;
  return i;
}

/** The number the bytes [start, end) spell, or NaN when they are not exactly a number. */
export function parseNumberBytes(buf: Buffer, start: number, end: number): number {
  return start < end && scanNumber(buf, start, end) === end ? scanned.value : Number.NaN;
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
