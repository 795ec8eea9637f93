import { describe, expect, it } from 'vitest';
import type { AnalyzerOutput, AnalyzerRecord } from '../../../../../../shared/engine/analyzer';
import { groundingAnalyzer } from '../../../../../../shared/engine/analyzers/grounding/index';
import type { ClaimResult } from '../../../../../../shared/engine/analyzers/grounding/analyze';

const params = groundingAnalyzer.params.parse({});

function run(record: AnalyzerRecord): AnalyzerOutput {
  return groundingAnalyzer.analyze(record, params, {});
}

/** Every score in [0,1] or null, every span inside the output, every claim's offsets exact. */
function expectValid(out: AnalyzerOutput, output: string): void {
  for (const v of Object.values(out.scores)) {
    if (v !== null) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  }
  for (const s of out.spans) {
    expect(s.start).toBeGreaterThanOrEqual(0);
    expect(s.end).toBeLessThanOrEqual(output.length);
    expect(s.start).toBeLessThan(s.end);
  }
  for (const c of (out.details?.claims ?? []) as ClaimResult[]) expect(output.slice(c.start, c.end)).toBe(c.text);
  expect(typeof out.explanation).toBe('string');
  expect(() => JSON.stringify(out)).not.toThrow();
}

describe('grounding analyzer on hostile input', () => {
  it('handles empty strings everywhere', () => {
    const out = run({ input: '', output: '', contexts: [''] });
    expect(out.scores.grounding).toBeNull();
    expect(out.scores.answer_relevance).toBeNull();
    expectValid(out, '');
    const withContext = run({ input: '', output: '', contexts: ['Paris is in France.'] });
    expect(withContext.scores.grounding).toBeNull();
    expect(withContext.explanation).toMatch(/the answer is empty/);
  });

  it('caps the work on a 1 MB answer and a 1 MB context and says so', () => {
    const sentence = 'The Oberoi Group is a hotel company with its head office in Delhi. ';
    const big = sentence.repeat(Math.ceil(1_000_000 / sentence.length));
    const out = run({ input: 'Where is the head office?', output: big, contexts: [big] });
    expectValid(out, big);
    const details = out.details as { claims: ClaimResult[]; notes: string[] };
    expect(details.claims.length).toBe(params.maxClaims);
    expect(details.notes.join(' ')).toMatch(/checked the first 200 of \d+ claims/);
    expect(details.notes.join(' ')).toMatch(/context 0: checked the first 200000 of/);
    expect(out.scores.grounding).toBeGreaterThan(0.9);
  });

  it('handles a 1 MB answer with no punctuation or whitespace', () => {
    const blob = 'x'.repeat(1_000_000);
    const out = run({ input: blob, output: blob, contexts: [blob] });
    expectValid(out, blob);
  });

  it('handles markdown, code, HTML, emoji, control characters and lone surrogates', () => {
    const output = [
      '# Answer',
      '**Paris** is the <b>capital</b> of France 🇫🇷 &amp; its largest city.',
      '```python\nprint("Berlin is the capital")\n```',
      '- Population: 2.1 million \u0000\u0007',
      '| city | country |',
      'Broken \uD800 surrogate and \uDC00 here; also e\u0301 combining.',
    ].join('\n');
    const contexts = ['Paris is the capital and largest city of France, with 2.1 million residents.', '\uD83D', '<div>\u0000</div>'];
    const out = run({ input: 'What is the capital of France? 🤔', output, contexts });
    expectValid(out, output);
    const claims = (out.details as { claims: ClaimResult[] }).claims;
    expect(claims.some((c) => c.text.includes('print('))).toBe(false);
    expect(claims.find((c) => c.text.includes('Paris'))?.label).toBe('supported');
  });

  it('survives values of the wrong type at runtime', () => {
    const record = { input: null, output: 42, contexts: [null, 'Paris is in France.', 7] } as unknown as AnalyzerRecord;
    const out = run(record);
    expectValid(out, '');
    const noContexts = run({ input: 'q', output: 'a', contexts: undefined } as unknown as AnalyzerRecord);
    expect(noContexts.scores.grounding).toBeNull();
  });
});
