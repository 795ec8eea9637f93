import { describe, it, expect } from 'vitest';
import { normalizeText, normalizeWithOffsets, originalRange } from '../../../../shared/text/normalize';

describe('normalizeText', () => {
  it.each([
    ['sh1t h34d', 'shit head'],
    ['a$$hole', 'asshole'],
    ['@ss', 'ass'],
    ['sh!t', 'shit'],
    ['ｆｕｃｋ', 'fuck'], // fullwidth
    ['𝐟𝐮𝐜𝐤 𝓎𝑜𝓊', 'fuck you'], // mathematical bold and script
    ['ѕһіt', 'shit'], // Cyrillic look-alikes
    ['ναsτy', 'vasty'], // Greek look-alikes
    ['f\u200bu\u200dck\ufeff', 'fuck'], // zero-width characters
    ['fuuuuuuck', 'fuuck'],
    ['F U C K off', 'fuck off'],
    ['f.u.c.k', 'fuck'],
    ['you are a f u c k i n g idiot', 'you are a fucking idiot'],
    ['ﬁne café NAÏVE', 'fine cafe naive'],
  ])('undoes the disguise in %j', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('leaves numbers, ordinals, prices and punctuation alone', () => {
    expect(normalizeText('In 2024 we came 4th, paid $100 in the 1990s. Really!')).toBe('in 2024 we came 4th, paid $100 in the 1990s. really!');
    expect(normalizeText('coool e.g. a b')).toBe('cool e.g. a b');
  });

  it('keeps an @mention as a mention', () => {
    expect(normalizeText('@mayasolovely hi')).toBe('@mayasolovely hi');
  });

  it('handles empty text, emoji, control characters and lone surrogates', () => {
    expect(normalizeText('')).toBe('');
    expect(normalizeText('Hi 😀!')).toBe('hi 😀!');
    expect(normalizeText('a\u0000b\u0007c')).toBe('a\u0000b\u0007c');
    expect(normalizeText('\ud800bad\udfff')).toBe('bad');
  });
});

describe('normalizeWithOffsets', () => {
  it('maps every normalized range back to the original characters', () => {
    const original = 'Ｙou are a f u c k i n g 𝐢𝐝𝐢𝐨𝐭!';
    const norm = normalizeWithOffsets(original);
    expect(norm.text).toBe('you are a fucking idiot!');
    const at = norm.text.indexOf('fucking');
    expect(original.slice(...Object.values(originalRange(norm, at, at + 7)))).toBe('f u c k i n g');
    const idiot = norm.text.indexOf('idiot');
    expect(original.slice(...Object.values(originalRange(norm, idiot, idiot + 5)))).toBe('𝐢𝐝𝐢𝐨𝐭');
    expect(norm.starts.length).toBe(norm.text.length);
    expect(norm.ends.length).toBe(norm.text.length);
  });

  it('maps a collapsed stretch to the whole stretch', () => {
    const original = 'so fuuuuuck it';
    const norm = normalizeWithOffsets(original);
    const r = originalRange(norm, 3, 3 + 'fuuck'.length);
    expect(original.slice(r.start, r.end)).toBe('fuuuuuck');
  });

  it('copes with 1 MB of adversarial input', () => {
    for (const unit of ['a ', 'a.', 'f*', '1!', 'ааа', '\u200b', 'x']) {
      const big = unit.repeat((1 << 20) / unit.length);
      const norm = normalizeWithOffsets(big);
      expect(norm.text.length).toBeLessThanOrEqual(big.length);
      expect(norm.starts.length).toBe(norm.text.length);
    }
  });
});
