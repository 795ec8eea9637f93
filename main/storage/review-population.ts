// The population a review queue samples from: record ids (ascending) matching a filter, with the stratum key or
// the risk score each record needs for stratified and risk-weighted draws. It is the LEFT JOIN of records and
// record_scores on the record id, but read as two scans merged here: probing record_scores once per record, and
// handing a million rows to JavaScript one by one, took 7-10 s at 1M records; each side comes back in bulk in
// id order instead (records from a narrow index, scores from their own small table) and one linear pass joins them.
import type { PopulationFilter, ScoreName, StrataColumn } from '../../shared/contract/review-schemas';
import type { Db } from './db';
import { ascendingOrder, isAscending, parseDigitBlob, parseIdBlob } from './id-lists';

const FLAG_SQL: Record<Exclude<NonNullable<PopulationFilter['flag']>, 'unscored'>, string> = {
  hallucination: 's.flag_hallucination = 1', toxic: 's.flag_toxic = 1', injection: 's.flag_injection = 1', pii: 's.flag_pii = 1',
  any: '(s.flag_hallucination + s.flag_toxic + s.flag_injection + s.flag_pii) > 0',
};

const SCORE_SQL: Record<ScoreName, string> = {
  grounding: 's.grounding', answer_relevance: 's.answer_relevance', context_relevance: 's.context_relevance', toxicity: 's.toxicity',
  input_toxicity: 's.input_toxicity', injection: 's.injection', context_injection: 's.context_injection', pii: 's.pii',
};

/** Records columns a queue can be stratified by; unset values form their own stratum. */
const RECORD_STRATUM_SQL: Record<Exclude<StrataColumn, 'flag'>, string> = {
  model: "coalesce(r.model, '(none)')",
  promptVersion: "coalesce(r.prompt_version, '(none)')",
};

// A record raising several flags belongs to the first in this order; one stratum per record. The code indexes
// FLAG_STRATA; records without scores are 'unscored'.
const FLAG_CODE_SQL = `CASE WHEN s.flag_hallucination = 1 THEN 1 WHEN s.flag_toxic = 1 THEN 2 WHEN s.flag_injection = 1 THEN 3
  WHEN s.flag_pii = 1 THEN 4 ELSE 0 END`;
const FLAG_STRATA = ['none', 'hallucination', 'toxic', 'injection', 'pii'] as const;

/** Risk of a record from its analyzer scores: the worst of ungroundedness, toxicity, injection and any PII; 0 unscored. */
const RISK_SQL = `max(coalesce(1 - s.grounding, 0), coalesce(s.toxicity, 0), coalesce(s.injection, 0), coalesce(s.context_injection, 0),
  CASE WHEN s.pii > 0 THEN 1 ELSE 0 END)`;

export interface Population {
  ids: Float64Array;
  /** Stratum key per id, when a stratification column was asked for. */
  strata: string[] | null;
  /** Risk score in [0, 1] per id, when asked for. */
  risk: Float64Array | null;
}

interface Where { sql: string; args: (string | number)[] }

function recordWhere(f: PopulationFilter): Where {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.assetId !== undefined) { where.push('r.asset_id = ?'); args.push(f.assetId); }
  if (f.model !== undefined) { where.push('r.model = ?'); args.push(f.model); }
  if (f.promptVersion !== undefined) { where.push('r.prompt_version = ?'); args.push(f.promptVersion); }
  if (f.from !== undefined) { where.push('r.timestamp >= ?'); args.push(f.from); }
  if (f.to !== undefined) { where.push('r.timestamp <= ?'); args.push(f.to); }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

