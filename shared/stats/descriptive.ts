// Descriptive helpers shared by the tests and distances. Quantiles follow numpy's default 'linear' method
// bit for bit, because PSI bin edges come from them and a value sitting on an edge must land in the same bin.

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return values.length ? s / values.length : Number.NaN;
}

/** Population standard deviation (numpy.std with ddof=0), two-pass for accuracy. */
export function std(values: ArrayLike<number>, ddof = 0): number {
  const n = values.length;
  if (n - ddof <= 0) return Number.NaN;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - m;
    ss += d * d;
  }
  return Math.sqrt(ss / (n - ddof));
}

/** numpy.quantile(sorted, q) with method='linear' on an ascending array. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const virtual = (n - 1) * q;
  const prev = Math.min(Math.max(Math.floor(virtual), 0), n - 1);
  const next = Math.min(prev + 1, n - 1);
  const gamma = virtual - prev;
  const a = sorted[prev]!;
  const b = sorted[next]!;
  const diff = b - a;
  // numpy's _lerp: a + diff * t, but b - diff * (1 - t) when t >= 0.5 (keeps monotonicity near b).
  return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
}

/** Number of distinct values in an ascending array. */
export function countDistinctSorted(sorted: ArrayLike<number>): number {
  let count = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) count++;
  return count;
}

/** Number of distinct values across two ascending arrays, stopping early once `cap` is exceeded. */
export function countDistinctUnion(a: Float64Array, b: Float64Array, cap = Infinity): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while ((i < a.length || j < b.length) && count <= cap) {
    const v = i < a.length && (j >= b.length || a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < a.length && a[i] === v) i++;
    while (j < b.length && b[j] === v) j++;
    count++;
  }
  return count;
}

/** First index whose value is >= x (numpy.searchsorted side='left'). */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose value is > x (numpy.searchsorted side='right'). */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Bin edges numpy.histogram_bin_edges(values, bins='sturges') gives for data spanning [min, max] with n values. */
export function sturgesEdges(min: number, max: number, n: number): Float64Array {
  let lo = min;
  let hi = max;
  const ptp = hi - lo;
  // numpy derives the bin count from the width, so replicate its float steps rather than ceil(log2 n + 1).
  const bins = ptp > 0 ? Math.max(1, Math.ceil(ptp / (ptp / (Math.log2(n) + 1)))) : 1;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  const step = (hi - lo) / bins;
  for (let i = 0; i < bins; i++) edges[i] = i * step + lo;
  edges[bins] = hi;
  return edges;
}

/** Counts of an ascending array in bins [e_i, e_{i+1}), the last bin closed, as numpy.histogram does. */
export function histogramSorted(sorted: Float64Array, edges: Float64Array): Float64Array {
  const bins = edges.length - 1;
  const counts = new Float64Array(bins);
  for (let b = 0; b < bins; b++) {
    const start = lowerBound(sorted, edges[b]!);
    const end = b === bins - 1 ? upperBound(sorted, edges[b + 1]!) : lowerBound(sorted, edges[b + 1]!);
    counts[b] = Math.max(0, end - start);
  }
  return counts;
}
