/**
 * Named random streams for generators (the demo workspace): the helpers a generator needs (int, pick, weighted,
 * normal, shuffle, sample) on top of the project's one seeded generator, `createRng` (mulberry32) in
 * shared/stats/prng.ts. Each stream is seeded by FNV-1a of "seed:stream" (shared/text/embed/hash32.ts), so each
 * part of the demo draws from its own stream: changing how many draws the logs make leaves the credit data unchanged.
 */
import { createRng } from '../stats/prng';
import { fmix32, fnv1a } from '../text/embed/hash32';

export interface RandomStream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not sum to 1. */
  weighted<T>(items: readonly (readonly [T, number])[]): T;
  normal(mean?: number, sd?: number): number;
  shuffle<T>(items: readonly T[]): T[];
  /** Distinct items, order random; at most items.length. */
  sample<T>(items: readonly T[], n: number): T[];
  /** An independent stream derived from this stream's seed and a label. */
  fork(label: string): RandomStream;
}

export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} out of range (length ${items.length})`);
  return item;
}

export function randomStream(seed: number, stream = 'root'): RandomStream {
  // fmix32 spreads FNV's weak low bits: nearby stream names must not give correlated mulberry32 states.
  const raw = createRng(fmix32(fnv1a(`${seed}:${stream}`)));
  let spareNormal: number | undefined;
  const rs: RandomStream = {
    next: raw,
    int: (min, max) => min + Math.floor(raw() * (max - min + 1)),
    chance: (p) => raw() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return itemAt(items, Math.floor(raw() * items.length));
    },
    weighted: (items) => {
      const total = items.reduce((sum, [, w]) => sum + w, 0);
      let r = raw() * total;
      for (const [item, w] of items) {
        r -= w;
        if (r < 0) return item;
      }
      return itemAt(items, items.length - 1)[0];
    },
    normal: (mean = 0, sd = 1) => {
      // Box-Muller; the second value of each pair is kept for the next call.
      if (spareNormal !== undefined) {
        const z = spareNormal;
        spareNormal = undefined;
        return mean + sd * z;
      }
      const u = 1 - raw();
      const v = raw();
      const r = Math.sqrt(-2 * Math.log(u));
      spareNormal = r * Math.sin(2 * Math.PI * v);
      return mean + sd * r * Math.cos(2 * Math.PI * v);
    },
    shuffle: (items) => {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(raw() * (i + 1));
        const tmp = itemAt(out, i);
        out[i] = itemAt(out, j);
        out[j] = tmp;
      }
      return out;
    },
    sample: (items, n) => rs.shuffle(items).slice(0, Math.max(0, n)),
    fork: (label) => randomStream(seed, `${stream}/${label}`),
  };
  return rs;
}
