import { describe, expect, it } from 'vitest';
import { aggregateSupport } from '../../../../../../shared/engine/analyzers/grounding/aggregate';

describe('aggregateSupport', () => {
  const claims = [{ support: 0.95, weight: 6 }, { support: 0.9, weight: 4 }, { support: 0.1, weight: 2 }];

  it('is 1 when nothing can be checked', () => {
    expect(aggregateSupport([], 'softmin')).toBe(1);
    expect(aggregateSupport([{ support: 0.2, weight: 0 }], 'mean')).toBe(1);
  });

  it('weights the mean by claim length', () => {
    expect(aggregateSupport(claims, 'mean')).toBeCloseTo((0.95 * 6 + 0.9 * 4 + 0.1 * 2) / 12, 10);
  });

  it('puts the soft minimum between the minimum and the mean, near the worst claim', () => {
    const soft = aggregateSupport(claims, 'softmin');
    expect(soft).toBeGreaterThan(aggregateSupport(claims, 'min'));
    expect(soft).toBeLessThan(aggregateSupport(claims, 'mean'));
    expect(soft).toBeLessThan(0.4);
  });

  it('equals the common value when all claims agree, and stays finite for many claims', () => {
    expect(aggregateSupport([{ support: 0.7, weight: 1 }, { support: 0.7, weight: 5 }], 'softmin')).toBeCloseTo(0.7, 10);
    const many = Array.from({ length: 10_000 }, (_, i) => ({ support: i % 2 ? 1 : 0, weight: 1 }));
    const v = aggregateSupport(many, 'softmin');
    expect(Number.isFinite(v) && v >= 0 && v <= 1).toBe(true);
  });
});
