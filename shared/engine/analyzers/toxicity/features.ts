/**
 * Feature hashing for the toxicity model, shared by training (scripts/train-toxicity.ts) and scoring so the
 * two can never disagree. Input is text already passed through shared/text/normalize. Features: word
 * unigrams and bigrams plus character 3-5-grams inside word boundaries, signed-hashed into 2^18 buckets;
 * each group is L2-normalized so short and long chunks weigh alike.
 */

export const HASH_BITS = 18;
export const HASH_SIZE = 1 << HASH_BITS;
const MASK = HASH_SIZE - 1;

// Twitter and web residue that says nothing about toxicity; removing it keeps the model from learning that
// "looks like a tweet" means "offensive" (Davidson is 83% offensive tweets).
const NOISE = /https?:\/\/\S+|www\.\S+|@\w+|&(?:#\d+|[a-z]+);|\brt\b/g;
const WORD = /[a-z]+(?:'[a-z]+)*/g;

/** Words of normalized text, with URLs, @mentions, HTML entities and retweet markers removed. */
export function modelTokens(normalized: string): string[] {
  const words = normalized.replace(NOISE, ' ').match(WORD);
  if (!words) return [];
  return words.map((w) => (w.includes("'") ? w.replace(/'/g, '') : w));
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, FNV_PRIME);
}

function fnvString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) h = fnvStep(h, s.charCodeAt(i));
  return h;
}

/** Murmur3 finalizer: spreads FNV's weak low bits before taking the bucket and the sign. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A sparse feature vector: bucket indices and their values (indices may repeat; they add up). */
export interface SparseVector {
  indices: number[];
  values: number[];
}

const WORD_SEED = fnvStep(FNV_OFFSET, 119); // 'w'
const CHAR_SEED = fnvStep(FNV_OFFSET, 99); // 'c'
const SPACE = 32;

function addSigned(out: Map<number, number>, h: number): void {
  const m = fmix(h);
  const idx = m & MASK;
  out.set(idx, (out.get(idx) ?? 0) + (m < 0 ? -1 : 1));
}

function appendNormalized(group: Map<number, number>, weight: number, vec: SparseVector): void {
  let sq = 0;
  for (const v of group.values()) sq += v * v;
  if (sq === 0) return;
  const scale = weight / Math.sqrt(sq);
  for (const [idx, v] of group) {
    vec.indices.push(idx);
    vec.values.push(v * scale);
  }
}

/** Hashed features of one chunk of words (a tweet, a sentence window). */
export function hashFeatures(words: readonly string[]): SparseVector {
  const wordGroup = new Map<number, number>();
  const charGroup = new Map<number, number>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const uni = fnvString(WORD_SEED, w);
    addSigned(wordGroup, uni);
    if (i + 1 < words.length) addSigned(wordGroup, fnvString(fnvStep(uni, SPACE), words[i + 1]!));
    // Character 3-5-grams of " word ": each start position extends one running hash.
    const padded = w.length + 2;
    for (let s = 0; s + 3 <= padded; s++) {
      let h = CHAR_SEED;
      for (let k = 0; k < 5 && s + k < padded; k++) {
        const pos = s + k;
        h = fnvStep(h, pos === 0 || pos === padded - 1 ? SPACE : w.charCodeAt(pos - 1));
        if (k >= 2) addSigned(charGroup, h);
      }
    }
  }
  const vec: SparseVector = { indices: [], values: [] };
  appendNormalized(wordGroup, 1, vec);
  appendNormalized(charGroup, 1, vec);
  return vec;
}
