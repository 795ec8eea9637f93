import { describe, it, expect } from 'vitest';
import { scoreToxicity, severityOf } from '../../../../../../shared/engine/analyzers/toxicity/score';
import { HASH_SIZE } from '../../../../../../shared/engine/analyzers/toxicity/features';
import { chooseThreshold } from '../../../../../../scripts/toxicity/choose-threshold';

describe('toxicity categories and severity', () => {
  it('marks abuse aimed at the person addressed as harassment, and a general insult as not', () => {
    const directed = scoreToxicity('shut up, you stupid moron');
    expect(directed.categories.harassment).toBeGreaterThanOrEqual(0.5);
    const general = scoreToxicity('That referee made a stupid call in the second half.');
    expect(general.categories.harassment).toBe(0);
  });

  it('scores threats against the reader as threat and harassment with high severity', () => {
    const r = scoreToxicity('I will find you and kill you');
    expect(r.severity.threat).toBe('high');
    expect(r.severity.harassment).toBe('high');
    expect(r.severity.overall).toBe('high');
  });

  it('finds implicit hate without slurs: a group cast as lesser or as not belonging', () => {
    for (const text of ['immigrants are inherently dangerous and cannot be trusted', 'women are naturally less intelligent than men']) {
      expect(scoreToxicity(text, false).categories.identity_attack, text).toBeGreaterThanOrEqual(0.5);
    }
    // Talking about a group is not an attack on it.
    expect(scoreToxicity('Immigrants opened many of the small businesses on this street.', false).categories.identity_attack).toBe(0);
  });

  it('finds well-known tropes about groups, and leaves plain statements about the same groups alone', () => {
    for (const text of ['the jews control the media', 'immigrants are stealing our jobs', "a woman's place is in the kitchen", 'gays should not adopt children', 'being gay is a mental illness', 'send them all back']) {
      expect(scoreToxicity(text, false).categories.identity_attack, text).toBeGreaterThanOrEqual(0.5);
    }
    for (const text of ['Jews celebrate Hanukkah in winter.', 'Many immigrants work in the media.', 'Women founded the club in 1920.', 'Being gay is a normal part of life for millions.']) {
      expect(scoreToxicity(text, false).categories.identity_attack, text).toBe(0);
    }
  });

  it('bands scores into severities', () => {
    expect([0, 0.29, 0.3, 0.5, 0.79, 0.8, 1].map(severityOf)).toEqual(['none', 'none', 'low', 'medium', 'medium', 'high', 'high']);
  });

  it('scores with a model passed in instead of the shipped weights (leave-one-source-out runs)', () => {
    // All-zero weights: every window scores sigmoid(bias), so the model part is exactly that.
    const model = { weights: new Float32Array(HASH_SIZE), bias: -2 };
    const r = scoreToxicity('a perfectly ordinary sentence about gardening', true, model);
    expect(r.model).toBeCloseTo(1 / (1 + Math.exp(2)), 4);
  });
});

describe('chooseThreshold', () => {
  it('picks a threshold that separates the training sources and respects the benign cap', () => {
    const a = { scores: [0.1, 0.2, 0.7, 0.8], labels: [false, false, true, true] };
    const b = { scores: [0.15, 0.3, 0.65, 0.9], labels: [false, false, true, true] };
    const t = chooseThreshold([a, b], [0.05, 0.1]);
    expect(t).toBeGreaterThan(0.3);
    expect(t).toBeLessThanOrEqual(0.65);
    // If half of benign text scores 0.75, no threshold at or below 0.75 may be chosen.
    expect(chooseThreshold([a, b], [0.75, 0.1], 0.01)).toBeGreaterThan(0.75);
  });
});
