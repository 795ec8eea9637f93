import { describe, it, expect } from 'vitest';
import { GROUP_DIM, groupFeaturesInto } from '../../../../../../shared/engine/analyzers/toxicity/group-features';
import { hashFeatures, modelTokens } from '../../../../../../shared/engine/analyzers/toxicity/features';
import { normalizeText } from '../../../../../../shared/text/normalize';

const NAMES = ['group', 'demeaning', 'generalizing', 'group x demeaning', 'group x generalizing', 'all three', 'demeaning near group', 'negated near group'] as const;

function features(text: string): Record<(typeof NAMES)[number], number> {
  const out = new Float32Array(GROUP_DIM);
  groupFeaturesInto(modelTokens(normalizeText(text)), out, 0);
  return Object.fromEntries(NAMES.map((n, i) => [n, out[i]!])) as Record<(typeof NAMES)[number], number>;
}

describe('toxicity group-talk features', () => {
  it('mark a demeaning claim about a named group, before or after the group', () => {
    const f = features('Immigrants are all criminals, every one of them.');
    expect(f).toMatchObject({ group: 1, 'demeaning near group': 1, 'negated near group': 0 });
    expect(f['all three']).toBeGreaterThan(0);
    expect(features('those filthy parasites, the refugees')['demeaning near group']).toBe(1);
  });

  it('keep counter-speech apart: a negated claim is its own feature', () => {
    expect(features('Muslims are not terrorists.')).toMatchObject({ group: 1, 'demeaning near group': 0, 'negated near group': 1 });
  });

  it('need both the group and the demeaning word, close together', () => {
    expect(features('The new office has a welcoming team of engineers.')).toMatchObject({ group: 0, demeaning: 0, 'demeaning near group': 0 });
    expect(features('Women founded the club in 1920.')).toMatchObject({ group: 1, demeaning: 0, 'group x demeaning': 0 });
    expect(features('That burglar was a criminal.')).toMatchObject({ group: 0, 'group x demeaning': 0, 'demeaning near group': 0 });
    expect(features('Jewish bakeries sell bread on friday, and on monday the police caught a thief downtown.')['demeaning near group']).toBe(0);
  });

  it('read obfuscated spellings as the plain words', () => {
    expect(features('1mmigr4nts are cr1minals')['demeaning near group']).toBe(1);
  });
});

describe('toxicity hashed features: words naming a group', () => {
  const indices = (text: string): Set<number> => new Set(hashFeatures(modelTokens(text)).indices);
  const shared = (a: string, b: string): number => [...indices(a)].filter((i) => indices(b).has(i)).length;

  it('share features across groups (what is said about one group is learned for all)', () => {
    // "jews"/"mexicans" share no character n-grams; "jets" is as close to "jews" as a word gets.
    expect(shared('jews are', 'mexicans are')).toBeGreaterThan(shared('jets are', 'mexicans are') + 1);
  });
});
