/**
 * Toxicity of one text: lexicon hits (explicit words, threats, slurs, obfuscated spellings) combined with
 * the trained model (tone and wording the lexicon does not list). Both are probabilities of "toxic"; they
 * are joined by noisy-OR so either strong signal is enough and two weak ones add up.
 */
import { normalizeWithOffsets, originalRange } from '../../../text/normalize';
import { hitLabel, matchLexicon, type LexiconHit } from './lexicon';
import { TOXICITY_CATEGORIES, type ToxicityCategory } from './lexicon-words';
import { modelScore, type ToxicityLinearModel } from './model';

export type CategoryScores = Record<ToxicityCategory, number>;

/** How bad a category hit is, by its score: the bands auditors triage by (a high threat is looked at first). */
export type Severity = 'none' | 'low' | 'medium' | 'high';

export function severityOf(score: number): Severity {
  return score >= 0.8 ? 'high' : score >= 0.5 ? 'medium' : score >= 0.3 ? 'low' : 'none';
}

export interface ToxicitySpan {
  start: number;
  end: number;
  label: ToxicityCategory;
  score: number;
  term: string;
}

export interface ToxicityScore {
  toxicity: number;
  /** Lexicon part alone (noisy-OR of hits). */
  lexicon: number;
  /** Model part alone (most toxic window); null when the model was not used. */
  model: number | null;
  categories: CategoryScores;
  /** Severity band of each category and of the text as a whole. */
  severity: Record<ToxicityCategory, Severity> & { overall: Severity };
  /** Offending words and phrases, in offsets of the original text. */
  spans: ToxicitySpan[];
}

// How much a category counts toward overall toxicity. Self-harm ideation ("I want to die") is a safety
// signal rather than abuse; telling someone to harm themselves also carries a threat weight, so it counts.
const TOXICITY_SHARE: CategoryScores = { insult: 1, profanity: 1, threat: 1, identity_attack: 1, harassment: 1, sexual: 0.8, self_harm: 0.5, dangerous: 1 };

function emptyCategories(): CategoryScores {
  return { insult: 0, profanity: 0, threat: 0, identity_attack: 0, harassment: 0, sexual: 0, self_harm: 0, dangerous: 0 };
}

function hitToxicity(hit: LexiconHit): number {
  let best = 0;
  for (const cat of TOXICITY_CATEGORIES) best = Math.max(best, (hit.weights[cat] ?? 0) * TOXICITY_SHARE[cat]);
  return best;
}

/** Overall lexicon score of a text's hits: noisy-OR of each hit's strongest (share-weighted) category. */
export function lexiconScore(hits: readonly LexiconHit[]): number {
  let miss = 1;
  for (const hit of hits) miss *= 1 - hitToxicity(hit);
  return 1 - miss;
}

const round = (x: number): number => Math.round(x * 1e4) / 1e4;

/** `model` replaces the shipped weights (leave-one-source-out evaluation trains its own). */
export function scoreToxicity(text: string, useModel = true, model?: ToxicityLinearModel): ToxicityScore {
  const norm = normalizeWithOffsets(text);
  const hits = matchLexicon(norm.text);
  const categoryMiss = emptyCategories();
  for (const cat of TOXICITY_CATEGORIES) categoryMiss[cat] = 1;
  const spans: ToxicitySpan[] = [];
  for (const hit of hits) {
    for (const cat of TOXICITY_CATEGORIES) categoryMiss[cat] *= 1 - (hit.weights[cat] ?? 0);
    const range = originalRange(norm, hit.start, hit.end);
    const label = hitLabel(hit);
    const prev = spans[spans.length - 1];
    if (prev && prev.start === range.start && prev.end === range.end && prev.label === label) continue;
    spans.push({ ...range, label, score: round(hit.weights[label] ?? 0), term: text.slice(range.start, range.end) });
  }
  const categories = emptyCategories();
  for (const cat of TOXICITY_CATEGORIES) categories[cat] = round(1 - categoryMiss[cat]);
  const lexicon = lexiconScore(hits);
  const learned = useModel ? modelScore(norm.text, model) : null;
  const toxicity = 1 - (1 - lexicon) * (1 - (learned ?? 0));
  const severity = { overall: severityOf(toxicity) } as ToxicityScore['severity'];
  for (const cat of TOXICITY_CATEGORIES) severity[cat] = severityOf(categories[cat]);
  return { toxicity: round(toxicity), lexicon: round(lexicon), model: learned === null ? null : round(learned), categories, severity, spans };
}
