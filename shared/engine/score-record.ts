import type { Analyzer, AnalyzerContext, AnalyzerRecord, Finding } from './analyzer';
import { runAnalyzer } from './registry';
import { thresholds as defaultThresholds } from './thresholds';

export type Thresholds = typeof defaultThresholds;

/** The `assay score` output line (see README: formats). */
export interface ScoreLine {
  id: string | number | null;
  scores: {
    grounding: number | null;
    answer_relevance?: number | null;
    context_relevance?: number | null;
    toxicity?: number | null;
    input_toxicity?: number | null;
    injection?: number | null;
    context_injection?: number | null;
    pii?: number | null;
  };
  flags: { hallucination: boolean; toxic: boolean; injection: boolean; pii: boolean };
  details: Record<string, unknown>;
  notes?: string[];
}

export interface ScoredRecord {
  line: ScoreLine;
  findings: Finding[];
  /** Milliseconds spent per analyzer id, for the throughput benchmark's breakdown. */
  timings: Record<string, number>;
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Runs the chosen analyzers on one record and folds their findings into one score line with flags. */
export function scoreRecord(record: AnalyzerRecord, analyzers: readonly Analyzer[], ctx: AnalyzerContext,
  params: Record<string, unknown> = {}, thresholds: Thresholds = defaultThresholds): ScoredRecord {
  const findings: Finding[] = [];
  const timings: Record<string, number> = {};
  const notes: string[] = [];
  for (const analyzer of analyzers) {
    const started = now();
    try {
      findings.push(runAnalyzer(analyzer, record, params[analyzer.id], ctx));
    } catch (err) {
      // One analyzer's failure on odd input must not cost the line its other scores.
      notes.push(`${analyzer.id} failed: ${(err as Error).message}`);
    }
    timings[analyzer.id] = now() - started;
  }
  const scores: ScoreLine['scores'] = { grounding: null };
  const details: Record<string, unknown> = {};
  for (const f of findings) {
    Object.assign(scores, f.scores);
    Object.assign(details, f.details ?? {});
  }
  const num = (v: number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const flags = {
    hallucination: num(scores.grounding) !== null && (scores.grounding as number) < thresholds.grounding,
    toxic: (num(scores.toxicity) ?? 0) >= thresholds.toxicity,
    injection: Math.max(num(scores.injection) ?? 0, num(scores.context_injection) ?? 0) >= thresholds.injection,
    pii: (num(scores.pii) ?? 0) >= thresholds.pii,
  };
  const line: ScoreLine = { id: record.id ?? null, scores, flags, details };
  if (notes.length) line.notes = notes;
  return { line, findings, timings };
}
