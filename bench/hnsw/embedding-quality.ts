/**
 * Retrieval quality of built-in embedder settings, measured with exact search so the figure is the embedding's,
 * not the index's: HaluEval QA questions -> their knowledge paragraph, and BEGIN dialogue responses -> the
 * knowledge they were written from, each among every knowledge text plus distractors (the HNSW bench's other
 * real texts). The IDF is fitted on that corpus, as an index build does. Used to check that a change made for
 * the index (dimension, weights) does not make retrieval worse.
 *
 *   npx tsx bench/hnsw/embedding-quality.ts --distractors 20000 --variants "dimension=384;dimension=768"
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { fileURLToPath } from 'node:url';
import { exactTopK } from '../../shared/text/embed/exact-knn';
import { DfCounter, DEFAULT_HASHED_TFIDF, HashedTfidf, type HashedTfidfParams } from '../../shared/text/embed/hashed-tfidf';
import { loadRealTexts } from './real-corpus';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const distractorCount = Number(opt('--distractors', '20000'));
const variants = opt('--variants', 'dimension=384;dimension=768').split(';').map((v) => {
  const over: Record<string, number> = {};
  for (const kv of v.split(',').filter(Boolean)) {
    const [key, value] = kv.split('=');
    over[key!.trim()] = Number(value);
  }
  return { label: v, params: { ...DEFAULT_HASHED_TFIDF, ...over } as HashedTfidfParams };
});

const evalDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'evaldata');
const jsonLines = (file: string) => readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, string>);

interface Task { name: string; queries: { text: string; gold: number }[] }
const knowledge: string[] = [];
const knowledgeId = new Map<string, number>();
const idOf = (text: string) => {
  let id = knowledgeId.get(text);
  if (id === undefined) {
    id = knowledge.length;
    knowledge.push(text);
    knowledgeId.set(text, id);
  }
  return id;
};
const qa: Task = { name: 'HaluEval QA question -> knowledge', queries: [] };
for (const file of ['qa_one-turn_data.json', 'qa_multi-turn_data.json']) {
  for (const r of jsonLines(path.join(evalDir, 'halueval', file))) qa.queries.push({ text: r.question!, gold: idOf(r.knowledge!) });
}
const begin: Task = { name: 'BEGIN response -> knowledge', queries: [] };
for (const [dir, file] of [['wow', 'begin_dev_wow.tsv'], ['cmu-dog', 'begin_dev_cmu.tsv'], ['topicalchat', 'begin_dev_tc.tsv']] as const) {
  const rows = parse(readFileSync(path.join(evalDir, 'begin', dir, file), 'utf8'), { columns: true, delimiter: '\t', quote: false, relax_column_count: true, skip_empty_lines: true }) as Record<string, string>[];
  for (const r of rows) if (r.knowledge && r.response && r.response.length >= 20) begin.queries.push({ text: r.response, gold: idOf(r.knowledge) });
}
const real = loadRealTexts(evalDir);
if ('skipped' in real) throw new Error(real.skipped);
const queryTexts = new Set([...qa.queries, ...begin.queries].map((q) => q.text));
const distractors = real.texts.filter((t) => !knowledgeId.has(t) && !queryTexts.has(t)).slice(0, distractorCount);
const corpus = [...knowledge, ...distractors];
console.log(`# embedding quality: ${knowledge.length} knowledge texts + ${distractors.length} distractors; ${qa.queries.length} QA questions, ${begin.queries.length} BEGIN responses; exact search`);

for (const v of variants) {
  const dim = v.params.dimension;
  const df = new DfCounter(v.params);
  for (const t of corpus) df.add(t);
  const e = new HashedTfidf(v.params, df.result());
  const matrix = new Float32Array(corpus.length * dim);
  corpus.forEach((t, i) => e.embedInto(t, matrix.subarray(i * dim, (i + 1) * dim)));
  const parts: string[] = [];
  for (const task of [qa, begin]) {
    let hit1 = 0;
    let hit5 = 0;
    let mrr = 0;
    for (const q of task.queries) {
      const rank = Array.from(exactTopK(matrix, dim, e.embed(q.text), 10).indices).indexOf(q.gold);
      if (rank === 0) hit1++;
      if (rank >= 0 && rank < 5) hit5++;
      if (rank >= 0) mrr += 1 / (rank + 1);
    }
    const n = task.queries.length;
    parts.push(`${task.name}: hit@1 ${(hit1 / n).toFixed(3)} hit@5 ${(hit5 / n).toFixed(3)} MRR@10 ${(mrr / n).toFixed(3)}`);
  }
  console.log(`${v.label.padEnd(28)} ${parts.join(' | ')}`);
}
