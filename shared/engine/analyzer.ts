import type { z } from 'zod';

/** What an analyzer reads: one LLM interaction, already normalized by the importer or by `assay score`. */
export interface AnalyzerRecord {
  id?: string | number;
  input: string;
  output: string;
  contexts: string[];
}

/** A piece of evidence found by the host (record contexts or the KB's HNSW index). */
export interface Evidence {
  source: 'context' | 'kb';
  /** Index into record.contexts for source 'context'; a chunk id for 'kb'. */
  ref: string;
  /** What a reader calls it: a KB chunk's document and heading ("returns.md › Holiday returns"). */
  name?: string;
  text: string;
  score: number;
}

/** Everything an analyzer may need from outside; analyzers do no I/O themselves. */
export interface AnalyzerContext {
  /** Nearest KB chunks for a text, when a KB index is attached. */
  searchKb?: (text: string, k: number) => Evidence[];
}

export type SpanField = 'input' | 'output' | 'context';

/** A typed region of one field, with JavaScript string offsets. */
export interface Span {
  field: SpanField;
  contextIndex?: number;
  start: number;
  end: number;
  label: string;
  score?: number;
}

/** What an analyzer returns for one record, before the registry stamps it. */
export interface AnalyzerOutput {
  /** Named scores in [0,1] (or counts where the name says so); null when the analyzer cannot judge. */
  scores: Record<string, number | null>;
  spans: Span[];
  explanation: string;
  /** Analyzer-specific detail for the UI (claims with evidence, categories, ...). */
  details?: Record<string, unknown>;
}

/** A stored result: the output plus exactly what produced it. */
export interface Finding extends AnalyzerOutput {
  analyzerId: string;
  analyzerVersion: string;
  paramsHash: string;
}

export interface Analyzer<P extends z.ZodTypeAny = z.ZodTypeAny> {
  id: string;
  version: string;
  description: string;
  params: P;
  analyze(record: AnalyzerRecord, params: z.output<P>, ctx: AnalyzerContext): AnalyzerOutput;
}
