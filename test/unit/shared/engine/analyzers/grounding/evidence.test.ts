import { describe, expect, it } from 'vitest';
import {
  buildEvidenceIndex, extendEvidenceIndex, type EvidenceDoc, type EvidenceIndex,
} from '../../../../../../shared/engine/analyzers/grounding/evidence';

const contexts: EvidenceDoc[] = [
  { source: 'context', ref: '0', text: 'The Smart Plug supports 2.4 GHz Wi-Fi. It does not support 5 GHz networks.\n\n## Setup\nHold the button for 5 seconds.' },
  { source: 'context', ref: '1', text: 'Returns are accepted within 30 days of delivery. Refunds take three to five business days.' },
];
const kb: EvidenceDoc[] = [
  { source: 'kb', ref: '17', text: 'Refunds are issued to the original payment method within 5 business days.' },
  { source: 'kb', ref: '42', text: 'The hub pairs with up to 64 devices. It needs a wired Ethernet connection.' },
];

/** What claims read from an index: sentence places, keys and postings, notes, and the docs they point into. */
function shape(index: EvidenceIndex) {
  return {
    docs: index.docs.map((d) => d.ref),
    sentences: index.sentences.map((s) => ({ doc: s.doc, start: s.start, end: s.end, kind: s.kind, keys: s.contentKeys, tokens: s.tokens.length })),
    postings: [...index.postings],
    notes: index.notes,
  };
}

describe('extendEvidenceIndex', () => {
  it('gives the index a build from all the docs at once would give (contexts first, KB chunks after)', () => {
    const limits = { maxCharsPerDoc: 100_000, maxSentences: 1000 };
    const extended = extendEvidenceIndex(buildEvidenceIndex(contexts, limits), kb, limits);
    expect(shape(extended)).toEqual(shape(buildEvidenceIndex([...contexts, ...kb], limits)));
    expect(extended.sentences.filter((s) => extended.docs[s.doc]!.source === 'kb').length).toBeGreaterThan(0);
  });

  it('keeps the same caps and notes when the contexts already fill the sentence budget', () => {
    const limits = { maxCharsPerDoc: 60, maxSentences: 3 };
    const extended = extendEvidenceIndex(buildEvidenceIndex(contexts, limits), kb, limits);
    const whole = buildEvidenceIndex([...contexts, ...kb], limits);
    expect(shape(extended)).toEqual(shape(whole));
    expect(extended.sentences).toHaveLength(3);
    expect(extended.docs.map((d) => d.ref)).toEqual(['0', '1', '17', '42']);
    // Docs after the cap are listed but not read: one cap note, and no truncation notes for the KB chunks.
    expect(extended.notes.filter((n) => n.includes('capped at 3'))).toHaveLength(1);
    expect(extended.notes.filter((n) => n.includes('first 60')).map((n) => n.split(':')[0])).toEqual(['context 0', 'context 1']);
  });

  it('indexes a KB chunk seen in an earlier record the same way again', () => {
    const limits = { maxCharsPerDoc: 100_000, maxSentences: 1000 };
    const first = buildEvidenceIndex([contexts[1]!, kb[0]!], limits);
    const again = buildEvidenceIndex([contexts[1]!, kb[0]!], limits);
    expect(shape(again)).toEqual(shape(first));
    expect(again.sentences.at(-1)!.doc).toBe(1);
  });
});
