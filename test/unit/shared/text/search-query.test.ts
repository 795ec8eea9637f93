import { describe, expect, it } from 'vitest';
import { findMatches, parseSearch, toFtsQuery } from '../../../../shared/text/search-query';
import { snippetOf } from '../../../../shared/text/snippet';

const marked = (text: string, query: string) => findMatches(text, parseSearch(query)).map((m) => text.slice(m.start, m.end));

describe('search box parsing', () => {
  it('reads words and quoted phrases, folding case and accents as the FTS5 tokenizer does', () => {
    expect(parseSearch('Refund "return WINDOW" café')).toEqual([
      { tokens: ['refund'], phrase: false }, { tokens: ['return', 'window'], phrase: true }, { tokens: ['cafe'], phrase: false },
    ]);
    expect(parseSearch('gpt-4o "unclosed phrase')).toEqual([{ tokens: ['gpt', '4o'], phrase: false }, { tokens: ['unclosed', 'phrase'], phrase: true }]);
    expect(parseSearch('!!! "" <>')).toEqual([]);
  });

  it('builds an FTS5 query that cannot be broken by quotes or operators in the box', () => {
    expect(toFtsQuery(parseSearch('refund "return window"'))).toBe('"refund"* AND "return window"');
    expect(toFtsQuery(parseSearch('NOT x OR "a" NEAR(b) col:y *'))).toBe('"not"* AND "x"* AND "or"* AND "a" AND "near b"* AND "col y"*');
    expect(toFtsQuery([])).toBeNull();
  });

  it('marks whole tokens: words by prefix, phrases exactly, in any case', () => {
    expect(marked('Refunds are refunded; no REFUND.', 'refund')).toEqual(['Refunds', 'refunded', 'REFUND']);
    expect(marked('The return window is 30 days; window return', '"return window"')).toEqual(['return window']);
    expect(marked('a prefund b', 'refund')).toEqual([]);
    expect(marked('Café crème', 'cafe')).toEqual(['Café']);
  });
});

describe('snippets', () => {
  const long = `${'lorem ipsum '.repeat(40)}the refund arrives in 14 days ${'dolor sit '.repeat(40)}`;
  it('starts near the first match, at a word, and says where it was cut', () => {
    const s = snippetOf(long, parseSearch('refund'), 120);
    expect(s.cutStart).toBe(true);
    expect(s.cutEnd).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(120);
    expect(s.text.startsWith('ipsum') || s.text.startsWith('lorem')).toBe(true);
    expect(s.matches.map((m) => s.text.slice(m.start, m.end))).toEqual(['refund']);
  });

  it('shows the start of a text without matches and keeps offsets when it flattens line breaks', () => {
    const s = snippetOf('first line\nsecond line', parseSearch('second'), 200);
    expect(s).toEqual({ text: 'first line second line', cutStart: false, cutEnd: false, matches: [{ start: 11, end: 17 }] });
  });
});
