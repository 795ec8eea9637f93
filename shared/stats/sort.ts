// Numeric sort of Float64Array. Small arrays use the built-in sort. Large ones first try a fixed-decimal
// integer sort: values read from text usually have a fixed number of decimals d, so k = round(x * 10^d) is an
// exact integer key with k / 10^d === x (checked for every value; any miss falls back). With the keys' range
// under 2^32 that is a counting sort or a 2-pass radix sort on 4-byte keys. Otherwise an LSD radix sort on the
// IEEE-754 bit pattern (4 passes of 16 bits), about twice as fast as the built-in sort on a million values.
// Every path gives the same order as the built-in sort (-0 before +0); inputs must not contain NaN.

const RADIX_MIN = 1 << 15;
const MAX_DECIMALS = 9;
const DECIMAL_PROBE = 256;
const POW10 = Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => 10 ** d);

export function sortFloat64(values: Float64Array): Float64Array {
  const out = values.slice();
  if (out.length < RADIX_MIN) return out.sort();
  return radixSortInPlace(out);
}

/** Sorts in place and returns the same array. */
export function sortFloat64InPlace(values: Float64Array): Float64Array {
  if (values.length < RADIX_MIN) return values.sort();
  return fixedDecimalSortInPlace(values) ? values : radixSortInPlace(values);
}

/**
 * The values of several arrays, sorted into one new array of length n. Fixed-decimal values whose key range
 * allows a counting sort are counted straight from the pieces (no joined copy); anything else is joined and
 * sorted by sortFloat64InPlace. Same order as the built-in sort; no NaN.
 */
export function sortChunksFloat64(chunks: readonly Float64Array[], n: number): Float64Array {
  const d = n < RADIX_MIN ? -1 : probeDecimals(chunks.find((c) => c.length >= Math.min(n, DECIMAL_PROBE)) ?? new Float64Array(0));
  if (d >= 0) {
    const p = POW10[d]!;
    let min = Infinity;
    let max = -Infinity;
    let negativeZeros = 0;
    let exact = true;
    for (const c of chunks) {
      for (let i = 0; i < c.length; i++) {
        const x = c[i]!;
        const k = Math.round(x * p);
        if (k / p !== x || !(Math.abs(k) < 2 ** 51)) {
          exact = false;
          break;
        }
        if (x === 0 && 1 / x < 0) negativeZeros++;
        if (k < min) min = k;
        if (k > max) max = k;
      }
      if (!exact) break;
    }
    const range = max - min;
    if (exact && (range < 1 << 16 || (range <= 4 * n && range < 1 << 25))) {
      const counts = new Uint32Array(range + 1);
      for (const c of chunks) for (let i = 0; i < c.length; i++) counts[Math.round(c[i]! * p) - min]!++;
      const out = new Float64Array(n);
      let at = 0;
      for (let k = 0; k <= range; k++) {
        const cnt = counts[k]!;
        if (cnt === 0) continue;
        const v = (k + min) / p;
        for (const end = at + cnt; at < end; at++) out[at] = v;
      }
      if (negativeZeros) {
        const zero = lowerZero(out);
        out.fill(-0, zero, zero + negativeZeros);
      }
      return out;
    }
  }
  const out = new Float64Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return sortFloat64InPlace(out);
}

/** Smallest d <= 9 for which the first values all round-trip through integers at 10^d, or -1. */
function probeDecimals(values: Float64Array): number {
  const probe = Math.min(values.length, DECIMAL_PROBE);
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const p = POW10[d]!;
    let ok = true;
    for (let i = 0; i < probe && ok; i++) {
      const x = values[i]!;
      ok = Math.round(x * p) / p === x;
    }
    if (ok) return d;
  }
  return -1;
}

