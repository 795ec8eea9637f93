import { describe, expect, it } from 'vitest';
import { ANALYZER_IDS } from '../../../../shared/engine/analyzer-ids';
import { analyzers, getAnalyzer } from '../../../../shared/engine/registry';

describe('analyzer registry', () => {
  it('has unique ids, listed in the same order as the lightweight id list the CLI help uses', () => {
    const ids = analyzers.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ANALYZER_IDS]);
  });

  it('names the known analyzers when asked for an unknown one', () => {
    expect(() => getAnalyzer('sentiment')).toThrow(/unknown analyzer "sentiment" \(known: grounding, toxicity, pii, injection\)/);
  });
});
