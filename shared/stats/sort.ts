// Numeric sort of Float64Array. Large arrays use an LSD radix sort on the IEEE-754 bit pattern (4 passes of
// 16 bits), about twice as fast as Float64Array.prototype.sort on a million values; small ones use the
// built-in sort. Both order -0 before +0; inputs must not contain NaN.

const RADIX_MIN = 1 << 15;

export function sortFloat64(values: Float64Array): Float64Array {
  const out = values.slice();
  if (out.length < RADIX_MIN) return out.sort();
  return radixSortInPlace(out);
}

/** Sorts in place and returns the same array. */
export function sortFloat64InPlace(values: Float64Array): Float64Array {
  if (values.length < RADIX_MIN) return values.sort();
  return radixSortInPlace(values);
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
