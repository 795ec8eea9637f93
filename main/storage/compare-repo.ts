// Reads the records of one side of a comparison (one model, model version, prompt version, asset or KB version)
// with the values comparison metrics need, in one query.
import type { CompareAxis } from '../../shared/contract/compare-schemas';
import type { CompareItem } from '../../shared/compare/compare-item';
import type { Db } from './db';

/**
 * A row of select() as an array, in its column order: rows come back as arrays rather than objects (about half
 * the time of a 100k-row read), so this order and select()'s must agree.
 */
type ItemRow = [
  id: number, input: string, pair_key: string | number | null, item_id: string | number | null, scored: number | null,
  h: number | null, t: number | null, inj: number | null, pii: number | null,
  grounding: number | null, answer_relevance: number | null, context_relevance: number | null,
  tokens_in: number | null, tokens_out: number | null, latency_ms: number | null, cost: number | null,
  timestamp: string | null, model: string | null, pass: number | null, fail: number | null,
];

/** The record row plus what cost estimation needs. */
export interface LoadedItem extends CompareItem {
  timestamp: string | null;
  model: string | null;
}

const WHERE: Record<Exclude<CompareAxis, 'kb_version'>, string> = {
  model: 'r.model = ?',
  model_version: 'r.model_version = ?',
  prompt_version: 'r.prompt_version = ?',
  asset: 'r.asset_id = ?',
};

