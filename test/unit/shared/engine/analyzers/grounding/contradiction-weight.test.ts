import { describe, expect, it } from 'vitest';
import type { AnalyzerRecord } from '../../../../../../shared/engine/analyzer';
import { groundingAnalyzer } from '../../../../../../shared/engine/analyzers/grounding/index';
import type { ClaimResult } from '../../../../../../shared/engine/analyzers/grounding/analyze';
import { thresholds } from '../../../../../../shared/engine/thresholds';

function analyze(output: string, contexts: string[], input = 'Summarize the report.') {
  const record: AnalyzerRecord = { input, output, contexts };
  const result = groundingAnalyzer.analyze(record, groundingAnalyzer.params.parse({}), {});
  return { ...result, claims: (result.details?.claims ?? []) as ClaimResult[] };
}

const REPORT =
  'The council opened the new library in March. The library holds 40,000 books. Visitors can borrow up to ten books. ' +
  'The reading room is open on weekends. Parking is not available at the library. The cafe serves coffee and cake. ' +
  'Volunteers run a reading club for children every Saturday. The building was designed by Anna Berg.';

const FAITHFUL = [
  'The council opened the new library in March.',
  'The library holds 40,000 books.',
  'Visitors can borrow up to ten books.',
  'The reading room is open on weekends.',
  'The cafe serves coffee and cake.',
  'Volunteers run a reading club for children every Saturday.',
];

describe('how a contradicted claim weighs in the record', () => {
  it('lets one negation conflict among many supported claims of a summary lower, not sink, the summary', () => {
    const r = analyze([...FAITHFUL, 'Parking is available at the library.'].join(' '), [REPORT]);
    const flipped = r.claims.at(-1)!;
    // The claim itself is still shown as contradicted, with the evidence it contradicts.
    expect(flipped.label).toBe('contradicted');
    expect(flipped.evidence?.relation).toBe('contradicts');
    expect(flipped.support!).toBeLessThan(thresholds.grounding);
    expect(r.scores.grounding!).toBeGreaterThanOrEqual(thresholds.grounding);
    expect(r.scores.grounding!).toBeLessThan(analyze(FAITHFUL.join(' '), [REPORT]).scores.grounding!);
  });

  it('flags the same negation conflict when it is most of what the answer says', () => {
    const r = analyze('Parking is available at the library.', [REPORT], 'Is there parking at the library?');
    expect(r.claims[0]!.label).toBe('contradicted');
    expect(r.scores.grounding!).toBeLessThan(thresholds.grounding);
  });

  it('still lets a wrong number or name sink a long summary: the context states another value', () => {
    const wrongNumber = analyze([...FAITHFUL.slice(0, 1), 'The library holds 90,000 books.', ...FAITHFUL.slice(2)].join(' '), [REPORT]);
    expect(wrongNumber.claims[1]!.failed).toContainEqual(expect.objectContaining({ kind: 'number-conflict', text: '90,000' }));
    expect(wrongNumber.scores.grounding!).toBeLessThan(thresholds.grounding);
    const wrongName = analyze([...FAITHFUL, 'The building was designed by Maria Lopez.'].join(' '), [REPORT]);
    expect(wrongName.claims.at(-1)!.failed).toContainEqual(expect.objectContaining({ kind: 'entity-conflict' }));
    expect(wrongName.scores.grounding!).toBeLessThan(thresholds.grounding);
  });
});

describe('polarity read from the stating line of retrieved documents', () => {
  const question = 'Do TV chefs wash their hands?';
  it('does not read a negation from a question title glued to the first sentence', () => {
    const doc = "Why Don't TV Chefs Wash Their Hands? (www.example.com)\nMost TV chefs wash their hands before and during filming.";
    const r = analyze('TV chefs wash their hands before and during filming.', [doc], question);
    expect(r.claims[0]!.label).toBe('supported');
  });

  it('still reads a negation stated in the body line under a title', () => {
    const doc = 'TV kitchens explained (www.example.com)\nTV chefs do not wash their hands before and during filming.';
    const r = analyze('TV chefs wash their hands before and during filming.', [doc], question);
    expect(r.claims[0]!.label).toBe('contradicted');
    expect(r.claims[0]!.failed).toContainEqual(expect.objectContaining({ kind: 'negation' }));
  });

  it('does not negate the subject of a negated auxiliary', () => {
    // "scenes aren't exciting" says nothing against "scenes are edited out".
    const doc = "These scenes aren't exciting, so they typically get edited out to shorten the show.";
    const r = analyze('These scenes are often edited out to shorten the show.', [doc], 'Why are the scenes missing?');
    expect(r.claims[0]!.failed.some((f) => f.kind === 'negation')).toBe(false);
  });
});

describe('antonyms from WordNet', () => {
  it('reads an opposite the hand-written list lacks as a conflict with the aligned sentence', () => {
    const contexts = ['The new library tower is tall and clad in green glass panels.'];
    const r = analyze('The new library tower is short and clad in green glass panels.', contexts, 'What does the tower look like?');
    expect(r.claims[0]!.label).toBe('contradicted');
    expect(r.claims[0]!.failed).toContainEqual(expect.objectContaining({ kind: 'antonym', text: 'short', evidence: 'tall' }));
    const same = analyze('The new library tower is tall and clad in green glass panels.', contexts, 'What does the tower look like?');
    expect(same.claims[0]!.label).toBe('supported');
  });
});
