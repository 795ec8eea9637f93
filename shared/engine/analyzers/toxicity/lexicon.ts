/**
 * Finds lexicon words and phrases in normalized text (see shared/text/normalize). Word lookup tolerates
 * doubled letters ("fuuck"), masked letters ("f*ck", "sh#t") and stems inside compounds ("clusterfuck").
 * Insults right after "you"/"your" weigh more: "you idiot" is an attack, "idiot-proof" is not.
 */
import {
  CONTAINED_STEMS,
  INNOCENT_BIGRAMS,
  INNOCENT_PREVIOUS,
  STEM_EXCEPTIONS,
  WORD_LIST,
  type ToxicityCategory,
} from './lexicon-words';
import { PHRASES as ABUSE_PHRASES } from './lexicon-phrases';
import { HARM_PHRASES } from './lexicon-harm-phrases';

const PHRASES = [...ABUSE_PHRASES, ...HARM_PHRASES];

export type CategoryWeights = Partial<Record<ToxicityCategory, number>>;

/** One match, in offsets of the normalized text. */
export interface LexiconHit {
  start: number;
  end: number;
  term: string;
  weights: CategoryWeights;
}

const dedupe = (s: string): string => s.replace(/([a-z])\1+/g, '$1');

// De-doubled forms that are ordinary words ("nigger" -> "niger", "boobs" -> "bobs", "coons" -> "cons").
const LOOSE_BLOCK = new Set(['niger', 'nigers', 'bobs', 'cons', 'bugers', 'ases']);

function merge(into: CategoryWeights, from: CategoryWeights): void {
  for (const [cat, w] of Object.entries(from) as [ToxicityCategory, number][]) into[cat] = Math.max(into[cat] ?? 0, w);
}

const exact = new Map<string, CategoryWeights>();
for (const [cat, weight, words] of WORD_LIST) {
  for (const word of words.split(' ')) {
    const entry = exact.get(word) ?? {};
    merge(entry, { [cat]: weight });
    exact.set(word, entry);
  }
}
const loose = new Map<string, CategoryWeights>();
for (const [word, entry] of exact) {
  const d = dedupe(word);
  if (d.length >= 4 && !LOOSE_BLOCK.has(d) && !exact.has(d)) loose.set(d, { ...(loose.get(d) ?? {}), ...entry });
}
const byLength = new Map<number, string[]>();
for (const word of exact.keys()) byLength.set(word.length, [...(byLength.get(word.length) ?? []), word]);

const topWeight = (w: CategoryWeights): number => Math.max(0, ...Object.values(w));

/** "f*ck", "sh#t", "a**hole": the listed word of the same length that agrees on every visible letter. */
function wildcardLookup(token: string): CategoryWeights | undefined {
  let visible = 0;
  for (const c of token) if (c !== '*' && c !== '#') visible++;
  if (visible < 2 || visible === token.length) return undefined;
  let best: CategoryWeights | undefined;
  for (const word of byLength.get(token.length) ?? []) {
    let ok = true;
    for (let i = 0; i < token.length && ok; i++) ok = token[i] === '*' || token[i] === '#' || token[i] === word[i];
    const entry = exact.get(word)!;
    if (ok && (!best || topWeight(entry) > topWeight(best))) best = entry;
  }
  return best;
}

// Tokens repeat within and across texts; lookups are pure, so their results are kept (bounded).
const lookupCache = new Map<string, CategoryWeights | null>();

function lookupWord(key: string): CategoryWeights | undefined {
  let found = lookupCache.get(key);
  if (found === undefined) {
    found = computeLookup(key) ?? null;
    if (lookupCache.size >= 50_000) lookupCache.clear();
    lookupCache.set(key, found);
  }
  return found ?? undefined;
}

function computeLookup(key: string): CategoryWeights | undefined {
  if (key.length > 60) return undefined;
  if (key.includes('*') || key.includes('#')) return wildcardLookup(key);
  const found: CategoryWeights = { ...(exact.get(key) ?? loose.get(dedupe(key)) ?? {}) };
  if (!STEM_EXCEPTIONS.has(key)) {
    const d = dedupe(key);
    for (const [cat, weight, stem] of CONTAINED_STEMS) if (key.includes(stem) || d.includes(stem)) merge(found, { [cat]: weight });
  }
  return Object.keys(found).length > 0 ? found : undefined;
}

