import { contentTokens, numberWordValue, type Token } from '../../../text/tokenize';
import { cosine, ngramVector } from './char-ngrams';
import {
  isContent, nearInEvidence, negatedKeys, sentenceKeyPlaces, sentenceNegatedKeys, sentenceVector, sentenceWords, statingLine, tokenKey, type EvidenceIndex,
  type EvidenceSentence,
} from './evidence';
import { slotConflicts, type SlotConflict } from './conflicts';
import { antonymsOf, isNegator } from './lexicon';

/** Feature names in model order; every feature is in [0,1]. */
export const FEATURE_NAMES = [
  'coverage', 'localCoverage', 'pairCoverage', 'similarity', 'entityMiss', 'numberMiss', 'negationMismatch',
  'antonymConflict', 'novelty', 'orderAgreement',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export type IssueKind = 'entity' | 'number' | 'number-conflict' | 'entity-conflict' | 'negation' | 'antonym' | 'unsupported-words';

/** Why a claim looks unsupported, with the offending token's offsets in the output where there is one. */
export interface ClaimIssue {
  kind: IssueKind;
  text: string;
  start?: number;
  end?: number;
  evidence?: string;
}

export interface ClaimAnalysis {
  /** Distinct content keys that could be checked (question words absent from the evidence are not counted). */
  checkable: number;
  features: Features;
  issues: ClaimIssue[];
  /** Index of the best-matching evidence sentence, or -1. */
  best: number;
  contradicted: boolean;
  /** Numbers or names the aligned evidence sentence states differently in the same slot. */
  conflicts: SlotConflict[];
}

const CANDIDATES = 3;
// Sentences read per claim word when picking candidates: bounds the work on huge evidence, where a common
// word's list is cut to its first entries (rare words, the ones that decide, are read in full).
const MAX_POSTINGS = 500;
const NOVELTY_CAP = 4;
const HEADING_PENALTY = 0.5;
// Share of an evidence line's content words a claim must restate for a negation only that line states to
// contradict it (see polarity).
const RESTATED_SHARE = 0.75;
// Claim words whose order is compared (pairs grow with the square): a claim is a clause, a run-on one is cut.
const MAX_ORDER_WORDS = 64;

/** What the caller knows about the claim's surroundings. */
export interface ClaimContext {
  /** Question keys the claim may repeat freely. */
  given: ReadonlySet<string>;
  /** Question keys: a name the user asked about ("my Motion Sensor") is not counted as an invented name. */
  asked: ReadonlySet<string>;
  /** The text the token offsets point into (the whole output). */
  text: string;
  /** Whether a capitalised token names something (see `names.ts`); sentence-initial words mostly do not. */
  isName: (t: Token) => boolean;
}

/** Scores one claim's tokens against the evidence. */
export function analyzeClaim(tokens: readonly Token[], index: EvidenceIndex, claim: ClaimContext): ClaimAnalysis {
  const { given } = claim;
  const content = contentTokens(tokens).filter(isContent);
  const entityTokens = capitalsAreNames(tokens) ? content.filter(claim.isName) : [];
  const issues: ClaimIssue[] = [];

  const keys = new Map<string, Token>();
  for (const t of content) if (!keys.has(tokenKey(t))) keys.set(tokenKey(t), t);
  let supported = 0;
  let novel: Token[] = [];
  for (const [k, t] of keys) {
    if (index.postings.has(k)) supported++;
    else if (!given.has(k)) novel.push(t);
  }
  const checkable = supported + novel.length;
  const checkKeys = [...keys.keys()].filter((k) => index.postings.has(k) || !given.has(k));
  const found = bestSentence([...keys.keys()], checkKeys, content, index);
  const sentence = found.best >= 0 ? index.sentences[found.best] : undefined;
  const evidenceText = sentence ? index.docs[sentence.doc]!.text : '';
  const { negationMismatch, antonymConflict, agreeing } = polarity(tokens, claim.text, sentence, evidenceText, found.localCoverage, issues);
  let localCoverage = found.localCoverage;
  const agreed = agreeing ? tokenKey(agreeing) : undefined;
  if (agreed !== undefined && novel.some((t) => tokenKey(t) === agreed)) {
    supported++;
    novel = novel.filter((t) => tokenKey(t) !== agreed);
    localCoverage = Math.min(1, localCoverage + 1 / Math.max(1, checkKeys.length));
  }

  const missing = (t: Token): boolean => !index.postings.has(tokenKey(t)) && !given.has(tokenKey(t)) && tokenKey(t) !== agreed;
  const missEntities = entityTokens.filter((t) => missing(t) && !claim.asked.has(tokenKey(t)));
  const numbers = content.filter((t) => t.kind === 'number' || numberWordValue(t.norm) !== undefined);
  const missNumbers = numbers.filter(missing);
  const conflicts = sentence !== undefined && sentence.kind !== 'heading' ? slotConflicts(tokens, missing, (t) => entityTokens.includes(t), sentence) : [];
  const conflicting = new Set(conflicts.map((c) => c.claim));
  for (const c of conflicts) {
    issues.push({ kind: `${c.kind}-conflict`, text: c.claim.text, start: c.claim.start, end: c.claim.end, evidence: c.evidence.text });
  }
  for (const t of missEntities) if (!conflicting.has(t)) issues.push({ kind: 'entity', text: t.text, start: t.start, end: t.end });
  for (const t of missNumbers) if (!conflicting.has(t)) issues.push({ kind: 'number', text: t.text, start: t.start, end: t.end });
  const reported = new Set([...missEntities, ...missNumbers].map(tokenKey));
  const nonEntityNovel = novel.filter((t) => !reported.has(tokenKey(t)));
  if (nonEntityNovel.length > 0) {
    issues.push({ kind: 'unsupported-words', text: nonEntityNovel.map((t) => t.text).join(', ') });
  }

  const coverage = checkable === 0 ? 1 : supported / checkable;
  const similarity = found.similarity;
  const best = found.best;
  return {
    checkable,
    features: {
      coverage,
      localCoverage,
      pairCoverage: pairCoverage(content, index, given, coverage),
      similarity,
      entityMiss: entityTokens.length === 0 ? 0 : missEntities.length / entityTokens.length,
      numberMiss: numbers.length === 0 ? 0 : missNumbers.length / numbers.length,
      negationMismatch,
      antonymConflict,
      novelty: Math.min(novel.length, NOVELTY_CAP) / NOVELTY_CAP,
      orderAgreement: sentence ? orderAgreement(content, sentence) : 1,
    },
    issues,
    best,
    contradicted: negationMismatch + antonymConflict > 0 || conflicts.length > 0,
    conflicts,
  };
}

/**
 * In title case or all caps, capitals say nothing about names. Function words give it away: "Served As
 * Attorney General Of California" capitalises "As" and "Of", a sentence full of names does not.
 */
function capitalsAreNames(tokens: readonly Token[]): boolean {
  const words = tokens.filter((t) => t.kind === 'word');
  if (words.length < 4) return true;
  const upper = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  const shouted = words.filter((t) => t.text.length > 1 && t.text === t.text.toUpperCase()).length;
  return upper <= 0.8 * words.length && shouted <= 0.8 * words.length;
}

interface Polarity {
  negationMismatch: number;
  antonymConflict: number;
  /** A claim word whose opposite the evidence negates ("forbidden" vs "not allowed"): it counts as found. */
  agreeing?: Token;
}

/**
 * Polarity conflicts with the aligned evidence sentence: a word the claim negates and the evidence states, or a
 * word whose opposite the evidence uses. A negation and an opposite at once agree ("not allowed" vs "forbidden").
 */
function polarity(
  tokens: readonly Token[],
  claimText: string,
  sentence: EvidenceSentence | undefined,
  evidenceText: string,
  localCoverage: number,
  issues: ClaimIssue[],
): Polarity {
  if (!sentence || localCoverage < 0.5 || sentence.kind === 'heading') return { negationMismatch: 0, antonymConflict: 0 };
  const claimKeys = new Set(tokens.map(tokenKey));
  const stated = statingLine(sentence, evidenceText, claimKeys);
  if (!stated) return { negationMismatch: 0, antonymConflict: 0 };
  const whole = stated === sentence.tokens;
  const claimNegated = negatedKeys(tokens, claimText);
  const evidenceNegated = whole ? sentenceNegatedKeys(sentence, evidenceText) : negatedKeys(stated, evidenceText);
  const words = whole ? sentenceWords(sentence) : new Set(stated.flatMap((t) => [t.norm, t.stem]));
  const evidenceKeys = whole ? sentence.keys : new Set(stated.filter(isContent).map(tokenKey));
  let claimSide = false;
  let evidenceSide = false;
  for (const k of evidenceKeys) {
    if (!claimKeys.has(k)) continue;
    if (claimNegated.has(k)) claimSide = true;
    if (evidenceNegated.has(k)) evidenceSide = true;
  }
  const negationFlip = claimSide !== evidenceSide;
  let opposite: { token: Token; antonym: string } | undefined;
  const claimWords = new Set(tokens.flatMap((t) => [t.norm, t.stem]));
  for (const t of tokens) {
    // An opposite the claim itself also uses is no conflict ("cannot be added, so remove it").
    const a = [...(antonymsOf(t.stem) ?? [])].find((x) => words.has(x) && !claimWords.has(x));
    if (a && !words.has(t.stem) && !words.has(t.norm)) {
      opposite = { token: t, antonym: a };
      break;
    }
  }
  if (negationFlip && opposite) return { negationMismatch: 0, antonymConflict: 0, agreeing: opposite.token };
  // An evidence sentence negating a word the claim states affirmatively counts only when the claim restates most
  // of that sentence ("Guests are allowed to smoke" vs "Guests are not allowed to smoke"). In 1.6.0 it always
  // counted and was right in 32% of the long-form answers and 69% of the summaries (base rate 65%) it fired on:
  // evidence sentences say more than the claim, and their negation often governs a part the claim does not
  // restate ("it is not the fracking process itself ...; it is the rapid injection of fluid").
  if (negationFlip && !claimSide && restated(evidenceKeys, claimKeys) < RESTATED_SHARE) return { negationMismatch: 0, antonymConflict: 0 };
  if (negationFlip) {
    const negator = tokens.find((t) => isNegator(t.norm));
    issues.push(claimSide && negator
      ? { kind: 'negation', text: negator.text, start: negator.start, end: negator.end }
      : { kind: 'negation', text: 'claim is affirmative where the evidence is negated' });
    return { negationMismatch: 1, antonymConflict: 0 };
  }
  if (opposite) {
    const t = opposite.token;
    const said = stated.find((e) => e.stem === opposite.antonym || e.norm === opposite.antonym);
    issues.push({ kind: 'antonym', text: t.text, start: t.start, end: t.end, evidence: said?.text ?? opposite.antonym });
    return { negationMismatch: 0, antonymConflict: 1 };
  }
  return { negationMismatch: 0, antonymConflict: 0 };
}

/**
 * Share of the pairs of claim words found in the aligned evidence sentence that it states in the same order:
 * "A acquired B" read against "B acquired A" keeps every word but reverses the relation (0 here). A claim
 * with fewer than two of its words in that sentence has no order to compare (1).
 */
function orderAgreement(content: readonly Token[], sentence: EvidenceSentence): number {
  // Each word at its first place in the sentence, taken in the claim's order (a repeated claim word once).
  const firstAt = sentenceKeyPlaces(sentence);
  const places: number[] = [];
  const seen = new Set<string>();
  for (const t of content) {
    if (places.length === MAX_ORDER_WORDS) break;
    const k = tokenKey(t);
    if (seen.has(k)) continue;
    seen.add(k);
    const at = firstAt.get(k);
    if (at !== undefined) places.push(at);
  }
  let pairs = 0;
  let inOrder = 0;
  for (let i = 0; i < places.length; i++) {
    for (let j = i + 1; j < places.length; j++) {
      pairs++;
      if (places[i]! < places[j]!) inOrder++;
    }
  }
  return pairs === 0 ? 1 : inOrder / pairs;
}

/** Share of the evidence line's content words that the claim restates. */
function restated(evidenceKeys: ReadonlySet<string>, claimKeys: ReadonlySet<string>): number {
  let hit = 0;
  for (const k of evidenceKeys) if (claimKeys.has(k)) hit++;
  return evidenceKeys.size === 0 ? 0 : hit / evidenceKeys.size;
}

/** Share of neighbouring content-word pairs in the claim that also sit near each other in one evidence sentence. */
function pairCoverage(content: Token[], index: EvidenceIndex, given: ReadonlySet<string>, fallback: number): number {
  const keys = content.map(tokenKey).filter((k) => index.postings.has(k) || !given.has(k));
  if (keys.length < 2) return fallback;
  let found = 0;
  for (let i = 0; i + 1 < keys.length; i++) if (nearInEvidence(index, keys[i]!, keys[i + 1]!)) found++;
  return found / (keys.length - 1);
}

/** The few highest-scoring sentences (ties to the earlier sentence), in one pass without sorting them all. */
function topCandidates(score: Map<number, number>): Array<[number, number]> {
  const top: Array<[number, number]> = [];
  for (const entry of score) {
    if (top.length === CANDIDATES && !better(entry, top[CANDIDATES - 1]!)) continue;
    top.push(entry);
    top.sort((a, b) => (better(a, b) ? -1 : 1));
    if (top.length > CANDIDATES) top.pop();
  }
  return top;
}

function better(a: [number, number], b: [number, number]): boolean {
  return a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
}

/** Picks the evidence sentence sharing the rarest claim words, then ranks a few by coverage plus similarity. */
function bestSentence(
  keys: string[],
  checkKeys: string[],
  content: Token[],
  index: EvidenceIndex,
): { best: number; localCoverage: number; similarity: number } {
  const n = index.sentences.length;
  const score = new Map<number, number>();
  for (const k of keys) {
    const list = index.postings.get(k);
    if (!list) continue;
    const idf = Math.log(1 + n / list.length);
    const m = Math.min(list.length, MAX_POSTINGS);
    for (let i = 0; i < m; i++) score.set(list[i]!, (score.get(list[i]!) ?? 0) + idf);
  }
  const candidates = topCandidates(score);
  if (candidates.length === 0 || keys.length === 0) return { best: -1, localCoverage: 0, similarity: 0 };
  const claimVector = ngramVector(content.map((t) => t.norm));
  let best = -1;
  let bestScore = -1;
  let localCoverage = 0;
  let similarity = 0;
  for (const [s] of candidates) {
    const sentence = index.sentences[s]!;
    let hit = 0;
    for (const k of checkKeys) if (sentence.keys.has(k)) hit++;
    const cov = checkKeys.length === 0 ? 1 : hit / checkKeys.length;
    const sim = cosine(claimVector, sentenceVector(sentence));
    // A heading only names a topic ("## Postponing an update"): a body sentence with the same words is the
    // better evidence to read the claim against.
    const rank = cov + sim - (sentence.kind === 'heading' ? HEADING_PENALTY : 0);
    if (rank > bestScore) {
      bestScore = rank;
      best = s;
      localCoverage = cov;
      similarity = sim;
    }
  }
  return { best, localCoverage, similarity };
}
