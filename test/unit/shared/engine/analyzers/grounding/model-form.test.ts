import { describe, expect, it } from 'vitest';
import type { Features } from '../../../../../../shared/engine/analyzers/grounding/claim-features';
import {
  chooseModelForm, fitGroundingModel, FREE_FORM, TIED_FORM, type Featurized,
} from '../../../../../../shared/engine/analyzers/grounding/training';

// A deterministic stream of numbers in [0, 1) (a linear congruential generator): the same data on every run.
function stream(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Records of three families, one claim each; `supported` says from the features whether the answer is faithful. */
function records(supported: (f: Features) => boolean, seed = 7): Featurized[] {
  const next = stream(seed);
  const out: Featurized[] = [];
  for (const family of ['a', 'b', 'c']) {
    for (let i = 0; i < 120; i++) {
      const features: Features = {
        coverage: next(), localCoverage: next(), pairCoverage: next(), similarity: next(),
        entityMiss: 0, numberMiss: 0, negationMismatch: 0, antonymConflict: 0, novelty: 0, orderAgreement: next(),
      };
      out.push({
        item: { dataset: family, record: { input: 'q?', output: 'a', contexts: ['c'] }, hallucinated: !supported(features) },
        shape: 'question-short-source',
        claims: [{ features, words: 3, conflict: false, capsRecord: false }],
      });
    }
  }
  return out;
}

const family = (f: Featurized): string => f.item.dataset;

describe('tied model form', () => {
  it('gives the three overlap features one shared weight and leaves similarity and novelty out', () => {
    const model = fitGroundingModel(records((f) => f.coverage + f.localCoverage + f.pairCoverage > 1.5), family, TIED_FORM.l2, TIED_FORM);
    expect(model.weights.coverage).toBeGreaterThan(0);
    expect(model.weights.localCoverage).toBeCloseTo(model.weights.coverage, 10);
    expect(model.weights.pairCoverage).toBeCloseTo(model.weights.coverage, 10);
    expect(model.weights.similarity).toBe(0);
    expect(model.weights.novelty).toBe(0);
  });

  it('fits the order of the claim words beside the overlap (a reversed relation keeps every word)', () => {
    const model = fitGroundingModel(records((f) => f.orderAgreement > 0.5), family, TIED_FORM.l2, TIED_FORM);
    expect(model.weights.orderAgreement).toBeGreaterThan(2);
    expect(Math.abs(model.weights.coverage)).toBeLessThan(model.weights.orderAgreement / 4);
  });
});

describe('chooseModelForm (leave one family out on the training families)', () => {
  it('keeps the simpler tied form when the richer one is no better on its worst held-out family', () => {
    const choice = chooseModelForm(records((f) => f.coverage + f.localCoverage + f.pairCoverage > 1.5), family);
    expect(choice.form.name).toBe('tied');
    expect(choice.margins.map((m) => m.form)).toEqual(['tied', 'free']);
    expect(Object.keys(choice.margins[0]!.byFamily).sort()).toEqual(['a', 'b', 'c']);
  });

  it('takes the free form when only a feature the tied form leaves out tells the classes apart', () => {
    const choice = chooseModelForm(records((f) => f.similarity > 0.5), family);
    expect(choice.form).toBe(FREE_FORM);
    const [tied, free] = choice.margins;
    // Without similarity the tied form is near chance, far below the best single feature (similarity itself).
    expect(tied!.worst).toBeLessThan(-0.3);
    expect(free!.worst).toBeGreaterThan(tied!.worst + 0.3);
  });
});
