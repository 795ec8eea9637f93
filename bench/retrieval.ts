/**
 * Retrieval quality of the built-in embedder end to end (KB import tables -> HNSW index -> eval-retrieval):
 * HaluEval QA questions against a KB of their HotpotQA knowledge paragraphs plus distractor documents (other
 * evaldata texts), scored with hit@k, MRR@k and nDCG@k exactly as `assay eval-retrieval` reports them.
 *
 *   npx tsx bench/retrieval.ts [--k 5] [--distractors 5000]
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { callApi } from '../main/api/dispatch';
import { EventBus } from '../main/api/event-bus';
import { createHandlers } from '../main/api/handlers';
import { insertAsset } from '../main/storage/assets-repo';
import { kbWriters } from '../main/storage/kb-repo';
import { createWorkspace } from '../main/storage/workspace';

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const k = opt('--k', 5);
const distractorCount = opt('--distractors', 5000);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const evalDir = path.resolve(repoRoot, '..', 'shared', 'evaldata');
const qaFile = path.join(evalDir, 'halueval', 'qa_one-turn_data.json');

if (!existsSync(qaFile)) {
  console.log(`skipped: ${qaFile} not found`);
} else {
  const qa = readFileSync(qaFile, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { knowledge: string; question: string });
  const general = readFileSync(path.join(evalDir, 'halueval', 'general_data.json'), 'utf8').split('\n').filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { chatgpt_response: string }).chatgpt_response).slice(0, distractorCount);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'assay-retrieval-bench-'));
  try {
    const ws = createWorkspace(path.join(dir, 'ws'), { actor: 'bench' });
    ws.mutate('bench.kb', (db) => {
      const id = insertAsset(db, { kind: 'kb', name: 'halueval-knowledge', version: 1, sha256: 'bench', sourcePath: null });
      const w = kbWriters(db, id);
      const add = (docId: string, text: string) => {
        w.document({ docId, title: null, sha256: docId, charCount: text.length });
        w.chunk({ docId, title: null, chunkIndex: 0, startOffset: 0, endOffset: text.length, text });
      };
      qa.forEach((r, i) => add(`qa-${i}`, r.knowledge));
      general.forEach((t, i) => add(`distractor-${i}`, t));
      return id;
    }, (id) => ({ assetId: id }));
    const questions = path.join(dir, 'questions.jsonl');
    writeFileSync(questions, qa.map((r, i) => JSON.stringify({ question: r.question, gold_doc_ids: [`qa-${i}`] })).join('\n'));
    const h = createHandlers(ws, new EventBus());
    const started = performance.now();
    const r = await callApi(h, 'retrieval.evaluate', { path: questions, k });
    const seconds = (performance.now() - started) / 1000;
    console.log(`HaluEval QA (${qa.length} questions) against ${qa.length} knowledge documents + ${general.length} distractors, built-in embedder ${r.index.provider.id} v${r.index.provider.version} (${r.index.provider.dimension} dims):`);
    console.log(`hit@${k} ${r.hitAtK.toFixed(3)}  MRR@${k} ${r.mrrAtK.toFixed(3)}  nDCG@${k} ${r.ndcgAtK.toFixed(3)}  (index build + ${r.questions} queries in ${seconds.toFixed(1)} s)`);
    ws.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
