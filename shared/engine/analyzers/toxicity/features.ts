/**
 * Feature hashing for the toxicity model, shared by training (scripts/train-toxicity.ts) and scoring so the
 * two can never disagree. Input is text already passed through shared/text/normalize. Features: word
 * unigrams and bigrams plus character 3-5-grams inside word boundaries, signed-hashed into 2^18 buckets;
 * each group is L2-normalized so short and long chunks weigh alike.
 */
import { FNV_OFFSET, fmix32, fnvStep, fnvString } from '../../../text/embed/hash32';
import { IDENTITY_WORDS } from './group-terms';

export const HASH_BITS = 18;
export const HASH_SIZE = 1 << HASH_BITS;
const MASK = HASH_SIZE - 1;

// Twitter and web residue that says nothing about toxicity; removing it keeps the model from learning that
// "looks like a tweet" means "offensive" (Davidson is 83% offensive tweets).
const NOISE = /https?:\/\/\S+|www\.\S+|@\w+|&(?:#\d+|[a-z]+);|\brt\b/g;
const WORD = /[a-z]+(?:'[a-z]+)*/g;
const MAX_WORD = 40;

/** Words of normalized text, with URLs, @mentions, HTML entities and retweet markers removed. */
export function modelTokens(normalized: string): string[] {
  const words = normalized.replace(NOISE, ' ').match(WORD);
  if (!words) return [];
  // Very long "words" (a pasted hash, a stretched laugh) are cut so one token cannot dominate time or memory.
  return words.map((w) => (w.includes("'") ? w.replace(/'/g, '') : w).slice(0, MAX_WORD));
}

/** A sparse feature vector: bucket indices and their values (indices may repeat; they add up). */
export interface SparseVector {
  indices: number[];
  values: number[];
}

const WORD_SEED = fnvStep(FNV_OFFSET, 119); // 'w'
const CHAR_SEED = fnvStep(FNV_OFFSET, 99); // 'c'
const SPACE = 32;

/** A bucket and a sign in one number: idx for +1, -(idx + 1) for -1. */
function signedCode(h: number): number {
  // Murmur3's finalizer spreads FNV's weak low bits before taking the bucket; its sign bit gives the sign.
  const m = fmix32(h) | 0;
  const idx = m & MASK;
  return m < 0 ? -(idx + 1) : idx;
}

interface WordCodes {
  /** Raw hash of the word, the seed for bigrams. */
  hash: number;
  uni: number;
  chars: Int32Array;
  /** The word names a group of people (group-terms.ts). */
  group: boolean;
}

// Words repeat across texts, so their unigram and character-gram codes are computed once.
const wordCache = new Map<string, WordCodes>();
const WORD_CACHE_MAX = 50_000;

function codesOf(w: string): WordCodes {
  let codes = wordCache.get(w);
  if (codes) return codes;
  const hash = fnvString(WORD_SEED, w);
  const chars: number[] = [];
  // Character 3-5-grams of " word ": each start position extends one running hash.
  const padded = w.length + 2;
  for (let s = 0; s + 3 <= padded; s++) {
    let h = CHAR_SEED;
    for (let k = 0; k < 5 && s + k < padded; k++) {
      const pos = s + k;
      h = fnvStep(h, pos === 0 || pos === padded - 1 ? SPACE : w.charCodeAt(pos - 1));
      if (k >= 2) chars.push(signedCode(h));
    }
  }
  codes = { hash, uni: signedCode(hash), chars: Int32Array.from(chars), group: IDENTITY_WORDS.has(w) };
  if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear();
  wordCache.set(w, codes);
  return codes;
}

/**
 * Scratch accumulator for one feature group. Each bucket keeps [generation, count] side by side (one cache
 * line per touch); bumping the generation clears everything at once.
 */
class Group {
  private readonly cells = new Int32Array(2 * HASH_SIZE);
  private readonly touched: number[] = [];
  private generation = 1;

  add(code: number): void {
    const idx = code >= 0 ? code : -code - 1;
    const j = idx * 2;
    if (this.cells[j] !== this.generation) {
      this.cells[j] = this.generation;
      this.cells[j + 1] = 0;
      this.touched.push(idx);
    }
    this.cells[j + 1]! += code >= 0 ? 1 : -1;
  }

  /** 1 / L2 norm of the group (0 when empty). */
  private inverseNorm(): number {
    let sq = 0;
    for (const idx of this.touched) sq += this.cells[idx * 2 + 1]! ** 2;
    return sq > 0 ? 1 / Math.sqrt(sq) : 0;
  }

  private clear(): void {
    this.touched.length = 0;
    this.generation++;
    if (this.generation === 0x7fffffff) {
      this.cells.fill(0);
      this.generation = 1;
    }
  }

  /** Appends the L2-normalized group to vec, then clears. */
  flushInto(vec: SparseVector): void {
    const scale = this.inverseNorm();
    for (const idx of this.touched) {
      const v = this.cells[idx * 2 + 1]!;
      if (v !== 0) {
        vec.indices.push(idx);
        vec.values.push(v * scale);
      }
    }
    this.clear();
  }

  /** weights . (L2-normalized group), then clears. */
  dotAndClear(weights: Float32Array): number {
    const scale = this.inverseNorm();
    let z = 0;
    for (const idx of this.touched) z += weights[idx]! * this.cells[idx * 2 + 1]!;
    this.clear();
    return z * scale;
  }
}

const wordGroup = new Group();
const charGroup = new Group();

// Every word naming a group also counts as this one token, in unigrams and bigrams ("<group> are",
// "all <group>"), so what the training sources said about one group weighs the same said about another.
const GROUP_TOKEN = '<group>';
const GROUP_HASH = fnvString(WORD_SEED, GROUP_TOKEN);
const GROUP_UNI = signedCode(GROUP_HASH);

const bigram = (prevHash: number, w: string): number => signedCode(fnvString(fnvStep(prevHash, SPACE), w));

function collectGroups(words: readonly string[]): void {
  let prev: WordCodes | null = null;
  for (const w of words) {
    const codes = codesOf(w);
    wordGroup.add(codes.uni);
    if (prev) wordGroup.add(bigram(prev.hash, w));
    if (codes.group) {
      wordGroup.add(GROUP_UNI);
      if (prev) wordGroup.add(bigram(prev.hash, GROUP_TOKEN));
    }
    if (prev?.group) wordGroup.add(bigram(GROUP_HASH, w));
    for (let k = 0; k < codes.chars.length; k++) charGroup.add(codes.chars[k]!);
    prev = codes;
  }
}

/** Hashed features of one chunk of words (a tweet, a window of a longer text). */
export function hashFeatures(words: readonly string[]): SparseVector {
  collectGroups(words);
  const vec: SparseVector = { indices: [], values: [] };
  wordGroup.flushInto(vec);
  charGroup.flushInto(vec);
  return vec;
}

/** weights . hashFeatures(words), without building the vector: the scoring hot path. */
export function dotFeatures(words: readonly string[], weights: Float32Array): number {
  collectGroups(words);
  return wordGroup.dotAndClear(weights) + charGroup.dotAndClear(weights);
}

export const WINDOW_WORDS = 30;
const WINDOW_STRIDE = 15;

/** Overlapping windows of tweet length (what the model was trained on); short texts are one window. */
export function wordWindows(words: readonly string[]): (readonly string[])[] {
  if (words.length <= WINDOW_WORDS) return [words];
  const out: (readonly string[])[] = [];
  for (let s = 0; s < words.length; s += WINDOW_STRIDE) {
    out.push(words.slice(s, s + WINDOW_WORDS));
    if (s + WINDOW_WORDS >= words.length) break;
  }
  return out;
}
