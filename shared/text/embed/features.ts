/**
 * Sparse features for the built-in embedder: stemmed content words, bigrams of consecutive content words, and
 * character n-grams of each word with boundary marks ("<tax", "tax>"), so inflections and typos still overlap.
 * Function words carry no topic and are skipped unless a text has nothing else.
 */
import type { FeatureBag } from './feature-bag';
import { EMBED_STOPWORDS, embedStem } from './lexicon';
import { FNV_OFFSET, FNV_PRIME, fmix32, hashPair, hashString } from './hash32';

export const GROUP_WORD = 0;
export const GROUP_BIGRAM = 1;
export const GROUP_CHAR = 2;
export const GROUP_COUNT = 3;

const SEED_WORD = 0x2b7e1516;
const SEED_BIGRAM = 0x28aed2a6;
const FNV_CHAR_START = (FNV_OFFSET ^ 0x3c4fcf09) >>> 0;
const BOUNDARY = 1;
const MAX_WORD = 64;

export interface FeatureOptions {
  charMin: number;
  charMax: number;
}

// 0 = not yet known, 1 = word character, 2 = not: a lazily filled table over the BMP.
const wordCharCache = new Uint8Array(65536);
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}]/u;

function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
  let known = wordCharCache[c]!;
  if (known === 0) {
    known = c >= 0xd800 && c <= 0xdfff ? 2 : WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
    wordCharCache[c] = known;
  }
  return known === 1;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** Splits lowercased text into word and number tokens (inner apostrophes and decimal points kept). */
export function scanTokens(lower: string): string[] {
  const out: string[] = [];
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordCode(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n) {
      const c = lower.charCodeAt(i);
      if (isWordCode(c)) {
        i++;
        continue;
      }
      const next = i + 1 < n ? lower.charCodeAt(i + 1) : 0;
      const prev = lower.charCodeAt(i - 1);
      const joins = (isApostrophe(c) && isWordCode(next) && !isDigit(next)) ||
        ((c === 46 || c === 44) && isDigit(prev) && isDigit(next));
      if (!joins) break;
      i += 2;
    }
    out.push(lower.slice(start, Math.min(i, start + MAX_WORD)));
  }
  return out;
}

const straightApostrophes = (token: string): string => (token.includes('\u2019') ? token.replace(/\u2019/g, "'") : token);
const isContent = (token: string): boolean =>
  isDigit(token.charCodeAt(0)) || (token.length > 1 && !EMBED_STOPWORDS.has(straightApostrophes(token)));

// Stemming runs several regular expressions; the same words recur across a corpus, so results are memoized.
const stemCache = new Map<string, string>();
function cachedStem(token: string): string {
  let s = stemCache.get(token);
  if (s === undefined) {
    s = embedStem(straightApostrophes(token));
    if (stemCache.size >= 100_000) stemCache.clear();
    stemCache.set(token, s);
  }
  return s;
}

const codes = new Uint16Array(MAX_WORD + 2);

/** Adds the features of `text` to `bag`; returns how many tokens contributed. */
export function extractFeatures(text: string, options: FeatureOptions, bag: FeatureBag): number {
  const all = scanTokens(text.toLowerCase());
  let tokens = all.filter(isContent);
  if (tokens.length === 0) tokens = all;
  let prev = -1;
  for (const token of tokens) {
    const numeric = isDigit(token.charCodeAt(0));
    const wordHash = hashString(numeric ? (token.includes(',') ? token.replace(/,/g, '') : token) : cachedStem(token), SEED_WORD);
    bag.add(wordHash, GROUP_WORD);
    if (prev !== -1) bag.add(hashPair(prev, wordHash, SEED_BIGRAM), GROUP_BIGRAM);
    prev = wordHash;
    if (!numeric && token.length >= 2) addCharGrams(token, options, bag);
  }
  return tokens.length;
}

function addCharGrams(token: string, options: FeatureOptions, bag: FeatureBag): void {
  const len = token.length + 2;
  codes[0] = BOUNDARY;
  for (let k = 0; k < token.length; k++) codes[k + 1] = token.charCodeAt(k);
  codes[len - 1] = BOUNDARY;
  // One FNV pass per start position yields every n-gram length from there; a length shorter than the whole
  // marked word is required, since the word itself is already a feature.
  const maxN = Math.min(options.charMax, len - 1);
  for (let s = 0; s + options.charMin <= len; s++) {
    let h = FNV_CHAR_START;
    const stop = Math.min(len, s + maxN);
    for (let j = s; j < stop; j++) {
      h = Math.imul(h ^ codes[j]!, FNV_PRIME);
      const n = j - s + 1;
      if (n >= options.charMin) bag.add(fmix32(h + Math.imul(n, 0x9e3779b9)), GROUP_CHAR);
    }
  }
}
