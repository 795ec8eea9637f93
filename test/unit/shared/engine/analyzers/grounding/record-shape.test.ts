import { describe, it, expect } from 'vitest';
import { recordShape } from '../../../../../../shared/engine/analyzers/grounding/record-shape';
import { calibrateSupport } from '../../../../../../shared/engine/analyzers/grounding/calibrate';
import { analyzeGrounding } from '../../../../../../shared/engine/analyzers/grounding/analyze';
import { groundingModel } from '../../../../../../shared/engine/analyzers/grounding/weights';
import { GroundingParams } from '../../../../../../shared/engine/analyzers/grounding/params';
import { thresholds } from '../../../../../../shared/engine/thresholds';

const doc = (words: number): string => Array.from({ length: words }, (_, i) => `word${i}`).join(' ');

describe('record shape', () => {
  it('tells questions on short and long sources, conversation turns and asked-for summaries apart', () => {
    expect(recordShape({ input: 'Which magazine was started first?', output: 'Arthur’s Magazine.', contexts: [doc(60)] })).toBe('question-short-source');
    expect(recordShape({ input: 'Why is a runner’s heart rate lower', output: 'Training enlarges the heart.', contexts: [doc(200), doc(200)] })).toBe('question-long-source');
    expect(recordShape({ input: 'i like michael caine too', output: 'He was great in The Italian Job.', contexts: [doc(80)] })).toBe('conversation');
    expect(recordShape({ input: 'Summarize the document.', output: 'The board approved the budget.', contexts: [doc(300)] })).toBe('summary');
    expect(recordShape({ input: 'User: hi\nAssistant: hello\nUser: TL;DR of this thread please', output: 'They agreed to ship Friday.', contexts: [doc(120)] })).toBe('summary');
  });

  it('reads a request to summarize placed before a long pasted article', () => {
    const article = `${'The city council met on Monday to discuss the new budget for schools and roads. '.repeat(40)}`;
    const record = { input: `Summarize the following news article in three sentences:\n\n${article}`, output: 'The council met on Monday.', contexts: [article] };
    expect(record.input.length).toBeGreaterThan(2000);
    expect(recordShape(record)).toBe('summary');
    // The same article with a question after it is a question, whatever the article says.
    expect(recordShape({ ...record, input: `${article}\nWhen did the council meet?` })).toBe('question-long-source');
    expect(recordShape({ ...record, input: `Executive summary: ${article}\nWhen did the council meet?` })).toBe('question-long-source');
  });

  it('does not depend on how long the answer is', () => {
    const base = { input: 'Who wrote it?', contexts: [doc(60)] };
    expect(recordShape({ ...base, output: 'Kafka.' })).toBe(recordShape({ ...base, output: 'It was written by Franz Kafka in Prague during the winter of 1912, as his diaries record.' }));
  });
});

describe('calibration to the shipped threshold', () => {
  it('maps each shape’s cut-off onto thresholds.grounding, keeping 0, 1 and the order', () => {
    const t = thresholds.grounding;
    for (const cut of Object.values(groundingModel.shapeCuts)) {
      expect(calibrateSupport(cut, cut)).toBeCloseTo(t, 12);
      expect(calibrateSupport(0, cut)).toBe(0);
      expect(calibrateSupport(1, cut)).toBeCloseTo(1, 12);
      const xs = [0.05, 0.1, 0.3, 0.5, 0.7, 0.95];
      const ys = xs.map((x) => calibrateSupport(x, cut));
      for (let i = 1; i < ys.length; i++) expect(ys[i]!).toBeGreaterThan(ys[i - 1]!);
    }
  });

  it('flags an answer and labels its claims on the same side of the threshold', () => {
    const params = GroundingParams.parse({});
    const contexts = ['The Eiffel Tower is in Paris. It was completed in 1889 for the World Fair.'];
    for (const output of ['The Eiffel Tower was completed in 1889.', 'The Eiffel Tower was completed in 1925 in Rome.']) {
      const out = analyzeGrounding({ input: 'When was the Eiffel Tower completed?', output, contexts }, params, {});
      const g = out.scores.grounding as number;
      const claims = (out.details?.claims ?? []) as { support: number | null; label: string; checkable: boolean }[];
      const checkable = claims.filter((c) => c.checkable);
      expect(checkable.length).toBeGreaterThan(0);
      for (const c of checkable) expect(c.label === 'supported').toBe((c.support ?? 1) >= thresholds.grounding);
      if (g < thresholds.grounding) expect(checkable.some((c) => c.label !== 'supported')).toBe(true);
    }
  });
});
