import { describe, expect, it } from 'vitest';
import { nameDetector } from '../../../../../../shared/engine/analyzers/grounding/names';
import { splitClaims } from '../../../../../../shared/text/sentences';
import { tokenize } from '../../../../../../shared/text/tokenize';

/** The capitalised words of `text` that the detector takes for names. */
function names(text: string): string[] {
  const tokens = tokenize(text);
  const claims = splitClaims(text).map((c) => ({ tokens: tokens.filter((t) => t.start >= c.start && t.end <= c.end) }));
  const isName = nameDetector(claims, text);
  return tokens.filter(isName).map((t) => t.text);
}

describe('nameDetector', () => {
  it('does not take words capitalised only by their position for names', () => {
    expect(names('Let me know how it goes. Happy to help!')).toEqual([]);
    expect(names('Source: Returns and refunds')).toEqual([]);
    expect(names('Try these steps: 1) Check the light. 2) Restart it.')).toEqual([]);
  });

  it('takes mid-sentence capitals for names', () => {
    expect(names('The head office is in Delhi.')).toEqual(['Delhi']);
  });

  it('takes a sentence-initial word for a name when it is clearly one', () => {
    expect(names('Delhi is big. Many people live in Delhi.')).toEqual(['Delhi', 'Delhi']);
    expect(names('Tess Asplund fought back.')).toEqual(['Tess', 'Asplund']);
    expect(names('AC units work. ParcelPoint collects it.')).toEqual(['AC', 'ParcelPoint']);
  });

  it('reads a command before a capitalised label as a command, not a two-word name', () => {
    expect(names('Open Settings and choose Household.')).toEqual(['Settings', 'Household']);
  });
});
