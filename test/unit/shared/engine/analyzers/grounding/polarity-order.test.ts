import { describe, expect, it } from 'vitest';
import type { AnalyzerRecord } from '../../../../../../shared/engine/analyzer';
import { groundingAnalyzer } from '../../../../../../shared/engine/analyzers/grounding/index';
import type { ClaimResult } from '../../../../../../shared/engine/analyzers/grounding/analyze';
import { negatedKeys, tokenKey } from '../../../../../../shared/engine/analyzers/grounding/evidence';
import { tokenize } from '../../../../../../shared/text/tokenize';

function analyze(output: string, contexts: string[], input = 'Summarize the article.') {
  const record: AnalyzerRecord = { input, output, contexts };
  const result = groundingAnalyzer.analyze(record, groundingAnalyzer.params.parse({}), {});
  return { ...result, claims: (result.details?.claims ?? []) as ClaimResult[] };
}

/** The stems a negation governs in a sentence (as the polarity check reads them). */
function negated(text: string): string[] {
  return [...negatedKeys(tokenize(text), text)].sort();
}

const stemOf = (word: string): string => tokenKey(tokenize(word)[0]!);

describe('word order of a claim against its evidence sentence', () => {
  const contexts = ['In 2019 Acme Robotics acquired Globex for 40 million dollars after a year of talks.'];

  it('reads a reversed relation (B acquired A) as out of order, and supports it less than the stated one', () => {
    const stated = analyze('Acme Robotics acquired Globex for 40 million dollars.', contexts).claims[0]!;
    const reversed = analyze('Globex acquired Acme Robotics for 40 million dollars.', contexts).claims[0]!;
    expect(stated.features!.orderAgreement).toBe(1);
    // 21 pairs of its 7 words; the 5 pairs that involve the swapped names and the verb between them are reversed.
    expect(reversed.features!.orderAgreement).toBeCloseTo(16 / 21, 10);
    // Same words, same coverage: only the order tells them apart.
    expect(reversed.features!.coverage).toBe(stated.features!.coverage);
    expect(reversed.support!).toBeLessThan(stated.support!);
  });

  it('has no order to compare when fewer than two claim words are in the sentence', () => {
    const r = analyze('Acme Robotics was founded by engineers from Denmark.', ['Acme Robotics builds warehouse machines.']);
    expect(r.claims[0]!.features!.orderAgreement).toBe(1);
  });
});

describe('negations that state nothing about the words after them', () => {
  it('does not negate the words after a negated quantifier ("not only", "not all", "no other")', () => {
    expect(negated('Not only does the hub support Zigbee, it also supports Thread.')).toEqual([]);
    expect(negated('Not all planets are perfectly round.')).toEqual([]);
    expect(negated('Perhaps no other species are as famous as the shearwaters.')).toEqual([]);
  });

  it('does not read a negation inside a condition as a statement', () => {
    expect(negated('If the Earth did not spin, it would be a perfectly round planet.')).toEqual([]);
    expect(negated('Were it not for the law of conservation of angular momentum, discs would not form.')).toContain(stemOf('form'));
  });

  it('still negates a plain statement', () => {
    expect(negated('The printer is not connected to the network.')).toEqual(expect.arrayContaining([stemOf('connected'), stemOf('network')]));
  });

  it('keeps a claim supported that restates the second half of a "not only ... but" sentence', () => {
    const r = analyze('The hub supports Thread.', ['Not only does the hub support Zigbee, it also supports Thread.']);
    expect(r.claims[0]!.label).toBe('supported');
  });
});

describe('which side of a negation counts as a contradiction', () => {
  it('reads a claim negating what the evidence states as contradicted', () => {
    const r = analyze('Tobacco smoke has not been linked with lung cancer.', ['Tobacco smoke has been causally linked with lung, colon and rectal cancers.']);
    expect(r.claims[0]!.label).toBe('contradicted');
    expect(r.claims[0]!.failed).toContainEqual(expect.objectContaining({ kind: 'negation', text: 'not' }));
  });

  it('does not read a negation in a longer evidence sentence, about a part the claim does not restate, against it', () => {
    const doc =
      'While cannabis smoke has been implicated in respiratory dysfunction, including the conversion of respiratory cells ' +
      'to what appears to be a pre-cancerous state, it has not been causally linked with tobacco related cancers such as lung, colon or rectal cancers.';
    const r = analyze('In contrast, tobacco smoke has been causally linked with lung, colon, and rectal cancers.', [doc]);
    expect(r.claims[0]!.failed.some((f) => f.kind === 'negation')).toBe(false);
    expect(r.claims[0]!.label).not.toBe('contradicted');
  });

  it('still reads an affirmative claim against a negated sentence it restates as contradicted', () => {
    const r = analyze('Parking is available at the library.', ['Parking is not available at the library.']);
    expect(r.claims[0]!.label).toBe('contradicted');
  });
});
