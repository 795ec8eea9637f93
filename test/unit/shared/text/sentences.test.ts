import { describe, expect, it } from 'vitest';
import { inlineEnumerators, maskMarkup, splitClaims, splitSentences } from '../../../../shared/text/sentences';

const texts = (segments: Array<{ text: string }>): string[] => segments.map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain prose and keeps exact offsets', () => {
    const text = '  Paris is in France. Berlin is in Germany!  Is Rome in Italy? Yes.';
    const segments = splitSentences(text);
    expect(texts(segments)).toEqual(['Paris is in France.', 'Berlin is in Germany!', 'Is Rome in Italy?', 'Yes.']);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split at abbreviations, initials, decimals or "No. 5"', () => {
    const text = 'Dr. Smith met J. K. Rowling at 3.5 p.m. in the U.S. on Fig. 2 and No. 5 Street, e.g. near St. Paul. Then he left.';
    expect(texts(splitSentences(text))).toEqual([
      'Dr. Smith met J. K. Rowling at 3.5 p.m. in the U.S. on Fig. 2 and No. 5 Street, e.g. near St. Paul.',
      'Then he left.',
    ]);
  });

  it('splits lowercase chat text and glued sentences from concatenated paragraphs', () => {
    expect(texts(splitSentences('yes. i thought it was easy. lol'))).toEqual(['yes.', 'i thought it was easy.', 'lol']);
    expect(texts(splitSentences('published in the 19th century.First for Women is a magazine.'))).toEqual([
      'published in the 19th century.',
      'First for Women is a magazine.',
    ]);
    expect(texts(splitSentences('Use Node.js and ASP.NET daily.'))).toEqual(['Use Node.js and ASP.NET daily.']);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(texts(splitSentences('He said "stop." (It worked.) Done.'))).toEqual(['He said "stop."', '(It worked.)', 'Done.']);
  });

  it('treats list items, headings, tables and fenced code as their own segments', () => {
    const text = '# Title\n\nIntro line.\n- first item\n  continues here. Second sentence.\n2) numbered item\n\n| a | b |\n|---|---|\n\n```js\nconst x = 1. + 2;\n```\nAfter code.';
    const segments = splitSentences(text);
    expect(segments.map((s) => [s.kind, s.text])).toEqual([
      ['heading', '# Title'],
      ['prose', 'Intro line.'],
      ['list-item', 'first item\n  continues here.'],
      ['list-item', 'Second sentence.'],
      ['list-item', 'numbered item'],
      ['table', '| a | b |'],
      ['code', '```js\nconst x = 1. + 2;\n```'],
      ['prose', 'After code.'],
    ]);
    for (const s of segments) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('cuts a run-on text without punctuation into bounded pieces', () => {
    const text = 'word '.repeat(5000);
    const segments = splitSentences(text, { maxSentenceChars: 400 });
    expect(segments.length).toBeGreaterThan(40);
    for (const s of segments) {
      expect(s.end - s.start).toBeLessThanOrEqual(400);
      expect(text.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('returns nothing for empty or punctuation-only text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' ... !!! \n\n --- ')).toEqual([]);
  });
});

describe('maskMarkup', () => {
  it('blanks HTML tags, entities, link targets and emphasis without changing length', () => {
    const text = '<p>See **[the docs](https://x.io/a.b)** &amp; <b>more</b>.</p>';
    const masked = maskMarkup(text);
    expect(masked.length).toBe(text.length);
    expect(masked.replace(/\s+/g, ' ').trim()).toBe('See the docs more .');
  });
});

describe('inlineEnumerators', () => {
  it('finds list markers after a colon or sentence end, and the rest of a run', () => {
    const text = 'Steps: 1) Hold it. 2) Release it 3) Wait. Then: (4) Done.';
    expect(inlineEnumerators(text).map((m) => text.slice(m.start, m.end))).toEqual(['1)', '2)', '3)', '(4)']);
  });

  it('leaves numbers in prose alone', () => {
    for (const text of ['Pair up to 2) sensors (up to 2) here.', 'Rooms: 2. Baths: 1.', 'Version 4.5) shipped.', 'It costs $5) now.']) {
      expect(inlineEnumerators(text), text).toEqual([]);
    }
  });

  it('blanks the markers in maskMarkup without moving offsets', () => {
    const text = 'Do this: 1) Check the light.';
    const masked = maskMarkup(text);
    expect(masked.length).toBe(text.length);
    expect(masked).toBe('Do this:    Check the light.');
  });
});

describe('splitClaims', () => {
  it('splits clauses joined by a semicolon or ", and" when both sides can stand alone', () => {
    const text = 'Paris is the capital of France, and Berlin is the capital of Germany; Rome is the capital of Italy.';
    expect(texts(splitClaims(text))).toEqual([
      'Paris is the capital of France',
      'and Berlin is the capital of Germany',
      'Rome is the capital of Italy.',
    ]);
  });

  it('does not split short coordinations', () => {
    expect(texts(splitClaims('I like apples, and pears too.'))).toEqual(['I like apples, and pears too.']);
  });

  it('leaves code, headings and tables out of the claims', () => {
    const claims = splitClaims('# Heading\n\n```\nx = 1\n```\n\n| a | b |\n\nThe answer is 42.');
    expect(texts(claims)).toEqual(['The answer is 42.']);
  });

  it('makes each inline numbered step a claim of its own, without its marker, and the lead-in another', () => {
    const text = 'Please try these steps in order: 1) Check the light. 2) Restart the hub 3) Call us.';
    expect(texts(splitClaims(text))).toEqual(['Please try these steps in order:', 'Check the light.', 'Restart the hub', 'Call us.']);
  });

  it('gives each claim the bounds of the sentence it came from', () => {
    const text = 'Hi there. Paris is the capital of France, and Berlin is the capital of Germany.';
    const claims = splitClaims(text);
    expect(claims.map((c) => text.slice(c.sentence.start, c.sentence.end))).toEqual([
      'Hi there.',
      'Paris is the capital of France, and Berlin is the capital of Germany.',
      'Paris is the capital of France, and Berlin is the capital of Germany.',
    ]);
  });

  it('keeps offsets exact for every claim', () => {
    const text = 'Alpha beta gamma delta; epsilon zeta eta theta, but iota kappa lambda mu.\n- item one is here, which was added later on';
    for (const c of splitClaims(text)) expect(text.slice(c.start, c.end)).toBe(c.text);
  });
});
