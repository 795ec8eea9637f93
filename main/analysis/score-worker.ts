import { parentPort, workerData } from 'node:worker_threads';
import { createBatchScorer } from './score-batch';
import { scoreJsonlLines } from './score-jsonl';
import type { JsonlRequest, ScoreRequest, ScoreResponse, ScoreWorkerConfig } from './score-protocol';

const config = (workerData as { config: ScoreWorkerConfig }).config;
const scorer = await createBatchScorer(config);
parentPort?.on('message', (req: ScoreRequest | JsonlRequest) => {
  let reply: ScoreResponse;
  try {
    reply = 'jsonl' in req
      ? { batchId: req.batchId, ...scoreJsonlLines(scorer, req.jsonl.lines, req.jsonl.lineNos) }
      : { batchId: req.batchId, ...scorer.score(req.records, req.mode, req.kbs) };
  } catch (err) {
    reply = { batchId: req.batchId, error: (err as Error).message };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