/** Conditions on a record's scores row; null when the filter says nothing about scores. */
function scoreWhere(f: PopulationFilter): Where | null {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (f.flag !== undefined && f.flag !== 'unscored') where.push(FLAG_SQL[f.flag]);
  for (const s of f.scores ?? []) {
    if (s.min !== undefined) { where.push(`${SCORE_SQL[s.score]} >= ?`); args.push(s.min); }
    if (s.max !== undefined) { where.push(`${SCORE_SQL[s.score]} <= ?`); args.push(s.max); }
  }
  if (where.length === 0 && f.flag === undefined) return null;
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

/** The order of `ids` ascending applied to it and to its parallel arrays (group_concat's order is not promised). */
function sortedBy(ids: Float64Array, ...parallel: (ArrayLike<number> | null)[]): [Float64Array, ...(number[] | null)[]] {
  const order = ascendingOrder(ids);
  return [Float64Array.from(order, (i) => ids[i]!), ...parallel.map((p) => p && Array.from(order, (i) => p[i]!))];
}

/** Matching record ids, ascending, with their stratum key when stratifying by a records column. */
function recordSide(db: Db, f: PopulationFilter, strata: StrataColumn | undefined): { ids: Float64Array; keys: string[] | null } {
  const w = recordWhere(f);
  if (strata === undefined || strata === 'flag') {
    // ORDER BY id in the subquery walks the narrow records_id index (or an (x, id) one for the filter).
    const ids = parseIdBlob(db.prepare(`SELECT CAST(group_concat(id) AS BLOB) FROM (SELECT r.id FROM records r ${w.sql} ORDER BY r.id)`)
      .pluck().get(...w.args) as Buffer | null);
    return { ids: isAscending(ids) ? ids : ids.sort(), keys: null };
  }
  // One row per stratum: GROUP BY walks the (model) or (prompt_version) index, whose entries end with the id.
  const groups = db.prepare(`SELECT ${RECORD_STRATUM_SQL[strata]} AS k, CAST(group_concat(r.id) AS BLOB) FROM records r ${w.sql} GROUP BY k`)
    .raw().all(...w.args) as [string, Buffer][];
  const lists = groups.map(([, blob]) => parseIdBlob(blob));
  const all = new Float64Array(lists.reduce((n, l) => n + l.length, 0));
  const group = new Uint32Array(all.length);
  let at = 0;
  lists.forEach((list, g) => { all.set(list, at); group.fill(g, at, at + list.length); at += list.length; });
  const [ids, byId] = sortedBy(all, group);
  return { ids, keys: byId!.map((g) => groups[g]![0]) };
}

interface ScoreSide { ids: Float64Array; codes: ArrayLike<number> | null; risk: ArrayLike<number> | null }

/** Scored record ids matching the score conditions, ascending, with their flag code and risk when asked for. */
function scoreSide(db: Db, w: Where, want: { codes: boolean; risk: boolean }): ScoreSide {
  // NOT INDEXED: a full scan of the table, in id order, which the two statements below must share.
  const from = `FROM record_scores s NOT INDEXED ${w.sql}`;
  const [idBlob, codeBlob] = db.prepare(`SELECT CAST(group_concat(s.record_id) AS BLOB),
    ${want.codes ? `CAST(group_concat(${FLAG_CODE_SQL}, '') AS BLOB)` : 'NULL'} ${from}`).raw().get(...w.args) as [Buffer | null, Buffer | null];
  const ids = parseIdBlob(idBlob);
  const codes = want.codes ? parseDigitBlob(codeBlob) : null;
  // Risk weights as stored doubles, one value per row: a text round trip could move one by an ulp and reorder a draw.
  const risk = want.risk ? db.prepare(`SELECT ${RISK_SQL} ${from}`).pluck().all(...w.args) as number[] : null;
  if (isAscending(ids)) return { ids, codes, risk };
  const [sorted, sortedCodes, sortedRisk] = sortedBy(ids, codes, risk);
  return { ids: sorted, codes: sortedCodes ?? null, risk: sortedRisk ?? null };
}

export function loadPopulation(db: Db, filter: PopulationFilter, want: { strata?: StrataColumn; risk?: boolean } = {}): Population {
  // One read transaction: both scans see the same records.
  return db.transaction(() => readPopulation(db, filter, want))();
}

function readPopulation(db: Db, filter: PopulationFilter, want: { strata?: StrataColumn; risk?: boolean }): Population {
  const base = recordSide(db, filter, want.strata);
  const risk = want.risk ?? false;
  const flagStrata = want.strata === 'flag';
  const onScores = scoreWhere(filter);
  if (!onScores && !risk && !flagStrata) return { ids: base.ids, strata: base.keys, risk: null };
  const empty = (): Population => ({ ids: new Float64Array(0), strata: want.strata ? [] : null, risk: risk ? new Float64Array(0) : null });
  // Unscored records have no scores row: every condition on scores is false for them, as in SQL.
  if (filter.flag === 'unscored' && (filter.scores ?? []).some((s) => s.min !== undefined || s.max !== undefined)) return empty();
  const mode = filter.flag === 'unscored' ? 'unscored' : onScores ? 'scored' : 'all';
  const scored = scoreSide(db, mode === 'scored' ? onScores! : { sql: '', args: [] }, { codes: flagStrata, risk });
  const ids = new Float64Array(base.ids.length);
  const strata: string[] | null = want.strata ? [] : null;
  const risks = risk ? new Float64Array(base.ids.length) : null;
  let n = 0;
  let j = 0;
  for (let i = 0; i < base.ids.length; i++) {
    const id = base.ids[i]!;
    while (j < scored.ids.length && scored.ids[j]! < id) j++;
    const hit = j < scored.ids.length && scored.ids[j] === id;
    if ((mode === 'scored' && !hit) || (mode === 'unscored' && hit)) continue;
    if (strata) strata.push(base.keys ? base.keys[i]! : hit ? FLAG_STRATA[scored.codes![j]!]! : 'unscored');
    if (risks) risks[n] = hit ? scored.risk![j]! : 0;
    ids[n++] = id;
  }
  return { ids: ids.subarray(0, n), strata, risk: risks && risks.subarray(0, n) };
}
