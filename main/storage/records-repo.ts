import type { LogRecord, RecordFacets, RecordPage, RecordSortColumn } from '../../shared/contract/schemas';
import type { RecordFlag, RecordScores } from '../../shared/contract/analysis-schemas';
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
  s_run: number | null;
  s_grounding: number | null;
  s_answer_relevance: number | null;
  s_context_relevance: number | null;
  s_toxicity: number | null;
  s_input_toxicity: number | null;
  s_injection: number | null;
  s_context_injection: number | null;
  s_pii: number | null;
  s_flag_hallucination: number | null;
  s_flag_toxic: number | null;
  s_flag_injection: number | null;
  s_flag_pii: number | null;
}

/** Records joined with their headline scores (record_scores, written by workspace analysis). */
const SELECT_RECORDS = `SELECT r.*, s.run_id AS s_run, s.grounding AS s_grounding, s.answer_relevance AS s_answer_relevance,
  s.context_relevance AS s_context_relevance, s.toxicity AS s_toxicity, s.input_toxicity AS s_input_toxicity,
  s.injection AS s_injection, s.context_injection AS s_context_injection, s.pii AS s_pii,
  s.flag_hallucination AS s_flag_hallucination, s.flag_toxic AS s_flag_toxic, s.flag_injection AS s_flag_injection, s.flag_pii AS s_flag_pii
  FROM records r LEFT JOIN record_scores s ON s.record_id = r.id`;

const FLAG_SQL: Record<RecordFlag, string> = {
  hallucination: 's.flag_hallucination = 1', toxic: 's.flag_toxic = 1', injection: 's.flag_injection = 1', pii: 's.flag_pii = 1',
  any: '(s.flag_hallucination + s.flag_toxic + s.flag_injection + s.flag_pii) > 0', unscored: 's.record_id IS NULL',
};

function toScores(r: RecordRow): RecordScores | null {
  if (r.s_run === null) return null;
  const flags: RecordScores['flags'] = [];
  if (r.s_flag_hallucination) flags.push('hallucination');
  if (r.s_flag_toxic) flags.push('toxic');
  if (r.s_flag_injection) flags.push('injection');
  if (r.s_flag_pii) flags.push('pii');
  return {
    grounding: r.s_grounding, answerRelevance: r.s_answer_relevance, contextRelevance: r.s_context_relevance, toxicity: r.s_toxicity,
    inputToxicity: r.s_input_toxicity, injection: r.s_injection, contextInjection: r.s_context_injection, pii: r.s_pii, flags,
  };
}

const SORT_SQL: Record<RecordSortColumn, string> = {
  id: 'r.id', timestamp: 'r.timestamp', model: 'r.model', promptVersion: 'r.prompt_version',
  tokensIn: 'r.tokens_in', tokensOut: 'r.tokens_out', latencyMs: 'r.latency_ms', cost: 'r.cost',
  grounding: 's.grounding', toxicity: 's.toxicity', injection: 'max(coalesce(s.injection, 0), coalesce(s.context_injection, 0))', pii: 's.pii',
};

export function toLogRecord(r: RecordRow): LogRecord {
  return {
    id: r.id, assetId: r.asset_id, externalId: r.external_id, timestamp: r.timestamp, model: r.model,
    modelVersion: r.model_version, promptId: r.prompt_id, promptVersion: r.prompt_version, input: r.input,
    output: r.output, contexts: JSON.parse(r.contexts) as string[], tokensIn: r.tokens_in, tokensOut: r.tokens_out,
    latencyMs: r.latency_ms, cost: r.cost, metadata: JSON.parse(r.metadata) as Record<string, unknown>,
    scores: toScores(r),
  };
}

export interface RecordFilter {
  assetId?: number;
  model?: string;
  promptVersion?: string;
  search?: string;
  flag?: RecordFlag;
  sort: RecordSortColumn;
  dir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

/** The WHERE clause (over `records r LEFT JOIN record_scores s`) and its arguments for a filter. */
export function recordFilterSql(q: Pick<RecordFilter, 'assetId' | 'model' | 'promptVersion' | 'search' | 'flag'>): { whereSql: string; args: (string | number)[] } {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (q.assetId !== undefined) { where.push('r.asset_id = ?'); args.push(q.assetId); }
  if (q.model !== undefined) { where.push('r.model = ?'); args.push(q.model); }
  if (q.promptVersion !== undefined) { where.push('r.prompt_version = ?'); args.push(q.promptVersion); }
  if (q.flag !== undefined) where.push(FLAG_SQL[q.flag]);
  if (q.search) {
    where.push("(instr(lower(r.input), lower(?)) > 0 OR instr(lower(r.output), lower(?)) > 0 OR r.external_id = ?)");
    args.push(q.search, q.search, q.search);
  }
  return { whereSql: where.length ? `WHERE ${where.join(' AND ')}` : '', args };
}

export function listRecords(db: Db, q: RecordFilter): RecordPage {
  const { whereSql, args } = recordFilterSql(q);
  const total = (db.prepare(`SELECT count(*) AS n FROM records r LEFT JOIN record_scores s ON s.record_id = r.id ${whereSql}`).get(...args) as { n: number }).n;
  const dir = q.dir === 'desc' ? 'DESC' : 'ASC';
  const order = `${SORT_SQL[q.sort]} ${dir} NULLS LAST, r.id ${dir}`;
  const rows = db.prepare(`${SELECT_RECORDS} ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...args, q.limit, q.offset) as RecordRow[];
  return { total, offset: q.offset, rows: rows.map(toLogRecord) };
}

export function getRecord(db: Db, id: number): LogRecord | undefined {
  const row = db.prepare(`${SELECT_RECORDS} WHERE r.id = ?`).get(id) as RecordRow | undefined;
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