/** Sorts through exact integer keys when every value is k / 10^d with a key range under 2^32; false otherwise. */
function fixedDecimalSortInPlace(values: Float64Array): boolean {
  const d = probeDecimals(values);
  if (d < 0) return false;
  const p = POW10[d]!;
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  let negativeZeros = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    const k = Math.round(x * p);
    if (k / p !== x || !(Math.abs(k) < 2 ** 51)) return false;
    if (x === 0 && 1 / x < 0) negativeZeros++;
    if (k < min) min = k;
    if (k > max) max = k;
  }
  const range = max - min;
  if (!(range < 2 ** 32)) return false;
  // A counting sort costs one pass over the values plus one over the key range; two radix passes cost four
  // over the values, so counting wins while the range is within a few times the count (typical for columns
  // read from text with a handful of decimals).
  if (range < 1 << 16 || (range <= 4 * n && range < 1 << 25)) countingSort(values, range, min, p);
  else {
    const keys = new Uint32Array(n);
    for (let i = 0; i < n; i++) keys[i] = Math.round(values[i]! * p) - min;
    keyRadixSort(values, keys, min, p);
  }
  // Keys cannot tell -0 from +0; the built-in sort puts every -0 first in the run of zeros.
  if (negativeZeros) {
    const zero = lowerZero(values);
    values.fill(-0, zero, zero + negativeZeros);
  }
  return true;
}

function lowerZero(sorted: Float64Array): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function countingSort(values: Float64Array, range: number, min: number, p: number): void {
  const counts = new Uint32Array(range + 1);
  for (let i = 0; i < values.length; i++) counts[Math.round(values[i]! * p) - min]!++;
  let at = 0;
  for (let k = 0; k <= range; k++) {
    const c = counts[k]!;
    if (c === 0) continue;
    const v = (k + min) / p;
    for (const end = at + c; at < end; at++) values[at] = v;
  }
}

function keyRadixSort(values: Float64Array, keys: Uint32Array, min: number, p: number): void {
  const n = values.length;
  let src: Uint32Array = keys;
  let dst: Uint32Array = new Uint32Array(n);
  const counts = new Uint32Array(65536);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(src[i]! >>> shift) & 0xffff]!++;
    if (counts[(src[0]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let k = 0; k < 65536; k++) {
      const c = counts[k]!;
      counts[k] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const key = src[i]!;
      dst[counts[(key >>> shift) & 0xffff]!++] = key;
    }
    [src, dst] = [dst, src];
  }
  for (let i = 0; i < n; i++) values[i] = (src[i]! + min) / p;
}

function radixSortInPlace(values: Float64Array): Float64Array {
  const n = values.length;
  const bits = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  // Keys interleaved [low, high] per value (little-endian words), mapped so unsigned order is numeric
  // order: flip every bit of negatives, set the sign bit of non-negatives. One 8-byte move per scatter.
  let keys = new Uint32Array(2 * n);
  for (let i = 0; i < n; i++) {
    const l = bits[2 * i]!;
    const h = bits[2 * i + 1]!;
    if (h & 0x80000000) {
      keys[2 * i] = ~l >>> 0;
      keys[2 * i + 1] = ~h >>> 0;
    } else {
      keys[2 * i] = l;
      keys[2 * i + 1] = (h | 0x80000000) >>> 0;
    }
  }
  let tmp = new Uint32Array(2 * n);
  const counts = new Uint32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass >> 1;
    const shift = (pass & 1) * 16;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(keys[2 * i + word]! >>> shift) & 0xffff]!++;
    // A pass where every key shares the digit leaves the order unchanged; skip it.
    if (counts[(keys[word]! >>> shift) & 0xffff] === n) continue;
    let sum = 0;
    for (let d = 0; d < 65536; d++) {
      const c = counts[d]!;
      counts[d] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const lo = keys[2 * i]!;
      const hi = keys[2 * i + 1]!;
      const dst = 2 * counts[((word ? hi : lo) >>> shift) & 0xffff]!++;
      tmp[dst] = lo;
      tmp[dst + 1] = hi;
    }
    [keys, tmp] = [tmp, keys];
  }
  for (let i = 0; i < n; i++) {
    const l = keys[2 * i]!;
    const h = keys[2 * i + 1]!;
    if (h & 0x80000000) {
      bits[2 * i] = l;
      bits[2 * i + 1] = (h & 0x7fffffff) >>> 0;
    } else {
      bits[2 * i] = ~l >>> 0;
      bits[2 * i + 1] = ~h >>> 0;
    }
  }
  return values;
}
