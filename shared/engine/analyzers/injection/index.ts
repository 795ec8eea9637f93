import { z } from 'zod';
import type { Analyzer, AnalyzerContext, AnalyzerOutput, Span } from '../../analyzer';
import { combineSignals } from './combine';
import { combiner, modelLogit } from './model';
import type { InjectionLabel, TextRole } from './rule-types';
import { extractSignals } from './signals';
import { TextCache } from '../../../util/text-cache';

export const injectionParams = z.object({
  /** Scan retrieved contexts for indirect injection (documents that talk to the model). */
  scanContexts: z.boolean().default(true),
  /** Patterns weaker than this still count toward the score but are not reported as spans. */
  spanMinWeight: z.number().min(0).max(1).default(0.3),
  /** A window this similar to a known attack is reported as a span. */
  similaritySpanMin: z.number().min(0).max(1).default(0.45),
});
export type InjectionParams = z.output<typeof injectionParams>;

export interface TextVerdict {
  score: number;
  heuristic: number;
  similarity: number;
  /** Null for retrieved contexts, which the model does not score. */
  modelLogit: number | null;
  labels: InjectionLabel[];
  nearestAttack: { category: string; text: string; score: number } | null;
  spans: Array<Omit<Span, 'field' | 'contextIndex'>>;
}

/** Scores one text in one role. Empty or whitespace-only text scores 0: there is nothing to obey. */
export function scoreText(text: string, role: TextRole, params: InjectionParams): TextVerdict {
  if (!/\S/.test(text)) {
    return { score: 0, heuristic: 0, similarity: 0, modelLogit: null, labels: [], nearestAttack: null, spans: [] };
  }
  const sig = extractSignals(text, role);
  // The model learned from prompts; on retrieved documents it added no recall on the dev data and flagged
  // long narrative passages (movie plots), so contexts are judged by patterns and similarity alone.
  const logit = role === 'input' && sig.vector ? modelLogit(sig.vector) : null;
  const score = combineSignals(sig.heuristic, sig.similarity.score, logit ?? -Infinity, text.length, combiner);
  const spans: TextVerdict['spans'] = sig.hits
    .filter((h) => h.weight >= params.spanMinWeight)
    .map((h) => ({ start: h.start, end: h.end, label: h.label, score: h.weight }));
  const sim = sig.similarity;
  if (sim.score >= params.similaritySpanMin && sim.end > sim.start) {
    spans.push({ start: sim.start, end: sim.end, label: 'similar_to_known_attack', score: sim.score });
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const labels = [...new Set(spans.map((s) => s.label as InjectionLabel))];
  return {
    score,
    heuristic: sig.heuristic,
    similarity: sim.score,
    modelLogit: logit,
    labels,
    nearestAttack: sim.score > 0 ? { category: sim.category, text: sim.entry, score: sim.score } : null,
    spans,
  };
}

// Retrieved contexts recur across records and a context's verdict depends on its text and the params alone, so
// it is computed once per run's params object (validated once per run, see registry.ts).
const contextCaches = new WeakMap<InjectionParams, TextCache<TextVerdict>>();

function contextVerdict(text: string, params: InjectionParams): TextVerdict {
  let cache = contextCaches.get(params);
  if (!cache) contextCaches.set(params, (cache = new TextCache(4096, 2_000_000)));
  return cache.get(text, (t) => freezeVerdict(scoreText(t, 'context', params)));
}

/** A shared verdict's parts end up in many records' findings: frozen, so no caller can change another's. */
function freezeVerdict(v: TextVerdict): TextVerdict {
  for (const s of v.spans) Object.freeze(s);
  Object.freeze(v.spans);
  Object.freeze(v.labels);
  if (v.nearestAttack) Object.freeze(v.nearestAttack);
  return Object.freeze(v);
}

const pct = (x: number): string => x.toFixed(2);

function describe(where: string, v: TextVerdict): string {
  const what = v.labels.length ? v.labels.join(', ').replace(/_/g, ' ') : 'no attack pattern matched';
  return `${where} ${pct(v.score)}: ${what}`;
}

/**
 * Prompt injection and jailbreak detection, fully offline: hand-written patterns (several languages,
 * decoded base64 and hidden text included), similarity to a corpus of attack intents, and a small logistic
 * model over hashed n-grams, combined as a calibrated noisy-OR (combine.ts). User input is scored as direct injection; each
 * retrieved context as indirect injection, where instructions aimed at the model weigh more.
 */
export const injectionAnalyzer = {
  id: 'injection',
  version: '1.4.0',
  description: 'Prompt injection and jailbreak attempts in the input, and indirect injection in retrieved contexts.',
  params: injectionParams,
  analyze(record, params, _ctx: AnalyzerContext): AnalyzerOutput {
    const input = scoreText(record.input, 'input', params);
    const contexts = params.scanContexts ? record.contexts.map((c) => contextVerdict(c, params)) : [];
    const spans: Span[] = [
      ...input.spans.map((s) => ({ ...s, field: 'input' as const })),
      ...contexts.flatMap((c, i) => c.spans.map((s) => ({ ...s, field: 'context' as const, contextIndex: i }))),
    ];
    const contextScore = contexts.length ? Math.max(...contexts.map((c) => c.score)) : null;
    const worst = contexts.reduce((best, c, i) => (c.score > (contexts[best]?.score ?? -1) ? i : best), 0);
    const parts = [describe('Input', input)];
    if (contexts.length) parts.push(describe(`Context ${worst} (highest of ${contexts.length})`, contexts[worst]!));
    const signals = (v: TextVerdict): Record<string, unknown> => ({
      score: v.score, heuristic: v.heuristic, similarity: v.similarity, modelLogit: v.modelLogit, labels: v.labels, nearestAttack: v.nearestAttack,
    });
    return {
      scores: { injection: input.score, context_injection: contextScore },
      spans,
      explanation: `${parts.join('. ')}.`,
      details: { input: signals(input), contexts: contexts.map((c) => c.score), contextSignals: contexts.map(signals) },
    };
  },
} satisfies Analyzer<typeof injectionParams>;
