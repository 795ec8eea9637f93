import { maskMarkup, splitSentences } from '../../../text/sentences';
import { contentTokens, numberWordValue, tokenize, type Token } from '../../../text/tokenize';
import { isNegator } from './lexicon';
import { ngramVector, type NgramVector } from './char-ngrams';

/** One text that claims may be checked against: a record context or a KB chunk. */
export interface EvidenceDoc {
  source: 'context' | 'kb';
  /** Context index (as a string) or KB chunk id. */
  ref: string;
  text: string;
}

export interface EvidenceSentence {
  doc: number;
  start: number;
  end: number;
  /** Match keys of the sentence's content tokens (see `tokenKey`). */
  keys: Set<string>;
  /** Lowercased forms and stems of every token, for antonym checks (which involve stopwords like "before"). */
  words: Set<string>;
  negated: boolean;
  contentWords: string[];
  vector?: NgramVector;
}

export interface EvidenceIndex {
  docs: EvidenceDoc[];
  sentences: EvidenceSentence[];
  /** Content key -> indices of the sentences containing it. */
  postings: Map<string, number[]>;
  /** "a\u0001b" for content keys at most two content tokens apart in one sentence, both orders. */
  pairs: Set<string>;
  /** Notes on what was cut to keep the work bounded. */
  notes: string[];
}

export interface EvidenceLimits {
  maxCharsPerDoc: number;
  maxSentences: number;
}

/** How a token is matched: numbers by value (spelled-out numbers included), words by stem. */
export function tokenKey(t: Token): string {
  return t.kind === 'number' ? t.norm : (numberWordValue(t.norm) ?? t.stem);
}

export function buildEvidenceIndex(docs: EvidenceDoc[], limits: EvidenceLimits): EvidenceIndex {
  const index: EvidenceIndex = { docs, sentences: [], postings: new Map(), pairs: new Set(), notes: [] };
  for (let d = 0; d < docs.length; d++) {
    const doc = docs[d]!;
    let text = doc.text;
    if (text.length > limits.maxCharsPerDoc) {
      index.notes.push(`${doc.source} ${doc.ref}: checked the first ${limits.maxCharsPerDoc} of ${text.length} characters`);
      text = text.slice(0, limits.maxCharsPerDoc);
    }
    const tokens = tokenize(maskMarkup(text));
    let t = 0;
    for (const seg of splitSentences(text)) {
      if (index.sentences.length >= limits.maxSentences) {
        index.notes.push(`evidence capped at ${limits.maxSentences} sentences`);
        return index;
      }
      while (t < tokens.length && tokens[t]!.start < seg.start) t++;
      const inSentence: Token[] = [];
      while (t < tokens.length && tokens[t]!.end <= seg.end) inSentence.push(tokens[t++]!);
      addSentence(index, d, seg.start, seg.end, inSentence);
    }
  }
  return index;
}

function addSentence(index: EvidenceIndex, doc: number, start: number, end: number, tokens: Token[]): void {
  const content = contentTokens(tokens);
  const keys = content.map(tokenKey);
  const id = index.sentences.length;
  const words = new Set<string>();
  let negated = false;
  for (const tok of tokens) {
    words.add(tok.norm);
    words.add(tok.stem);
    if (isNegator(tok.norm)) negated = true;
  }
  const keySet = new Set(keys);
  for (const k of keySet) {
    const list = index.postings.get(k);
    if (list) list.push(id);
    else index.postings.set(k, [id]);
  }
  for (let i = 0; i < keys.length; i++) {
    for (let j = i + 1; j <= i + 2 && j < keys.length; j++) {
      index.pairs.add(`${keys[i]}\u0001${keys[j]}`);
      index.pairs.add(`${keys[j]}\u0001${keys[i]}`);
    }
  }
  index.sentences.push({ doc, start, end, keys: keySet, words, negated, contentWords: content.map((c) => c.norm) });
}

/** The sentence's trigram vector, built on first use (only candidate sentences ever need one). */
export function sentenceVector(s: EvidenceSentence): NgramVector {
  s.vector ??= ngramVector(s.contentWords);
  return s.vector;
}
