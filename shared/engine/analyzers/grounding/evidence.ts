import { maskMarkup, splitSentences, type SegmentKind } from '../../../text/sentences';
import { isStopword, numberWordValue, stem, tokenize, type Token } from '../../../text/tokenize';
import { isNegator } from './lexicon';
import { ngramVector, type NgramVector } from './char-ngrams';
import { TextCache } from '../../../util/text-cache';

/** One text that claims may be checked against: a record context or a KB chunk. */
export interface EvidenceDoc {
  source: 'context' | 'kb';
  /** Context index (as a string) or KB chunk id. */
  ref: string;
  /** A KB chunk's document and heading, for showing where evidence came from. */
  name?: string;
  text: string;
}

/**
 * An indexed evidence sentence. Only `keys` and `contentKeys` are built up front; the rest is derived on first
 * use, because only the few candidate sentences per claim ever need it.
 */
export interface EvidenceSentence {
  doc: number;
  start: number;
  end: number;
  /** Headings and table rows name things without stating them, so polarity is not read from them. */
  kind: SegmentKind;
  tokens: Token[];
  /** Match keys of the content tokens in order (see `tokenKey`). */
  contentKeys: string[];
  keys: Set<string>;
  lazy: { words?: Set<string>; negatedKeys?: Set<string>; vector?: NgramVector; firstAt?: Map<string, number> };
}

export interface EvidenceIndex {
  docs: EvidenceDoc[];
  sentences: EvidenceSentence[];
  /** Content key -> indices of the sentences containing it (ascending). */
  postings: Map<string, number[]>;
  /** Notes on what was cut to keep the work bounded. */
  notes: string[];
  /** Set once `maxSentences` is reached: docs added later are listed but not read. */
  capped?: boolean;
}

export interface EvidenceLimits {
  maxCharsPerDoc: number;
  maxSentences: number;
}

// A negation governs the word before it and the rest of its clause, up to a few words ("is not involved in any
// hotel"; "do not need to open any incoming ports or set up port forwarding").
const SCOPE_BEFORE = 1;
const SCOPE_AFTER = 8;
// Shared sentences scanned per word pair: bounds the work when both words are everywhere in a huge context.
const MAX_PAIR_SCAN = 200;

export function isContent(t: Token): boolean {
  return t.kind === 'number' || (t.norm.length > 1 && !isStopword(t.norm) && !LINKING_VERBS.has(t.norm));
}

// Verbs that only link a subject to what is said of it, like the tokenizer's light verbs ("takes", "costs"):
// "the warranty lasts two years" states what "a two-year warranty" states ("last" alone is often "the last day").
const LINKING_VERBS = new Set(['lasts', 'lasted', 'remain', 'remains', 'remained', 'stay', 'stays', 'stayed']);

// Unit abbreviations match the spelled-out unit: "10 mins" = "10 minutes", "256 GB" = "256 gigabytes".
const UNIT_KEYS = new Map<string, string>();
for (const [full, short] of Object.entries({
  minute: 'min mins', hour: 'hr hrs', second: 'sec secs', year: 'yr yrs', week: 'wk wks', month: 'mo mos mth mths',
  kilometer: 'km kms', centimeter: 'cm cms', millimeter: 'mm', kilogram: 'kg kgs', pound: 'lb lbs', ounce: 'oz',
  foot: 'ft', gigabyte: 'gb', megabyte: 'mb', terabyte: 'tb', kilobyte: 'kb', percent: 'pct', approximately: 'approx',
})) {
  for (const s of short.split(' ')) UNIT_KEYS.set(s, stem(full));
}

/** How a token is matched: numbers by value (spelled-out numbers included), units by full name, words by stem. */
export function tokenKey(t: Token): string {
  return t.kind === 'number' ? t.norm : (numberWordValue(t.norm) ?? UNIT_KEYS.get(t.norm) ?? t.stem);
}

export function buildEvidenceIndex(docs: EvidenceDoc[], limits: EvidenceLimits): EvidenceIndex {
  return extendEvidenceIndex({ docs: [], sentences: [], postings: new Map(), notes: [] }, docs, limits);
}

/**
 * Adds docs to an index, exactly as if it had been built from all its docs at once: grounding checks the
 * record's contexts first and reads KB chunks only for the claims they leave unsupported, so the contexts are
 * split and tokenized once rather than again with the KB chunks.
 */
export function extendEvidenceIndex(index: EvidenceIndex, docs: readonly EvidenceDoc[], limits: EvidenceLimits): EvidenceIndex {
  for (const doc of docs) {
    const d = index.docs.length;
    index.docs.push(doc);
    if (index.capped) continue;
    let text = doc.text;
    if (text.length > limits.maxCharsPerDoc) {
      index.notes.push(`${doc.source} ${doc.ref}: checked the first ${limits.maxCharsPerDoc} of ${text.length} characters`);
      text = text.slice(0, limits.maxCharsPerDoc);
    }
    for (const prepared of cachedSentences(text)) {
      if (index.sentences.length >= limits.maxSentences) {
        index.notes.push(`evidence capped at ${limits.maxSentences} sentences`);
        index.capped = true;
        break;
      }
      addSentence(index, d, prepared);
    }
  }
  return index;
}

