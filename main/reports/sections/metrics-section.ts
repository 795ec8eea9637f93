// Summary and per-model / per-prompt-version metrics: counts, flag rates of the latest analysis with 95% Wilson
// intervals, grounding mean, tokens, cost and latency, over the records in scope.
import { controlsFor } from '../../../shared/report/control-mapping';
import { rateStat, roundOrNull } from '../../../shared/report/rates';
import type { FlagRates, GroupMetrics, ReportV1 } from '../../../shared/report/report-schema';
import { scopeGroupStats, type ScopeGroupRow } from '../../storage/reports-repo';
import { wants, type SectionContext } from './context';

function flagRates(r: ScopeGroupRow): FlagRates {
  return {
    hallucination: rateStat(r.hallucination, r.scored), toxic: rateStat(r.toxic, r.scored), injection: rateStat(r.injection, r.scored),
    pii: rateStat(r.pii, r.scored), any: rateStat(r.any_flag, r.scored),
  };
}

function group(r: ScopeGroupRow): GroupMetrics {
  return {
    value: r.value, records: r.records, scored: r.scored, flags: flagRates(r), grounding_mean: roundOrNull(r.grounding_mean),
    tokens_in: r.tokens_in ?? 0, tokens_out: r.tokens_out ?? 0, cost: roundOrNull(r.cost), latency_ms_mean: roundOrNull(r.latency_ms_mean),
  };
}

export type SummaryPart = Omit<ReportV1['summary'], 'verdicts'>;

export function buildSummary(ctx: SectionContext): SummaryPart {
  const t = group(scopeGroupStats(ctx.ws.db, ctx.records, null)[0]!);
  return {
    records: t.records, scored: t.scored, flags: t.flags, tokens_in: t.tokens_in, tokens_out: t.tokens_out, cost: t.cost,
    controls: controlsFor('grounding', 'toxicity', 'pii', 'injection'),
  };
}

export function buildMetrics(ctx: SectionContext): ReportV1['metrics'] {
  const controls = controlsFor('grounding', 'model_quality');
  if (!wants(ctx, 'metrics')) return { status: 'no_data', note: 'section not requested', controls, by_model: [], by_prompt_version: [] };
  const byModel = scopeGroupStats(ctx.ws.db, ctx.records, 'model').map(group);
  const byPrompt = scopeGroupStats(ctx.ws.db, ctx.records, 'prompt_version').map(group);
  const empty = byModel.length === 0;
  return { status: empty ? 'no_data' : 'ok', note: empty ? 'no log records in scope' : null, controls, by_model: byModel, by_prompt_version: byPrompt };
}
