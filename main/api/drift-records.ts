// Record sets for embedding drift and training-serving skew: LLM log records chosen by asset, model, prompt
// version and time range, read page by page and kept as a seeded reservoir sample so memory stays bounded
// however many records match.
import { ApiError } from '../../shared/contract/bridge';
import type { RecordSetFilter } from '../../shared/contract/drift-schemas';
import type { LogRecord } from '../../shared/contract/schemas';
import { createRng } from '../../shared/stats/prng';
import { listAssets } from '../storage/assets-repo';
import { listRecords } from '../storage/records-repo';
import type { Workspace } from '../storage/workspace';

const PAGE = 1000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export interface RecordSet {
  records: LogRecord[];
  /** Records that passed the filter (more than `records.length` when sampled). */
  matched: number;
  /** A short description of the filter for reports and messages. */
  label: string;
}

/** Inclusive epoch-ms bounds of the filter's time range; a bare `to` date runs through the end of that day. */
export function timeRange(filter: RecordSetFilter, side: string): { from: number; to: number } {
  const parse = (value: string | undefined, key: 'from' | 'to'): number => {
    if (value === undefined) return key === 'from' ? -Infinity : Infinity;
    const ms = Date.parse(DATE_ONLY.test(value) ? `${value}T00:00:00Z` : value);
    if (!Number.isFinite(ms)) throw new ApiError('bad_request', `${side} set: "${key}" is not an ISO date or date-time: ${JSON.stringify(value)}`);
    return key === 'to' && DATE_ONLY.test(value) ? ms + DAY_MS - 1 : ms;
  };
  const range = { from: parse(filter.from, 'from'), to: parse(filter.to, 'to') };
  if (range.from > range.to) throw new ApiError('bad_request', `${side} set: "from" (${filter.from}) is after "to" (${filter.to})`);
  return range;
}

export function describeFilter(ws: Workspace, filter: RecordSetFilter): string {
  const parts: string[] = [];
  if (filter.assetId !== undefined) parts.push(listAssets(ws.db).find((a) => a.id === filter.assetId)?.name ?? `asset ${filter.assetId}`);
  if (filter.model !== undefined) parts.push(`model ${filter.model}`);
  if (filter.promptVersion !== undefined) parts.push(`prompt ${filter.promptVersion}`);
  if (filter.from !== undefined || filter.to !== undefined) parts.push(`${filter.from ?? '…'} to ${filter.to ?? '…'}`);
  return parts.length ? parts.join(', ') : 'all records';
}

/** Reads the records of one set; at most `max` of them, a seeded uniform sample when more match. */
export function loadRecordSet(ws: Workspace, filter: RecordSetFilter, side: string, max: number, seed: number): RecordSet {
  if (filter.assetId !== undefined) {
    const asset = listAssets(ws.db).find((a) => a.id === filter.assetId);
    if (!asset) throw new ApiError('not_found', `${side} set: asset ${filter.assetId} does not exist`);
    if (asset.kind !== 'logs') throw new ApiError('bad_request', `${side} set: asset ${filter.assetId} (${asset.name}) is a ${asset.kind} asset, not a logs asset`);
  }
  const { from, to } = timeRange(filter, side);
  const timed = filter.from !== undefined || filter.to !== undefined;
  const rng = createRng(seed);
  const kept: LogRecord[] = [];
  let matched = 0;
  for (let offset = 0; ; offset += PAGE) {
    const page = listRecords(ws.db, {
      ...(filter.assetId !== undefined ? { assetId: filter.assetId } : {}),
      ...(filter.model !== undefined ? { model: filter.model } : {}),
      ...(filter.promptVersion !== undefined ? { promptVersion: filter.promptVersion } : {}),
      sort: 'id', dir: 'asc', offset, limit: PAGE,
    });
    for (const r of page.rows) {
      if (timed) {
        const t = r.timestamp === null ? Number.NaN : Date.parse(r.timestamp);
        if (!(t >= from && t <= to)) continue;
      }
      matched++;
      // Reservoir sampling (Algorithm R): each matching record ends up kept with probability max / matched.
      if (kept.length < max) kept.push(r);
      else {
        const j = Math.floor(rng() * matched);
        if (j < max) kept[j] = r;
      }
    }
    if (page.rows.length < PAGE) break;
  }
  kept.sort((a, b) => a.id - b.id);
  return { records: kept, matched, label: describeFilter(ws, filter) };
}
