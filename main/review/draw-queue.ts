// Creates a review queue: loads the filtered population, sizes the sample (fixed, or by the attribute-sampling
// rule on this population), draws it with the seed, and stores queue, items and audit entry in one transaction.
import { randomInt } from 'node:crypto';
import { ApiError } from '../../shared/contract/bridge';
import type { SampleResult } from '../../shared/contract/review-schemas';
import type { z } from 'zod';
import type { SampleRequest as SampleRequestSchema } from '../../shared/contract/review-schemas';
import { drawRandom, drawStratified, drawWeighted, type DrawnItem } from '../../shared/review/draw-sample';
import { attributeSampleSize } from '../../shared/stats/sample-size';
import { idsSha256 } from '../storage/id-lists';
import { insertQueue, queueByName } from '../storage/review-repo';
import { loadPopulation, riskOf, type Population } from '../storage/review-population';
import type { Workspace } from '../storage/workspace';

export type ParsedSampleRequest = z.output<typeof SampleRequestSchema>;

// Low-risk records keep a chance of selection: a sample of only flagged records could not show what the flags miss.
const RISK_FLOOR = 0.05;

export function drawQueue(ws: Workspace, req: ParsedSampleRequest): SampleResult {
  if (queueByName(ws.db, req.name)) throw new ApiError('bad_request', `review queue "${req.name}" already exists; choose another --name`);
  if (req.method === 'stratified' && !req.strata) throw new ApiError('bad_request', 'stratified sampling needs strata (flag, model or promptVersion)');
  // Population, risk weights and draw in one read transaction: the weights read are those of the records listed.
  const { pop, seed, drawn } = ws.db.transaction(() => {
    const pop = loadPopulation(ws.db, req.filter, req.method === 'stratified' ? req.strata : undefined);
    const seed = req.seed ?? randomInt(0, 2 ** 31);
    return { pop, seed, drawn: draw(ws, req, pop, sampleSize(req, pop.ids.length), seed) };
  })();
  const items = drawn.map((d) => ({ record: pop.ids[d.index]!, stratum: d.stratum }));
  const N = pop.ids.length;
  const populationSha = pop.sha256;
  const result: SampleResult = {
    queue: req.name, n: items.length, population: N, population_sha256: populationSha, seed, method: req.method,
    records: items.map((i) => i.record),
  };
  ws.mutate('review.queue.created', (db) => insertQueue(db, {
    name: req.name, created_at: new Date().toISOString(), created_by: ws.actor, method: req.method,
    strata: req.method === 'stratified' ? req.strata ?? null : null, allocation: req.method === 'stratified' ? req.allocation : null,
    seed, filter: req.filter, population: N, population_sha256: populationSha, confidence: req.confidence, tolerable: req.tolerable,
    expected: req.expected, n: items.length, config: req.config,
  }, items), (id) => ({
    queue: req.name, id, method: req.method, strata: req.strata ?? null, allocation: req.allocation, seed, filter: req.filter,
    population: N, population_sha256: populationSha, n: items.length, sample_sha256: idsSha256(result.records),
    confidence: req.confidence, tolerable: req.tolerable, expected: req.expected, config: req.config,
  }));
  return result;
}

function sampleSize(req: ParsedSampleRequest, N: number): number {
  if (N === 0) throw new ApiError('bad_request', `no records match the filter ${JSON.stringify(req.filter)}`);
  if (req.size !== undefined) return req.size;
  try {
    return attributeSampleSize({ confidence: req.confidence, tolerable: req.tolerable, expected: req.expected, population: N }).n;
  } catch (err) {
    throw new ApiError('bad_request', (err as Error).message);
  }
}

function draw(ws: Workspace, req: ParsedSampleRequest, pop: Population, size: number, seed: number): DrawnItem[] {
  if (req.method === 'stratified') return drawStratified(pop.strata!, size, req.allocation, seed);
  if (req.method === 'random') return drawRandom(pop.ids.length, size, seed);
  return drawWeighted(pop.ids.length, size, seed, {
    at: (positions) => riskOf(ws.db, Array.from(positions, (p) => pop.ids[p]!)).map((r) => RISK_FLOOR + Math.max(0, Math.min(1, r))),
    max: RISK_FLOOR + 1,
  });
}
