import type { RecordTotals } from '../../shared/contract/records-schemas';
import type { Db } from './db';
import { cachedByRevision } from './records-cache';
import { filterConditions, hasSearch, whereOf, type RecordFilterFields } from './records-query';
import { filterKey } from './records-repo';
import { groupTotals, groupsAnswer } from './records-groups';

/**
 * Records, tokens, cost and mean latency for a filter, cached until the workspace changes: from the per-group sums
 * without a search or flag, otherwise one aggregate pass over what the filter selects.
 */
export function recordTotals(db: Db, q: RecordFilterFields): RecordTotals {
  return cachedByRevision(db, `totals:${filterKey(q)}`, () => {
    if (groupsAnswer(q)) return groupTotals(db, q);
    const search = hasSearch(q);
    const { conditions, args } = filterConditions(q, search ? 'f' : undefined);
    let from = search ? 'records_fts f JOIN records r ON r.id = f.rowid' : 'records r';
    if (q.flag !== undefined) from += ' LEFT JOIN record_scores s ON s.record_id = r.id';
    const row = db.prepare(`SELECT count(*) AS count, sum(r.tokens_in) AS tokensIn, sum(r.tokens_out) AS tokensOut, sum(r.cost) AS cost,
      avg(r.latency_ms) AS latencyMsMean FROM ${from} ${whereOf(conditions)}`).get(...args) as
      { count: number; tokensIn: number | null; tokensOut: number | null; cost: number | null; latencyMsMean: number | null };
    return { count: row.count, tokensIn: row.tokensIn ?? 0, tokensOut: row.tokensOut ?? 0, cost: row.cost, latencyMsMean: row.latencyMsMean };
  });
}
