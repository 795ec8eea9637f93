// Parses numbers straight from a CSV file's bytes, without creating a string (the hot path for numeric
// columns). Cells that are not numbers are decoded and classified by shared/drift/cell-text.ts.

const POW10: number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/**
 * Where scanNumber leaves the value it parsed (a shared slot, so no tuple is allocated per cell). `decimals` is
 * d >= 0 when the value is exactly m / 10^d for the integer m its digits spell (the fast path below), so a
 * fixed-decimal column can be kept as integer keys round(value * 10^d); -1 when the value came from Number().
 */
export const scanned = { value: 0, decimals: -1 };

/**
 * Reads [+-]digits[.digits][(e|E)[+-]digits] from `start`, stopping at the first byte that cannot continue
 * it, and returns the end index (== start when there is no number). The value, exactly what Number() gives
 * for those bytes, goes to `scanned.value`: an exact fast path when every significant digit fits a mantissa
 * under 2^53 and the exponent is within +-22 (Clinger), Number() otherwise. The CSV scanner calls it at the start of every unquoted field, so numeric cells
 * are parsed in the same pass that finds the field's end.
 */
export function scanNumber(buf: Buffer, start: number, limit: number): number {
  let i = start;
  const c = buf[i];
  let negative = false;
  if (c === 45 || c === 43) {
    negative = c === 45;
    i++;
  }
  // The mantissa stays below 2^53 while it is under 9e14 before each step; a digit that does not fit marks
  // the value inexact and Number() parses it instead.
  let mantissa = 0;
  let exponent = 0;
  let inexact = false;
  const digitsStart = i;
  while (i < limit) {
    const d = buf[i]! - 48;
    if (d >>> 0 > 9) break;
    if (mantissa < 9e14) mantissa = mantissa * 10 + d;
    else {
      exponent++;
      if (d) inexact = true;
    }
    i++;
  }
  let any = i > digitsStart;
  if (i < limit && buf[i] === 46) {
    i++;
    const fracStart = i;
    while (i < limit) {
      const d = buf[i]! - 48;
      if (d >>> 0 > 9) break;
      if (mantissa < 9e14) {
        mantissa = mantissa * 10 + d;
        exponent--;
      } else if (d) inexact = true;
      i++;
    }
    any ||= i > fracStart;
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
      const d = buf[k]! - 48;
      if (d >>> 0 > 9) break;
      if (e < 100000) e = e * 10 + d;
      k++;
    }
    // "1e" or "1e+" is not a number; the caller sees the field continue past `i` and treats it as text.
    if (k === expStart) return i;
    exponent += expNegative ? -e : e;
    i = k;
  }
  if (inexact || exponent < -22 || exponent > 22) {
    scanned.value = Number(buf.toString('latin1', start, i));
    scanned.decimals = -1;
    return i;
  }
  scanned.decimals = exponent < 0 ? -exponent : 0;
  const v = exponent === 0 ? mantissa : exponent < 0 ? mantissa / POW10[-exponent]! : mantissa * POW10[exponent]!;
  scanned.value = negative ? -v : v;
  return i;
}

/** The number the bytes [start, end) spell, or NaN when they are not exactly a number. */
export function parseNumberBytes(buf: Buffer, start: number, end: number): number {
  return start < end && scanNumber(buf, start, end) === end ? scanned.value : Number.NaN;
}
