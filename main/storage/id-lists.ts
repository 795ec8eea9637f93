// Id lists read in bulk. better-sqlite3 builds a JavaScript value per row, which at a million rows costs more
// than SQLite's own scan; a group_concat() cast to a BLOB comes back as one buffer, parsed here into a typed array
// (ten times faster than pushing onto a number[]).
import { createHash } from 'node:crypto';

/**
 * Non-negative integers from a CAST(group_concat(id) AS BLOB) (',' between them, or the byte given, e.g. 10 for
 * group_concat(id, char(10)); null, from no rows, is empty).
 */
export function parseIdBlob(blob: Uint8Array | null, separator = 44): Float64Array {
  if (blob === null || blob.length === 0) return new Float64Array(0);
  let n = 1;
  for (let i = 0; i < blob.length; i++) if (blob[i] === separator) n++;
  const out = new Float64Array(n);
  let value = 0;
  let k = 0;
  for (let i = 0; i < blob.length; i++) {
    const c = blob[i]!;
    if (c === separator) {
      out[k++] = value;
      value = 0;
    } else value = value * 10 + (c - 48);
  }
  out[k] = value;
  return out;
}

/** One-digit codes from a CAST(group_concat(code, '') AS BLOB), one per row. */
export function parseDigitBlob(blob: Uint8Array | null): Uint8Array {
  const out = new Uint8Array(blob?.length ?? 0);
  for (let i = 0; i < out.length; i++) out[i] = blob![i]! - 48;
  return out;
}

export function isAscending(ids: ArrayLike<number>): boolean {
  for (let i = 1; i < ids.length; i++) if (ids[i]! <= ids[i - 1]!) return false;
  return true;
}

/**
 * The positions of distinct non-negative integer `ids` in ascending id order. Each id and its position are packed
 * into one double (id * n + position, exact below 2^53; beyond that a comparator sort), so the typed array's
 * native numeric sort does the work without a comparator call per step.
 */
export function ascendingOrder(ids: ArrayLike<number>): Uint32Array {
  const n = ids.length;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, ids[i]!);
  if ((max + 1) * n > Number.MAX_SAFE_INTEGER) return new Uint32Array(n).map((_, i) => i).sort((a, b) => ids[a]! - ids[b]!);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = ids[i]! * n + i;
  packed.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = packed[i]! % n;
  return order;
}

/**
 * Ascending lists of distinct ids merged into one ascending list, with the number of the list each id came from.
 * Lists merge pairwise, round by round (a million ids in five lists: three rounds of tight typed-array loops,
 * ~10 ms, against ~100 ms for ascendingOrder). Each list must be ascending.
 */
export function mergeAscending(lists: readonly Float64Array[]): { ids: Float64Array; from: Uint32Array } {
  let runs: Run[] = lists.map((ids, l) => ({ ids, from: new Uint32Array(ids.length).fill(l) }));
  if (runs.length === 0) return { ids: new Float64Array(0), from: new Uint32Array(0) };
  while (runs.length > 1) {
    const next: Run[] = [];
    for (let i = 0; i < runs.length; i += 2) next.push(i + 1 < runs.length ? mergeTwo(runs[i]!, runs[i + 1]!) : runs[i]!);
    runs = next;
  }
  return runs[0]!;
}

interface Run { ids: Float64Array; from: Uint32Array }

function mergeTwo(a: Run, b: Run): Run {
  const ids = new Float64Array(a.ids.length + b.ids.length);
  const from = new Uint32Array(ids.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.ids.length && j < b.ids.length) {
    if (a.ids[i]! < b.ids[j]!) { ids[k] = a.ids[i]!; from[k++] = a.from[i++]!; }
    else { ids[k] = b.ids[j]!; from[k++] = b.from[j++]!; }
  }
  ids.set(a.ids.subarray(i), k);
  from.set(a.from.subarray(i), k);
  k += a.ids.length - i;
  ids.set(b.ids.subarray(j), k);
  from.set(b.from.subarray(j), k);
  return { ids, from };
}

/**
 * sha256 of the ids in decimal, ascending, one per line (no final newline): the population's fingerprint a re-draw
 * is checked against (Python: sha256("\\n".join(map(str, ids)).encode())). Digits are written straight into a
 * buffer, two at a time from a table, with integer arithmetic below 2^31: joining a million ids into one string
 * took seconds, and double division here ~65 ms.
 */
export function idsSha256(ids: ArrayLike<number>): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 16);
  const digits = new Uint8Array(20);
  let pos = 0;
  for (let i = 0; i < ids.length; i++) {
    if (pos > buf.length - 24) {
      hash.update(buf.subarray(0, pos));
      pos = 0;
    }
    if (i > 0) buf[pos++] = 10;
    let v = ids[i]!;
    let d = 0;
    while (v >= 2147483648) {
      digits[d++] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    let x = v | 0;
    while (x >= 100) {
      const q = (x / 100) | 0;
      const r = (x - q * 100) << 1;
      digits[d++] = PAIRS[r + 1]!;
      digits[d++] = PAIRS[r]!;
      x = q;
    }
    if (x >= 10) {
      digits[d++] = PAIRS[(x << 1) + 1]!;
      digits[d++] = PAIRS[x << 1]!;
    } else digits[d++] = 48 + x;
    while (d > 0) buf[pos++] = digits[--d]!;
  }
  hash.update(buf.subarray(0, pos));
  return hash.digest('hex');
}

/** "00".."99" as ASCII byte pairs. */
const PAIRS = Uint8Array.from({ length: 200 }, (_, i) => 48 + (i & 1 ? (i >> 1) % 10 : Math.floor((i >> 1) / 10)));
