// Seeded sample draws for review queues. The same population (ids ascending), method, size and seed always give
// the same records in the same order, so anyone holding the workspace can redraw and check a queue.
import { createRng, type Rng } from '../stats/prng';
import type { Allocation } from '../contract/review-schemas';

export interface DrawnItem {
  index: number;
  stratum: string | null;
}

/** k distinct indices of 0..n-1 in draw order (partial Fisher-Yates over a typed array: 1M ids in a few ms). */
function drawIndices(n: number, k: number, rng: Rng): Int32Array {
  const idx = new Int32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng() * (n - i));
    const t = idx[i]!;
    idx[i] = idx[j]!;
    idx[j] = t;
  }
  return idx.subarray(0, take);
}

export function drawRandom(population: number, size: number, seed: number): DrawnItem[] {
  return Array.from(drawIndices(population, size, createRng(seed)), (index) => ({ index, stratum: null }));
}

/** Sizes per stratum: proportional by largest remainder (Hamilton), or equal with spare room passed on. */
export function allocate(sizes: readonly number[], total: number, allocation: Allocation): number[] {
  const cap = sizes.reduce((s, v) => s + v, 0);
  const want = Math.min(total, cap);
  const out = new Array<number>(sizes.length).fill(0);
  if (want === 0) return out;
  if (allocation === 'proportional') {
    const exact = sizes.map((s) => (s / cap) * want);
    for (let i = 0; i < sizes.length; i++) out[i] = Math.floor(exact[i]!);
    let left = want - out.reduce((s, v) => s + v, 0);
    const order = sizes.map((_, i) => i).sort((a, b) => exact[b]! - Math.floor(exact[b]!) - (exact[a]! - Math.floor(exact[a]!)) || a - b);
    for (const i of order) {
      if (left === 0) break;
      if (out[i]! < sizes[i]!) { out[i]!++; left--; }
    }
    return out;
  }
  let left = want;
  while (left > 0) {
    const open = sizes.map((s, i) => i).filter((i) => out[i]! < sizes[i]!);
    const share = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left === 0) break;
      const add = Math.min(share, sizes[i]! - out[i]!, left);
      out[i]! += add;
      left -= add;
    }
  }
  return out;
}

/** Stratified draw: strata in sorted key order, a simple random draw in each, then one shuffle of the whole. */
export function drawStratified(keys: readonly string[], size: number, allocation: Allocation, seed: number): DrawnItem[] {
  const groups = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  });
  const names = [...groups.keys()].sort();
  const counts = allocate(names.map((k) => groups.get(k)!.length), size, allocation);
  const rng = createRng(seed);
  const out: DrawnItem[] = [];
  names.forEach((name, h) => {
    const members = groups.get(name)!;
    for (const j of drawIndices(members.length, counts[h]!, rng)) out.push({ index: members[j]!, stratum: name });
  });
  // Reviewers should not meet the strata in blocks.
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}

/**
 * Weighted draw without replacement (Efraimidis-Spirakis: keep the `size` largest u^(1/w)), riskiest keys first.
 * Weights must be positive; callers add a floor so low-risk records keep a chance.
 */
export function drawWeighted(weights: ArrayLike<number>, size: number, seed: number): DrawnItem[] {
  const rng = createRng(seed);
  const n = weights.length;
  const k = Math.min(size, n);
  // Min-heap of the k largest keys seen so far: O(n log k) rather than sorting the whole population.
  const heapKey = new Float64Array(k);
  const heapIdx = new Int32Array(k);
  let len = 0;
  const less = (a: number, b: number) => heapKey[a]! < heapKey[b]! || (heapKey[a] === heapKey[b] && heapIdx[a]! > heapIdx[b]!);
  const swap = (a: number, b: number) => {
    const tk = heapKey[a]!; heapKey[a] = heapKey[b]!; heapKey[b] = tk;
    const ti = heapIdx[a]!; heapIdx[a] = heapIdx[b]!; heapIdx[b] = ti;
  };
  const siftDown = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < len && less(l, m)) m = l;
      if (r < len && less(r, m)) m = r;
      if (m === i) return;
      swap(i, m);
      i = m;
    }
  };
  for (let i = 0; i < n; i++) {
    const key = Math.log(rng() || Number.MIN_VALUE) / weights[i]!;
    if (len < k) {
      heapKey[len] = key;
      heapIdx[len] = i;
      let c = len++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!less(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (k > 0 && key > heapKey[0]!) {
      heapKey[0] = key;
      heapIdx[0] = i;
      siftDown(0);
    }
  }
  const order = Array.from({ length: len }, (_, i) => i).sort((a, b) => heapKey[b]! - heapKey[a]! || heapIdx[a]! - heapIdx[b]!);
  return order.map((h) => ({ index: heapIdx[h]!, stratum: null }));
}
