import { PII_PRIORITY, type PiiEntity } from './types';

// Weak guesses (a number that is a phone only because "office" is near) yield to the next types down.
const WEAK = 0.75;
const priority = (e: PiiEntity): number => PII_PRIORITY[e.type] - (e.score < WEAK ? 3 : 0);
const rank = (a: PiiEntity, b: PiiEntity): number =>
  priority(b) - priority(a) || b.end - b.start - (a.end - a.start) || b.score - a.score || a.start - b.start;

/** Greedy pick inside one cluster of overlapping entities (clusters are small). */
function pick(cluster: PiiEntity[], out: PiiEntity[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0]!);
    return;
  }
  const kept: PiiEntity[] = [];
  for (const e of [...cluster].sort(rank)) if (!kept.some((k) => k.start < e.end && e.start < k.end)) kept.push(e);
  out.push(...kept.sort((a, b) => a.start - b.start));
}

/**
 * Keeps one entity per region: higher priority types first (a card number beats the phone number inside
 * it; entities scoring under 0.75 rank three places lower), then longer spans, then higher scores. Overlapping same-type spans merge into their union, so two
 * person cues over "Janka M. Szász" give one person. Result is sorted by start. O(n log n): entities are
 * swept into clusters of mutual overlap and each cluster is resolved alone.
 */
export function resolveOverlaps(entities: PiiEntity[]): PiiEntity[] {
  const sorted = mergeSameType(entities).sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiEntity[] = [];
  let cluster: PiiEntity[] = [];
  let clusterEnd = -1;
  for (const e of sorted) {
    if (cluster.length > 0 && e.start >= clusterEnd) {
      pick(cluster, out);
      cluster = [];
    }
    cluster.push(e);
    clusterEnd = Math.max(cluster.length === 1 ? e.end : clusterEnd, e.end);
  }
  if (cluster.length > 0) pick(cluster, out);
  return out;
}

function mergeSameType(entities: PiiEntity[]): PiiEntity[] {
  const sorted = entities.filter((e) => e.end > e.start).sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : a.start - b.start));
  const out: PiiEntity[] = [];
  for (const e of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.type === e.type && e.start < prev.end) {
      prev.end = Math.max(prev.end, e.end);
      prev.score = Math.max(prev.score, e.score);
    } else out.push({ ...e });
  }
  return out;
}
