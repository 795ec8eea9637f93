import { parentPort, workerData } from 'node:worker_threads';
import { createBatchScorer } from './score-batch';
import type { ScoreRequest, ScoreResponse, ScoreWorkerConfig } from './score-protocol';

const config = (workerData as { config: ScoreWorkerConfig }).config;
const scorer = await createBatchScorer(config);
parentPort?.on('message', (req: ScoreRequest) => {
  let reply: ScoreResponse;
  try {
    reply = { batchId: req.batchId, ...scorer.score(req.records, req.mode, req.kbs) };
  } catch (err) {
    reply = { batchId: req.batchId, error: (err as Error).message };
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ ready: true });
