// Drift between two dataset assets and model quality of one, read column by column from the workspace and
// computed by the shared engine; each drifting column also carries a small distribution summary (at most
// DISTRIBUTION_BINS bins or categories per side) so the UI can chart it without fetching rows.
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import type { ColumnDistribution, ColumnDriftRow } from '../../shared/contract/drift-schemas';
import type { DatasetColumn } from '../../shared/contract/import-schemas';
import { columnDrift } from '../../shared/drift/column-drift';
import { columnFromValues } from '../../shared/drift/column-from-values';
import { columnsToCompare, DATASET_DRIFT_SHARE, summarizeDrift } from '../../shared/drift/dataset-drift';
import type { ColumnData, DriftOptions } from '../../shared/drift/types';
import { modelQuality, type QualityInput } from '../../shared/metrics/model-quality';
import { listAssets } from '../storage/assets-repo';
import { getDatasetColumns, readDatasetColumn, type DatasetValue } from '../storage/datasets-repo';
import type { Workspace } from '../storage/workspace';
import type { EventBus } from './event-bus';

type DriftHandlers = Pick<Handlers, 'drift.datasets' | 'metrics.dataset'>;

const DISTRIBUTION_BINS = 30;
const MAX_CATEGORIES = 20;
/** Roles compared by default: inputs and outputs of the model, not row ids, times or ignored columns. */
const NOT_COMPARED = new Set(['id', 'ignore', 'timestamp']);

interface DatasetAsset { assetId: number; name: string; rows: number; columns: DatasetColumn[] }

function datasetAsset(ws: Workspace, assetId: number, label: string): DatasetAsset {
  const asset = listAssets(ws.db).find((a) => a.id === assetId);
  if (!asset) throw new ApiError('not_found', `${label} asset ${assetId} does not exist`);
  if (asset.kind !== 'dataset') throw new ApiError('bad_request', `${label} asset ${assetId} (${asset.name}) is a ${asset.kind} asset, not a dataset`);
  return { assetId, name: asset.name, rows: asset.rowCount, columns: getDatasetColumns(ws.db, assetId) };
}