/** A sentence as indexed, before it is given its place (doc and id) in one index. */
type PreparedSentence = Omit<EvidenceSentence, 'doc'>;

function docSentences(text: string): PreparedSentence[] {
  const masked = maskMarkup(text);
  const tokens = tokenize(masked);
  const out: PreparedSentence[] = [];
  let t = 0;
  for (const { start, end, kind } of splitSentences(text, { masked })) {
    while (t < tokens.length && tokens[t]!.start < start) t++;
    const from = t;
    while (t < tokens.length && tokens[t]!.end <= end) t++;
    const own = tokens.slice(from, t);
    const contentKeys: string[] = [];
    for (const tok of own) {
      const key = contentKey(tok);
      if (key !== null) contentKeys.push(key);
    }
    out.push({ start, end, kind, tokens: own, contentKeys, keys: new Set(contentKeys), lazy: {} });
  }
  return out;
}

// Whether a word is content, and its key, depend on its lowercased form alone (tokenize derives the stem from
// it), and evidence repeats the same words over and over: one lookup replaces a stopword and two key lookups.
const WORD_KEYS_MAX = 100_000;
const wordKeys = new Map<string, string | null>();

/** `tokenKey` of a content token, null for the rest (`isContent`), for tokens made by `tokenize`. */
function contentKey(t: Token): string | null {
  if (t.kind === 'number') return t.norm;
  let key = wordKeys.get(t.norm);
  if (key === undefined) {
    if (wordKeys.size >= WORD_KEYS_MAX) wordKeys.clear();
    key = isContent(t) ? tokenKey(t) : null;
    wordKeys.set(t.norm, key);
  }
  return key;
}

// KB chunks come back for claim after claim and record after record, and record contexts recur across records;
// the sentences of a text depend on the text alone, so each is split and tokenized once. Shared sentence parts
// are never modified (the lazy fields derive from the text alone).
const sentenceCache = new TextCache<PreparedSentence[]>(4096, 2_000_000);
const cachedSentences = (text: string): PreparedSentence[] => sentenceCache.get(text, docSentences);

function addSentence(index: EvidenceIndex, doc: number, prepared: PreparedSentence): void {
  const id = index.sentences.length;
  for (const k of prepared.keys) {
    const list = index.postings.get(k);
    if (list) list.push(id);
    else index.postings.set(k, [id]);
  }
  const { start, end, kind, tokens, contentKeys, keys, lazy } = prepared;
  index.sentences.push({ doc, start, end, kind, tokens, contentKeys, keys, lazy });
}

// Punctuation that closes a negation's scope: "Video is not streamed over cellular; clips upload later.",
// "If a payment fails, we retry 3 times".
const SCOPE_BREAK_RE = /[,;:.!?()[\]—–]/;
// Words that start a new clause inside a sentence: "does not support Zigbee but supports Thread".
const SCOPE_BREAK_WORDS = new Set(['but', 'however', 'although', 'though', 'whereas', 'while', 'yet', 'unless', 'except', 'because']);

/**
 * Keys of content tokens that a negation governs everywhere they occur. The scope stops at clause punctuation,
 * and a key also stated outside any negation ("needs 2.4 GHz; cannot join 5 GHz networks") is not negated.
 * `text` is what the token offsets point into.
 */
export function negatedKeys(tokens: readonly Token[], text: string): Set<string> {
  const inScope = new Set<string>();
  const covered = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isNegator(tokens[i]!.norm) || negatesNoStatement(tokens, i, text)) continue;
    // A negated auxiliary ("aren't", "cannot") follows its subject, which it does not negate: "these scenes
    // aren't exciting" says nothing against "these scenes are edited out".
    const before = isNegatedAuxiliary(tokens[i]!.norm) ? 0 : SCOPE_BEFORE;
    for (let j = i - 1; j >= Math.max(0, i - before); j--) {
      if (SCOPE_BREAK_RE.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) break;
      covered.add(j);
    }
    for (let j = i + 1; j <= i + SCOPE_AFTER && j < tokens.length; j++) {
      if (SCOPE_BREAK_RE.test(text.slice(tokens[j - 1]!.end, tokens[j]!.start)) || SCOPE_BREAK_WORDS.has(tokens[j]!.norm)) break;
      covered.add(j);
    }
  }
  if (covered.size === 0) return inScope;
  const outside = new Set<string>();
  for (let j = 0; j < tokens.length; j++) {
    const t = tokens[j]!;
    if (isNegator(t.norm) || !isContent(t)) continue;
    (covered.has(j) ? inScope : outside).add(tokenKey(t));
  }
  for (const k of outside) inScope.delete(k);
  return inScope;
}

