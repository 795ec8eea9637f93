// Id lists read in bulk. better-sqlite3 builds a JavaScript value per row, which at a million rows costs more
// than SQLite's own scan; a group_concat() cast to a BLOB comes back as one buffer, parsed here into a typed array
// (ten times faster than pushing onto a number[]).

/** Non-negative integers from a CAST(group_concat(id) AS BLOB) (',' between them; null, from no rows, is empty). */
export function parseIdBlob(blob: Uint8Array | null): Float64Array {
  if (blob === null || blob.length === 0) return new Float64Array(0);
  let n = 1;
  for (let i = 0; i < blob.length; i++) if (blob[i] === 44) n++;
  const out = new Float64Array(n);
  let value = 0;
  let k = 0;
  for (let i = 0; i < blob.length; i++) {
    const c = blob[i]!;
    if (c === 44) {
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
