import { describe, expect, it } from 'vitest';
import type { Analyzer, AnalyzerContext, AnalyzerRecord, Evidence } from '../../../../../../shared/engine/analyzer';
import { groundingAnalyzer } from '../../../../../../shared/engine/analyzers/grounding/index';
import type { ClaimResult } from '../../../../../../shared/engine/analyzers/grounding/analyze';
import { runAnalyzer } from '../../../../../../shared/engine/registry';
import { thresholds } from '../../../../../../shared/engine/thresholds';

const CONTEXT =
  'The Oberoi Group is a hotel company with its head office in Delhi. It was founded in 1934 by Mohan Singh Oberoi. ' +
  'The group operates 31 luxury hotels. Guests are not allowed to smoke inside the hotels.';

function analyze(output: string, contexts: string[] = [CONTEXT], ctx: AnalyzerContext = {}, input = 'Tell me about the Oberoi Group.') {
  const record: AnalyzerRecord = { input, output, contexts };
  const result = groundingAnalyzer.analyze(record, groundingAnalyzer.params.parse({}), ctx);
  const claims = (result.details?.claims ?? []) as ClaimResult[];
  return { ...result, claims };
}

describe('grounding analyzer', () => {
  it('scores an answer restating the context as grounded', () => {
    const r = analyze('The Oberoi Group is a hotel company with its head office in Delhi. It was founded in 1934.');
    expect(r.scores.grounding).toBeGreaterThan(0.9);
    expect(r.spans).toEqual([]);
    expect(r.claims.every((c) => c.label === 'supported')).toBe(true);
    expect(r.explanation).toMatch(/All 2 checked claims supported/);
  });

  it('scores a paraphrase with reordered words as grounded', () => {
    const r = analyze('Founded in 1934, the hotel company Oberoi Group has its head office in Delhi.');
    expect(r.scores.grounding).toBeGreaterThanOrEqual(thresholds.grounding);
  });

  it('flags a wrong number as contradicting its context and names it with its offsets', () => {
    const output = 'The Oberoi Group was founded in 1952.';
    const r = analyze(output);
    expect(r.scores.grounding).toBeLessThan(thresholds.grounding);
    expect(r.claims[0]!.label).toBe('contradicted');
    const issue = r.claims[0]!.failed.find((f) => f.kind === 'number-conflict');
    expect(issue?.text).toBe('1952');
    expect(output.slice(issue!.start, issue!.end)).toBe('1952');
    expect(r.explanation).toContain('"1952"');
  });

  it('flags a wrong entity as contradicting its context and names it', () => {
    const r = analyze('The Oberoi Group has its head office in Mumbai.');
    expect(r.scores.grounding).toBeLessThan(thresholds.grounding);
    expect(r.claims[0]!.failed).toContainEqual(expect.objectContaining({ kind: 'entity-conflict', text: 'Mumbai' }));
    expect(r.spans).toEqual([{ field: 'output', start: 0, end: 47, label: 'contradicted', score: expect.any(Number) }]);
  });

  it('marks a negated restatement of the evidence as contradicted', () => {
    const r = analyze('The Oberoi Group is not a hotel company.');
    expect(r.claims[0]!.label).toBe('contradicted');
    expect(r.claims[0]!.failed).toContainEqual(expect.objectContaining({ kind: 'negation', text: 'not' }));
    expect(r.spans[0]?.label).toBe('contradicted');
  });

  it('marks an affirmative claim against a negated sentence as contradicted', () => {
    const r = analyze('Guests are allowed to smoke inside the hotels.');
    expect(r.claims[0]!.label).toBe('contradicted');
    expect(r.scores.grounding).toBeLessThan(thresholds.grounding);
  });

  it('detects an antonym conflict, and accepts a negated antonym as agreement', () => {
    const contexts = ['Sales increased by 12 percent in 2023 after the launch.'];
    const conflict = analyze('Sales decreased by 12 percent in 2023 after the launch.', contexts);
    expect(conflict.claims[0]!.label).toBe('contradicted');
    expect(conflict.claims[0]!.failed).toContainEqual(expect.objectContaining({ kind: 'antonym', text: 'decreased' }));
    const agree = analyze('Guests are forbidden to smoke inside the hotels.', ['Guests are not allowed to smoke inside the hotels.']);
    expect(agree.claims[0]!.label).toBe('supported');
  });

  it('scores a mixed answer between its supported and unsupported claims and says which failed', () => {
    const output = 'The Oberoi Group has its head office in Delhi. Its chairman is Vikram Patel.';
    const r = analyze(output);
    expect(r.claims.map((c) => c.label)).toEqual(['supported', 'unsupported']);
    expect(r.explanation).toMatch(/^1 of 2 claims unsupported/);
    expect(r.explanation).toContain('Vikram');
    const span = r.spans[0]!;
    expect(output.slice(span.start, span.end)).toBe('Its chairman is Vikram Patel.');
  });

  it('gives exact offsets for claims and for the evidence within its context', () => {
    const output = '  Intro:\n\n- It was founded in 1934 by Mohan Singh Oberoi.\n- The group operates 31 luxury hotels.';
    const contexts = ['Unrelated first context about trains.', CONTEXT];
    const r = analyze(output, contexts);
    expect(r.claims.length).toBe(3);
    for (const c of r.claims) {
      expect(output.slice(c.start, c.end)).toBe(c.text);
      if (c.evidence) expect(contexts[Number(c.evidence.ref)]!.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
    }
    expect(r.claims[1]!.evidence).toMatchObject({ source: 'context', ref: '1', text: 'It was founded in 1934 by Mohan Singh Oberoi.' });
  });

  it('returns null grounding and context relevance without contexts or KB', () => {
    const r = analyze('Paris is the capital of France.', [], {}, 'What is the capital of France?');
    expect(r.scores.grounding).toBeNull();
    expect(r.scores.context_relevance).toBeNull();
    expect(r.scores.answer_relevance).toBeGreaterThan(0.5);
    expect(r.explanation).toMatch(/^Not applicable: the record has no contexts/);
    expect(r.details?.notApplicable).toBe('no-evidence');
  });

  it('treats whitespace-only contexts as no contexts', () => {
    expect(analyze('Paris is in France.', ['', '   \n']).scores.grounding).toBeNull();
  });

  it('uses KB chunks from ctx.searchKb as evidence and reports the chunk id', () => {
    const queries: string[] = [];
    const ctx: AnalyzerContext = {
      searchKb: (text: string, k: number): Evidence[] => {
        queries.push(text);
        expect(k).toBe(3);
        return [{ source: 'kb', ref: 'chunk-7', text: 'Mount Everest is 8,849 metres high.', score: 0.9 }];
      },
    };
    const r = analyze('Mount Everest is 8,849 metres high.', [], ctx);
    expect(queries).toEqual(['Mount Everest is 8,849 metres high.']);
    expect(r.scores.grounding).toBeGreaterThan(0.9);
    expect(r.claims[0]!.evidence).toMatchObject({ source: 'kb', ref: 'chunk-7' });
  });

  it('ignores the KB when the params exclude it', () => {
    const ctx: AnalyzerContext = { searchKb: () => [{ source: 'kb', ref: 'c', text: 'Everest is high.', score: 1 }] };
    const record: AnalyzerRecord = { input: '', output: 'Everest is high.', contexts: [] };
    const r = groundingAnalyzer.analyze(record, groundingAnalyzer.params.parse({ sources: ['context'] }), ctx);
    expect(r.scores.grounding).toBeNull();
  });

  it('gives filler-only answers no grounding score (not applicable), not a low one', () => {
    const r = analyze('Yes, sure!');
    expect(r.scores.grounding).toBeNull();
    expect(r.claims[0]!.label).toBe('not-checkable');
    expect(r.explanation).toMatch(/makes no factual claim/);
  });

  it('does not treat citation markers as unsupported numbers', () => {
    const r = analyze('The Oberoi Group has its head office in Delhi [2].');
    expect(r.claims[0]!.label).toBe('supported');
  });

  it('validates params and is stamped by the registry', () => {
    expect(() => groundingAnalyzer.params.parse({ aggregation: 'median' })).toThrow();
    const registrable: Analyzer = groundingAnalyzer; // what registry.ts's list holds
    const finding = runAnalyzer(registrable, { input: '', output: 'Delhi.', contexts: [CONTEXT] }, {}, {});
    expect(finding.analyzerId).toBe('grounding');
    expect(finding.analyzerVersion).toBe(groundingAnalyzer.version);
    expect(finding.paramsHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets the aggregation be chosen: min is never above mean', () => {
    const record: AnalyzerRecord = { input: '', output: 'It was founded in 1934. Its chairman is Vikram Patel.', contexts: [CONTEXT] };
    const score = (aggregation: string): number =>
      groundingAnalyzer.analyze(record, groundingAnalyzer.params.parse({ aggregation }), {}).scores.grounding!;
    expect(score('min')).toBeLessThanOrEqual(score('softmin'));
    expect(score('softmin')).toBeLessThanOrEqual(score('mean'));
  });
});

describe('grounding analyzer on a support bot\'s answers', () => {
  const KB = [
    'You have 30 days from the date of delivery to return a product. Refunds reach your card in 5 to 7 business days.',
    'To reset the Smart Plug, hold the button for 10 seconds. Release the button; the plug restarts in setup mode. ' +
      'Make sure your router broadcasts a 2.4 GHz network; the plug cannot join 5 GHz-only networks.',
  ];

  it('scores an answer wrapped in pleasantries like the bare answer and keeps the pleasantries as not checkable', () => {
    const bare = analyze('You have 30 days from the date of delivery to return a product.', KB);
    const output = 'Thanks for reaching out. Great question! You have 30 days from the date of delivery to return a product. ' +
      'Let me know if you have any other questions! Is there anything else I can help you with?';
    const wrapped = analyze(output, KB);
    expect(wrapped.scores.grounding).toBeCloseTo(bare.scores.grounding!, 6);
    expect(wrapped.spans).toEqual([]);
    const aside = wrapped.claims.filter((c) => !c.checkable);
    expect(aside.map((c) => c.text)).toEqual([
      'Thanks for reaching out.', 'Great question!', 'Let me know if you have any other questions!',
      'Is there anything else I can help you with?',
    ]);
    expect(aside.map((c) => c.reason)).toEqual(['thanks', 'praise of the question', 'offer of further help', 'question to the user']);
    for (const c of aside) expect(c).toMatchObject({ label: 'not-checkable', support: null });
  });

  it('still flags an invented claim between pleasantries', () => {
    const r = analyze('Happy to help! Refunds reach your card within one hour and include a free gift card. I hope this helps!', KB);
    expect(r.scores.grounding).toBeLessThan(thresholds.grounding);
    // "within one hour" against "in 5 to 7 business days": the same duration, stated otherwise.
    expect(r.spans.map((s) => s.label)).toEqual(['contradicted']);
  });

  it('reads inline numbered steps copied from the context as supported, without counting the step numbers', () => {
    const output = 'Please try these steps in order: 1) Hold the button for 10 seconds. 2) Release the button; the plug restarts in setup mode.';
    const r = analyze(output, KB);
    expect(r.scores.grounding).toBeGreaterThan(0.9);
    expect(r.claims.flatMap((c) => c.failed).filter((f) => f.kind === 'number')).toEqual([]);
    expect(r.claims.map((c) => c.text)).toContain('Hold the button for 10 seconds.');
  });

  it('does not report a sentence-initial word as an unsupported name', () => {
    const r = analyze('Sorry it keeps dropping off. Make sure your router broadcasts a 2.4 GHz network.', KB);
    expect(r.claims.flatMap((c) => c.failed).filter((f) => f.kind === 'entity')).toEqual([]);
  });

  it('reads a negation only within its own clause', () => {
    // The context negates "5 GHz-only networks" after a semicolon; the claim about 2.4 GHz agrees with it.
    const r = analyze('Make sure your router broadcasts a 2.4 GHz network.', KB);
    expect(r.claims[0]!.label).toBe('supported');
    expect(analyze('Your router does not need a 2.4 GHz network.', KB).claims[0]!.label).toBe('contradicted');
  });

  it('matches spelled-out numbers, unit abbreviations, hyphenated amounts and British spellings', () => {
    const contexts = ['The battery lasts 2 years. Storage: 256 gigabytes. Trials last 30 days. Works at the city centre.'];
    const r = analyze('The battery lasts two years, storage is 256 GB, there is a 30-day trial and it works at the city center.', contexts);
    expect(r.claims.flatMap((c) => c.failed)).toEqual([]);
  });

  it('does not count a name the user asked about as invented, only one nobody mentioned', () => {
    const contexts = ['The coin cell lasts up to 2 years.'];
    const asked = analyze('The Motion Sensor coin cell lasts up to 2 years.', contexts, {}, 'How long does the Motion Sensor battery last?');
    expect(asked.claims[0]!.failed.filter((f) => f.kind === 'entity')).toEqual([]);
    const unasked = analyze('The Motion Sensor coin cell lasts up to 2 years.', contexts, {}, 'How long does the battery last?');
    expect(unasked.claims[0]!.failed.map((f) => f.kind)).toContain('entity');
  });
});

describe('grounding analyzer with questionIsGiven', () => {
  it('lets the answer repeat question words that the context lacks only when asked to', () => {
    const record: AnalyzerRecord = {
      input: 'Where does the Oberoi Group keep its headquarters?',
      output: 'The Oberoi Group keeps its headquarters in Delhi.',
      contexts: ['The Oberoi Group is a hotel company with its head office in Delhi.'],
    };
    const strict = groundingAnalyzer.analyze(record, groundingAnalyzer.params.parse({}), {});
    const lenient = groundingAnalyzer.analyze(record, groundingAnalyzer.params.parse({ questionIsGiven: true }), {});
    expect(lenient.scores.grounding!).toBeGreaterThan(strict.scores.grounding!);
    expect(lenient.scores.grounding!).toBeGreaterThanOrEqual(thresholds.grounding);
  });
});
