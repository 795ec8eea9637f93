import { readFileSync, statSync } from 'node:fs';
import type { z } from 'zod';
import type { RetrievalEvalReport, RetrievalEvalRequest, RetrievalQuestionResult } from '../../shared/contract/retrieval-schemas';
import { kbChunkDocIds, kbDocIds } from '../storage/indexes-repo';
import { IndexError } from './index-error';
import { toIndexInfo } from './index-info';
import type { Emit, IndexService } from './index-service';
import { searchShards, type LoadedIndex } from './loaded-index';
import { distinctInOrder, scoreRanking } from './retrieval-metrics';

export interface EvalQuestion {
  line: number;
  question: string;
  gold: string[];
}

const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Reads {question, gold_doc_ids} lines; any bad line fails the whole file, naming the line and the field. */
export function readQuestions(file: string): EvalQuestion[] {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) throw new IndexError('bad_query', `${file}: ${size} bytes is more than a questions file should hold`);
    text = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof IndexError) throw err;
    throw new IndexError('bad_query', `${file}: cannot read questions (${(err as Error).message})`);
  }
  const out: EvalQuestion[] = [];
  const problems: string[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      problems.push(`line ${line}: invalid JSON (${(err as Error).message})`);
      return;
    }
    const obj = value as { question?: unknown; gold_doc_ids?: unknown };
    if (value === null || typeof value !== 'object' || Array.isArray(value)) problems.push(`line ${line}: expected a JSON object`);
    else if (typeof obj.question !== 'string' || obj.question.trim() === '') problems.push(`line ${line}: "question" must be a non-empty string`);
    else if (!Array.isArray(obj.gold_doc_ids) || obj.gold_doc_ids.length === 0 || !obj.gold_doc_ids.every((g) => typeof g === 'string' || typeof g === 'number')) {
      problems.push(`line ${line}: "gold_doc_ids" must be a non-empty array of document ids`);
    } else out.push({ line, question: obj.question, gold: [...new Set(obj.gold_doc_ids.map(String))] });
  });
  if (problems.length) {
    throw new IndexError('bad_query', `${file}: ${problems.length} bad line(s): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? '; …' : ''}`);
  }
  if (out.length === 0) throw new IndexError('bad_query', `${file}: no questions (expected one {"question", "gold_doc_ids"} object per line)`);
  return out;
}

const MAX_CHUNKS_PER_QUERY = 2000;

/** The first k distinct documents for a query: fetches more chunks until k documents are found or all are seen. */
export function rankDocuments(ix: LoadedIndex, docOf: ReadonlyMap<number, string>, question: string, k: number): string[] {
  const query = ix.provider.embed(question);
  if (!query.some((x) => x !== 0)) return [];
  const total = ix.row.itemCount;
  let want = Math.min(total, Math.max(k * 4, 20));
  for (;;) {
    const docs = distinctInOrder(searchShards(ix, query, want).flatMap((h) => {
      const d = docOf.get(h.id);
      return d === undefined ? [] : [d];
    }));
    if (docs.length >= k || want >= total || want >= MAX_CHUNKS_PER_QUERY) return docs.slice(0, k);
    want = Math.min(total, want * 2, MAX_CHUNKS_PER_QUERY);
  }
}

/** hit@k, MRR@k, nDCG@k and recall@k of a KB index over a file of questions with gold document ids. */
export async function evaluateRetrieval(service: IndexService, req: z.output<typeof RetrievalEvalRequest>, emit?: Emit): Promise<RetrievalEvalReport> {
  const questions = readQuestions(req.path);
  const scope = service.resolveScope('kb', req.assetId);
  const assetId = scope.assetId!;
  const known = kbDocIds(service.ws.db, assetId);
  const unknown = new Set<string>();
  for (const q of questions) for (const g of q.gold) if (!known.has(g)) unknown.add(g);
  const allGold = new Set(questions.flatMap((q) => q.gold));
  if (unknown.size === allGold.size) {
    throw new IndexError('bad_query', `none of the ${allGold.size} gold document ids in ${req.path} is a document of KB asset ${assetId} ` +
      `(e.g. ${[...unknown].slice(0, 3).map((g) => JSON.stringify(g)).join(', ')}); check the KB version (--kb) or the id scheme`);
  }
  const { row } = await service.ensure(scope, { autoBuild: true, rebuild: req.rebuild, emit }, { embedder: req.embedder });
  const ix = service.open(row);
  const docOf = kbChunkDocIds(service.ws.db, assetId);
  const perQuestion: RetrievalQuestionResult[] = [];
  let hit = 0;
  let rr = 0;
  let ndcg = 0;
  let recall = 0;
  for (const q of questions) {
    const retrieved = rankDocuments(ix, docOf, q.question, req.k);
    const s = scoreRanking(retrieved, new Set(q.gold), req.k);
    hit += s.hit;
    rr += s.reciprocalRank;
    ndcg += s.ndcg;
    recall += s.recall;
    perQuestion.push({ line: q.line, question: q.question, gold: q.gold, retrieved, rank: s.firstRank, ndcg: s.ndcg });
  }
  const n = questions.length;
  return {
    k: req.k, questions: n, hitAtK: hit / n, mrrAtK: rr / n, ndcgAtK: ndcg / n, recallAtK: recall / n,
    unknownGoldIds: unknown.size, unknownGoldSample: [...unknown].slice(0, 10), index: toIndexInfo(service.ws.db, ix.row), perQuestion,
  };
}
