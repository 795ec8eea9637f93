import type { RecordCursor, RecordSortColumn } from '../../shared/contract/schemas';
import type { RecordFlag } from '../../shared/contract/analysis-schemas';
import { parseSearch, toFtsQuery } from '../../shared/text/search-query';

/**
 * SQL for one filter and one sort of the records table, and the keyset predicates that page through it.
 * Every query reads `records r` joined with `record_scores s`; SQL text is built only from the fixed fragments
 * below, and every user value is a bound argument.
 */

export interface RecordFilterFields {
  assetId?: number;
  model?: string;
  promptVersion?: string;
  search?: string;
  flag?: RecordFlag;
}

export type SqlArg = string | number | null;

const FLAG_SQL: Record<RecordFlag, string> = {
  hallucination: 's.flag_hallucination = 1', toxic: 's.flag_toxic = 1', injection: 's.flag_injection = 1', pii: 's.flag_pii = 1',
  any: '(s.flag_hallucination + s.flag_toxic + s.flag_injection + s.flag_pii) > 0', unscored: 's.record_id IS NULL',
};

/** The FTS5 expression for a search box text, or null when it holds nothing searchable. */
export function ftsQueryOf(search: string | undefined): string | null {
  return search ? toFtsQuery(parseSearch(search)) : null;
}

/**
 * The WHERE conditions (over `records r` and `record_scores s`) and their arguments for a filter. With
 * `ftsAlias`, the query joins records_fts under that alias and the search becomes its MATCH; otherwise the search
 * is an IN over the full-text matches.
 */
export function filterConditions(q: RecordFilterFields, ftsAlias?: string, checkOnly = false): { conditions: string[]; args: SqlArg[] } {
  // A unary + keeps SQLite from driving the query by that column's index, so it walks the sort's index instead.
  const c = checkOnly ? '+' : '';
  const conditions: string[] = [];
  const args: SqlArg[] = [];
  if (q.search !== undefined && q.search.trim() !== '') {
    const fts = ftsQueryOf(q.search);
    if (fts === null) conditions.push('0');
    else if (ftsAlias) { conditions.push(`${ftsAlias}.records_fts MATCH ?`); args.push(fts); }
    else { conditions.push(`${c}r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)`); args.push(fts); }
  }
  if (q.assetId !== undefined) { conditions.push(`${c}r.asset_id = ?`); args.push(q.assetId); }
  if (q.model !== undefined) { conditions.push(`${c}r.model = ?`); args.push(q.model); }
  if (q.promptVersion !== undefined) { conditions.push(`${c}r.prompt_version = ?`); args.push(q.promptVersion); }
  if (q.flag !== undefined) conditions.push(`${c}${FLAG_SQL[q.flag]}`);
  return { conditions, args };
}

export const hasSearch = (q: RecordFilterFields): boolean => q.search !== undefined && q.search.trim() !== '' && ftsQueryOf(q.search) !== null;

export function whereOf(conditions: readonly string[]): string {
  return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
}

/**
 * How a sort column is walked. Rows whose key is present come first in (key, id) order from the key's index;
 * rows without it (NULL, or not analyzed yet for score sorts) follow in id order, like ORDER BY key NULLS LAST.
 * Score sorts drive the walk from record_scores so that its index gives the order.
 */
interface SortSpec {
  key: string;
  /** The row id as the key's index carries it, so (key, id) order comes straight from the index. */
  id: string;
  /** Holds for the rows of the first, keyed part; `absent` for the rest. */
  present: string;
  absent: string;
  /** The FROM clause of the keyed part. */
  from: string;
}

const FROM_LEFT = 'records r LEFT JOIN record_scores s ON s.record_id = r.id';
const FROM_SCORES = 'record_scores s JOIN records r ON r.id = s.record_id';
// Sorting by id with a search walks the full-text matches, which FTS5 yields in rowid order.
const FROM_FTS = 'records_fts f JOIN records r ON r.id = f.rowid LEFT JOIN record_scores s ON s.record_id = r.id';

const column = (key: string): SortSpec => ({ key, id: 'r.id', present: `${key} IS NOT NULL`, absent: `${key} IS NULL`, from: FROM_LEFT });
const score = (key: string): SortSpec => ({ key, id: 's.record_id', present: `${key} IS NOT NULL`, absent: `${key} IS NULL`, from: FROM_SCORES });

