import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { Analyzer } from '../../../../shared/engine/analyzer';
import { coerceRecord } from '../../../../shared/engine/coerce-record';
import { scoreRecord } from '../../../../shared/engine/score-record';
import { thresholds } from '../../../../shared/engine/thresholds';

const lengthy: Analyzer = {
  id: 'lengthy', version: '1', description: 'test', params: z.object({ scale: z.number().default(10) }),
  analyze: (r, p: { scale: number }) => ({ scores: { toxicity: Math.min(1, r.output.length / p.scale) }, spans: [], explanation: 'len' }),
};
const broken: Analyzer = {
  id: 'broken', version: '1', description: 'test', params: z.object({}),
  analyze: () => { throw new Error('bad day'); },
};

describe('scoreRecord', () => {
  it('stamps findings with analyzer id, version and a params hash that follows the params', () => {
    const a = scoreRecord({ input: '', output: 'hello', contexts: [] }, [lengthy], {});
    const b = scoreRecord({ input: '', output: 'hello', contexts: [] }, [lengthy], {}, { lengthy: { scale: 100 } });
    expect(a.findings[0]).toMatchObject({ analyzerId: 'lengthy', analyzerVersion: '1' });
    expect(a.findings[0]!.paramsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.findings[0]!.paramsHash).not.toBe(b.findings[0]!.paramsHash);
    expect(b.line.scores.toxicity).toBeCloseTo(0.05);
  });

  it('flags at the configured thresholds and keeps grounding null when nobody judged it', () => {
    const { line } = scoreRecord({ id: 'x', input: '', output: 'a'.repeat(20), contexts: [] }, [lengthy], {});
    expect(line).toMatchObject({ id: 'x', scores: { grounding: null, toxicity: 1 }, flags: { toxic: 1 >= thresholds.toxicity, hallucination: false } });
  });

  it('keeps the other scores and says why when one analyzer throws', () => {
    const { line } = scoreRecord({ input: '', output: 'abc', contexts: [] }, [broken, lengthy], {});
    expect(line.scores.toxicity).toBeCloseTo(0.3);
    expect(line.notes).toEqual(['broken failed: bad day']);
  });
});

describe('coerceRecord', () => {
  it('accepts missing fields and non-string contexts, noting each fix', () => {
    const { record, notes } = coerceRecord({ id: 7, output: 5, contexts: [{ text: 'doc a' }, null, 3, 'doc b'] });
    expect(record).toEqual({ id: 7, input: '', output: '5', contexts: ['doc a', '3', 'doc b'] });
    expect(notes).toHaveLength(3);
  });

  it('treats a single string context as a list of one', () => {
    expect(coerceRecord({ contexts: 'only one' }).record.contexts).toEqual(['only one']);
  });
});
