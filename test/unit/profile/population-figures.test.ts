import { describe, expect, it } from 'vitest';
import { compareRates, compareSlices, populationSlices } from '../../../shared/profile/population-figures';
import { ScoredProfileBuilder, type ProfileSetup } from '../../../shared/profile/scored-profile';
import { loadCases } from '../shared/stats/fixtures';

const setup: ProfileSetup = { by: ['model', 'day'], analyzers: [{ id: 'pii', version: '2.0.0', paramsHash: 'p' }], thresholdsHash: 't' };

interface Row { xa: number; na: number; xb: number; nb: number; test: string; p: number; a_low: number; a_high: number; b_low: number; b_high: number }

function profileOf(lines: Record<string, unknown>[]) {
  const b = new ScoredProfileBuilder(setup);
  for (const l of lines) b.add(l);
  return b.build('part-1');
}

describe('population figures from a profile', () => {
  it('slices along one field, adding the other fields together, with exact means and Wilson intervals', () => {
    const lines = Array.from({ length: 300 }, (_, i) => ({
      model: i % 3 === 0 ? 'model-a' : 'model-b', timestamp: `2026-11-0${1 + (i % 4)}T10:00:00Z`,
      scores: { grounding: (i % 10) / 10 + 0.05 }, flags: { hallucination: i % 5 === 0, toxic: false, injection: i === 7, pii: i % 3 === 0 }, tokens_in: 2,
    }));
    const { overall, slices } = populationSlices(profileOf(lines), 'model');
    expect(overall.records).toBe(300);
    expect(slices.map((s) => [s.value, s.records])).toEqual([['model-b', 200], ['model-a', 100]]);
    const a = slices.find((s) => s.value === 'model-a')!;
    // i % 3 === 0 and i % 5 === 0: i % 15 === 0, 20 of the 100.
    expect(a.flags.find((f) => f.flag === 'hallucination')).toMatchObject({ count: 20, n: 100, rate: 0.2 });
    expect(a.flags.find((f) => f.flag === 'pii')!.rate).toBe(1);
    expect(overall.scores[0]).toMatchObject({ name: 'grounding', count: 300 });
    expect(overall.scores[0]!.mean).toBeCloseTo(lines.reduce((s, l) => s + l.scores.grounding, 0) / 300, 12);
    expect(overall.tokensIn).toBe(600);
    expect(() => populationSlices(profileOf(lines), 'prompt_version')).toThrow('the profile is grouped by model, day; it has no "prompt_version"');
  });

  it('compares two groups from counts as SciPy does: chi-square (z) or Fisher exact, Wilson intervals, Holm', () => {
    for (const c of loadCases<{ rows: Row[]; holm: number[] }[]>('profile-compare.json')) {
      const flags = ['hallucination', 'toxic', 'injection', 'pii'] as const;
      const rows = c.rows.map((r, i) => compareRates(flags[i]!, r.xa, r.na, r.xb, r.nb));
      rows.forEach((got, i) => {
        const want = c.rows[i]!;
        expect(got.test).toBe(want.test);
        expect(got.p_value!).toBeCloseTo(want.p, 10);
        expect(Math.abs(got.p_value! - want.p)).toBeLessThanOrEqual(1e-9 * Math.max(1e-300, want.p) + 1e-15);
        expect(got.a.low!).toBeCloseTo(want.a_low, 12);
        expect(got.a.high!).toBeCloseTo(want.a_high, 12);
        expect(got.b.low!).toBeCloseTo(want.b_low, 12);
        expect(got.b.high!).toBeCloseTo(want.b_high, 12);
        expect(got.ci_low!).toBeLessThanOrEqual(got.diff!);
        expect(got.ci_high!).toBeGreaterThanOrEqual(got.diff!);
      });
      const slice = (side: 'a' | 'b') => ({
        value: side, records: side === 'a' ? c.rows[0]!.na : c.rows[0]!.nb, scores: [], tokensIn: 0, tokensOut: 0, cost: '0',
        flags: rows.map((r) => r[side]),
      });
      const compared = compareSlices(slice('a'), slice('b'));
      compared.rows.forEach((r, i) => expect(r.p_adjusted!).toBeCloseTo(c.holm[i]!, 10));
      expect(compared.notes.join(' ')).toMatch(/no item is matched across A and B/);
    }
  });
});
