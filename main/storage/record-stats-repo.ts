import type { RecordGroupStats, RecordStats } from '../../shared/contract/record-stats-schemas';
import { dataRevision, type Db } from './db';
import { recordFilterSql, type RecordFilter } from './records-repo';

interface GroupRow {
  value: string | null;
  count: number;
  unscored: number;
  hallucination: number;
  toxic: number;
  injection: number;
  pii: number;
  any_flag: number;
  tokens_in: number | null;
  tokens_out: number | null;
  cost: number | null;
  latency: number | null;
  grounding: number | null;
}

// Flags count 0 for unscored records (LEFT JOIN gives NULL), so `any` is the share of records flagged at all.
const AGGREGATES = `count(*) AS count, sum(s.record_id IS NULL) AS unscored,
  coalesce(sum(s.flag_hallucination), 0) AS hallucination, coalesce(sum(s.flag_toxic), 0) AS toxic,
  coalesce(sum(s.flag_injection), 0) AS injection, coalesce(sum(s.flag_pii), 0) AS pii,
  coalesce(sum((s.flag_hallucination + s.flag_toxic + s.flag_injection + s.flag_pii) > 0), 0) AS any_flag,
  sum(r.tokens_in) AS tokens_in, sum(r.tokens_out) AS tokens_out, sum(r.cost) AS cost,
  avg(r.latency_ms) AS latency, avg(s.grounding) AS grounding`;

function toStats(r: GroupRow): RecordGroupStats {
  return {
    count: r.count, unscored: r.unscored ?? 0,
    flags: { hallucination: r.hallucination, toxic: r.toxic, injection: r.injection, pii: r.pii, any: r.any_flag },
    tokensIn: r.tokens_in ?? 0, tokensOut: r.tokens_out ?? 0, cost: r.cost, latencyMsMean: r.latency, groundingMean: r.grounding,
  };
}

/** Totals and per-model and per-prompt-version breakdowns in three grouped queries, largest groups first. */
export function recordStats(db: Db, filter: Pick<RecordFilter, 'assetId' | 'model' | 'promptVersion'>): RecordStats {
  const { whereSql, args } = recordFilterSql(filter);
  const from = `FROM records r LEFT JOIN record_scores s ON s.record_id = r.id ${whereSql}`;
  const total = db.prepare(`SELECT NULL AS value, ${AGGREGATES} ${from}`).get(...args) as GroupRow;
  const grouped = (column: string) => (db.prepare(`SELECT ${column} AS value, ${AGGREGATES} ${from} GROUP BY ${column} ORDER BY count DESC, value`)
    .all(...args) as GroupRow[]).map((r) => ({ value: r.value, ...toStats(r) }));
  return { ...toStats(total), byModel: grouped('r.model'), byPromptVersion: grouped('r.prompt_version') };
}

type StatsFilter = Parameters<typeof recordStats>[1];
const CACHED_FILTERS = 64;

/**
 * recordStats kept per filter until the data changes (see dataRevision): the Overview tiles and the Records totals
 * ask for the same numbers again and again, and on a large workspace each answer scans every record (about 200 ms
 * that would block the server's event loop for every caller).
 */
export function cachedRecordStats(db: Db, compute: (db: Db, filter: StatsFilter) => RecordStats = recordStats): (filter: StatsFilter) => RecordStats {
  const cache = new Map<string, { revision: string; value: RecordStats }>();
  return (filter) => {
    const key = JSON.stringify(filter);
    const revision = dataRevision(db);
    const hit = cache.get(key);
    if (hit && hit.revision === revision) return hit.value;
    const value = compute(db, filter);
    cache.delete(key);
    cache.set(key, { revision, value });
    if (cache.size > CACHED_FILTERS) cache.delete(cache.keys().next().value!);
    return value;
  };
}
