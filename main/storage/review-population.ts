// The population a review queue samples from: record ids (ascending) matching a filter, with the stratum key or
// the risk score each record needs for stratified and risk-weighted draws. Only joins scores when asked to.
import type { PopulationFilter, ScoreName, StrataColumn } from '../../shared/contract/review-schemas';
import type { Db } from './db';

const FLAG_SQL: Record<NonNullable<PopulationFilter['flag']>, string> = {
  hallucination: 's.flag_hallucination = 1', toxic: 's.flag_toxic = 1', injection: 's.flag_injection = 1', pii: 's.flag_pii = 1',
  any: '(s.flag_hallucination + s.flag_toxic + s.flag_injection + s.flag_pii) > 0', unscored: 's.record_id IS NULL',
};

const SCORE_SQL: Record<ScoreName, string> = {
  grounding: 's.grounding', answer_relevance: 's.answer_relevance', context_relevance: 's.context_relevance', toxicity: 's.toxicity',
  input_toxicity: 's.input_toxicity', injection: 's.injection', context_injection: 's.context_injection', pii: 's.pii',
};

const STRATUM_SQL: Record<StrataColumn, string> = {
  model: "coalesce(r.model, '(none)')",
  promptVersion: "coalesce(r.prompt_version, '(none)')",
  // A record raising several flags belongs to the first in this order; one stratum per record.
  flag: `CASE WHEN s.record_id IS NULL THEN 'unscored' WHEN s.flag_hallucination = 1 THEN 'hallucination' WHEN s.flag_toxic = 1 THEN 'toxic'
    WHEN s.flag_injection = 1 THEN 'injection' WHEN s.flag_pii = 1 THEN 'pii' ELSE 'none' END`,
};

/** Risk of a record from its analyzer scores: the worst of ungroundedness, toxicity, injection and any PII; 0 unscored. */
const RISK_SQL = `max(coalesce(1 - s.grounding, 0), coalesce(s.toxicity, 0), coalesce(s.injection, 0), coalesce(s.context_injection, 0),
  CASE WHEN s.pii > 0 THEN 1 ELSE 0 END)`;

export interface Population {
  ids: number[];
  /** Stratum key per id, when a stratification column was asked for. */
  strata: string[] | null;
  /** Risk score in [0, 1] per id, when asked for. */
  risk: number[] | null;
}

function whereSql(f: PopulationFilter): { sql: string; args: (string | number)[]; needsScores: boolean } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  let needsScores = false;
  if (f.assetId !== undefined) { where.push('r.asset_id = ?'); args.push(f.assetId); }
  if (f.model !== undefined) { where.push('r.model = ?'); args.push(f.model); }
  if (f.promptVersion !== undefined) { where.push('r.prompt_version = ?'); args.push(f.promptVersion); }
  if (f.from !== undefined) { where.push('r.timestamp >= ?'); args.push(f.from); }
  if (f.to !== undefined) { where.push('r.timestamp <= ?'); args.push(f.to); }
  if (f.flag !== undefined) { where.push(FLAG_SQL[f.flag]); needsScores = true; }
  for (const s of f.scores ?? []) {
    if (s.min !== undefined) { where.push(`${SCORE_SQL[s.score]} >= ?`); args.push(s.min); }
    if (s.max !== undefined) { where.push(`${SCORE_SQL[s.score]} <= ?`); args.push(s.max); }
    needsScores = true;
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args, needsScores };
}

export function loadPopulation(db: Db, filter: PopulationFilter, want: { strata?: StrataColumn; risk?: boolean } = {}): Population {
  const w = whereSql(filter);
  const cols = ['r.id'];
  if (want.strata) cols.push(STRATUM_SQL[want.strata]);
  if (want.risk) cols.push(RISK_SQL);
  const join = w.needsScores || want.risk || want.strata === 'flag' ? 'LEFT JOIN record_scores s ON s.record_id = r.id' : '';
  // ORDER BY id walks a narrow covering index of ids and probes record_scores in key order (half the time of
  // probing it in another index's order at 1M records).
  const stmt = db.prepare(`SELECT ${cols.join(', ')} FROM records r ${join} ${w.sql} ORDER BY r.id`);
  if (cols.length === 1) return { ids: stmt.pluck().all(...w.args) as number[], strata: null, risk: null };
  const rows = stmt.raw().all(...w.args) as (string | number)[][];
  const ids = rows.map((r) => r[0] as number);
  let c = 1;
  const strata = want.strata ? rows.map((r) => String(r[c])) : null;
  if (want.strata) c++;
  const risk = want.risk ? rows.map((r) => Number(r[c])) : null;
  return { ids, strata, risk };
}
