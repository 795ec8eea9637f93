/**
 * Obfuscation-robust text normalization for matching word lists and hashing features (toxicity, injection).
 * Undoes the usual disguises: compatibility forms (fullwidth, mathematical letters, ligatures), diacritics,
 * Cyrillic/Greek/small-caps look-alikes, leetspeak, stretched letters ("fuuuuck"), letters spelled out one by
 * one ("f u c k", "f.u.c.k") and invisible characters. Output is lowercase. Every pass is linear and works in
 * place on typed arrays; the offsets variant maps each output character back to the original string so
 * matches can become spans.
 */

import { foldCodePoint } from './normalize-fold';

export interface NormalizedText {
  /** The normalized, lowercase text. */
  text: string;
  /** For each character of `text`, the original UTF-16 offset where it starts... */
  starts: Int32Array;
  /** ...and where it ends (exclusive). */
  ends: Int32Array;
}

/** Growable parallel arrays: output char codes and the original range of each. */
class Buf {
  codes: Uint16Array;
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }
  push(code: number, start: number, end: number): void {
    if (this.length === this.codes.length) this.grow();
    this.codes[this.length] = code;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }
  private grow(): void {
    const cap = this.codes.length * 2 + 16;
    const codes = new Uint16Array(cap);
    const starts = new Int32Array(cap);
    const ends = new Int32Array(cap);
    codes.set(this.codes);
    starts.set(this.starts);
    ends.set(this.ends);
    this.codes = codes;
    this.starts = starts;
    this.ends = ends;
  }
}

const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

// Leet substitutions, applied only inside tokens that also hold a letter so numbers like "2024" stay numbers.
const LEET = new Int32Array(128).fill(-1);
for (const [from, to] of ['0o', '1i', '3e', '4a', '5s', '7t', '$s', '@a']) LEET[from!.charCodeAt(0)] = to!.charCodeAt(0);
const BANG = 33;
const PIPE = 124;
const AT = 64;
const isTokenChar = (c: number): boolean => isLetter(c) || isDigit(c) || c === 36 || c === AT || c === BANG || c === PIPE;
// Numbers with a unit or ordinal suffix ("4th", "1990s", "5pm", "10k") are not leetspeak.
const NUMBER_WITH_SUFFIX = /^[0-9]+(?:st|nd|rd|th|s|am|pm|k|m|b|x|px|gb|mb|kb|ms|h|d|y|yo|yrs)?$/;

// One scratch buffer reused across calls (JavaScript runs one call at a time); allocation dominated short texts.
let scratch = new Buf(4096);

/** Pass 1: per code point compatibility + look-alike folding, lowercase, invisible characters dropped. */
function fold(text: string): Buf {
  if (scratch.codes.length > 1 << 22 && text.length < 4096) scratch = new Buf(4096); // release after a huge text
  const out = scratch;
  out.length = 0;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      out.push(c >= 65 && c <= 90 ? c + 32 : c, i, i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) out.push(folded.charCodeAt(k), i, i + width);
    i += width;
  }
  return out;
}

