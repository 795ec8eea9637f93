// Creates a review queue: loads the filtered population, sizes the sample (fixed, or by the attribute-sampling
// rule on this population), draws it with the seed, and stores queue, items and audit entry in one transaction.
import { createHash, randomInt } from 'node:crypto';
import { ApiError } from '../../shared/contract/bridge';
import type { SampleResult } from '../../shared/contract/review-schemas';
import type { z } from 'zod';
import type { SampleRequest as SampleRequestSchema } from '../../shared/contract/review-schemas';
import { drawRandom, drawStratified, drawWeighted, type DrawnItem } from '../../shared/review/draw-sample';
import { attributeSampleSize } from '../../shared/stats/sample-size';
import { insertQueue, queueByName } from '../storage/review-repo';
import { loadPopulation } from '../storage/review-population';
import type { Workspace } from '../storage/workspace';

export type ParsedSampleRequest = z.output<typeof SampleRequestSchema>;

// Low-risk records keep a chance of selection: a sample of only flagged records could not show what the flags miss.
const RISK_FLOOR = 0.05;

/**
 * sha256 of the ids in decimal, ascending, one per line (no final newline): the population's fingerprint a re-draw
 * is checked against (Python: sha256("\\n".join(map(str, ids)).encode())). Digits are written straight into a
 * buffer: joining a million ids into one string took seconds.
 */
export function idsSha256(ids: ArrayLike<number>): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 16);
  const digits = new Uint8Array(20);
  let pos = 0;
  for (let i = 0; i < ids.length; i++) {
    if (pos > buf.length - 24) {
      hash.update(buf.subarray(0, pos));
      pos = 0;
    }
    if (i > 0) buf[pos++] = 10;
    let v = ids[i]!;
    let d = 0;
    do {
      digits[d++] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
    while (d > 0) buf[pos++] = digits[--d]!;
  }
  hash.update(buf.subarray(0, pos));
  return hash.digest('hex');
}

export function drawQueue(ws: Workspace, req: ParsedSampleRequest): SampleResult {
  if (queueByName(ws.db, req.name)) throw new ApiError('bad_request', `review queue "${req.name}" already exists; choose another --name`);
  if (req.method === 'stratified' && !req.strata) throw new ApiError('bad_request', 'stratified sampling needs strata (flag, model or promptVersion)');
  const pop = loadPopulation(ws.db, req.filter, { strata: req.method === 'stratified' ? req.strata : undefined, risk: req.method === 'risk' });
  const N = pop.ids.length;
  if (N === 0) throw new ApiError('bad_request', `no records match the filter ${JSON.stringify(req.filter)}`);
  let size = req.size;
  if (size === undefined) {
    try {
      size = attributeSampleSize({ confidence: req.confidence, tolerable: req.tolerable, expected: req.expected, population: N }).n;
    } catch (err) {
      throw new ApiError('bad_request', (err as Error).message);
    }
  }
  const seed = req.seed ?? randomInt(0, 2 ** 31);
  let drawn: DrawnItem[];
  if (req.method === 'stratified') drawn = drawStratified(pop.strata!, size, req.allocation, seed);
  else if (req.method === 'risk') drawn = drawWeighted(pop.risk!.map((r) => RISK_FLOOR + Math.max(0, Math.min(1, r))), size, seed);
  else drawn = drawRandom(N, size, seed);
  const items = drawn.map((d) => ({ record: pop.ids[d.index]!, stratum: d.stratum }));
  const populationSha = idsSha256(pop.ids);
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

