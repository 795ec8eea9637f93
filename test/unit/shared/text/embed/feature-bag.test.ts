import { describe, expect, it } from 'vitest';
import { FeatureBag } from '../../../../../shared/text/embed/feature-bag';
import { scanTokens } from '../../../../../shared/text/embed/features';

describe('FeatureBag', () => {
  it('counts repeated keys and keeps counts when it grows past its capacity', () => {
    const bag = new FeatureBag(16);
    for (let round = 0; round < 3; round++) for (let h = 1; h <= 1000; h++) bag.add(Math.imul(h, 2654435761) >>> 0, h % 3);
    expect(bag.size).toBe(1000);
    for (let e = 0; e < bag.size; e++) expect(bag.counts[e]).toBe(3);
    expect(bag.groups[0]).toBe(1);
  });

  it('is empty after clear and reusable', () => {
    const bag = new FeatureBag();
    bag.add(42, 0);
    bag.clear();
    expect(bag.size).toBe(0);
    bag.add(42, 2);
    expect(bag.size).toBe(1);
    expect(bag.counts[0]).toBe(1);
    expect(bag.groups[0]).toBe(2);
  });
});

describe('scanTokens', () => {
  it('keeps inner apostrophes and decimal numbers, splits at hyphens and punctuation', () => {
    expect(scanTokens("don't stop: 6.213 km, 1,000 dutch-belgian arthur's")).toEqual(["don't", 'stop', '6.213', 'km', '1,000', 'dutch', 'belgian', "arthur's"]);
  });

  it('reads letters of any script', () => {
    expect(scanTokens('пароль café 密码')).toEqual(['пароль', 'café', '密码']);
  });
});
