import { describe, expect, it } from 'vitest';
import { answerRelevance, answerType, contextRelevance } from '../../../../../../shared/engine/analyzers/grounding/relevance';
import { buildEvidenceIndex } from '../../../../../../shared/engine/analyzers/grounding/evidence';

const limits = { maxCharsPerDoc: 100_000, maxSentences: 1000 };

describe('answerType', () => {
  it('reads the expected answer type from the question wording', () => {
    expect(answerType('How many moons does Mars have?')).toBe('number');
    expect(answerType('When was the bridge opened?')).toBe('date');
    expect(answerType('In what city is the head office?')).toBe('place');
    expect(answerType('Who wrote Hamlet?')).toBe('person');
    expect(answerType('Why is the sky blue?')).toBe('reason');
    expect(answerType('Is Paris in France?')).toBe('yesno');
    expect(answerType('Describe the plot.')).toBe('open');
  });
});

describe('answerRelevance', () => {
  it('prefers an answer of the expected type', () => {
    const q = 'How many moons does Mars have?';
    expect(answerRelevance(q, 'Two.')!).toBeGreaterThan(answerRelevance(q, 'Phobos.')!);
    expect(answerRelevance('Who wrote Hamlet?', 'William Shakespeare')!).toBeGreaterThan(answerRelevance('Who wrote Hamlet?', 'in 1603')!);
  });

  it('scores an answer that restates the question above an unrelated one', () => {
    const q = 'What is the boiling point of water at sea level?';
    expect(answerRelevance(q, 'The boiling point of water at sea level is 100 degrees Celsius.')!).toBeGreaterThan(0.8);
    expect(answerRelevance(q, 'Bananas are rich in potassium.')!).toBeLessThan(0.3);
  });

  it('scores noncommittal answers low', () => {
    const q = 'What is the boiling point of water at sea level?';
    expect(answerRelevance(q, "I don't know the boiling point of water at sea level.")!).toBeLessThan(0.3);
  });

  it('uses the evidence sentence that answers the question for one-word answers', () => {
    const q = 'In which year did the Oberoi Group open its first hotel in Shimla?';
    const index = buildEvidenceIndex([{ source: 'context', ref: '0', text: 'The Oberoi Group opened its first hotel in Shimla in 1934.' }], limits);
    expect(answerRelevance(q, '1934', index)!).toBeGreaterThan(answerRelevance(q, '1934')!);
  });

  it('is null without a question and 0 for an empty answer', () => {
    expect(answerRelevance('', 'Paris')).toBeNull();
    expect(answerRelevance('What is the capital of France?', '')).toBe(0);
  });
});

describe('contextRelevance', () => {
  it('ranks the context that covers the question above an unrelated one', () => {
    const index = buildEvidenceIndex([
      { source: 'context', ref: '0', text: 'Bananas are rich in potassium. They grow in the tropics.' },
      { source: 'context', ref: '1', text: 'The boiling point of water at sea level is 100 degrees Celsius.' },
    ], limits);
    const r = contextRelevance('What is the boiling point of water at sea level?', index);
    expect(r.perContext.map((c) => c.index)).toEqual([0, 1]);
    expect(r.perContext[1]!.relevance).toBeGreaterThan(0.8);
    expect(r.perContext[0]!.relevance).toBe(0);
    expect(r.score).toBe(r.perContext[1]!.relevance);
  });

  it('is null without contexts (KB chunks alone do not count as retrieval for the record)', () => {
    const index = buildEvidenceIndex([{ source: 'kb', ref: 'c1', text: 'Water boils at 100 degrees.' }], limits);
    expect(contextRelevance('At what temperature does water boil?', index).score).toBeNull();
  });
});
