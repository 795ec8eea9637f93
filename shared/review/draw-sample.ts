// Seeded sample draws for review queues. The same population (ids ascending), method, size and seed always give
// the same records in the same order, so anyone holding the workspace can redraw and check a queue.
import { createRng, type Rng } from '../stats/prng';
import type { Allocation } from '../contract/review-schemas';

export interface DrawnItem {
  index: number;
  stratum: string | null;
}

/**
 * k distinct indices of 0..n-1 in draw order: a partial Fisher-Yates shuffle of the identity, holding only the
 * entries it has moved (O(k), where an array of all n would cost a million writes per draw from 1M records).
 */
function drawIndices(n: number, k: number, rng: Rng): Int32Array {
  const take = Math.min(k, n);
  const out = new Int32Array(take);
  const moved = new Map<number, number>();
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(rng() * (n - i));
    // Swap entries i and j; entry i is final after this step, so only entry j is kept.
    const atJ = moved.get(j) ?? j;
    moved.set(j, moved.get(i) ?? i);
    out[i] = atJ;
  }
  return out;
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

/** The stratum of each population member: codes[i] indexes names for member i. */
export interface StratumCodes {
  names: readonly string[];
  codes: ArrayLike<number>;
}

/** Stratum codes of per-member keys (for callers holding one key string per member). */
export function stratumCodes(keys: readonly string[]): StratumCodes {
  const names: string[] = [];
  const index = new Map<string, number>();
  const codes = Uint32Array.from(keys, (k) => {
    let c = index.get(k);
    if (c === undefined) { c = names.push(k) - 1; index.set(k, c); }
    return c;
  });
  return { names, codes };
}

/** Stratified draw: strata in sorted name order, a simple random draw in each, then one shuffle of the whole. */
export function drawStratified(strata: StratumCodes, size: number, allocation: Allocation, seed: number): DrawnItem[] {
  // Members of each stratum in population order, by counting sort over the codes.
  const counts = new Uint32Array(strata.names.length);
  for (let i = 0; i < strata.codes.length; i++) counts[strata.codes[i]!]!++;
  const members = Array.from(counts, (c) => new Int32Array(c));
  const filled = new Uint32Array(strata.names.length);
  for (let i = 0; i < strata.codes.length; i++) {
    const c = strata.codes[i]!;
    members[c]![filled[c]!++] = i;
  }
  // Only strata with members take part (an empty one would draw nothing anyway); names compare as JS strings.
  const present = strata.names.map((_, c) => c).filter((c) => counts[c]! > 0)
    .sort((a, b) => (strata.names[a]! < strata.names[b]! ? -1 : strata.names[a]! > strata.names[b]! ? 1 : 0));
  const sizes = allocate(present.map((c) => counts[c]!), size, allocation);
  const rng = createRng(seed);
  const out: DrawnItem[] = [];
  present.forEach((c, h) => {
    const name = strata.names[c]!;
    for (const j of drawIndices(counts[c]!, sizes[h]!, rng)) out.push({ index: members[c]![j]!, stratum: name });
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

/** Weights of population members, read only for the members that can still be drawn. */
export interface WeightSource {
  /** The weights (> 0) of the members at these positions (ascending), in the same order. */
  at(positions: Int32Array): ArrayLike<number>;
  /** No weight exceeds this (computed the way the weights are, so the bound holds after rounding too). */
  max: number;
}

/**
 * Weighted draw without replacement (Efraimidis-Spirakis A-Res: keep the `size` largest keys log(u)/w, u one
 * uniform number per member in population order), riskiest keys first. Weights must be positive; callers add a
 * floor so low-risk records keep a chance.
 *
 * Only a few thousand weights are read however large the population: a member's key is at most log(u)/max, known
 * before its weight. The true keys of the members with the largest u give a floor under the size-th largest key;
 * every member whose bound is below that floor cannot be drawn, and the draw runs over the rest. The result is the
 * exact top `size` of all keys (same members, same order) as when every weight was read.
 */
export function drawWeighted(n: number, size: number, seed: number, weights: WeightSource): DrawnItem[] {
  const rng = createRng(seed);
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) logs[i] = Math.log(rng() || Number.MIN_VALUE);
  const k = Math.min(size, n);
  if (k === 0) return [];
  const floor = keyFloor(logs, k, weights);
  let count = 0;
  for (let i = 0; i < n; i++) if (logs[i]! / weights.max >= floor) count++;
  const candidates = new Int32Array(count);
  count = 0;
  for (let i = 0; i < n; i++) if (logs[i]! / weights.max >= floor) candidates[count++] = i;
  const w = weights.at(candidates);
  const keys = Float64Array.from(candidates, (i, j) => logs[i]! / w[j]!);
  return largestKeys(keys, candidates, k).map((index) => ({ index, stratum: null }));
}

/** Weighted draw over weights held in memory (the same draw as drawWeighted). */
export function drawWeightedFrom(weights: ArrayLike<number>, size: number, seed: number): DrawnItem[] {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, weights[i]!);
  return drawWeighted(weights.length, size, seed, { at: (positions) => Array.from(positions, (p) => weights[p]!), max });
}

/**
 * A value no greater than the k-th largest key: the k-th largest true key among the members with the largest u
 * (about 2k of them, read first). -Infinity, so that every member is read, when the population is small.
 */
function keyFloor(logs: Float64Array, k: number, weights: WeightSource): number {
  const n = logs.length;
  if (n <= 8 * k) return -Infinity;
  // u is uniform: about q*n members have log(u) >= log(1 - q). Widen until at least k are in.
  for (let q = (2 * k) / n; q < 1; q *= 2) {
    const cut = Math.log(1 - q);
    let count = 0;
    for (let i = 0; i < n; i++) if (logs[i]! >= cut) count++;
    if (count < k) continue;
    const probe = new Int32Array(count);
    count = 0;
    for (let i = 0; i < n; i++) if (logs[i]! >= cut) probe[count++] = i;
    const w = weights.at(probe);
    const keys = Float64Array.from(probe, (i, j) => logs[i]! / w[j]!).sort();
    return keys[keys.length - k]!;
  }
  return -Infinity;
}

/**
 * Positions of the k largest keys, largest first (ties: lower position first). A min-heap of the k best seen so
 * far, O(n log k) rather than sorting every key.
 */
function largestKeys(keys: Float64Array, positions: Int32Array, k: number): number[] {
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
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j]!;
    if (len < k) {
      heapKey[len] = key;
      heapIdx[len] = positions[j]!;
      let c = len++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!less(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (key > heapKey[0]!) {
      heapKey[0] = key;
      heapIdx[0] = positions[j]!;
      siftDown(0);
    }
  }
  const order = Array.from({ length: len }, (_, i) => i).sort((a, b) => heapKey[b]! - heapKey[a]! || heapIdx[a]! - heapIdx[b]!);
  return order.map((h) => heapIdx[h]!);
}
