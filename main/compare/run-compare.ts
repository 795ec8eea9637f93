// Runs one comparison against a workspace: checks both sides exist, loads their records, computes, and stores
// the result (with an audit entry) when asked.
import { ApiError } from '../../shared/contract/bridge';
import type { CompareRequest, ComparisonResult, ParsedCompareRequest } from '../../shared/contract/compare-schemas';
import { thresholds } from '../../shared/engine/thresholds';
import { canonicalJson } from '../../shared/util/canonical-json';
import { sha256Hex } from '../../shared/util/hash';
import { axisValues, insertComparison, loadKbSideItems, loadSideItems, type LoadedItem } from '../storage/compare-repo';
import type { Workspace } from '../storage/workspace';
import { applyCosts } from '../cost/apply-costs';
import { compareVersionsParallel } from './parallel-resample';

function loadSide(ws: Workspace, by: CompareRequest['by'], value: string, side: 'A' | 'B'): LoadedItem[] {
  if (by === 'asset' || by === 'kb_version') {
    if (!/^\d+$/.test(value)) throw new ApiError('bad_request', `side ${side}: ${by} takes an asset id, got "${value}"`);
  }
  const items = by === 'kb_version' ? loadKbSideItems(ws.db, Number(value), thresholds.grounding) : loadSideItems(ws.db, by, value);
  if (items.length === 0) {
    const known = axisValues(ws.db, by).slice(0, 12).map((v) => (v.label === v.value ? v.value : `${v.value} (${v.label})`));
    throw new ApiError('not_found', `side ${side}: no records with ${by} = "${value}"` +
      (known.length ? `; this workspace has ${known.join(', ')}` : by === 'kb_version' ? '; no record has been grounded against a KB yet (run `assay analyze`)' : ''));
  }
  return items;
}

export async function runCompare(ws: Workspace, req: ParsedCompareRequest): Promise<ComparisonResult> {
  const a = await applyCosts(ws.db, loadSide(ws, req.by, req.a, 'A'));
  const b = req.a === req.b ? a : await applyCosts(ws.db, loadSide(ws, req.by, req.b, 'B'));
  const result = await compareVersionsParallel(a, b, {
    by: req.by, a: req.a, b: req.b, metrics: req.metrics, correction: req.correction, seed: req.seed,
    resamples: req.resamples, bucketFlag: req.bucketFlag,
  });
  if (!req.store) return result;
  const json = canonicalJson(result);
  const sha = sha256Hex(json);
  const id = ws.mutate('compare.stored', (db) => insertComparison(db, {
    createdAt: new Date().toISOString(), by: req.by, a: req.a, b: req.b,
    params: canonicalJson({ metrics: req.metrics ?? null, correction: req.correction, seed: req.seed, resamples: req.resamples, bucketFlag: req.bucketFlag }),
    result: json, resultSha256: sha,
  }), (rowId) => ({ comparisonId: rowId, by: req.by, a: req.a, b: req.b, resultSha256: sha }));
  return { ...result, id };
}
