import { describe, expect, it } from 'vitest';
import type { RecordScores } from '../../../../shared/contract/analysis-schemas';
import { thresholds } from '../../../../shared/engine/thresholds';
import {
  formatFindingScore, formatScore, headlineScore, injectionOf, isRecordFlag, scoreName, scoreTone,
} from '../../../../renderer/format/scores';

const scores = (overrides: Partial<RecordScores> = {}): RecordScores => ({
  grounding: 0.9, answerRelevance: 1, contextRelevance: 0.5, toxicity: 0.1, inputToxicity: 0, injection: 0.2,
  contextInjection: 0.7, pii: 0, flags: [], ...overrides,
});

describe('score tones', () => {
  it('turns red exactly where the engine sets a flag, so a red cell and a flag chip always agree', () => {
    expect(scoreTone('grounding', thresholds.grounding - 0.001)).toBe('bad');
    expect(scoreTone('grounding', thresholds.grounding)).not.toBe('bad');
    expect(scoreTone('toxicity', thresholds.toxicity)).toBe('bad');
    expect(scoreTone('toxicity', thresholds.toxicity - 0.001)).not.toBe('bad');
    expect(scoreTone('injection', thresholds.injection)).toBe('bad');
    expect(scoreTone('pii', thresholds.pii)).toBe('bad');
    expect(scoreTone('pii', 0)).toBe('good');
  });

  it('reads grounding as higher-is-better and the others as higher-is-worse', () => {
    expect(scoreTone('grounding', 1)).toBe('good');
    expect(scoreTone('toxicity', 1)).toBe('bad');
    expect(scoreTone('toxicity', 0)).toBe('good');
  });

  it('has no tone for a missing score', () => {
    expect(scoreTone('grounding', null)).toBe('none');
    expect(scoreTone('toxicity', Number.NaN)).toBe('none');
    expect(formatScore('grounding', null)).toBe('—');
  });
});

describe('score display', () => {
  it('shows fractions with two decimals and PII as a count', () => {
    expect(formatScore('grounding', 0.0066)).toBe('0.01');
    expect(formatScore('pii', 3)).toBe('3');
    expect(formatFindingScore(2)).toBe('2');
    expect(formatFindingScore(0.256)).toBe('0.26');
  });

  it('takes the worse of input and context injection, as the server sorts the column', () => {
    expect(injectionOf(scores())).toBe(0.7);
    expect(injectionOf(scores({ contextInjection: null }))).toBe(0.2);
    expect(injectionOf(scores({ injection: null, contextInjection: null }))).toBeNull();
    expect(headlineScore('injection', null)).toBeNull();
    expect(headlineScore('grounding', scores())).toBe(0.9);
  });

  it('names finding scores in words', () => {
    expect(scoreName('answer_relevance')).toBe('Answer relevance');
    expect(scoreName('input_pii')).toBe('Input PII');
    expect(scoreName('contextInjection')).toBe('Context injection');
  });

  it('accepts only the API flag names from a URL', () => {
    expect(isRecordFlag('hallucination')).toBe(true);
    expect(isRecordFlag('unscored')).toBe(true);
    expect(isRecordFlag('')).toBe(false);
    expect(isRecordFlag('HALLUCINATION')).toBe(false);
  });
});