/** Pass 2: leetspeak inside word-like tokens (in place: one character in, one out). */
function unleet(buf: Buf): void {
  const { codes, length } = buf;
  let i = 0;
  while (i < length) {
    if (!isTokenChar(codes[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    while (j < length && isTokenChar(codes[j]!)) {
      if (isLetter(codes[j]!)) letters++;
      j++;
    }
    if (letters > 0 && letters < j - i && j - i <= 64) {
      let alnum = '';
      for (let k = i; k < j; k++) if (isLetter(codes[k]!) || isDigit(codes[k]!)) alnum += String.fromCharCode(codes[k]!);
      if (!NUMBER_WITH_SUFFIX.test(alnum)) replaceLeet(codes, i, j);
    }
    i = j;
  }
}

function replaceLeet(codes: Uint16Array, i: number, j: number): void {
  for (let k = i; k < j; k++) {
    const c = codes[k]!;
    const prevLetter = k > i && isLetter(codes[k - 1]!);
    if (c === BANG || c === PIPE) {
      // "!" and "|" read as i only between letters ("sh!t"), so "you!" keeps its exclamation mark.
      const next = k + 1 < j ? codes[k + 1]! : 0;
      if (prevLetter && (isLetter(next) || (next < 128 && LEET[next]! >= 0))) codes[k] = 105;
    } else if (c === AT) {
      // "@" starts a mention unless it sits inside a word or the token is tiny ("@ss").
      if (prevLetter || j - i <= 4) codes[k] = 97;
    } else if (c < 128 && LEET[c]! >= 0) {
      codes[k] = LEET[c]!;
    }
  }
}

/** Pass 3 (in place): a letter repeated 3+ times becomes two ("fuuuuck" -> "fuuck"). */
function collapseRuns(buf: Buf): void {
  const { codes, starts, ends } = buf;
  let w = 0;
  for (let r = 0; r < buf.length; r++) {
    const c = codes[r]!;
    if (w >= 2 && isLetter(c) && codes[w - 1] === c && codes[w - 2] === c) {
      ends[w - 1] = ends[r]!;
      continue;
    }
    codes[w] = c;
    starts[w] = starts[r]!;
    ends[w] = ends[r]!;
    w++;
  }
  buf.length = w;
}

const isSpellSeparator = (c: number): boolean => c === 32 || c === 46 || c === 45 || c === 95 || c === 42;

/** Pass 4 (in place): three or more single letters split by one separator each ("f u c k") are joined. */
function joinSpelledLetters(buf: Buf): void {
  const { codes, starts, ends } = buf;
  const n = buf.length;
  const single = (k: number): boolean =>
    k < n && isLetter(codes[k]!) && (k === 0 || !isLetter(codes[k - 1]!)) && (k + 1 >= n || !isLetter(codes[k + 1]!));
  const copy = (from: number, to: number): void => {
    codes[to] = codes[from]!;
    starts[to] = starts[from]!;
    ends[to] = ends[from]!;
  };
  let w = 0;
  let i = 0;
  while (i < n) {
    if (single(i)) {
      let k = i;
      let count = 1;
      while (k + 2 < n && isSpellSeparator(codes[k + 1]!) && single(k + 2)) {
        k += 2;
        count++;
      }
      // A leading article or pronoun ("a f u c k i n g") stays a word of its own.
      let from = i;
      if ((codes[i] === 97 || codes[i] === 105) && count > 3) {
        from = i + 2;
        count--;
      }
      if (count >= 3) {
        for (let m = i; m < from; m++) copy(m, w++);
        for (let m = from; m <= k; m += 2) copy(m, w++);
        i = k + 1;
        continue;
      }
    }
    copy(i, w++);
    i++;
  }
  buf.length = w;
}

// Output never holds lone surrogates (fold drops them), so UTF-16 decoding is lossless and much faster than
// String.fromCharCode. Typed arrays use the platform's byte order, little-endian on every supported machine.
const utf16 = new TextDecoder('utf-16le');

function codesToString(codes: Uint16Array, length: number): string {
  return utf16.decode(codes.subarray(0, length));
}

/** Normalizes text and keeps, for each output character, the original range it came from. */
export function normalizeWithOffsets(text: string): NormalizedText {
  const buf = fold(text);
  unleet(buf);
  collapseRuns(buf);
  joinSpelledLetters(buf);
  return {
    text: codesToString(buf.codes, buf.length),
    starts: buf.starts.slice(0, buf.length),
    ends: buf.ends.slice(0, buf.length),
  };
}

/** Normalizes text for matching: lowercase, look-alikes folded, leetspeak and spacing tricks undone. */
export function normalizeText(text: string): string {
  const buf = fold(text);
  unleet(buf);
  collapseRuns(buf);
  joinSpelledLetters(buf);
  return codesToString(buf.codes, buf.length);
}

/** Maps a non-empty [start, end) range of normalized text back to the original text's [start, end). */
export function originalRange(norm: NormalizedText, start: number, end: number): { start: number; end: number } {
  const n = norm.starts.length;
  if (n === 0) return { start: 0, end: 0 };
  const s = Math.max(0, Math.min(start, n - 1));
  const e = Math.max(s, Math.min(end, n) - 1);
  return { start: norm.starts[s]!, end: norm.ends[e]! };
}
