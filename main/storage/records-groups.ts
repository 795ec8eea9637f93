import type { RecordFacets } from '../../shared/contract/schemas';
import type { RecordTotals } from '../../shared/contract/records-schemas';
import type { Db } from './db';
import type { RecordFilterFields, SqlArg } from './records-query';

/**
 * Counts, totals and filter choices from record_groups (migration 0016): records summed per asset, model and
 * prompt version, a few rows however many records there are. An import counts its records in its own transaction;
 * records written another way (a generator, a test) are above the watermark, and reads add them from the table.
 */

const AGGREGATE = `count(*) AS records, coalesce(sum(tokens_in), 0) AS tokens_in, coalesce(sum(tokens_out), 0) AS tokens_out,
  coalesce(sum(cost), 0) AS cost, count(cost) AS cost_records, coalesce(sum(latency_ms), 0) AS latency_ms, count(latency_ms) AS latency_records`;

interface GroupRow {
  asset_id: number;
  model: string | null;
  prompt_version: string | null;
  records: number;
  tokens_in: number;
  tokens_out: number;
  cost: number;
  cost_records: number;
  latency_ms: number;
  latency_records: number;
}

const WATERMARK = '(SELECT counted_through FROM record_groups_state WHERE id = 1)';

/**
 * Counts the records above the watermark into their groups and moves it to the last record. Call inside the
 * transaction that wrote them (an import), so the groups and the records commit together.
 */
export function catchUpRecordGroups(db: Db): number {
  const through = db.prepare('SELECT max(id) FROM records').pluck().get() as number | null;
  const from = db.prepare(`SELECT ${WATERMARK}`).pluck().get() as number;
  if (through === null || through <= from) return 0;
  const added = db.prepare(`SELECT asset_id, model, prompt_version, ${AGGREGATE} FROM records WHERE id > ? AND id <= ?
    GROUP BY asset_id, model, prompt_version`).all(from, through) as GroupRow[];
  const update = db.prepare(`UPDATE record_groups SET records = records + @records, tokens_in = tokens_in + @tokens_in,
      tokens_out = tokens_out + @tokens_out, cost = cost + @cost, cost_records = cost_records + @cost_records,
      latency_ms = latency_ms + @latency_ms, latency_records = latency_records + @latency_records
    WHERE asset_id = @asset_id AND model IS @model AND prompt_version IS @prompt_version`);
  const insert = db.prepare(`INSERT INTO record_groups (asset_id, model, prompt_version, records, tokens_in, tokens_out, cost, cost_records,
    latency_ms, latency_records) VALUES (@asset_id, @model, @prompt_version, @records, @tokens_in, @tokens_out, @cost, @cost_records,
    @latency_ms, @latency_records)`);
  let counted = 0;
  for (const group of added) {
    if (update.run(group).changes === 0) insert.run(group);
    counted += group.records;
  }
  db.prepare('UPDATE record_groups_state SET counted_through = ? WHERE id = 1').run(through);
  return counted;
}

/** True when the filter is one record_groups answers: asset, model and prompt version only. */
export function groupsAnswer(q: RecordFilterFields): boolean {
  return !q.search?.trim() && q.flag === undefined;
}

/**
 * ` AND ...` conditions for a filter. `prefix` '+' keeps SQLite from reading records by a column's index: the
 * records above the watermark are found by id, a range that is empty or short, not by a model's every record.
 */
function groupConditions(q: RecordFilterFields, prefix = ''): { where: string; args: SqlArg[] } {
  const conditions: string[] = [];
  const args: SqlArg[] = [];
  if (q.assetId !== undefined) { conditions.push('asset_id = ?'); args.push(q.assetId); }
  if (q.model !== undefined) { conditions.push('model = ?'); args.push(q.model); }
  if (q.promptVersion !== undefined) { conditions.push('prompt_version = ?'); args.push(q.promptVersion); }
  return { where: conditions.map((c) => ` AND ${prefix}${c}`).join(''), args };
}

/** Records, tokens, cost and mean latency of the records an asset / model / prompt-version filter selects. */
export function groupTotals(db: Db, q: RecordFilterFields): RecordTotals {
  const { where, args } = groupConditions(q);
  const above = groupConditions(q, '+');
  const row = db.prepare(`SELECT coalesce(sum(records), 0) AS records, coalesce(sum(tokens_in), 0) AS tokens_in,
      coalesce(sum(tokens_out), 0) AS tokens_out, coalesce(sum(cost), 0) AS cost, coalesce(sum(cost_records), 0) AS cost_records,
      coalesce(sum(latency_ms), 0) AS latency_ms, coalesce(sum(latency_records), 0) AS latency_records
    FROM (
      SELECT records, tokens_in, tokens_out, cost, cost_records, latency_ms, latency_records FROM record_groups WHERE 1${where}
      UNION ALL
      SELECT ${AGGREGATE} FROM records WHERE id > ${WATERMARK}${above.where}
    )`).get(...args, ...above.args) as Omit<GroupRow, 'asset_id' | 'model' | 'prompt_version'>;
  return {
    count: row.records,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    cost: row.cost_records > 0 ? row.cost : null,
    latencyMsMean: row.latency_records > 0 ? row.latency_ms / row.latency_records : null,
  };
}

function distinctOf(db: Db, col: 'model' | 'prompt_version'): string[] {
  // A compound in a subquery: as a plain UNION ... ORDER BY, SQLite merges both sides in order and reads the order
  // of records from the column's index, every record of it, instead of the few above the watermark.
  return db.prepare(`SELECT DISTINCT x FROM (SELECT ${col} AS x FROM record_groups UNION ALL SELECT ${col} FROM records WHERE id > ${WATERMARK})
    WHERE x IS NOT NULL ORDER BY x`).pluck().all() as string[];
}

/** Every model and prompt version the records carry, ascending as SELECT DISTINCT orders them. */
export function groupFacets(db: Db): RecordFacets {
  return { models: distinctOf(db, 'model'), promptVersions: distinctOf(db, 'prompt_version') };
}
