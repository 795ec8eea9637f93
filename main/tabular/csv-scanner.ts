// Streaming RFC 4180 scanner over a file's bytes: quoted fields (with "" escapes and embedded newlines),
// CRLF or LF line ends, a UTF-8 BOM, blank lines skipped. It hands each complete row to a sink as byte
// offsets into the read buffer; an unquoted field that is exactly a number arrives already parsed (found in
// the same pass as the field's end), so numeric cells never become strings. This runs several
// times faster than csv-parse's record objects on large files (measured by bench/drift.ts); csv-parse
// stays the reference the tests compare it with.
import { closeSync, openSync, readSync } from 'node:fs';
import { scanned, scanNumber } from './cell-parse';

export const FIELD_QUOTED = 1;
export const FIELD_ESCAPED = 2;
/** The whole unquoted field is a number, already parsed into values[i]. */
export const FIELD_NUMBER = 4;

export interface RowSink {
  /**
   * Fields of one row: bytes [starts[i], ends[i]) of `buf`; flags[i] = FIELD_QUOTED | FIELD_ESCAPED | FIELD_NUMBER;
   * for a FIELD_NUMBER field, values[i] is the number and decimals[i] its fixed decimals (scanned.decimals).
   */
  row(buf: Buffer, starts: Int32Array, ends: Int32Array, flags: Uint8Array, values: Float64Array, decimals: Int8Array, count: number): void;
}

export class CsvSyntaxError extends Error {}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export interface ScanOptions {
  delimiter: number;
  chunkSize?: number;
  /** Byte range of the file to scan (default: all of it); a range other than the first starts just after a line end. */
  start?: number;
  end?: number;
}

export interface ScanResult {
  /** Whether any byte scanned was a double quote (a split at a line end may then have cut a quoted field). */
  sawQuote: boolean;
}

/** Guesses the delimiter from the first line: the most frequent of comma, semicolon, tab and pipe outside quotes. */
export function sniffDelimiter(head: Buffer): number {
  const counts = new Map<number, number>([[44, 0], [59, 0], [9, 0], [124, 0]]);
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && (c === LF || c === CR)) break;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = 44;
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  return best;
}

const POW10: number[] = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));
let fastCount = 0;

/**
 * The fast path for rows of plain decimal numbers ([-]digits[.digits], at most 15 digits, so value =
 * digits / 10^decimals exactly, as scanNumber computes it): parses the whole row and returns the offset after its
 * line end, with the field count in fastCount; -1 as soon as anything else appears (the general path below
 * then parses the row). Relies on the sentinel 0 after the buffered data.
 */
function numericRow(buf: Buffer, start: number, delim: number, starts: Int32Array, ends: Int32Array, flags: Uint8Array, values: Float64Array, decimals: Int8Array): number {
  let p = start;
  let count = 0;
  const cap = values.length;
  for (;;) {
    if (count === cap) return -1;
    const fieldStart = p;
    let c = buf[p]!;
    const negative = c === 45;
    if (negative) c = buf[++p]!;
    let m = 0;
    const digitsStart = p;
    while (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      c = buf[++p]!;
    }
    let digits = p - digitsStart;
    let dec = 0;
    if (c === 46) {
      const fracStart = ++p;
      c = buf[p]!;
      while (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        c = buf[++p]!;
      }
      dec = p - fracStart;
      digits += dec;
    }
    if (digits === 0 || digits > 15) return -1;
    const v = dec === 0 ? m : m / POW10[dec]!;
    values[count] = negative ? -v : v;
    decimals[count] = dec;
    flags[count] = FIELD_NUMBER;
    starts[count] = fieldStart;
    ends[count] = p;
    count++;
    if (c === delim) {
      p++;
      continue;
    }
    if (c === LF) {
      fastCount = count;
      return p + 1;
    }
    if (c === CR && buf[p + 1] === LF) {
      fastCount = count;
      return p + 2;
    }
    return -1;
  }
}

export function scanCsvFile(path: string, sink: RowSink, options: ScanOptions): ScanResult {
  const fd = openSync(path, 'r');
  try {
    return scanFd(fd, sink, options);
  } finally {
    closeSync(fd);
  }
}

