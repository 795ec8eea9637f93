import { bloomPositions, COMMON_WORDS_HASHES } from './bloom';
import { COMMON_WORDS_BASE64, COMMON_WORDS_BITS } from './common-words';

let filter: Uint8Array | null = null;

// Decoded on first use, so loading the engine does not pay for it.
function bits(): Uint8Array {
  if (filter) return filter;
  const raw = atob(COMMON_WORDS_BASE64);
  filter = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) filter[i] = raw.charCodeAt(i);
  return filter;
}

function inFilter(word: string): boolean {
  const f = bits();
  return bloomPositions(word, COMMON_WORDS_BITS, COMMON_WORDS_HASHES).every((p) => (f[p >>> 3]! & (1 << (p & 7))) !== 0);
}

/**
 * Whether a lower-case word is an ordinary English word (WordNet's lower-case lemmas, common-words.ts), also
 * in a plural, past or -ing form ("songs", "listed"). Words outside ASCII letters are never common here: a
 * capitalised "Szöllösy" or "Ottová" reads as a name.
 */
export function isCommonWord(word: string): boolean {
  const known = memo.get(word);
  if (known !== undefined) return known;
  const answer = lookUp(word);
  // Bounded: a long text of distinct words must not grow it without end.
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(word, answer);
  return answer;
}

// Capitalised words repeat (names, product words), and each look-up hashes the word up to eight times.
const MEMO_LIMIT = 20_000;
const memo = new Map<string, boolean>();

function lookUp(word: string): boolean {
  const w = word.replace(/['’]s$/, '');
  if (!/^[a-z']+$/.test(w) || w.length < 2) return false;
  if (inFilter(w)) return true;
  const stems: string[] = [];
  if (w.endsWith('ies')) stems.push(`${w.slice(0, -3)}y`);
  if (w.endsWith('es')) stems.push(w.slice(0, -2));
  if (w.endsWith('s')) stems.push(w.slice(0, -1));
  if (w.endsWith('ed')) stems.push(w.slice(0, -2), w.slice(0, -1));
  if (w.endsWith('ing')) stems.push(w.slice(0, -3), `${w.slice(0, -3)}e`);
  if (w.endsWith('er') || w.endsWith('ly')) stems.push(w.slice(0, -2));
  return stems.some((s) => s.length > 2 && inFilter(s));
}
