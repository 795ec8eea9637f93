import type { LogRecord, RecordCursor, RecordFacets, RecordPage, RecordSortColumn } from '../../shared/contract/schemas';
import type { RecordScores } from '../../shared/contract/analysis-schemas';
import { cachedByRevision } from './records-cache';
import { groupFacets, groupTotals, groupsAnswer } from './records-groups';
import { filterConditions, hasSearch, keysetParts, whereOf, type RecordFilterFields, type SqlArg } from './records-query';
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

export function toLogRecord(r: RecordRow): LogRecord {
  return {
    id: r.id, assetId: r.asset_id, externalId: r.external_id, timestamp: r.timestamp, model: r.model,
    modelVersion: r.model_version, promptId: r.prompt_id, promptVersion: r.prompt_version, input: r.input,
    output: r.output, contexts: JSON.parse(r.contexts) as string[], tokensIn: r.tokens_in, tokensOut: r.tokens_out,
    latencyMs: r.latency_ms, cost: r.cost, metadata: JSON.parse(r.metadata) as Record<string, unknown>,
    scores: toScores(r),
  };
}

export interface RecordFilter extends RecordFilterFields {
  sort: RecordSortColumn;
  dir: 'asc' | 'desc';
  /** Continue after this row; otherwise start at `offset`. */
  after?: RecordCursor;
  offset: number;
  limit: number;
}

/** The WHERE clause (over `records r LEFT JOIN record_scores s`) and its arguments for a filter. */
export function recordFilterSql(q: RecordFilterFields): { whereSql: string; args: SqlArg[] } {
  const { conditions, args } = filterConditions(q);
  return { whereSql: whereOf(conditions), args };
}

export const filterKey = (q: RecordFilterFields): string =>
  JSON.stringify([q.assetId ?? null, q.model ?? null, q.promptVersion ?? null, q.search?.trim() || null, q.flag ?? null]);

/**
 * How many records match the filter; counted once per filter until the workspace changes. A search reads the
 * full-text index as far as it has caught up (records-fts.ts); callers catch it up first.
 */
export function countMatching(db: Db, q: RecordFilterFields): number {
  return cachedByRevision(db, `count:${filterKey(q)}`, () => {
    if (groupsAnswer(q)) return groupTotals(db, q).count;
    const search = hasSearch(q);
    const { conditions, args } = filterConditions(q, search ? 'f' : undefined);
    if (search && conditions.length === 1) return db.prepare('SELECT count(*) FROM records_fts f WHERE f.records_fts MATCH ?').pluck().get(...args) as number;
    // Without a flag condition the scores join is not needed, and count(*) can read the smallest index.
    let from = search ? 'records_fts f JOIN records r ON r.id = f.rowid' : 'records r';
    if (q.flag !== undefined) from += ' LEFT JOIN record_scores s ON s.record_id = r.id';
    return db.prepare(`SELECT count(*) FROM ${from} ${whereOf(conditions)}`).pluck().get(...args) as number;
  });
}

interface KeyRow { id: number; k: string | number | null }

// Above this share of all records, a filtered page is found faster by walking the sort's index (records-query.ts).
const WALK_SORT_INDEX_SHARE = 0.02;

function walkSortIndex(db: Db, q: RecordFilter): boolean {
  if (q.assetId === undefined && q.model === undefined && q.promptVersion === undefined && q.flag === undefined && !q.search?.trim()) return false;
  const all = countMatching(db, {});
  return all > 0 && countMatching(db, q) / all > WALK_SORT_INDEX_SHARE;
}

/** Up to `limit` (id, key) pairs after `after`, in the sort's order, from its index. */
function walkKeys(db: Db, q: RecordFilter, after: RecordCursor | undefined, limit: number): KeyRow[] {
  const out: KeyRow[] = [];
  for (const part of keysetParts(q, q.sort, q.dir, after, walkSortIndex(db, q))) {
    if (out.length >= limit) break;
    const rows = db.prepare(part.sql).all(...part.args, limit - out.length) as KeyRow[];
    out.push(...rows);
  }
  return out;
}

/** Positions are sought through anchors every SEEK_STRIDE rows, so a jump reads at most this many extra keys. */
const SEEK_STRIDE = 256;

/**
 * The cursor before every SEEK_STRIDE-th row of a sorted, filtered walk, from one pass over its keys; cached per
 * filter and sort until the workspace changes. A jump to row n then starts from an anchor, never an OFFSET scan.
 */
function seekAnchors(db: Db, q: RecordFilter): RecordCursor[] {
  return cachedByRevision(db, `anchors:${filterKey(q)}:${q.sort}:${q.dir}`, () => {
    const anchors: RecordCursor[] = [];
    let position = 0;
    for (const part of keysetParts(q, q.sort, q.dir, undefined, walkSortIndex(db, q))) {
      for (const [id, k] of db.prepare(part.sql).raw().iterate(...part.args, -1) as Iterable<[number, string | number | null]>) {
        position += 1;
        if (position % SEEK_STRIDE === 0) anchors.push({ v: k, id });
      }
    }
    return anchors;
  });
}

function seek(db: Db, q: RecordFilter, offset: number): { after: RecordCursor | undefined; skip: number } | null {
  const anchor = Math.floor(offset / SEEK_STRIDE) - 1;
  if (anchor < 0) return { after: undefined, skip: offset };
  const anchors = seekAnchors(db, q);
  const cursor = anchors[anchor];
  return cursor ? { after: cursor, skip: offset % SEEK_STRIDE } : null;
}

/** Full rows for ids, in the order given. */
export function recordsByIds(db: Db, ids: readonly number[]): LogRecord[] {
  if (ids.length === 0) return [];
  const rows = db.prepare(`${SELECT_RECORDS} WHERE r.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as RecordRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => { const r = byId.get(id); return r ? [toLogRecord(r)] : []; });
}

/** The ids and next cursor of one page: keyset after `after`, or sought to `offset`. */
export function pageKeys(db: Db, q: RecordFilter): { ids: number[]; next: RecordCursor | null } {
  const start = q.after ? { after: q.after, skip: 0 } : seek(db, q, q.offset);
  if (start === null) return { ids: [], next: null };
  const keys = walkKeys(db, q, start.after, start.skip + q.limit).slice(start.skip);
  const last = keys[keys.length - 1];
  return { ids: keys.map((k) => k.id), next: keys.length === q.limit && last ? { v: last.k, id: last.id } : null };
}

export function listRecords(db: Db, q: RecordFilter): RecordPage {
  const { ids, next } = pageKeys(db, q);
  return { total: countMatching(db, q), offset: q.offset, rows: recordsByIds(db, ids), next };
}

export function getRecord(db: Db, id: number): LogRecord | undefined {
  const row = db.prepare(`${SELECT_RECORDS} WHERE r.id = ?`).get(id) as RecordRow | undefined;
  return row && toLogRecord(row);
}

/** The Records page's filter choices: every model and prompt version, from the per-group sums. */
export function recordFacets(db: Db): RecordFacets {
  return groupFacets(db);
}

export function countRecords(db: Db): number {
  return countMatching(db, {});
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
