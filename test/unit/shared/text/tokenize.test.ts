import { describe, expect, it } from 'vitest';
import { contentTokens, isStopword, numberWordValue, stem, tokenize } from '../../../../shared/text/tokenize';

describe('tokenize', () => {
  it('keeps exact offsets into the original string', () => {
    const text = 'Paris, the capital — is “big”.';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokenize(text).map((t) => t.text)).toEqual(['Paris', 'the', 'capital', 'is', 'big']);
  });

  it('keeps decimals, thousands separators and ordinals as one number token', () => {
    const tokens = tokenize('It is 6.213 km long, cost $1,000,000 and came 21st in 1990s.');
    const numbers = tokens.filter((t) => t.kind === 'number');
    expect(numbers.map((t) => t.text)).toEqual(['6.213', '1,000,000', '21st', '1990s']);
    expect(numbers.map((t) => t.norm)).toEqual(['6.213', '1000000', '21', '1990']);
  });

  it('ends a number at a sentence period', () => {
    expect(tokenize('born in 1935. Then').map((t) => t.text)).toEqual(['born', 'in', '1935', 'Then']);
  });

  it('keeps apostrophes inside words and splits hyphenated words', () => {
    expect(tokenize("Arthur's don’t Dutch-Belgian").map((t) => t.norm)).toEqual(["arthur's", "don't", 'dutch', 'belgian']);
  });

  it('handles non-Latin scripts, emoji and lone surrogates without losing offsets', () => {
    const text = 'Zürich 東京 😀 \uD800 naïve Москва';
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(['Zürich', '東京', 'naïve', 'Москва']);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('returns nothing for empty or symbol-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('  \u0000\u0007 ... --- !!')).toEqual([]);
  });
});

describe('stem', () => {
  it('maps British and American spellings to one stem', () => {
    for (const [gb, us] of [['colour', 'color'], ['centre', 'center'], ['metres', 'meters'], ['organised', 'organized'], ['catalogue', 'catalog'], ['enrolment', 'enrollment'], ['cancelled', 'canceled']]) {
      expect(stem(gb!), gb).toBe(stem(us!));
    }
    expect(stem('hour')).toBe('hour');
    expect(stem('four')).toBe('four');
  });

  it('maps inflections of one word to one stem', () => {
    expect(new Set(['name', 'named', 'names', 'naming'].map(stem)).size).toBe(1);
    expect(stem('companies')).toBe(stem('company'));
    expect(stem('stopped')).toBe(stem('stop'));
    expect(stem('churches')).toBe(stem('church'));
    expect(stem("magazine's")).toBe(stem('magazine'));
  });

  it('maps irregular past forms to their base verb', () => {
    expect(stem('began')).toBe(stem('begins'));
    expect(stem('written')).toBe(stem('write'));
    expect(stem('won')).toBe(stem('win'));
  });

  it('leaves short words and words ending in -ss / -us / -is alone', () => {
    expect(stem('bus')).toBe('bus');
    expect(stem('glass')).toBe('glas');
    expect(stem('status')).toBe('status');
    expect(stem('analysis')).toBe('analysis');
  });
});

describe('stopwords and content', () => {
  it('drops function words and filler but keeps names, numbers and content words', () => {
    const content = contentTokens(tokenize('Yes, the Oberoi Group is based in Delhi since 1934 and I think so.'));
    expect(content.map((t) => t.text)).toEqual(['Oberoi', 'Group', 'based', 'Delhi', 'since', '1934']);
    expect(isStopword('the')).toBe(true);
    expect(isStopword('delhi')).toBe(false);
  });

  it('reads spelled-out numbers as digits', () => {
    expect(numberWordValue('twelve')).toBe('12');
    expect(numberWordValue('constructor')).toBeUndefined();
  });
});
