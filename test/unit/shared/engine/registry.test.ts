import { describe, expect, it } from 'vitest';
import { ANALYZER_IDS } from '../../../../shared/engine/analyzer-ids';
import { analyzers, getAnalyzer, runAnalyzer } from '../../../../shared/engine/registry';

describe('analyzer registry', () => {
  it('has unique ids, listed in the same order as the lightweight id list the CLI help uses', () => {
    const ids = analyzers.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ANALYZER_IDS]);
  });

  it('names the known analyzers when asked for an unknown one', () => {
    expect(() => getAnalyzer('sentiment')).toThrow(/unknown analyzer "sentiment" \(known: grounding, toxicity, pii, injection\)/);
  });

  it('stamps each finding with the hash of the params it ran with, also when params change between calls', () => {
    const grounding = getAnalyzer('grounding');
    const record = { input: 'How long is the warranty?', output: 'Two years.', contexts: ['The warranty lasts two years.'] };
    const a = runAnalyzer(grounding, record, {}, {});
    const again = runAnalyzer(grounding, record, {}, {});
    const other = runAnalyzer(grounding, record, { kbLookup: 'always' }, {});
    expect(again.paramsHash).toBe(a.paramsHash);
    expect(other.paramsHash).not.toBe(a.paramsHash);
    expect(runAnalyzer(grounding, record, {}, {}).paramsHash).toBe(a.paramsHash);
    expect(() => runAnalyzer(grounding, record, { kbLookup: 'sometimes' }, {})).toThrow();
  });
});