const SORTS: Record<Exclude<RecordSortColumn, 'id'>, SortSpec> = {
  timestamp: column('r.timestamp'), model: column('r.model'), promptVersion: column('r.prompt_version'),
  tokensIn: column('r.tokens_in'), tokensOut: column('r.tokens_out'), latencyMs: column('r.latency_ms'), cost: column('r.cost'),
  grounding: score('s.grounding'), toxicity: score('s.toxicity'), pii: score('s.pii'),
  // The expression matches the record_scores_injection index; unscored records have no row and come last.
  injection: {
    key: 'max(coalesce(s.injection, 0), coalesce(s.context_injection, 0))', id: 's.record_id',
    present: 's.record_id IS NOT NULL', absent: 's.record_id IS NULL', from: FROM_SCORES,
  },
};

export interface KeysetPart {
  /** `SELECT id, k FROM ... LIMIT ?`: the row id and its sort key. */
  sql: string;
  args: SqlArg[];
}

/**
 * The one or two queries (keyed part, then the rows without a key) that continue a walk after `after`, in order.
 * Each selects `id` and the sort key `k` (for the next cursor), with the LIMIT left to the caller as the last argument.
 */
/**
 * `walkSortIndex`: the filter matches a large share of the records, so reading the sort's index in order and
 * checking the filter on each row finds a page sooner than collecting every match and sorting it (SQLite's
 * choice without statistics, seconds at a million records).
 */
export function keysetParts(filter: RecordFilterFields, sort: RecordSortColumn, dir: 'asc' | 'desc', after: RecordCursor | undefined,
  walkSortIndex = false): KeysetPart[] {
  const cmp = dir === 'asc' ? '>' : '<';
  const order = dir === 'asc' ? 'ASC' : 'DESC';
  if (sort === 'id') {
    const fts = hasSearch(filter);
    const { conditions, args } = filterConditions(filter, fts ? 'f' : undefined, walkSortIndex && !fts);
    const id = fts ? 'f.rowid' : 'r.id';
    const where = after ? [...conditions, `${id} ${cmp} ?`] : conditions;
    return [{ sql: `SELECT ${id} AS id, ${id} AS k FROM ${fts ? FROM_FTS : FROM_LEFT} ${whereOf(where)} ORDER BY ${id} ${order} LIMIT ?`, args: after ? [...args, after.id] : args }];
  }
  const { conditions, args } = filterConditions(filter, undefined, walkSortIndex);
  const spec = SORTS[sort];
  const parts: KeysetPart[] = [];
  const inNullPart = after !== undefined && after.v === null;
  if (!inNullPart) {
    const where = [...conditions, spec.present];
    const keyArgs: SqlArg[] = [];
    if (after) { where.push(`(${spec.key}, ${spec.id}) ${cmp} (?, ?)`); keyArgs.push(after.v, after.id); }
    // Without conditions on records, a score sort reads the scores index alone.
    const from = spec.from === FROM_SCORES && conditions.length === 0 ? 'record_scores s' : spec.from;
    parts.push({
      sql: `SELECT ${spec.id} AS id, ${spec.key} AS k FROM ${from} ${whereOf(where)} ORDER BY ${spec.key} ${order}, ${spec.id} ${order} LIMIT ?`,
      args: [...args, ...keyArgs],
    });
  }
  const nullWhere = [...conditions, spec.absent];
  const nullArgs: SqlArg[] = [...args];
  if (inNullPart) { nullWhere.push(`r.id ${cmp} ?`); nullArgs.push(after.id); }
  parts.push({ sql: `SELECT r.id AS id, NULL AS k FROM ${FROM_LEFT} ${whereOf(nullWhere)} ORDER BY r.id ${order} LIMIT ?`, args: nullArgs });
  return parts;
}

/** The ORDER BY of a whole sorted walk in one statement, for exports and checks against keyset pages. */
export function orderByOf(sort: RecordSortColumn, dir: 'asc' | 'desc'): string {
  const order = dir === 'asc' ? 'ASC' : 'DESC';
  if (sort === 'id') return `ORDER BY r.id ${order}`;
  const spec = SORTS[sort];
  return `ORDER BY (${spec.present}) DESC, ${spec.key} ${order}, r.id ${order}`;
}
