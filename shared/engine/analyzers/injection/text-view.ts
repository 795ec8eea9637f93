/**
 * A folded copy of a text that attack patterns and features read, with a map back to the original offsets
 * so spans point at what the user actually wrote. Folding undoes the cheap disguises attackers use:
 * case, accents, full-width and math letters (NFKD), look-alike letters inside Latin words, leetspeak inside
 * words, invisible characters, s p a c e d letters and stretched letters ("ignoooore").
 *
 * Kept local (not shared/text/normalize.ts) because spans need the offset map, which a plain normalizer
 * drops. Works on UTF-16 code arrays: per-character strings and regexes cost ten times more on 1 MB inputs.
 */

export interface TextView {
  /** Folded text: lower case, no accents or invisible characters. */
  text: string;
  /** For each UTF-16 unit of `text`, the offset in the source it came from. */
  map: Int32Array;
  /** Invisible format characters removed (zero-width spaces, joiners, BOM, soft hyphens, bidi controls). */
  invisibleCount: number;
  /** ASCII smuggled in Unicode tag characters (U+E0020..U+E007E), decoded. */
  tagPayload: string;
}

// Cyrillic, Greek and IPA letters that render like Latin ones; applied only inside words that also hold
// Latin letters, so genuine Russian or Greek text keeps its letters.
const CONFUSABLE_PAIRS = Object.entries({
    а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x',
    і: 'i', ї: 'i', ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', һ: 'h', ɡ: 'g', ɩ: 'i', ɪ: 'i', ʏ: 'y', ɴ: 'n',
    α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', γ: 'y',
});
// Digits and symbols used as letters; applied only inside words that mix them with at least two letters.
const LEET_PAIRS = Object.entries({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i', '|': 'l' });
// Lookup tables instead of Maps and Sets: these are consulted for every character.
const CONFUSABLE = new Uint16Array(0x10000);
for (const [k, v] of CONFUSABLE_PAIRS) CONFUSABLE[k.charCodeAt(0)] = v.charCodeAt(0);
const LEET = new Uint16Array(128);
for (const [k, v] of LEET_PAIRS) LEET[k.charCodeAt(0)] = v.charCodeAt(0);
const LEET_EDGE = new Uint8Array(128);
for (const c of '@$!|') LEET_EDGE[c.charCodeAt(0)] = 1;
const SPACER = new Uint8Array(128);
for (const c of ' .-_*|/+') SPACER[c.charCodeAt(0)] = 1;
const leetOf = (k: number): number => (k < 128 ? LEET[k]! : 0);
const isLeetEdge = (k: number): boolean => k < 128 && LEET_EDGE[k] === 1;

// Small capitals (ᴀ ʙ ᴄ ...) are Latin letters NFKD leaves alone; attackers use them to dodge filters.
const SMALL_CAPS: Record<string, string> = {
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ꜰ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k', ʟ: 'l', ᴍ: 'm', ɴ: 'n',
  ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w', ʏ: 'y', ᴢ: 'z', ǫ: 'q', ɡ: 'g', ɩ: 'i',
};

const foldCache = new Map<number, string>(Object.entries(SMALL_CAPS).map(([k, v]) => [k.codePointAt(0)!, v]));
// 0 unknown, 1 letter, 2 digit, 3 other: cached per BMP unit so word scans need no regex.
const unitClass = new Uint8Array(0x10000);
const LETTER_RE = /\p{L}/u;
const NUMBER_RE = /\p{N}/u;

function classOf(k: number): number {
  if (k < 0x80) return (k >= 0x61 && k <= 0x7a) || (k >= 0x41 && k <= 0x5a) ? 1 : k >= 0x30 && k <= 0x39 ? 2 : 3;
  let c = unitClass[k]!;
  if (c === 0) {
    const s = String.fromCharCode(k);
    c = k >= 0xd800 && k <= 0xdfff ? 3 : LETTER_RE.test(s) ? 1 : NUMBER_RE.test(s) ? 2 : 3;
    unitClass[k] = c;
  }
  return c;
}
const isLetter = (k: number): boolean => classOf(k) === 1;
/** Letter or digit (any script), for the featurizer's word scan. */
export const isWordCode = (k: number): boolean => classOf(k) !== 3;
/** CJK ideographs and kana: scripts written without spaces, so each character is a token. */
export const isCjkCode = (k: number): boolean => k >= 0x3040 && k <= 0x9fff;

function isInvisible(cp: number): boolean {
  return (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff || cp === 0xad
    || cp === 0x180e || (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/** Folds one non-ASCII code point: compatibility decomposition, accents dropped, lower case. */
function foldCodePoint(cp: number): string {
  const cached = foldCache.get(cp);
  if (cached !== undefined) return cached;
  const out = String.fromCodePoint(cp).normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
  if (foldCache.size < 50_000) foldCache.set(cp, out);
  return out;
}

class CodeBuffer {
  codes: Uint16Array;
  idx: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.codes = new Uint16Array(capacity);
    this.idx = new Int32Array(capacity);
  }
  push(code: number, sourceIndex: number): void {
    if (this.length === this.codes.length) {
      const codes = new Uint16Array(this.codes.length * 2 + 16);
      codes.set(this.codes);
      const idx = new Int32Array(this.codes.length * 2 + 16);
      idx.set(this.idx);
      this.codes = codes;
      this.idx = idx;
    }
    this.codes[this.length] = code;
    this.idx[this.length] = sourceIndex;
    this.length++;
  }
}

// The first pass writes into one reusable buffer (every text of every record is folded, and the result is
// copied out below), so only texts with spaced or stretched letters allocate another. Texts too long for it
// get their own buffer, so one huge input does not hold megabytes for the rest of the run.
const SCRATCH_MAX = 1 << 16;
const scratch = new CodeBuffer(SCRATCH_MAX);

/** Builds the folded view of `source`. Linear in the length; never throws on odd input (lone surrogates too). */
export function buildView(source: string): TextView {
  const buf = source.length + 16 <= SCRATCH_MAX ? scratch : new CodeBuffer(source.length + 16);
  buf.length = 0;
  let invisibleCount = 0;
  let tagPayload = '';
  for (let i = 0; i < source.length; ) {
    const unit = source.charCodeAt(i);
    if (unit < 0x80) {
      buf.push(unit >= 0x41 && unit <= 0x5a ? unit + 32 : unit < 0x20 && unit !== 0x0a && unit !== 0x09 ? 0x20 : unit, i);
      i++;
      continue;
    }
    const cp = source.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if ((cp >= 0x3040 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7a3)) {
      buf.push(cp, i); // kana, CJK and Hangul fold to themselves (NFKD would split Hangul into jamo)
    } else if (cp === 0x2018 || cp === 0x2019 || cp === 0x201b || cp === 0x02bc || cp === 0x2032) {
      buf.push(0x27, i); // curly apostrophes: patterns spell "don't" with ASCII
    } else if (cp === 0x201c || cp === 0x201d || cp === 0x201e || cp === 0x00ab || cp === 0x00bb) {
      buf.push(0x22, i);
    } else if (isInvisible(cp)) {
      invisibleCount++;
    } else if (cp >= 0xe0000 && cp <= 0xe007f) {
      if (cp >= 0xe0020 && cp <= 0xe007e) tagPayload += String.fromCharCode(cp - 0xe0000);
      invisibleCount++;
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      buf.push(0x20, i); // lone surrogate
    } else {
      const folded = foldCodePoint(cp);
      for (let k = 0; k < folded.length; k++) buf.push(folded.charCodeAt(k), i);
    }
    i += width;
  }
  foldWords(buf);
  const collapsed = collapse(joinSpaced(buf));
  return { text: decode(collapsed.codes, collapsed.length), map: collapsed.idx.slice(0, collapsed.length), invisibleCount, tagPayload };
}

const utf16 = new TextDecoder('utf-16le');

function decode(codes: Uint16Array, length: number): string {
  // Pairs are whole (lone surrogates became spaces), so the decoder returns the units unchanged.
  return utf16.decode(codes.subarray(0, length));
}

const isWordUnit = (k: number): boolean => classOf(k) !== 3 || isLeetEdge(k);

/** Maps look-alike letters and leetspeak inside mixed words, in place (one unit for one unit). */
function foldWords(buf: CodeBuffer): void {
  const c = buf.codes;
  let i = 0;
  while (i < buf.length) {
    if (!isWordUnit(c[i]!)) { i++; continue; }
    let j = i;
    let latin = 0, confusable = 0, leet = 0;
    for (; j < buf.length && isWordUnit(c[j]!); j++) {
      const k = c[j]!;
      if (k >= 0x61 && k <= 0x7a) latin++;
      else if (CONFUSABLE[k] !== 0) confusable++;
      else if (leetOf(k) !== 0) leet++;
    }
    if (latin > 0 && confusable > 0) for (let k = i; k < j; k++) c[k] = CONFUSABLE[c[k]!] || c[k]!;
    // Leet only when the digits sit among letters and all have letter readings: "1gn0r3" and "pr3v10us"
    // fold, "base64", "gpt4", "mp3" and "b2b" stay as written.
    if (leet > 0 && latin + confusable >= 2 && leet <= latin + confusable && isLeetWord(c, i, j)) {
      let a = i, b = j; // "hello!" keeps its "!": only leet inside the word is mapped
      while (a < b && isLeetEdge(c[a]!)) a++;
      while (b > a && isLeetEdge(c[b - 1]!)) b--;
      for (let k = a; k < b; k++) c[k] = leetOf(c[k]!) || c[k]!;
    }
    i = j;
  }
}

function isLeetWord(c: Uint16Array, i: number, j: number): boolean {
  let tail = j;
  while (tail > i && ((c[tail - 1]! >= 0x30 && c[tail - 1]! <= 0x39) || isLeetEdge(c[tail - 1]!))) tail--;
  let inner = false;
  for (let k = i; k < j; k++) {
    const isDigit = c[k]! >= 0x30 && c[k]! <= 0x39;
    if (isDigit && leetOf(c[k]!) === 0) return false;
    if (k < tail && leetOf(c[k]!) !== 0) inner = true;
  }
  return inner;
}

/** Joins s p a c e d letters (four or more single letters, one spacer apart). */
function joinSpaced(buf: CodeBuffer): CodeBuffer {
  const c = buf.codes;
  const n = buf.length;
  const single = (k: number): boolean =>
    k < n && isLetter(c[k]!) && (k === 0 || !isLetter(c[k - 1]!)) && (k + 1 >= n || !isLetter(c[k + 1]!));
  const spacedAt = (i: number): boolean => {
    const next = c[i + 1] ?? 0;
    return next < 128 && SPACER[next] === 1 && single(i) && single(i + 2);
  };
  // Most texts have no spaced-out words: find the first candidate before copying anything.
  let first = 0;
  while (first < n && !spacedAt(first)) first++;
  if (first >= n) return buf;
  const out = new CodeBuffer(n + 16);
  for (let k = 0; k < first; k++) out.push(c[k]!, buf.idx[k]!);
  let i = first;
  while (i < n) {
    const next = c[i + 1] ?? 0;
    if (next < 128 && SPACER[next] === 1 && single(i) && single(i + 2)) {
      const sep = c[i + 1]!;
      let k = i;
      let count = 1;
      while (c[k + 1] === sep && single(k + 2)) { k += 2; count++; }
      if (count >= 4) {
        for (let l = i; l <= k; l += 2) out.push(c[l]!, buf.idx[l]!);
        i = k + 1;
        continue;
      }
    }
    out.push(c[i]!, buf.idx[i]!);
    i++;
  }
  return out;
}

/** Shortens runs of three or more identical letters to one ("ignoooore" -> "ignore"); doubles stay. */
function collapse(buf: CodeBuffer): CodeBuffer {
  const c = buf.codes;
  const n = buf.length;
  let first = 0;
  while (first + 2 < n && !(c[first] === c[first + 1] && c[first] === c[first + 2] && isLetter(c[first]!))) first++;
  if (first + 2 >= n) return buf;
  const out = new CodeBuffer(n + 16);
  for (let k = 0; k < first; k++) out.push(c[k]!, buf.idx[k]!);
  let i = first;
  while (i < n) {
    const k = c[i]!;
    let j = i + 1;
    while (j < n && c[j] === k) j++;
    const keep = j - i >= 3 && isLetter(k) ? 1 : j - i;
    for (let m = i; m < i + keep; m++) out.push(k, buf.idx[m]!);
    i = j;
  }
  return out;
}

/** Converts a [start, end) range of the view to the source range it came from. */
export function toSourceRange(view: TextView, source: string, start: number, end: number): [number, number] {
  const n = view.map.length;
  if (n === 0 || start >= n) return [source.length, source.length];
  const s = view.map[start]!;
  const last = view.map[Math.max(start, Math.min(end, n) - 1)]!;
  const code = source.charCodeAt(last);
  const width = code >= 0xd800 && code <= 0xdbff && last + 1 < source.length ? 2 : 1;
  return [s, Math.min(source.length, last + width)];
}
