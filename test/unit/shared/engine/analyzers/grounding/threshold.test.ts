import { describe, expect, it } from 'vitest';
import { balancedThreshold } from '../../../../../../shared/engine/analyzers/grounding/training';

describe('balancedThreshold', () => {
  // Family "a": hallucinations score 0.1-0.3, good answers 0.9. Family "b": good answers spread from 0.2 to 1.
  const scores = [0.1, 0.2, 0.3, 0.9, 0.9, 0.9, 0.05, 0.15, 0.2, 0.25, 0.35, 0.5, 0.6, 0.8, 0.9, 1];
  const hallucinated = [true, true, true, false, false, false, true, true, false, false, false, false, false, false, false, false];
  const families = [...Array<string>(6).fill('a'), ...Array<string>(10).fill('b')];

  it('picks the cut-off with the best mean Youden J over the families', () => {
    const free = balancedThreshold(scores, hallucinated, families);
    // Just above 0.3: family a is separated, family b flags 2 of its 8 good answers.
    expect(free.threshold).toBeGreaterThan(0.3);
    expect(free.threshold).toBeLessThanOrEqual(0.35);
    expect(free.meanJ).toBeCloseTo(0.5 * 1 + 0.5 * (1 - 2 / 8), 6);
    expect(free.capped).toBe(false);
  });

  it('keeps each family\'s share of flagged good answers within the cap', () => {
    const capped = balancedThreshold(scores, hallucinated, families, 0.1);
    expect(capped.capped).toBe(true);
    // Not even 1 of family b's 8 good answers (12.5%) may be flagged, so the cut-off stays at or below 0.2.
    expect(capped.threshold).toBeLessThanOrEqual(0.2);
    expect(capped.threshold).toBeGreaterThan(0.15);
  });
});
