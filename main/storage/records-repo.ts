import type { LogRecord, RecordFacets, RecordPage, RecordSortColumn } from '../../shared/contract/schemas';
import type { ParsedRecordInput } from '../../shared/contract/record-input';
import type { Db } from './db';

interface RecordRow {
  id: number;
  asset_id: number;
  external_id: string | null;
  timestamp: string | null;
  model: string | null;
  model_version: string | null;
  prompt_id: string | null;
  prompt_version: string | null;
  input: string;
  output: string;
  contexts: string;
  tokens_in: number | null;
  tokens_out: number | null;
  latency_ms: number | null;
  cost: number | null;
  metadata: string;
}

const SORT_SQL: Record<RecordSortColumn, string> = {
  id: 'id', timestamp: 'timestamp', model: 'model', promptVersion: 'prompt_version',
  tokensIn: 'tokens_in', tokensOut: 'tokens_out', latencyMs: 'latency_ms', cost: 'cost',
};

export function toLogRecord(r: RecordRow): LogRecord {
  return {
    id: r.id, assetId: r.asset_id, externalId: r.external_id, timestamp: r.timestamp, model: r.model,
    modelVersion: r.model_version, promptId: r.prompt_id, promptVersion: r.prompt_version, input: r.input,
    output: r.output, contexts: JSON.parse(r.contexts) as string[], tokensIn: r.tokens_in, tokensOut: r.tokens_out,
    latencyMs: r.latency_ms, cost: r.cost, metadata: JSON.parse(r.metadata) as Record<string, unknown>,
  };
}

export interface RecordFilter {
  assetId?: number;
  model?: string;
  promptVersion?: string;
  search?: string;
  sort: RecordSortColumn;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export function listRecords(db: Db, q: RecordFilter): RecordPage {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.assetId !== undefined) { where.push('asset_id = ?'); args.push(q.assetId); }
  if (q.model !== undefined) { where.push('model = ?'); args.push(q.model); }
  if (q.promptVersion !== undefined) { where.push('prompt_version = ?'); args.push(q.promptVersion); }
  if (q.search) {
    where.push("(instr(lower(input), lower(?)) > 0 OR instr(lower(output), lower(?)) > 0 OR external_id = ?)");
    args.push(q.search, q.search, q.search);
  }
  const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n FROM records ${whereSql}`).get(...args) as { n: number }).n;
  const order = `${SORT_SQL[q.sort]} ${q.dir === 'desc' ? 'DESC' : 'ASC'}, id ${q.dir === 'desc' ? 'DESC' : 'ASC'}`;
  const rows = db.prepare(`SELECT * FROM records ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as RecordRow[];
  return { total, offset: q.offset, rows: rows.map(toLogRecord) };
}

export function getRecord(db: Db, id: number): LogRecord | undefined {
  const row = db.prepare('SELECT * FROM records WHERE id = ?').get(id) as RecordRow | undefined;
  return row && toLogRecord(row);
}

export function recordFacets(db: Db): RecordFacets {
  const col = (sql: string) => (db.prepare(sql).pluck().all() as string[]);
  return {
    models: col('SELECT DISTINCT model FROM records WHERE model IS NOT NULL ORDER BY model'),
    promptVersions: col('SELECT DISTINCT prompt_version FROM records WHERE prompt_version IS NOT NULL ORDER BY prompt_version'),
  };
}

export function countRecords(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM records').get() as { n: number }).n;
}

/** A prepared inserter for bulk imports; call inside the import's transaction. */
export function recordInserter(db: Db, assetId: number): (r: ParsedRecordInput) => void {
  const stmt = db.prepare(`INSERT INTO records (asset_id, external_id, timestamp, model, model_version, prompt_id, prompt_version,
    input, output, contexts, tokens_in, tokens_out, latency_ms, cost, metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  return (r) => {
    stmt.run(assetId, r.id === undefined ? null : String(r.id), r.timestamp ?? null, r.model ?? null, r.model_version ?? null,
      r.prompt_id ?? null, r.prompt_version ?? null, r.input, r.output, JSON.stringify(r.contexts), r.tokens_in ?? null,
      r.tokens_out ?? null, r.latency_ms ?? null, r.cost ?? null, JSON.stringify(r.metadata));
  };
}
