import { HashedCounts, toUnitVector, type SparseVector } from './features';
import { findRuleHits, heuristicScore, type RuleHit } from './heuristics';
import type { TextRole } from './rule-types';
import { mostSimilarWindow, type SimilarityMatch } from './similarity';
import { buildView, toSourceRange } from './text-view';

/** The three raw signals for one text, before they are combined (see combine.ts). */
export interface TextSignals {
  /** Noisy-OR of the matched patterns, in [0,1]. */
  heuristic: number;
  hits: RuleHit[];
  /** Best cosine to the attack corpus, with the window's range in the source text. */
  similarity: SimilarityMatch;
  /** Whole-text hashed features for the logistic model (input only; contexts are not modelled). */
  vector: SparseVector | null;
}

const totals = new HashedCounts();

/** Folds the text once and derives every signal from that one view. */
export function extractSignals(source: string, role: TextRole): TextSignals {
  const view = buildView(source);
  const hits = findRuleHits(source, view, role);
  const sim = mostSimilarWindow(view.text, role === 'input' ? totals : undefined);
  const vector = role === 'input' ? toUnitVector(totals.drain()) : null;
  const [start, end] = sim.score > 0 ? toSourceRange(view, source, sim.start, sim.end) : [0, 0];
  return { heuristic: heuristicScore(hits), hits, similarity: { ...sim, start, end }, vector };
}
