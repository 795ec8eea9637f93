// A mergeable quantile sketch with relative accuracy (the DDSketch mapping): bucket i holds the values x with
// gamma^(i-1) < |x| <= gamma^i, gamma = (1 + alpha) / (1 - alpha), per sign, plus a bucket for zero. Counts per
// bucket are exact, so two sketches merge exactly (bucket counts add, in any order) and the CDF at every bucket
// boundary is exact; only positions inside a bucket are lost. Representing each value by its bucket's centre
// 2 gamma^i / (gamma + 1) moves it by at most alpha * |x|.

export const DEFAULT_ALPHA = 0.005;

export interface LogSketch {
  alpha: number;
  zero: number;
  /** Bucket indexes ascending and their counts, for positive values. */
  positive: { index: number[]; count: number[] };
  /** Same for negative values, by |x|. */
  negative: { index: number[]; count: number[] };
}

export function gammaOf(alpha: number): number {
  return (1 + alpha) / (1 - alpha);
}

function toStore(map: Map<number, number>): { index: number[]; count: number[] } {
  const index = [...map.keys()].sort((a, b) => a - b);
  return { index, count: index.map((i) => map.get(i)!) };
}

/** Sketch of values (distinct values and their counts; any order). Values must be finite. */
export function sketchFromCounts(values: ArrayLike<number>, counts: ArrayLike<number>, alpha = DEFAULT_ALPHA): LogSketch {
  const logGamma = Math.log(gammaOf(alpha));
  const pos = new Map<number, number>();
  const neg = new Map<number, number>();
  let zero = 0;
  for (let k = 0; k < values.length; k++) {
    const x = values[k]!;
    const c = counts[k]!;
    if (x === 0) {
      zero += c;
      continue;
    }
    const i = Math.ceil(Math.log(Math.abs(x)) / logGamma);
    const m = x > 0 ? pos : neg;
    m.set(i, (m.get(i) ?? 0) + c);
  }
  return { alpha, zero, positive: toStore(pos), negative: toStore(neg) };
}

export function mergeSketches(a: LogSketch, b: LogSketch): LogSketch {
  if (a.alpha !== b.alpha) throw new Error(`sketch accuracy differs (alpha ${a.alpha} vs ${b.alpha})`);
  const add = (x: { index: number[]; count: number[] }, y: { index: number[]; count: number[] }): { index: number[]; count: number[] } => {
    const m = new Map<number, number>();
    for (const s of [x, y]) s.index.forEach((i, k) => m.set(i, (m.get(i) ?? 0) + s.count[k]!));
    return toStore(m);
  };
  return { alpha: a.alpha, zero: a.zero + b.zero, positive: add(a.positive, b.positive), negative: add(a.negative, b.negative) };
}

/** One bucket on the real line: its upper edge (exact CDF there), its centre value and its count. */
export interface SketchBucket {
  key: number;
  upper: number;
  centre: number;
  count: number;
}

/**
 * Buckets in ascending order of value. `key` orders buckets across sketches with the same alpha (negative
 * buckets by -index, zero as 0 between them, positive by index offset); `upper` is the largest value the bucket
 * can hold.
 */
export function sketchBuckets(s: LogSketch): SketchBucket[] {
  const gamma = gammaOf(s.alpha);
  const out: SketchBucket[] = [];
  const OFFSET = 1e6;
  for (let k = s.negative.index.length - 1; k >= 0; k--) {
    const i = s.negative.index[k]!;
    // Values in (-gamma^i, -gamma^(i-1)]: upper edge -gamma^(i-1).
    out.push({ key: -OFFSET - i, upper: -(gamma ** (i - 1)), centre: -(2 * gamma ** i) / (gamma + 1), count: s.negative.count[k]! });
  }
  if (s.zero) out.push({ key: 0, upper: 0, centre: 0, count: s.zero });
  s.positive.index.forEach((i, k) => out.push({ key: OFFSET + i, upper: gamma ** i, centre: (2 * gamma ** i) / (gamma + 1), count: s.positive.count[k]! }));
  return out;
}

export function sketchCount(s: LogSketch): number {
  return s.zero + s.positive.count.reduce((a, b) => a + b, 0) + s.negative.count.reduce((a, b) => a + b, 0);
}
