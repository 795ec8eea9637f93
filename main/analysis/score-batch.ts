import type { Analyzer, AnalyzerContext } from '../../shared/engine/analyzer';
import { coerceRecord } from '../../shared/engine/coerce-record';
import { analyzers, getAnalyzer } from '../../shared/engine/registry';
import { scoreRecord } from '../../shared/engine/score-record';
import type { ScoredBatch, ScoreMode, ScoreWorkerConfig } from './score-protocol';

export interface BatchScorer {
  /** `kbs`: per record, the KB asset whose evidence it may use (null: none); without it every record uses the default. */
  score(records: Record<string, unknown>[], mode: ScoreMode, kbs?: (number | null)[]): ScoredBatch;
}

/** Evidence search the host already prepared: a default context, and one per workspace KB asset. */
export interface GivenContexts {
  fallback?: AnalyzerContext;
  byKb?: Map<number, AnalyzerContext>;
}

export function chosenAnalyzers(ids: string[] | null): readonly Analyzer[] {
  return ids?.length ? ids.map(getAnalyzer) : analyzers;
}

/** Scores raw records (as read from JSONL or the records table), noting whatever had to be coerced. */
export async function createBatchScorer(config: ScoreWorkerConfig, given: GivenContexts = {}): Promise<BatchScorer> {
  const chosen = chosenAnalyzers(config.analyzerIds);
  const byKb = new Map(given.byKb ?? []);
  let ctx: AnalyzerContext = given.fallback ?? {};
  if (config.kbPath) {
    const { loadKbSearch } = await import('../indexes/kb-search-for-score');
    ctx = { searchKb: await loadKbSearch(config.kbPath) };
  } else if (config.kbWorkspace && byKb.size === 0) {
    const { openWorkspace } = await import('../storage/workspace');
    const { createKbSearch } = await import('../indexes/kb-search');
    const ws = openWorkspace(config.kbWorkspace.dir, { readonly: true });
    for (const assetId of config.kbWorkspace.assetIds) {
      byKb.set(assetId, { searchKb: (await createKbSearch(ws, assetId, { autoBuild: false })).searchKb });
    }
    const first = config.kbWorkspace.assetIds[0];
    if (first !== undefined && !given.fallback) ctx = byKb.get(first)!;
  }
  const none: AnalyzerContext = {};
  const contextFor = (kbs: (number | null)[] | undefined, i: number): AnalyzerContext => {
    if (!kbs) return ctx;
    const kb = kbs[i];
    return kb === null || kb === undefined ? none : (byKb.get(kb) ?? none);
  };
  return {
    score(records, mode, kbs) {
      const timings: Record<string, number> = {};
      const lines: string[] = [];
      const rows: ScoredBatch['rows'] = [];
      records.forEach((raw, i) => {
        const { record, notes } = coerceRecord(raw);
        const scored = scoreRecord(record, chosen, contextFor(kbs, i), config.params);
        for (const [id, ms] of Object.entries(scored.timings)) timings[id] = (timings[id] ?? 0) + ms;
        if (notes.length) scored.line.notes = [...notes, ...(scored.line.notes ?? [])];
        if (mode === 'lines') {
          lines.push(JSON.stringify({ ...raw, ...scored.line }));
        } else {
          rows.push({
            scores: scored.line.scores,
            flags: scored.line.flags,
            findings: scored.findings.map((f) => ({
              analyzerId: f.analyzerId, analyzerVersion: f.analyzerVersion, paramsHash: f.paramsHash, scores: JSON.stringify(f.scores),
              spans: JSON.stringify(f.spans), explanation: f.explanation, details: f.details === undefined ? null : JSON.stringify(f.details),
            })),
          });
        }
      });
      return mode === 'lines' ? { lines, timings } : { rows, timings };
    },
  };
}
