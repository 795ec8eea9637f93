// Sorts a fixed-decimal numeric column held as integer keys k = value * 10^d (exact: the parser knows each
// value's decimals) and returns the values k / 10^d ascending. Integer keys sort far faster than doubles: a
// counting sort when the key range is within a few times the count (typical of columns read from text with a
// handful of decimals), else an LSD radix sort on k - min with 2 or 3 cache-sized digit passes. k / 10^d is the
// double the parser produced for that text (both are the correctly rounded value of the same decimal), so
// the statistics equal those of the parsed values. A zero written "-0" comes back as +0 (no test can tell).

const COUNTING_MAX_RANGE = 1 << 25;

/** Ascending values (k / scale) of the keys in `chunks` (n keys in total). */
export function sortKeysToValues(chunks: readonly Int32Array[], n: number, scale: number): Float64Array {
  let min = 2 ** 31;
  let max = -(2 ** 31);
  for (const c of chunks) {
    for (let i = 0; i < c.length; i++) {
      const k = c[i]!;
      if (k < min) min = k;
      if (k > max) max = k;
    }
  }
  const out = new Float64Array(n);
  if (n === 0) return out;
  const range = max - min;
  if (range < 1 << 16 || (range <= 4 * n && range < COUNTING_MAX_RANGE)) {
    const counts = new Uint32Array(range + 1);
    for (const c of chunks) for (let i = 0; i < c.length; i++) counts[c[i]! - min]!++;
    let at = 0;
    for (let k = 0; k <= range; k++) {
      const cnt = counts[k]!;
      if (cnt === 0) continue;
      const v = (k + min) / scale;
      for (const end = at + cnt; at < end; at++) out[at] = v;
    }
    return out;
  }
  let src = new Uint32Array(n);
  let at = 0;
  for (const c of chunks) for (let i = 0; i < c.length; i++) src[at++] = c[i]! - min;
  const bits = range < 2 ** 22 ? 11 : range < 2 ** 24 ? 12 : 11;
  const passes = range < 2 ** 24 ? 2 : 3;
  const size = 1 << bits;
  const mask = size - 1;
  const counts = new Uint32Array(size);
  let dst = new Uint32Array(n);
  for (let pass = 0, shift = 0; pass < passes; pass++, shift += bits) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(src[i]! >>> shift) & mask]!++;
    let sum = 0;
    for (let d = 0; d < size; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = src[i]!;
      dst[counts[(key >>> shift) & mask]!++] = key;
    }
    [src, dst] = [dst, src];
  }
  for (let i = 0; i < n; i++) out[i] = (src[i]! + min) / scale;
  return out;
}
