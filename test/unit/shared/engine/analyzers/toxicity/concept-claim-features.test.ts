import { describe, it, expect } from 'vitest';
// The concept and generic-claim features are harness experiments (scripts/toxicity), not shipped in 2.4.0.
import { CONCEPT_DIM, conceptFeaturesInto } from '../../../../../../scripts/toxicity/concept-features';
import { CONCEPTS } from '../../../../../../scripts/toxicity/concept-terms';
import { CLAIM_DIM, claimFeaturesInto } from '../../../../../../scripts/toxicity/generic-claim-features';
import { EXPERIMENT_BLOCKS, EXPERIMENT_FEATURES } from '../../../../../../scripts/toxicity/experiment-features';

const concepts = (text: string): Float32Array => {
  const out = new Float32Array(CONCEPT_DIM);
  conceptFeaturesInto(text.split(' '), out, 0);
  return out;
};
const highest = (f: Float32Array, c: (typeof CONCEPTS)[number]): number => f[2 * CONCEPTS.indexOf(c)]!;
const gated = (f: Float32Array, j: number): number => f[2 * CONCEPTS.length + j]!;

const claims = (text: string): string => {
  const out = new Float32Array(CLAIM_DIM);
  claimFeaturesInto(text.split(' '), out, 0);
  return Array.from(out).join('');
};
// Feature order: claim, demeaning claim, negated claim, quantified group, trope, likened to animals, nature, reported.

describe('toxicity concept similarities', () => {
  it('rate words no seed list names by their nearness to the concept', () => {
    // None of these words is a seed of the concept it is checked against.
    expect(highest(concepts('you unintelligent freeloaders'), 'insult')).toBeGreaterThan(highest(concepts('we had a lovely picnic'), 'insult') + 0.3);
    expect(highest(concepts('they are rodents spreading'), 'dehumanising')).toBeGreaterThan(highest(concepts('they are neighbours sharing'), 'dehumanising') + 0.3);
    expect(highest(concepts('i will injure you'), 'threat')).toBeGreaterThan(highest(concepts('i will call you'), 'threat') + 0.3);
  });

  it('repeat the demeaning, dehumanising and violence maxima only when a group is named', () => {
    const plain = concepts('they are filthy vermin');
    const aimed = concepts('immigrants are filthy vermin');
    expect(gated(plain, 1)).toBe(0);
    expect(gated(aimed, 1)).toBeCloseTo(highest(aimed, 'dehumanising'), 6);
    expect(highest(aimed, 'dehumanising')).toBeGreaterThan(0.5);
  });

  it('are zero when no word has a vector, and a repeated word counts once in the top-3 mean', () => {
    expect(Array.from(concepts('qzxv wprrt')).every((x) => x === 0)).toBe(true);
    const once = concepts('vermin');
    const thrice = concepts('vermin vermin vermin');
    expect(thrice[2 * CONCEPTS.indexOf('dehumanising') + 1]).toBeCloseTo(once[2 * CONCEPTS.indexOf('dehumanising') + 1]!, 6);
  });
});

describe('toxicity generic claims about groups', () => {
  it('see a group as subject of a demeaning generic statement', () => {
    expect(claims('all immigrants are criminals')).toBe('11010000');
    expect(claims('muslim people are naturally violent')).toBe('11000010');
    expect(claims('mexicans should go back to their country')).toBe('10001000');
    expect(claims('refugees breed like rats')).toBe('00001100');
  });

  it('keep counter-speech and reported stereotypes apart from the claim itself', () => {
    // Negated and "not all" claims land in the negated feature, never in the claim features.
    expect(claims('immigrants are not criminals')).toBe('00100000');
    expect(claims('not all immigrants are criminals')).toBe('00110000');
    expect(claims('the myth that mexicans are lazy is racist').at(-1)).toBe('1');
    // Reported-speech words only count when a group is talked about.
    expect(claims('she says the weather is lovely')).toBe('00000000');
  });

  it('leave ordinary text about groups and about animals alone', () => {
    expect(claims('my neighbour adopted two dogs from the shelter')).toBe('00000000');
    expect(claims('women are welcome to join the chess club')).toBe('10000000');
  });

  it('sit in the experiment block the harness variants name', () => {
    expect(EXPERIMENT_FEATURES.dim).toBe(CONCEPT_DIM + CLAIM_DIM);
    const d = new Float32Array(2 + EXPERIMENT_FEATURES.dim);
    EXPERIMENT_FEATURES.into('all immigrants are criminals'.split(' '), d, 2);
    expect(Array.from(d.subarray(2 + EXPERIMENT_BLOCKS.claims[0], 2 + EXPERIMENT_BLOCKS.claims[1])).join('')).toBe('11010000');
    expect(d[2 + EXPERIMENT_BLOCKS.conceptsGroup[0]]).toBeGreaterThan(0);
  });
});