// "not all planets are round", "not only X but Y", "no other species is as famous", "but not whether": the
// negation bears on a quantifier or a comparison, not on the words after it, which the sentence still states.
const QUANTIFIED = new Set(['all', 'every', 'always', 'only', 'just', 'merely', 'simply', 'necessarily', 'whether', 'other', 'exactly']);
// "If the Earth didn't spin, it would be round", "were it not for the law of ...", "unless it is not ...": a
// negation inside a condition states nothing about how things are.
const CONDITIONAL = new Set(['if', 'unless', 'whether', 'were']);

/** Whether the negator at i negates no stated fact: it bears on a quantifier, or sits in a condition. */
function negatesNoStatement(tokens: readonly Token[], i: number, text: string): boolean {
  const next = tokens[i + 1];
  if (next && QUANTIFIED.has(next.norm) && !SCOPE_BREAK_RE.test(text.slice(tokens[i]!.end, next.start))) return true;
  for (let j = i - 1; j >= 0 && j >= i - SCOPE_AFTER; j--) {
    if (SCOPE_BREAK_RE.test(text.slice(tokens[j]!.end, tokens[j + 1]!.start))) break;
    if (CONDITIONAL.has(tokens[j]!.norm)) return true;
  }
  return false;
}

const isNegatedAuxiliary = (norm: string): boolean => norm === 'cannot' || norm.endsWith("n't");

export function sentenceNegatedKeys(s: EvidenceSentence, docText: string): Set<string> {
  s.lazy.negatedKeys ??= negatedKeys(s.tokens, docText);
  return s.lazy.negatedKeys;
}

/**
 * The tokens of the line of an evidence sentence that states what the claim restates, or null when that line
 * asks a question. Retrieved documents glue a title line to their first sentence ("Why Don't TV Chefs Wash
 * Their Hands? (site)\nIn fact ..."), and a question or a title states nothing whose polarity a claim could flip.
 */
export function statingLine(s: EvidenceSentence, docText: string, claimKeys: ReadonlySet<string>): Token[] | null {
  const text = docText.slice(s.start, s.end);
  if (!text.includes('\n')) return QUESTION_LINE.test(text) || TITLE_LINE.test(text) ? null : s.tokens;
  let best: Token[] | null = null;
  let bestHits = -1;
  let from = s.start;
  for (const part of text.split('\n')) {
    const to = from + part.length;
    if (!QUESTION_LINE.test(part) && !TITLE_LINE.test(part)) {
      const own = s.tokens.filter((t) => t.start >= from && t.end <= to);
      const hits = own.filter((t) => claimKeys.has(tokenKey(t))).length;
      if (own.length > 0 && hits > bestHits) {
        best = own;
        bestHits = hits;
      }
    }
    from = to + 1;
  }
  return best;
}

// "Why Don't TV Chefs Wash Their Hands?" (also with a full-width question mark, or the site after it).
const QUESTION_LINE = /[?\uFF1F]\s*(?:\([^()]*\))?\s*$/;
// A retrieved page's title line ends with its site: "5 Reasons You Should Worry ... | WBUR News (www.wbur.org)".
const TITLE_LINE = /\((?:www\.)?[\w-]+(?:\.[\w-]+)+\)\s*$/;

/** Lowercased forms and stems of every token, for antonym checks (which involve stopwords like "before"). */
export function sentenceWords(s: EvidenceSentence): Set<string> {
  if (!s.lazy.words) {
    const words = new Set<string>();
    for (const t of s.tokens) {
      words.add(t.norm);
      words.add(t.stem);
    }
    s.lazy.words = words;
  }
  return s.lazy.words;
}

/** Each content key's first place among the sentence's content keys, for reading word order. */
export function sentenceKeyPlaces(s: EvidenceSentence): ReadonlyMap<string, number> {
  if (!s.lazy.firstAt) {
    const firstAt = new Map<string, number>();
    s.contentKeys.forEach((k, i) => {
      if (!firstAt.has(k)) firstAt.set(k, i);
    });
    s.lazy.firstAt = firstAt;
  }
  return s.lazy.firstAt;
}

export function sentenceVector(s: EvidenceSentence): NgramVector {
  s.lazy.vector ??= ngramVector(s.tokens.filter(isContent).map((t) => t.norm));
  return s.lazy.vector;
}

/** Whether keys a and b occur at most `gap` content tokens apart in some evidence sentence. */
export function nearInEvidence(index: EvidenceIndex, a: string, b: string, gap = 2): boolean {
  const pa = index.postings.get(a);
  const pb = index.postings.get(b);
  if (!pa || !pb) return false;
  // Walk the two ascending posting lists together; only shared sentences are scanned.
  let i = 0;
  let j = 0;
  let scanned = 0;
  while (i < pa.length && j < pb.length && scanned < MAX_PAIR_SCAN) {
    if (pa[i]! < pb[j]!) i++;
    else if (pa[i]! > pb[j]!) j++;
    else {
      scanned++;
      const keys = index.sentences[pa[i]!]!.contentKeys;
      for (let x = 0; x < keys.length; x++) {
        if (keys[x] !== a) continue;
        for (let y = Math.max(0, x - gap); y <= x + gap && y < keys.length; y++) if (y !== x && keys[y] === b) return true;
      }
      i++;
      j++;
    }
  }
  return false;
}
