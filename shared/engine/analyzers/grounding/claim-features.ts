import { contentTokens, type Token } from '../../../text/tokenize';
import { cosine, ngramVector } from './char-ngrams';
import { sentenceVector, tokenKey, type EvidenceIndex } from './evidence';
import { antonymsOf, isNegator } from './lexicon';

/** Feature names in model order; every feature is in [0,1]. */
export const FEATURE_NAMES = [
  'coverage', 'localCoverage', 'pairCoverage', 'similarity', 'entityMiss', 'numberMiss', 'negationMismatch',
  'antonymConflict', 'novelty',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];
export type Features = Record<FeatureName, number>;

export type IssueKind = 'entity' | 'number' | 'negation' | 'antonym' | 'unsupported-words';

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
}

const CANDIDATES = 5;
// A key in more sentences than this is too common to help pick candidates (bounds work on huge evidence).
const MAX_POSTINGS = 2000;
const NOVELTY_CAP = 4;

/** Scores one claim's tokens against the evidence; `given` holds question keys the claim may repeat freely. */
export function analyzeClaim(tokens: readonly Token[], index: EvidenceIndex, given: ReadonlySet<string>): ClaimAnalysis {
  const content = contentTokens(tokens);
  const capitalized = content.filter((t) => /^\p{Lu}/u.test(t.text));
  // In title case or all caps, capitals say nothing about names.
  const entityTokens = capitalized.length >= 4 && capitalized.length > 0.8 * content.length ? [] : capitalized;
  const issues: ClaimIssue[] = [];

  const keys = new Map<string, Token>();
  for (const t of content) if (!keys.has(tokenKey(t))) keys.set(tokenKey(t), t);
  let supported = 0;
  const novel: Token[] = [];
  for (const [k, t] of keys) {
    if (index.postings.has(k)) supported++;
    else if (!given.has(k)) novel.push(t);
  }
  const checkable = supported + novel.length;

  const missing = (t: Token): boolean => !index.postings.has(tokenKey(t)) && !given.has(tokenKey(t));
  const missEntities = entityTokens.filter(missing);
  const numbers = content.filter((t) => t.kind === 'number' || tokenKey(t) !== t.stem);
  const missNumbers = numbers.filter(missing);
  for (const t of missEntities) issues.push({ kind: 'entity', text: t.text, start: t.start, end: t.end });
  for (const t of missNumbers) issues.push({ kind: 'number', text: t.text, start: t.start, end: t.end });

  const checkKeys = [...keys.keys()].filter((k) => index.postings.has(k) || !given.has(k));
  const { best, localCoverage, similarity } = bestSentence([...keys.keys()], checkKeys, content, index);
  const sentence = best >= 0 ? index.sentences[best] : undefined;

  let negationMismatch = 0;
  let antonymConflict = 0;
  if (sentence && localCoverage >= 0.5) {
    const negator = tokens.find((t) => isNegator(t.norm));
    if ((negator !== undefined) !== sentence.negated) {
      negationMismatch = 1;
      issues.push(negator
        ? { kind: 'negation', text: negator.text, start: negator.start, end: negator.end }
        : { kind: 'negation', text: 'claim is affirmative where the evidence is negated' });
    }
    for (const t of tokens) {
      const opposite = [...(antonymsOf(t.stem) ?? [])].find((a) => sentence.words.has(a));
      if (opposite && !sentence.words.has(t.stem) && !sentence.words.has(t.norm)) {
        antonymConflict = 1;
        issues.push({ kind: 'antonym', text: t.text, start: t.start, end: t.end, evidence: opposite });
        break;
      }
    }
  }
  const nonEntityNovel = novel.filter((t) => !missEntities.includes(t) && !missNumbers.includes(t));
  if (nonEntityNovel.length > 0) {
    issues.push({ kind: 'unsupported-words', text: nonEntityNovel.map((t) => t.text).join(', ') });
  }

  const coverage = checkable === 0 ? 1 : supported / checkable;
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
    },
    issues,
    best,
    contradicted: negationMismatch + antonymConflict > 0,
  };
}

/** Share of neighbouring content-word pairs in the claim that also sit near each other in one evidence sentence. */
function pairCoverage(content: Token[], index: EvidenceIndex, given: ReadonlySet<string>, fallback: number): number {
  const keys = content.map(tokenKey).filter((k) => index.postings.has(k) || !given.has(k));
  if (keys.length < 2) return fallback;
  let found = 0;
  for (let i = 0; i + 1 < keys.length; i++) if (index.pairs.has(`${keys[i]}\u0001${keys[i + 1]}`)) found++;
  return found / (keys.length - 1);
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
    if (!list || list.length > MAX_POSTINGS) continue;
    const idf = Math.log(1 + n / list.length);
    for (const s of list) score.set(s, (score.get(s) ?? 0) + idf);
  }
  const candidates = [...score.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, CANDIDATES);
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
    if (cov + sim > bestScore) {
      bestScore = cov + sim;
      best = s;
      localCoverage = cov;
      similarity = sim;
    }
  }
  return { best, localCoverage, similarity };
}
