/**
 * Seeded pseudo-random numbers for the demo generator. sfc32 seeded through a string hash, so each part of the
 * demo draws from its own stream: changing how many draws the logs make leaves the credit data unchanged.
 */
export interface Rng {
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
  /** An independent stream derived from this generator's seed and a label. */
  fork(label: string): Rng;
}

/** xmur3-style string hash to 32-bit state words. */
function hashSeed(text: string): () => number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  return () => {
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    h ^= h >>> 16;
    return h >>> 0;
  };
}

function sfc32(a: number, b: number, c: number, d: number): () => number {
  return () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
}

export function itemAt<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new RangeError(`index ${index} out of range (length ${items.length})`);
  return item;
}

export function createRng(seed: number, stream = 'root'): Rng {
  const seedKey = `${seed}:${stream}`;
  const words = hashSeed(seedKey);
  const raw = sfc32(words(), words(), words(), words());
  for (let i = 0; i < 12; i++) raw(); // sfc32 needs a few rounds before its output is well mixed
  let spareNormal: number | undefined;

  const rng: Rng = {
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
    sample: (items, n) => rng.shuffle(items).slice(0, Math.max(0, n)),
    fork: (label) => createRng(seed, `${stream}/${label}`),
  };
  return rng;
}