const TOKEN = /[a-z]+(?:[*#']+[a-z]+)*\**/g;
const ADDRESSEE = new Set(['you', 'u', 'ur', 'youre', 'your', 'ya', 'yo', 'ye', 'thou', 'yall']);
// An insult after "you" is directed: its weight w becomes 1 - (1 - w) * 0.35.
const DIRECTED_KEEP = 0.35;

function matchWords(text: string, hits: LexiconHit[]): void {
  const tokens: { key: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(TOKEN)) tokens.push({ key: m[0].replace(/'/g, ''), start: m.index, end: m.index + m[0].length });
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const cached = lookupWord(tok.key);
    if (!cached) continue;
    const weights = { ...cached }; // the directed-insult boost below must not change the cached entry
    const prev = tokens[i - 1]?.key;
    const next = tokens[i + 1]?.key;
    if ((prev !== undefined && INNOCENT_PREVIOUS.has(prev)) || (next !== undefined && INNOCENT_BIGRAMS.has(`${tok.key} ${next}`))) continue;
    const insult = weights.insult;
    if (insult !== undefined) {
      for (let k = Math.max(0, i - 3); k < i; k++) {
        if (ADDRESSEE.has(tokens[k]!.key)) {
          weights.insult = 1 - (1 - insult) * DIRECTED_KEEP;
          // An insult aimed at the person addressed is harassment as well as an insult.
          weights.harassment = weights.insult;
          break;
        }
      }
    }
    hits.push({ start: tok.start, end: tok.end, term: text.slice(tok.start, tok.end), weights });
  }
}

// All trigger strings in one pattern: one scan tells which phrase patterns are worth running.
const ALL_TRIGGERS = [...new Set(PHRASES.flatMap((p) => p.triggers))].sort((a, b) => b.length - a.length);
const TRIGGERS = new RegExp(ALL_TRIGGERS.join('|'), 'g');

// How far back a refusal may stand and still govern a match ("I can't tell you how to make a bomb").
const SENTENCE_REACH = 80;

/** The text of the match's sentence before the match, at most SENTENCE_REACH characters. */
function sentenceBefore(text: string, at: number): string {
  const from = Math.max(0, at - SENTENCE_REACH);
  const before = text.slice(from, at);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf('!'), before.lastIndexOf('?'), before.lastIndexOf('\n'));
  return cut >= 0 ? before.slice(cut + 1) : before;
}

function matchPhrases(text: string, hits: LexiconHit[]): void {
  const present = new Set<string>();
  // Restart one character after each match so overlapping triggers ("yours" and "self" in "yourself") are
  // all seen; a shorter trigger starting at the same place ("you" in "yours") is added from the match.
  TRIGGERS.lastIndex = 0;
  for (let m = TRIGGERS.exec(text); m; m = TRIGGERS.exec(text)) {
    present.add(m[0]);
    TRIGGERS.lastIndex = m.index + 1;
  }
  for (const found of [...present]) for (const t of ALL_TRIGGERS) if (t.length < found.length && found.includes(t)) present.add(t);
  if (present.size === 0) return;
  for (const phrase of PHRASES) {
    if (!phrase.triggers.some((t) => present.has(t))) continue;
    phrase.re.lastIndex = 0;
    for (const m of text.matchAll(phrase.re)) {
      if (phrase.unless && phrase.unless.test(sentenceBefore(text, m.index))) continue;
      const weights: CategoryWeights = {};
      for (const [cat, w] of phrase.cats) weights[cat] = w;
      hits.push({ start: m.index, end: m.index + m[0].length, term: m[0], weights });
    }
  }
}

/** Every lexicon word and phrase in normalized text, in order of position. */
export function matchLexicon(normalized: string): LexiconHit[] {
  const hits: LexiconHit[] = [];
  matchWords(normalized, hits);
  matchPhrases(normalized, hits);
  return hits.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The label of a hit: its strongest category. */
export function hitLabel(hit: LexiconHit): ToxicityCategory {
  let best: ToxicityCategory = 'profanity';
  let bestW = -1;
  for (const [cat, w] of Object.entries(hit.weights) as [ToxicityCategory, number][]) {
    if (w > bestW) {
      best = cat;
      bestW = w;
    }
  }
  return best;
}
