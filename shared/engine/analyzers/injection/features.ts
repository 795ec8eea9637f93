import { FNV_OFFSET, FNV_PRIME } from '../../../text/embed/hash32';
import { isCjkCode, isWordCode } from './text-view';

/**
 * Hashed bag of word unigrams, word bigrams and character 4-grams of a folded text, with sublinear
 * term frequency and unit length. The same vector feeds the logistic model and the attack-corpus similarity,
 * so training (scripts/train-injection.ts) and inference hash identically.
 */
export const FEATURE_BITS = 18;
export const FEATURE_DIM = 1 << FEATURE_BITS;
const MASK = FEATURE_DIM - 1;
/** Word unigrams and bigrams hash into the upper half of the space, character grams into the lower half,
 *  so a consumer can tell them apart (the similarity index uses words only). */
export const WORD_FEATURE_BASE = FEATURE_DIM >>> 1;
const HALF_MASK = WORD_FEATURE_BASE - 1;
// Character 4-grams only: measured on the dev data, 3- and 5-grams added nothing to either signal and
// doubled the cost (each gram is a random write into the count table).
const CHAR_GRAM = 4;

export interface SparseVector {
  idx: Int32Array;
  val: Float32Array;
}

// FNV-1a with distinct seeds per feature kind, so "ab" as a word and as a char gram land apart.
const SEED_WORD = FNV_OFFSET;
const SEED_CHAR = 0x6b43a9b5;
const SEED_BIGRAM = 0x2f6d1f3b;

// 1 + ln(count) for small counts, which are nearly all of them.
const SUBLINEAR = Float32Array.from({ length: 256 }, (_, c) => (c === 0 ? 0 : 1 + Math.log(c)));
const sublinear = (c: number): number => (c < 256 ? SUBLINEAR[c]! : 1 + Math.log(c));

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}

/** Raw hashed counts, accumulated over one or more texts. Holds a 1 MB scratch table; reuse instances. */
export class HashedCounts {
  private readonly counts = new Float32Array(FEATURE_DIM);
  private touched = new Int32Array(4096);
  private nTouched = 0;
  private seq = new Uint16Array(1024);

  private bump(i: number, by = 1): void {
    if (this.counts[i] === 0) {
      if (this.nTouched === this.touched.length) {
        const grown = new Int32Array(this.touched.length * 2);
        grown.set(this.touched);
        this.touched = grown;
      }
      this.touched[this.nTouched++] = i;
    }
    this.counts[i]! += by;
  }

  private prevWord = 0;

  private word(raw: number): void {
    const h = mix(raw);
    this.bump(WORD_FEATURE_BASE | (h & HALF_MASK));
    if (this.prevWord !== 0) this.bump(WORD_FEATURE_BASE | (mix(Math.imul(this.prevWord ^ SEED_BIGRAM, FNV_PRIME) ^ h) & HALF_MASK));
    this.prevWord = h;
  }

  /** Adds the word unigrams, word bigrams and (unless `words` is 'only') char 4-grams of a folded text. */
  addText(folded: string, words: 'all' | 'only' = 'all'): void {
    const n = folded.length;
    if (this.seq.length < n + 2) this.seq = new Uint16Array(n + 2);
    const seq = this.seq;
    let m = 0;
    seq[m++] = 0x20;
    this.prevWord = 0;
    let wordHash = SEED_WORD;
    let inWord = false;
    for (let i = 0; i <= n; i++) {
      const k = i < n ? folded.charCodeAt(i) : 0x20;
      const isWord = k < 0x80 ? (k >= 0x61 && k <= 0x7a) || (k >= 0x30 && k <= 0x39) || k === 0x27 : isWordCode(k);
      if (isWord && !isCjkCode(k)) {
        wordHash = Math.imul(wordHash ^ k, FNV_PRIME);
        inWord = true;
        seq[m++] = k;
        continue;
      }
      if (inWord) {
        this.word(wordHash);
        wordHash = SEED_WORD;
        inWord = false;
      }
      if (isWord) {
        this.word(Math.imul(SEED_WORD ^ k, FNV_PRIME)); // CJK: each character is a word of its own
        seq[m++] = k;
      } else if (seq[m - 1] !== 0x20) {
        seq[m++] = 0x20;
      }
    }
    if (words === 'only') return;
    for (let i = 0; i + CHAR_GRAM <= m; i++) {
      let h = SEED_CHAR;
      for (let g = 0; g < CHAR_GRAM; g++) h = Math.imul(h ^ seq[i + g]!, FNV_PRIME);
      this.bump(mix(h) & HALF_MASK);
    }
  }

  /** Adds counts taken from another accumulator. */
  addCounts(c: RawCounts): void {
    for (let t = 0; t < c.idx.length; t++) this.bump(c.idx[t]! & MASK, c.cnt[t]!);
  }

  private unit: UnitScratch = { idx: new Int32Array(1024), val: new Float32Array(1024), length: 0 };

  /**
   * `toUnitVector(drain())` without allocating: the weights go to scratch arrays owned by this accumulator,
   * valid until its next call. The similarity scan drains once per sentence window, so this saves two
   * typed-array allocations per window.
   */
  drainUnit(): UnitScratch {
    const n = this.nTouched;
    if (this.unit.idx.length < n) this.unit = { idx: new Int32Array(n * 2), val: new Float32Array(n * 2), length: 0 };
    const { idx, val } = this.unit;
    let norm = 0;
    for (let t = 0; t < n; t++) {
      const i = this.touched[t]!;
      const v = sublinear(this.counts[i]!);
      idx[t] = i;
      val[t] = v;
      norm += v * v;
      this.counts[i] = 0;
    }
    norm = Math.sqrt(norm) || 1;
    for (let t = 0; t < n; t++) val[t]! /= norm;
    this.nTouched = 0;
    this.unit.length = n;
    return this.unit;
  }

  /** Returns the counts so far and resets. */
  drain(): RawCounts {
    const idx = this.touched.slice(0, this.nTouched);
    const cnt = new Float32Array(this.nTouched);
    for (let t = 0; t < this.nTouched; t++) {
      cnt[t] = this.counts[idx[t]!]!;
      this.counts[idx[t]!] = 0;
    }
    this.nTouched = 0;
    return { idx, cnt };
  }
}

/** A unit vector in scratch arrays: entries [0, length) of idx and val. */
export interface UnitScratch {
  idx: Int32Array;
  val: Float32Array;
  length: number;
}

export interface RawCounts {
  idx: Int32Array;
  cnt: Float32Array;
}

/** Sublinear term frequency (1 + ln count), scaled to unit length. */
export function toUnitVector(c: RawCounts): SparseVector {
  const val = new Float32Array(c.idx.length);
  let norm = 0;
  for (let t = 0; t < val.length; t++) {
    const v = sublinear(c.cnt[t]!);
    val[t] = v;
    norm += v * v;
  }
  norm = Math.sqrt(norm) || 1;
  for (let t = 0; t < val.length; t++) val[t]! /= norm;
  return { idx: c.idx, val };
}

const scratch = new HashedCounts();

/** Feature vector of one folded text. */
export function featurize(folded: string): SparseVector {
  scratch.addText(folded);
  return toUnitVector(scratch.drain());
}
