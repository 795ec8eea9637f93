import { describe, expect, it } from 'vitest';
import { claimsOf, describeIssue, evidenceContext, spansOf, summarizeIssues } from '../../../../../../renderer/pages/records/findings/finding-shapes';
import { CONTEXTS, groundingFinding, injectionFinding } from './fixtures';

describe('reading stored findings', () => {
  it('reads grounding claims with their label, support, failed words and evidence', () => {
    const claims = claimsOf(groundingFinding());
    expect(claims).toHaveLength(2);
    expect(claims[0]).toMatchObject({ index: 0, label: 'contradicted', support: 0.08, evidence: { source: 'context', ref: '0' } });
    expect(claims[0]!.issues.map(describeIssue)).toEqual(['number not in the evidence: 25', 'not in the evidence: restocking']);
    expect(claims[1]).toMatchObject({ index: 1, label: 'supported', evidence: null });
  });

  it('sums up what a claim failed on in one line, grouped by kind', () => {
    expect(summarizeIssues([
      { kind: 'entity', text: 'Hub', start: 4, end: 7 }, { kind: 'number', text: '2', start: 8, end: 9 },
      { kind: 'entity', text: 'Wi', start: 20, end: 22 }, { kind: 'unsupported-words', text: 'works, extender', start: null, end: null },
      { kind: 'antonym', text: 'cheaper', start: 30, end: 37 },
    ])).toBe('Not in the evidence: names Hub, Wi; numbers 2; words works, extender. Contradicts the evidence: cheaper');
    expect(summarizeIssues([])).toBe('');
  });

  it('skips malformed parts instead of failing on them', () => {
    expect(claimsOf(groundingFinding({ details: null }))).toEqual([]);
    expect(claimsOf(groundingFinding({ details: { claims: 'nope' } }))).toEqual([]);
    const spans = spansOf(injectionFinding);
    expect(spans).toHaveLength(1);
    expect(spans[0]).toMatchObject({ field: 'context', contextIndex: 1, label: 'override_instructions', analyzerId: 'injection' });
  });

  it('points evidence into a context only while the context still holds that exact text', () => {
    const evidence = claimsOf(groundingFinding())[0]!.evidence!;
    expect(evidenceContext(evidence, CONTEXTS)).toBe(0);
    expect(evidenceContext(evidence, ['something else entirely, long enough to slice into.'])).toBeNull();
    expect(evidenceContext({ ...evidence, source: 'kb', ref: '12' }, CONTEXTS)).toBeNull();
  });
});
