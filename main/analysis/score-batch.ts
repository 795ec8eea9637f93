import type { Analyzer, AnalyzerContext } from '../../shared/engine/analyzer';
import { coerceRecord } from '../../shared/engine/coerce-record';
import { analyzers, getAnalyzer } from '../../shared/engine/registry';
import { scoreRecord } from '../../shared/engine/score-record';
import type { ScoredBatch, ScoreMode, ScoreWorkerConfig } from './score-protocol';

export interface BatchScorer {
  score(records: Record<string, unknown>[], mode: ScoreMode): ScoredBatch;
}

export function chosenAnalyzers(ids: string[] | null): readonly Analyzer[] {
  return ids?.length ? ids.map(getAnalyzer) : analyzers;
}

/** Scores raw records (as read from JSONL or the records table), noting whatever had to be coerced. */
export async function createBatchScorer(config: ScoreWorkerConfig, given?: AnalyzerContext): Promise<BatchScorer> {
  const chosen = chosenAnalyzers(config.analyzerIds);
  let ctx: AnalyzerContext = given ?? {};
  if (config.kbPath) {
    const { loadKbSearch } = await import('../indexes/kb-search-for-score');
    ctx = { searchKb: await loadKbSearch(config.kbPath) };
  } else if (config.kbWorkspace) {
    const { openWorkspace } = await import('../storage/workspace');
    const { createKbSearch } = await import('../indexes/kb-search');
    const ws = openWorkspace(config.kbWorkspace.dir, { readonly: true });
    ctx = { searchKb: (await createKbSearch(ws, config.kbWorkspace.assetId, { autoBuild: false })).searchKb };
  }
  return {
    score(records, mode) {
      const timings: Record<string, number> = {};
      const lines: string[] = [];
      const rows: ScoredBatch['rows'] = [];
      for (const raw of records) {
        const { record, notes } = coerceRecord(raw);
        const scored = scoreRecord(record, chosen, ctx, config.params);
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
      }
      return mode === 'lines' ? { lines, timings } : { rows, timings };
    },
  };
}
