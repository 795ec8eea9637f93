/**
 * The Records search box: words and "quoted phrases", all of which must match. One parser feeds both the SQLite
 * FTS5 query (main/storage) and the highlighting of matches in snippets, and its tokens follow FTS5's unicode61
 * tokenizer with remove_diacritics (runs of letters and digits, case and accents folded), so what is highlighted
 * is what matched.
 */

export interface SearchTerm {
  /** Folded tokens; a bare word with punctuation inside ("gpt-4o") is several tokens matched as a phrase. */
  tokens: string[];
  /** Quoted: every token matches whole. Bare: the last token also matches as a prefix ("refund" finds "refunds"). */
  phrase: boolean;
}

const TOKEN_RE = /[\p{L}\p{N}\p{Co}]+/gu;
const MARKS_RE = /\p{M}/gu;

export function foldToken(token: string): string {
  return token.normalize('NFD').replace(MARKS_RE, '').toLowerCase();
}

/** Tokens of a text with their string offsets, as FTS5 unicode61 cuts them. */
export function searchTokens(text: string): { token: string; start: number; end: number }[] {
  const out: { token: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const token = foldToken(m[0]);
    if (token !== '') out.push({ token, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Splits the search box text into terms; an unclosed quote runs to the end; terms without any token are dropped. */
export function parseSearch(query: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  const add = (text: string, phrase: boolean) => {
    const tokens = searchTokens(text).map((t) => t.token);
    if (tokens.length > 0) terms.push({ tokens, phrase });
  };
  let i = 0;
  while (i < query.length) {
    if (query[i] === '"') {
      const close = query.indexOf('"', i + 1);
      const end = close === -1 ? query.length : close;
      add(query.slice(i + 1, end), true);
      i = end + 1;
    } else {
      let end = i;
      while (end < query.length && query[end] !== '"' && !/\s/.test(query[end]!)) end += 1;
      if (end > i) add(query.slice(i, end), false);
      i = end === i ? i + 1 : end;
    }
  }
  return terms;
}

/** The FTS5 MATCH expression for parsed terms (implicit AND); null when nothing searchable was typed. */
export function toFtsQuery(terms: readonly SearchTerm[]): string | null {
  if (terms.length === 0) return null;
  // Tokens are letters and digits only, so a double-quoted FTS5 string needs no escaping.
  return terms.map((t) => `"${t.tokens.join(' ')}"${t.phrase ? '' : '*'}`).join(' AND ');
}

/** Where the terms occur in a text, as [start, end) ranges over whole tokens, in text order. */
export function findMatches(text: string, terms: readonly SearchTerm[]): { start: number; end: number }[] {
  if (terms.length === 0 || text === '') return [];
  const tokens = searchTokens(text);
  const ranges: { start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    for (const term of terms) {
      const n = term.tokens.length;
      if (i + n > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < n && ok; k += 1) {
        const have = tokens[i + k]!.token;
        const want = term.tokens[k]!;
        ok = k === n - 1 && !term.phrase ? have.startsWith(want) : have === want;
      }
      if (ok) ranges.push({ start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
    }
  }
  return ranges.sort((a, b) => a.start - b.start || b.end - a.end);
}
