import { describe, expect, it } from 'vitest';
import type { CompareItem } from '../../../../shared/compare/compare-item';
import { compareVersions, type CompareOptions } from '../../../../shared/compare/compare-versions';
import { lineDiff } from '../../../../shared/compare/line-diff';
import { normalizeInput, pairItems } from '../../../../shared/compare/pairing';
import { binomTestHalf } from '../../../../shared/stats/mcnemar';

function item(recordId: number, input: string, o: Partial<CompareItem> = {}): CompareItem {
  return {
    recordId, input, pairKey: null, itemId: null,
    flags: { hallucination: false, toxic: false, injection: false, pii: false },
    grounding: 0.8, answerRelevance: 0.7, contextRelevance: 0.6, reviewPass: null,
    tokensIn: 100, tokensOut: 40, latencyMs: 900, cost: 0.001, estimated: false, ...o,
  };
}

const OPTIONS: CompareOptions = { by: 'prompt_version', a: 'v1', b: 'v2', correction: 'holm', seed: 1, resamples: 1000, bucketFlag: 'any' };

describe('pairing', () => {
  it('pairs by pair_key, then item_id, then normalized input; repeats pair in order; the rest is unpaired', () => {
    const a = [item(1, 'Hello  World'), item(2, 'x', { pairKey: 'k1' }), item(3, 'q', { itemId: 'i9' }), item(4, 'hello world'), item(5, 'only A')];
    const b = [item(11, 'HELLO WORLD'), item(12, 'different', { pairKey: 'k1' }), item(13, 'z', { itemId: 'i9' }), item(14, 'hello world\n'), item(15, 'hello world')];
    const p = pairItems(a, b);
    expect(p.pairs).toEqual([[0, 0], [1, 1], [2, 2], [3, 3]]);
    expect(p.unpairedA).toEqual([4]);
    expect(p.unpairedB).toEqual([4]);
    expect(p.by).toEqual({ pair_key: 1, item_id: 1, input: 2 });
    expect(normalizeInput('  Ｈello\tWORLD ')).toBe('hello world');
    // Plain ASCII skips NFKC and white-space collapsing: it must land on the same key as the full normalization.
    const full = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
    for (const t of ['Where is order 12?', ' lead', 'trail ', 'two  spaces', 'tab\there', 'line\nbreak', '', 'A', 'ﬁne print', 'ÀB c']) {
      expect(normalizeInput(t)).toBe(full(t));
    }
  });
});

describe('compareVersions', () => {
  const sideA = Array.from({ length: 60 }, (_, i) => item(i + 1, `q${i}`, {
    flags: { hallucination: i % 10 === 0, toxic: false, injection: false, pii: false }, grounding: 0.5 + (i % 7) / 20, tokensOut: 40 + (i % 5),
  }));

  it('a version compared with itself: zero differences, nothing significant, everything unchanged or still failing', () => {
    const r = compareVersions(sideA, sideA, OPTIONS);
    expect(r.mode).toBe('paired');
    expect(r.paired).toBe(60);
    for (const m of r.metrics) {
      if (m.diff !== null) expect(m.diff).toBe(0);
      expect(m.significant).toBe(false);
      if (m.p_value !== null) expect(m.p_value).toBe(1);
    }
    expect(r.buckets).toEqual({ regressed: 0, fixed: 0, still_failing: 6, unchanged: 54 });
  });

  it('a PII regression on paired items is found by exact McNemar and lands in the regressed bucket', () => {
    const sideB = sideA.map((x, i) => ({ ...x, recordId: 100 + i, flags: { ...x.flags!, pii: i % 3 === 0 } }));
    const r = compareVersions(sideA, sideB, { ...OPTIONS, metrics: ['pii_rate', 'grounding_mean'] });
    const pii = r.metrics.find((m) => m.name === 'pii_rate')!;
    expect(pii.test).toBe('mcnemar_exact');
    expect(pii.diff).toBeCloseTo(20 / 60, 12);
    expect(pii.p_value).toBeCloseTo(binomTestHalf(0, 20), 15);
    expect(pii.significant).toBe(true);
    expect(pii.ci_low).toBeGreaterThan(0);
    expect(r.buckets.regressed).toBe(r.bucket_items.regressed.length);
    // Item 0 is already failing on A (a hallucination), so the first regression is item 3.
    expect(r.bucket_items.regressed[0]).toEqual({ a: 4, b: 103 });
  });

  it('different inputs are compared unpaired (Fisher, Mann-Whitney) and the result says so', () => {
    const sideB = sideA.map((x, i) => ({ ...x, recordId: 100 + i, input: `other ${i}`, tokensOut: 60 + (i % 5) }));
    const r = compareVersions(sideA, sideB, OPTIONS);
    expect(r.mode).toBe('unpaired');
    expect(r.unpaired_a).toBe(60);
    expect(r.notes.join(' ')).toMatch(/no input was answered on both sides/);
    expect(r.metrics.find((m) => m.name === 'hallucination_rate')!.test).toBe('fisher_exact');
    const tokens = r.metrics.find((m) => m.name === 'tokens_out_mean')!;
    expect(tokens.test).toBe('mann_whitney');
    expect(tokens.diff).toBeCloseTo(20, 12);
    expect(tokens.significant).toBe(true);
  });

  it('explains an empty side and unanalyzed records instead of failing', () => {
    const r = compareVersions(sideA, [], OPTIONS);
    expect(r.notes[0]).toMatch(/side B .* has no records/);
    expect(r.metrics.every((m) => m.p_value === null && !m.significant)).toBe(true);
    const unanalyzed = sideA.map((x) => ({ ...x, flags: null }));
    const u = compareVersions(unanalyzed, unanalyzed, OPTIONS);
    expect(u.metrics.find((m) => m.name === 'hallucination_rate')!.detail).toMatch(/no pair has this value/);
    expect(u.notes.join(' ')).toMatch(/no analysis results/);
  });

  it('the same seed gives the same intervals', () => {
    const sideB = sideA.map((x, i) => ({ ...x, recordId: 100 + i, grounding: x.grounding! - (i % 4) / 40 }));
    const one = compareVersions(sideA, sideB, OPTIONS).metrics.find((m) => m.name === 'grounding_mean')!;
    const two = compareVersions(sideA, sideB, OPTIONS).metrics.find((m) => m.name === 'grounding_mean')!;
    expect([two.ci_low, two.ci_high]).toEqual([one.ci_low, one.ci_high]);
    expect(one.test).toBe('wilcoxon');
    expect(one.detail).toMatch(/zero_method=wilcox/);
  });
});

describe('lineDiff', () => {
  it('marks removed and added lines around the common ones', () => {
    expect(lineDiff('a\nb\nc', 'a\nc\nd')).toEqual([{ op: ' ', text: 'a' }, { op: '-', text: 'b' }, { op: ' ', text: 'c' }, { op: '+', text: 'd' }]);
  });
});
