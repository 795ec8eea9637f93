import { describe, expect, it } from 'vitest';
import { randomStream } from '../../../../shared/util/rng';
import { createRng } from '../../../../shared/stats/prng';
import { fmix32, fnv1a } from '../../../../shared/text/embed/hash32';

const draw = (seed: number, stream: string, n = 50) => {
  const rng = randomStream(seed, stream);
  return Array.from({ length: n }, () => rng.next());
};

describe('randomStream', () => {
  it('draws from the one shared generator (mulberry32), seeded by FNV-1a of the stream name', () => {
    const a = randomStream(42, 'logs');
    const b = createRng(fmix32(fnv1a('42:logs')));
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b()));
    expect(new Set(Array.from({ length: 64 }, (_, i) => randomStream(42, `s${i}`).next())).size).toBe(64);
  });

  it('repeats the same sequence for the same seed and stream', () => {
    expect(draw(42, 'logs')).toEqual(draw(42, 'logs'));
  });

  it('gives different sequences for different seeds or streams', () => {
    expect(draw(42, 'logs')).not.toEqual(draw(43, 'logs'));
    expect(draw(42, 'logs')).not.toEqual(draw(42, 'credit'));
  });

  it('keeps int() inside its inclusive bounds and reaches both ends', () => {
    const rng = randomStream(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const v = rng.int(3, 6);
      expect(v).toBeGreaterThanOrEqual(3);
      expect(v).toBeLessThanOrEqual(6);
      seen.add(v);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws roughly uniformly and normals with the requested mean and spread', () => {
    const rng = randomStream(1);
    const uniform = Array.from({ length: 20000 }, () => rng.next());
    expect(uniform.reduce((a, b) => a + b, 0) / uniform.length).toBeCloseTo(0.5, 1);
    const normal = Array.from({ length: 20000 }, () => rng.normal(10, 2));
    const mean = normal.reduce((a, b) => a + b, 0) / normal.length;
    const sd = Math.sqrt(normal.reduce((a, b) => a + (b - mean) ** 2, 0) / normal.length);
    expect(mean).toBeCloseTo(10, 1);
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });

  it('picks by weight', () => {
    const rng = randomStream(3);
    let heavy = 0;
    for (let i = 0; i < 10000; i++) if (rng.weighted([['a', 9], ['b', 1]] as const) === 'a') heavy++;
    expect(heavy / 10000).toBeGreaterThan(0.87);
    expect(heavy / 10000).toBeLessThan(0.93);
  });
});