function hasTable(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

function hasColumn(db: Db, table: string, column: string): boolean {
  return (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).some((c) => c.name === column);
}

// Majority human verdict per record over every queue; 'unsure' counts for neither side.
const VERDICTS = `LEFT JOIN (SELECT record_id, sum(verdict = 'pass') AS pass, sum(verdict = 'fail') AS fail
  FROM review_verdicts GROUP BY record_id) v ON v.record_id = r.id`;

function select(db: Db, groundingFrom: string, where: string): string {
  const verdicts = hasTable(db, 'review_verdicts');
  return `SELECT r.id, r.input, json_extract(r.metadata, '$.pair_key') AS pair_key, json_extract(r.metadata, '$.item_id') AS item_id,
      s.record_id AS scored, s.flag_hallucination AS h, s.flag_toxic AS t, s.flag_injection AS inj, s.flag_pii AS pii,
      ${groundingFrom}, r.tokens_in, r.tokens_out, r.latency_ms, r.cost, r.timestamp, r.model,
      ${verdicts ? 'v.pass, v.fail' : 'NULL AS pass, NULL AS fail'}
    FROM records r LEFT JOIN record_scores s ON s.record_id = r.id ${verdicts ? VERDICTS : ''} ${where} ORDER BY r.timestamp, r.id`;
}

const key = (v: string | number | null) => (v === null || v === '' ? null : String(v));

function toItem(r: ItemRow, hallucination?: boolean): LoadedItem {
  const [id, input, pairKey, itemId, scored, h, t, inj, pii, grounding, answerRelevance, contextRelevance, tokensIn, tokensOut, latencyMs, cost, timestamp, model, pass, fail] = r;
  const votes = (pass ?? 0) + (fail ?? 0);
  return {
    recordId: id, input, pairKey: key(pairKey), itemId: key(itemId),
    flags: scored === null ? null : { hallucination: hallucination ?? h === 1, toxic: t === 1, injection: inj === 1, pii: pii === 1 },
    grounding, answerRelevance, contextRelevance,
    reviewPass: votes === 0 || pass === fail ? null : (pass ?? 0) > (fail ?? 0),
    tokensIn, tokensOut, latencyMs, cost, estimated: false,
    timestamp, model,
  };
}

function readItems(db: Db, sql: string, args: readonly (string | number)[], hallucination?: (r: ItemRow) => boolean): LoadedItem[] {
  const rows = db.prepare(sql).raw(true).all(...args) as ItemRow[];
  return rows.map((r) => toItem(r, hallucination?.(r)));
}

/** Records of one side; `asset` takes an asset id. */
export function loadSideItems(db: Db, by: Exclude<CompareAxis, 'kb_version'>, value: string): LoadedItem[] {
  const arg = by === 'asset' ? Number(value) : value;
  return readItems(db, select(db, 's.grounding, s.answer_relevance, s.context_relevance', `WHERE ${WHERE[by]}`), [arg]);
}

/**
 * Records grounded with KB asset `kbAssetId` as evidence: grounding scores (and the hallucination flag, from the
 * grounding threshold) come from that KB's latest grounding finding; the other flags are the record's own.
 */
export function loadKbSideItems(db: Db, kbAssetId: number, groundingThreshold: number): LoadedItem[] {
  if (!hasColumn(db, 'findings', 'kb_asset_id')) return [];
  const from = `g.grounding, g.answer_relevance, g.context_relevance`;
  const sql = select(db, from, '').replace('FROM records r', `FROM records r JOIN (
      SELECT f.record_id, json_extract(f.scores, '$.grounding') AS grounding, json_extract(f.scores, '$.answer_relevance') AS answer_relevance,
        json_extract(f.scores, '$.context_relevance') AS context_relevance,
        row_number() OVER (PARTITION BY f.record_id ORDER BY f.run_id DESC) AS latest
      FROM findings f WHERE f.analyzer_id = 'grounding' AND f.kb_asset_id = ?) g ON g.record_id = r.id AND g.latest = 1`);
  return readItems(db, sql, [kbAssetId], ([, , , , , , , , , grounding]) => grounding !== null && grounding < groundingThreshold);
}

export interface AxisValueRow {
  value: string;
  label: string;
  records: number;
}

/** The values an axis takes in this workspace, with their record counts (for pickers and error messages). */
export function axisValues(db: Db, by: CompareAxis): AxisValueRow[] {
  if (by === 'asset') {
    return db.prepare(`SELECT CAST(a.id AS TEXT) AS value, a.name || ' v' || a.version AS label, count(r.id) AS records
      FROM assets a JOIN records r ON r.asset_id = a.id WHERE a.kind = 'logs' GROUP BY a.id ORDER BY a.id`).all() as AxisValueRow[];
  }
  if (by === 'kb_version') {
    if (!hasColumn(db, 'findings', 'kb_asset_id')) return [];
    return db.prepare(`SELECT CAST(a.id AS TEXT) AS value, a.name || ' v' || a.version AS label, count(DISTINCT f.record_id) AS records
      FROM assets a JOIN findings f ON f.kb_asset_id = a.id AND f.analyzer_id = 'grounding' WHERE a.kind = 'kb' GROUP BY a.id ORDER BY a.id`).all() as AxisValueRow[];
  }
  const column = `r.${by}`;
  return db.prepare(`SELECT ${column} AS value, ${column} AS label, count(*) AS records FROM records r
    WHERE ${column} IS NOT NULL GROUP BY ${column} ORDER BY ${column}`).all() as AxisValueRow[];
}

export interface StoredComparison {
  id: number;
  createdAt: string;
  by: CompareAxis;
  a: string;
  b: string;
  result: string;
  resultSha256: string;
}

export function insertComparison(db: Db, c: Omit<StoredComparison, 'id'> & { params: string }): number {
  return Number(db.prepare(`INSERT INTO comparisons (created_at, by_axis, side_a, side_b, params, result, result_sha256)
    VALUES (?, ?, ?, ?, ?, ?, ?)`).run(c.createdAt, c.by, c.a, c.b, c.params, c.result, c.resultSha256).lastInsertRowid);
}

export function listComparisons(db: Db, limit = 50): StoredComparison[] {
  return db.prepare(`SELECT id, created_at AS createdAt, by_axis AS by, side_a AS a, side_b AS b, result, result_sha256 AS resultSha256
    FROM comparisons ORDER BY id DESC LIMIT ?`).all(limit) as StoredComparison[];
}

export interface RecordTexts {
  id: number;
  input: string;
  output: string;
  contexts: string[];
}

/** Input, output and contexts of these records (for counting tokens the logs did not report). */
export function recordTexts(db: Db, ids: readonly number[]): RecordTexts[] {
  if (ids.length === 0) return [];
  const rows = db.prepare('SELECT id, input, output, contexts FROM records WHERE id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(ids)) as { id: number; input: string; output: string; contexts: string }[];
  return rows.map((r) => ({ ...r, contexts: JSON.parse(r.contexts) as string[] }));
}

export interface ItemScope {
  asset?: number;
  model?: string;
  prompt_version?: string;
  from?: string;
  to?: string;
}

/** Records matching every given filter (a gate's scope); timestamps compare as ISO strings. */
export function loadScopedItems(db: Db, scope: ItemScope): LoadedItem[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (scope.asset !== undefined) { where.push('r.asset_id = ?'); args.push(scope.asset); }
  if (scope.model !== undefined) { where.push('r.model = ?'); args.push(scope.model); }
  if (scope.prompt_version !== undefined) { where.push('r.prompt_version = ?'); args.push(scope.prompt_version); }
  if (scope.from !== undefined) { where.push('r.timestamp >= ?'); args.push(scope.from); }
  if (scope.to !== undefined) { where.push('r.timestamp <= ?'); args.push(scope.to.length === 10 ? `${scope.to}T23:59:59.999Z` : scope.to); }
  const sql = select(db, 's.grounding, s.answer_relevance, s.context_relevance', where.length ? `WHERE ${where.join(' AND ')}` : '');
  return readItems(db, sql, args);
}