function scanFd(fd: number, sink: RowSink, options: ScanOptions): ScanResult {
  const delim = options.delimiter;
  let filePos = options.start ?? 0;
  const fileEnd = options.end ?? Infinity;
  let sawQuote = false;
  let buf = Buffer.allocUnsafe(options.chunkSize ?? 1 << 22);
  let starts: Int32Array = new Int32Array(64);
  let ends: Int32Array = new Int32Array(64);
  let flags: Uint8Array = new Uint8Array(64);
  let values: Float64Array = new Float64Array(64);
  let decimals: Int8Array = new Int8Array(64);
  let len = 0;
  let eof = false;
  let first = true;
  let rowNumber = 0;
  for (;;) {
    if (!eof) {
      // One byte past the data is kept for a sentinel (0), so the numeric fast path needs no bounds checks.
      if (len >= buf.length - 1) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
      }
      const n = readSync(fd, buf, len, Math.min(buf.length - 1 - len, fileEnd - filePos), filePos);
      if (n === 0) eof = true;
      else if (!sawQuote && buf.subarray(len, len + n).includes(QUOTE)) sawQuote = true;
      filePos += n;
      len += n;
      buf[len] = 0;
    }
    let pos = 0;
    if (first) {
      first = false;
      if ((options.start ?? 0) === 0 && len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3;
    }
    // Parse as many complete rows as the buffer holds; `rowStart` marks where an incomplete row begins.
    let rowStart = pos;
    rows: while (pos < len) {
      rowStart = pos;
      const fastEnd = numericRow(buf, pos, delim, starts, ends, flags, values, decimals);
      if (fastEnd > 0) {
        pos = rowStart = fastEnd;
        rowNumber++;
        sink.row(buf, starts, ends, flags, values, decimals, fastCount);
        continue;
      }
      let count = 0;
      for (;;) {
        if (count === starts.length) {
          const grow = (a: Int32Array): Int32Array => {
            const b = new Int32Array(a.length * 2);
            b.set(a);
            return b;
          };
          starts = grow(starts);
          ends = grow(ends);
          const f = new Uint8Array(flags.length * 2);
          f.set(flags);
          flags = f;
          const v = new Float64Array(values.length * 2);
          v.set(values);
          values = v;
          const d = new Int8Array(decimals.length * 2);
          d.set(decimals);
          decimals = d;
        }
        if (pos >= len) {
          // A delimiter was the last byte of the file: the row ends with an empty field.
          starts[count] = ends[count] = pos;
          flags[count++] = 0;
          break;
        }
        let c = buf[pos];
        if (c === QUOTE) {
          let flag = FIELD_QUOTED;
          const contentStart = pos + 1;
          let q = contentStart;
          let contentEnd = -1;
          for (;;) {
            const at = buf.indexOf(QUOTE, q);
            if (at < 0 || at >= len) break;
            if (at + 1 >= len && !eof) break;
            if (at + 1 < len && buf[at + 1] === QUOTE) {
              flag |= FIELD_ESCAPED;
              q = at + 2;
              continue;
            }
            contentEnd = at;
            break;
          }
          if (contentEnd < 0) {
            if (eof) throw new CsvSyntaxError(`unclosed quote in row ${rowNumber + 1}`);
            break rows;
          }
          pos = contentEnd + 1;
          if (pos < len) {
            c = buf[pos];
            if (c !== delim && c !== LF && c !== CR) {
              throw new CsvSyntaxError(`unexpected character after a closing quote in row ${rowNumber + 1}`);
            }
          } else if (!eof) break rows;
          starts[count] = contentStart;
          ends[count] = contentEnd;
          flags[count] = flag;
        } else {
          const fieldStart = pos;
          let flag = 0;
          const numberEnd = scanNumber(buf, pos, len);
          if (numberEnd > pos) {
            const t = numberEnd < len ? buf[numberEnd] : -1;
            if (t === delim || t === LF || t === CR || (t === -1 && eof)) {
              flag = FIELD_NUMBER;
              values[count] = scanned.value;
              decimals[count] = scanned.decimals;
            }
            pos = numberEnd;
          }
          if (flag === 0) {
            while (pos < len) {
              c = buf[pos];
              if (c === delim || c === LF || c === CR) break;
              pos++;
            }
          }
          if (pos >= len && !eof) break rows;
          starts[count] = fieldStart;
          ends[count] = pos;
          flags[count] = flag;
        }
        count++;
        if (pos >= len) break;
        c = buf[pos];
        if (c === delim) {
          pos++;
          if (pos >= len && !eof) break rows;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= len && !eof) break rows;
          pos++;
          if (pos < len && buf[pos] === LF) pos++;
        } else pos++;
        break;
      }
      rowStart = pos;
      rowNumber++;
      if (count === 1 && starts[0] === ends[0] && flags[0] === 0) continue;
      sink.row(buf, starts, ends, flags, values, decimals, count);
    }
    if (eof) return { sawQuote };
    // Keep the incomplete row at the front of the buffer and read more after it.
    buf.copy(buf, 0, rowStart, len);
    len -= rowStart;
  }
}