function finiteSorted(c: ColumnData): number[] {
  const out: number[] = [];
  for (const v of c.numbers ?? []) if (Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

const quantile = (sorted: number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Equal-width bins over the central 99% of both sides (tails fold into the end bins so one outlier cannot flatten the chart). */
function numericDistribution(ref: ColumnData, cur: ColumnData): ColumnDistribution | undefined {
  const r = finiteSorted(ref);
  const c = finiteSorted(cur);
  if (!r.length || !c.length) return undefined;
  const lo = Math.min(quantile(r, 0.005), quantile(c, 0.005));
  const hi = Math.max(quantile(r, 0.995), quantile(c, 0.995));
  const bins = hi > lo ? DISTRIBUTION_BINS : 1;
  const width = hi > lo ? (hi - lo) / bins : 1;
  const shares = (values: number[]): number[] => {
    const counts = new Array<number>(bins).fill(0);
    for (const v of values) counts[Math.max(0, Math.min(bins - 1, Math.floor((v - lo) / width)))]!++;
    return counts.map((n) => n / values.length);
  };
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? Math.max(hi, lo + width) : lo + i * width));
  return { kind: 'numeric', edges, reference: shares(r), current: shares(c) };
}

function categoryShares(c: ColumnData): Map<string, number> {
  const total = c.dictionaryCounts.reduce((s, n) => s + n, 0);
  return new Map(c.dictionary.map((k, i) => [k, total ? c.dictionaryCounts[i]! / total : 0]));
}

/** Shares of the most common categories of both sides; the rest are summed into "(other)". */
function categoricalDistribution(ref: ColumnData, cur: ColumnData): ColumnDistribution | undefined {
  const r = categoryShares(ref);
  const c = categoryShares(cur);
  const keys = [...new Set([...r.keys(), ...c.keys()])].sort((a, b) => (r.get(b) ?? 0) + (c.get(b) ?? 0) - (r.get(a) ?? 0) - (c.get(a) ?? 0));
  if (!keys.length) return undefined;
  const shown = keys.slice(0, MAX_CATEGORIES);
  const pick = (m: Map<string, number>): number[] => shown.map((k) => m.get(k) ?? 0);
  const out = { kind: 'categorical' as const, categories: shown, reference: pick(r), current: pick(c) };
  if (keys.length > shown.length) {
    const rest = (m: Map<string, number>, picked: number[]): number => Math.max(0, [...m.values()].reduce((s, v) => s + v, 0) - picked.reduce((s, v) => s + v, 0));
    out.categories.push('(other)');
    out.reference.push(rest(r, out.reference));
    out.current.push(rest(c, out.current));
  }
  return out;
}

function distribution(row: ColumnDriftRow, ref: ColumnData | undefined, cur: ColumnData | undefined): ColumnDistribution | undefined {
  if (!ref || !cur) return undefined;
  if (row.type === 'numeric') return numericDistribution(ref, cur);
  if (row.type === 'categorical') return categoricalDistribution(ref, cur);
  return undefined;
}

function loadColumn(ws: Workspace, asset: DatasetAsset, name: string): ColumnData | undefined {
  if (!asset.columns.some((c) => c.name === name)) return undefined;
  return columnFromValues(name, readDatasetColumn(ws.db, asset.assetId, name));
}

/** Values as the metrics engine reads them: booleans become labels like "true". */
const asLabel = (v: DatasetValue): string | number | null => (typeof v === 'boolean' ? String(v) : v);

function roleColumn(asset: DatasetAsset, role: DatasetColumn['role']): string | undefined {
  return asset.columns.find((c) => c.role === role)?.name;
}

export function createDriftHandlers(ws: Workspace, _events: EventBus): DriftHandlers {
  return {
    async 'drift.datasets'({ referenceAssetId, currentAssetId, columns, tests, correction }) {
      const ref = datasetAsset(ws, referenceAssetId, 'reference');
      const cur = datasetAsset(ws, currentAssetId, 'current');
      const compared = (a: DatasetAsset) => a.columns.filter((c) => !NOT_COMPARED.has(c.role)).map((c) => c.name);
      if (columns?.length) {
        const known = new Set([...ref.columns, ...cur.columns].map((c) => c.name));
        const unknown = columns.filter((c) => !known.has(c));
        if (unknown.length) throw new ApiError('bad_request', `no column ${unknown.map((c) => JSON.stringify(c)).join(', ')} in ${ref.name} or ${cur.name}`);
      }
      const options: DriftOptions = { ...(tests ? { tests } : {}), ...(correction ? { correction } : {}) };
      const names = columnsToCompare(compared(ref), compared(cur), columns);
      // One column pair in memory at a time: a wide dataset never holds more than two columns of values.
      const rows = names.map((name) => {
        const r = loadColumn(ws, ref, name);
        const c = loadColumn(ws, cur, name);
        const result: ColumnDriftRow = columnDrift(name, r, c, options);
        const dist = distribution(result, r, c);
        return dist ? { ...result, distribution: dist } : result;
      });
      const summary = summarizeDrift(rows, options);
      return {
        reference: { assetId: ref.assetId, name: ref.name, rows: ref.rows },
        current: { assetId: cur.assetId, name: cur.name, rows: cur.rows },
        columns: summary.columns as ColumnDriftRow[],
        share_drifted: summary.share_drifted,
        dataset_drifted: summary.dataset_drifted,
        dataset_share_threshold: DATASET_DRIFT_SHARE,
      };
    },
    async 'metrics.dataset'({ assetId, segment }) {
      const asset = datasetAsset(ws, assetId, 'dataset');
      const target = roleColumn(asset, 'target');
      const prediction = roleColumn(asset, 'prediction');
      if (!target || !prediction) {
        const lacking = [!target ? 'target' : null, !prediction ? 'prediction' : null].filter(Boolean).join(' and ');
        throw new ApiError('bad_request', `${asset.name} has no column with the ${lacking} role; set column roles on import to compute model quality`);
      }
      if (segment !== undefined && !asset.columns.some((c) => c.name === segment)) {
        throw new ApiError('bad_request', `${asset.name} has no column "${segment}" to segment by`);
      }
      const score = roleColumn(asset, 'score');
      const read = (name: string) => readDatasetColumn(ws.db, assetId, name).map(asLabel);
      const input: QualityInput = { target: read(target), prediction: read(prediction) };
      if (score) input.score = readDatasetColumn(ws.db, assetId, score).map((v) => (typeof v === 'number' ? v : null));
      if (segment) input.segment = read(segment);
      let report;
      try {
        report = modelQuality(input);
      } catch (err) {
        throw new ApiError('bad_request', `${asset.name}: ${(err as Error).message}`);
      }
      return { ...report, columns: { target, prediction, score: score ?? null, segment: segment ?? null } };
    },
  };
}
