import { describe, expect, it } from 'vitest';
import { gateMetricValue, meetsThreshold } from '../../../../shared/gates/evaluate';
import { parsePolicy, PolicyError } from '../../../../shared/gates/policy';

function errorOf(text: string): PolicyError {
  try {
    parsePolicy(text, 'p.yml');
  } catch (err) {
    if (err instanceof PolicyError) return err;
    throw err;
  }
  throw new Error('expected a PolicyError');
}

describe('gate policies', () => {
  it('reads YAML and JSON with scopes, baselines and default names', () => {
    const gates = parsePolicy([
      'gates:',
      '  - metric: grounding_mean',
      '    min: 0.85',
      '  - metric: hallucination_rate',
      '    max: 0.02',
      '    name: few hallucinations',
      '    scope: {model: gpt-4o-mini, from: 2026-11-01, to: 2026-11-30}',
      '  - metric: pii_rate',
      '    baseline: v1.3',
      '    scope: {prompt_version: v1.4}',
    ].join('\n'), 'p.yml');
    expect(gates.map((g) => [g.name, g.op, g.threshold, g.line])).toEqual([
      ['grounding_mean >= 0.85', 'min', 0.85, 2], ['few hallucinations', 'max', 0.02, 4], ['pii_rate vs v1.3', null, null, 8],
    ]);
    expect(gates[1]!.scope).toEqual({ model: 'gpt-4o-mini', from: '2026-11-01', to: '2026-11-30' });
    expect(gates[2]!.baseline).toEqual({ by: 'prompt_version', version: 'v1.3' });
    const json = parsePolicy('{"gates": [{"metric": "pii_count", "equals": 0}]}', 'p.json');
    expect(json[0]).toMatchObject({ metric: 'pii_count', op: 'equals', threshold: 0, line: 1 });
  });

  it('names the line of an unknown metric, a wrong type, an impossible threshold and a syntax error', () => {
    expect(errorOf('gates:\n  - metric: hallucination_rate\n    max: 1\n  - metric: no_such_metric\n    max: 1\n').message).toMatch(/^p\.yml:4: gates\[1\]\.metric: unknown metric "no_such_metric"/);
    expect(errorOf('gates:\n  - metric: pii_rate\n    max: lots\n').message).toMatch(/^p\.yml:3: gates\[0\]\.max: expected a number, got "lots"/);
    expect(errorOf('gates:\n  - metric: hallucination_rate\n    max: 2\n').message).toMatch(/^p\.yml:3: .*2 is impossible for hallucination_rate \(a rate between 0 and 1\)/);
    expect(errorOf('gates:\n  - metric: pii_rate\n    max: [1\n').line).toBeGreaterThanOrEqual(3);
    expect(errorOf('gates:\n  - metric: pii_rate\n    max: [1\n').message).toMatch(/syntax error/);
    expect(errorOf('gates:\n  - metric: pii_rate\n    min: 0\n    max: 1\n').message).toMatch(/^p\.yml:4: .*give one of min, max or equals/);
    expect(errorOf('gates:\n  - metric: pii_rate\n    scope: {team: x}\n    max: 1\n').message).toMatch(/^p\.yml:3: .*unknown field "team"/);
    expect(errorOf('gates:\n  - metric: pii_rate\n').message).toMatch(/needs a threshold/);
    expect(errorOf('gates:\n  - metric: pii_count\n    baseline: v1\n    scope: {prompt_version: v2}\n').message).toMatch(/is a count/);
    expect(errorOf('rules: []\n').message).toMatch(/`gates:` must be a list/);
  });

  it('reads drift, AUC and retrieval gates, whose scope can name only the asset they measure', () => {
    const gates = parsePolicy('gates:\n  - {metric: drift_share, max: 0.3}\n  - {metric: auc, min: 0.8, scope: {asset: 4}}\n  - {metric: retrieval_hit_at_5, min: 0.9}\n', 'p.yml');
    expect(gates.map((g) => [g.metric, g.op, g.threshold, g.scope])).toEqual([
      ['drift_share', 'max', 0.3, {}], ['auc', 'min', 0.8, { asset: 4 }], ['retrieval_hit_at_5', 'min', 0.9, {}],
    ]);
    expect(errorOf('gates:\n  - metric: auc\n    min: 1.5\n').message).toMatch(/^p\.yml:3: .*1\.5 is impossible for auc \(an AUC between 0 and 1\)/);
    expect(errorOf('gates:\n  - metric: drift_share\n    max: 0.3\n    scope: {asset: 2, model: gpt-4o}\n').message)
      .toMatch(/^p\.yml:4: gates\[0\]\.scope: drift_share is measured on one dataset asset: scope can name only \{asset: ID\}, not model/);
    expect(errorOf('gates:\n  - metric: retrieval_hit_at_5\n    baseline: v1\n    scope: {asset: 3}\n').message).toMatch(/retrieval_hit_at_5 is measured on one asset/);
  });

  it('counts flags, averages rates and checks thresholds', () => {
    const items = [true, false, false, false].map((pii, i) => ({
      recordId: i, input: '', pairKey: null, itemId: null, flags: { hallucination: false, toxic: false, injection: false, pii },
      grounding: null, answerRelevance: null, contextRelevance: null, reviewPass: null, tokensIn: 10, tokensOut: 5, latencyMs: null, cost: 0.25, estimated: false,
    }));
    expect(gateMetricValue(items, 'pii_count')).toBe(1);
    expect(gateMetricValue(items, 'pii_rate')).toBe(0.25);
    expect(gateMetricValue(items, 'cost_per_query')).toBe(0.25);
    expect(gateMetricValue(items, 'grounding_mean')).toBeNull();
    expect(gateMetricValue([], 'records')).toBe(0);
    expect(meetsThreshold({ op: 'max', threshold: 0.2 }, 0.25)).toBe(false);
    expect(meetsThreshold({ op: 'equals', threshold: 0 }, 0)).toBe(true);
  });
});
