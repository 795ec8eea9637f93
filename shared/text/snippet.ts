import { findMatches, type SearchTerm } from './search-query';

export interface TextSnippet {
  text: string;
  cutStart: boolean;
  cutEnd: boolean;
  matches: { start: number; end: number }[];
}

// Line breaks and tabs become spaces one for one, so a one-line cell keeps the offsets of the matches.
const BREAKS = /[\r\n\t\f\v\u2028\u2029]/g;

/** Where a snippet of `maxChars` starts: at the text's start, or a little before the first match, at a word. */
export function snippetStart(text: string, firstMatch: number | undefined, maxChars: number): number {
  if (firstMatch === undefined || firstMatch < maxChars * 0.6) return 0;
  let from = Math.max(0, firstMatch - Math.floor(maxChars * 0.25));
  const space = text.indexOf(' ', from);
  if (space !== -1 && space < firstMatch) from = space + 1;
  return from;
}

/**
 * A readable window of at most `maxChars` of `text` around the first occurrence of the search terms (else at
 * `fallbackStart`, or the start of the text), with the occurrences inside it. `cut` says the text itself was cut
 * from a longer one on the left or right.
 */
export function snippetOf(text: string, terms: readonly SearchTerm[], maxChars: number,
  options: { cut?: { left: boolean; right: boolean }; fallbackStart?: number } = {}): TextSnippet {
  const matches = findMatches(text, terms);
  const cut = options.cut ?? { left: false, right: false };
  const from = matches.length > 0 || options.fallbackStart === undefined
    ? snippetStart(text, matches[0]?.start, maxChars)
    : Math.min(Math.max(0, options.fallbackStart), text.length);
  let to = Math.min(text.length, from + maxChars);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > from + maxChars * 0.7) to = space;
  }
  return {
    text: text.slice(from, to).replace(BREAKS, ' '),
    cutStart: from > 0 || cut.left,
    cutEnd: to < text.length || cut.right,
    matches: matches.filter((m) => m.start >= from && m.end <= to).map((m) => ({ start: m.start - from, end: m.end - from })),
  };
}
