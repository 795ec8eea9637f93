// Poisson(1) resampling weights drawn from a seeded mulberry32 stream, four to a 32-bit draw (a byte each), for
// the bootstrap's item-by-item pass (bootstrap.ts denseMeans). Every weight is the exact Poisson(1) quantile of a
// 32-bit uniform, and any (resample, item) can be reached directly, so tiles and threads may start anywhere.

/** The state increment of mulberry32, the generator of prng.ts createRng (inlined below for speed). */
export const MULBERRY32_STEP = 0x6d2b79f5;

// Poisson(1) weights by inverting its CDF on a 32-bit uniform: the top 16 bits index a table holding the weight
// at the start of that slice; the few slices a CDF step falls inside are marked (255) and resolved against the
// exact 32-bit bounds. So a weight costs one generator step and one lookup, and is exact to 2^-32.
export const POISSON_BOUNDS = (() => {
  const bounds = new Float64Array(24);
  let p = Math.exp(-1);
  let cdf = 0;
  for (let w = 0; w < bounds.length; w++) {
    cdf += p;
    bounds[w] = Math.min(4294967296, Math.round(cdf * 4294967296));
    p /= w + 1;
  }
  return bounds;
})();
const STRADDLES = 255;
const POISSON_TABLE = (() => {
  const table = new Uint8Array(65536);
  let w = 0;
  for (let hi = 0; hi < 65536; hi++) {
    const lo = hi * 65536;
    while (lo >= POISSON_BOUNDS[w]!) w++;
    table[hi] = lo + 65535 >= POISSON_BOUNDS[w]! ? STRADDLES : w;
  }
  return table;
})();

/** The Poisson(1) quantile of a 32-bit uniform u (0 <= u < 2^32). */
export function poissonOneWeight(u: number): number {
  const w = POISSON_TABLE[u >>> 16]!;
  if (w !== STRADDLES) return w;
  let k = 0;
  while (u >= POISSON_BOUNDS[k]!) k++;
  return k;
}

/**
 * Resample r's weights for items 4q..4q+3 come from draw r*draws + q of mulberry32 seeded with `seed` (draws =
 * ceil(n / 4)); this is the state before resample r's first draw. The generator is a counter run through a
 * mixing function, so any (resample, item) is reachable directly: tiles and threads start anywhere.
 */
export function streamStart(seed: number, draws: number, r: number): number {
  return (seed + Math.imul(Math.imul(r, draws), MULBERRY32_STEP)) >>> 0;
}

/** mulberry32's output for a state (prng.ts createRng, as a 32-bit integer). */
function mix32(state: number): number {
  let t = Math.imul(state ^ (state >>> 15), state | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/**
 * Poisson(1) quantiles of the 256 top-byte slices of a 32-bit uniform, with STRADDLES (>= 128) where a CDF step
 * falls inside the slice (5 of 256: about 2% of weights); those are settled with 24 more bits.
 */
const BYTE_TABLE = (() => {
  const table = new Uint8Array(256);
  let w = 0;
  for (let b = 0; b < 256; b++) {
    const lo = b * 16777216;
    while (lo >= POISSON_BOUNDS[w]!) w++;
    table[b] = lo + 16777215 >= POISSON_BOUNDS[w]! ? STRADDLES : w;
  }
  return table;
})();

/** Byte b (0 = high) of a draw whose slice straddles a step takes 24 more bits from mixing its state ^ (b + 1) * this. */
export const STRADDLE_MIX = 0x9e3779b9;

/** The weight of byte `b` of a draw whose slice straddles a step: 24 more bits from a second mix of the state. */
function settleStraddle(top: number, state: number, b: number): number {
  return poissonOneWeight(top * 16777216 + (mix32((state ^ Math.imul(b + 1, STRADDLE_MIX)) >>> 0) >>> 8));
}

/** BYTE_TABLE as the doubles the sums take, with -1024 where the slice straddles: a negative sum of four flags one. */
const BYTE_WEIGHTS = Float64Array.from(BYTE_TABLE, (w) => (w === STRADDLES ? -1024 : w));

/**
 * Poisson(1) weights of `len` items from the stream state before the tile's first draw, into w[0..len); returns
 * their sum. Each draw serves four items, one byte each (high byte first): the byte indexes the quantile table;
 * in the rare slice that straddles a step the weight is the quantile of that byte and 24 further bits, so every
 * weight is the Poisson(1) quantile of a 32-bit uniform (exact to 2^-32, as poissonOneWeight).
 */
export function drawTileWeights(w: Float64Array, len: number, state: number): number {
  let total = 0;
  const full = len & ~3;
  for (let i = 0; i < len; i += 4) {
    // mix32 inlined (a call per draw costs as much as the draw), on int32 values: `>>> 0` would make V8 hold
    // the state as a double. The bytes taken below are the same either way.
    state = (state + MULBERRY32_STEP) | 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    t ^= t >>> 14;
    let w0 = BYTE_WEIGHTS[t >>> 24]!;
    let w1 = BYTE_WEIGHTS[(t >>> 16) & 255]!;
    let w2 = BYTE_WEIGHTS[(t >>> 8) & 255]!;
    let w3 = BYTE_WEIGHTS[t & 255]!;
    let sum = (w0 + w1) + (w2 + w3);
    if (sum < 0) {
      if (w0 < 0) w0 = settleStraddle(t >>> 24, state, 0);
      if (w1 < 0) w1 = settleStraddle((t >>> 16) & 255, state, 1);
      if (w2 < 0) w2 = settleStraddle((t >>> 8) & 255, state, 2);
      if (w3 < 0) w3 = settleStraddle(t & 255, state, 3);
      sum = (w0 + w1) + (w2 + w3);
    }
    if (i < full) {
      w[i] = w0;
      w[i + 1] = w1;
      w[i + 2] = w2;
      w[i + 3] = w3;
      total += sum;
    } else {
      // The stream's last, partial draw: its unused bytes weigh no item.
      w[i] = w0;
      total += w0;
      if (i + 1 < len) {
        w[i + 1] = w1;
        total += w1;
      }
      if (i + 2 < len) {
        w[i + 2] = w2;
        total += w2;
      }
    }
  }
  return total;
}
