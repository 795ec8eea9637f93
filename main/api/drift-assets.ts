// Dataset assets as the drift and metrics methods read them: checked by id and kind, columns found by role,
// one column at a time turned into the engine's ColumnData.
import { ApiError } from '../../shared/contract/bridge';
import type { DatasetColumn } from '../../shared/contract/import-schemas';
import { columnFromValues } from '../../shared/drift/column-from-values';
import type { ColumnData } from '../../shared/drift/types';
import type { QualityInput } from '../../shared/metrics/model-quality';
import { listAssets } from '../storage/assets-repo';
import { getDatasetColumns, readDatasetColumn, type DatasetValue } from '../storage/datasets-repo';
import type { Workspace } from '../storage/workspace';

/** Roles compared by default: inputs and outputs of the model, not row ids, times or ignored columns. */
export const NOT_COMPARED = new Set(['id', 'ignore', 'timestamp']);

export interface DatasetAsset { assetId: number; name: string; rows: number; columns: DatasetColumn[] }

export function datasetAsset(ws: Workspace, assetId: number, label: string): DatasetAsset {
  const asset = listAssets(ws.db).find((a) => a.id === assetId);
  if (!asset) throw new ApiError('not_found', `${label} asset ${assetId} does not exist`);
  if (asset.kind !== 'dataset') throw new ApiError('bad_request', `${label} asset ${assetId} (${asset.name}) is a ${asset.kind} asset, not a dataset`);
  return { assetId, name: asset.name, rows: asset.rowCount, columns: getDatasetColumns(ws.db, assetId) };
}

export const assetSide = (a: DatasetAsset) => ({ assetId: a.assetId, name: a.name, rows: a.rows });

/** Column names compared by default (every role but id, ignore and timestamp). */
export const comparedColumns = (a: DatasetAsset): string[] => a.columns.filter((c) => !NOT_COMPARED.has(c.role)).map((c) => c.name);

/** Refuses a column selection naming a column neither asset has. */
export function checkSelection(selection: readonly string[] | undefined, ...assets: DatasetAsset[]): void {
  if (!selection?.length) return;
  const known = new Set(assets.flatMap((a) => a.columns.map((c) => c.name)));
  const unknown = selection.filter((c) => !known.has(c));
  if (unknown.length) throw new ApiError('bad_request', `no column ${unknown.map((c) => JSON.stringify(c)).join(', ')} in ${assets.map((a) => a.name).join(' or ')}`);
}

export function loadColumn(ws: Workspace, asset: DatasetAsset, name: string): ColumnData | undefined {
  if (!asset.columns.some((c) => c.name === name)) return undefined;
  return columnFromValues(name, readDatasetColumn(ws.db, asset.assetId, name));
}

/** Values as the metrics engine reads them: booleans become labels like "true". */
export const asLabel = (v: DatasetValue): string | number | null => (typeof v === 'boolean' ? String(v) : v);

export function roleColumn(asset: DatasetAsset, role: DatasetColumn['role']): string | undefined {
  return asset.columns.find((c) => c.role === role)?.name;
}

/** Target, prediction and (when present) score of a dataset with those roles; null when it lacks target or prediction. */
export function qualityInput(ws: Workspace, asset: DatasetAsset, extra: { segment?: string } = {}): { input: QualityInput; target: string; prediction: string; score: string | null } | null {
  const target = roleColumn(asset, 'target');
  const prediction = roleColumn(asset, 'prediction');
  if (!target || !prediction) return null;
  const score = roleColumn(asset, 'score');
  const read = (name: string) => readDatasetColumn(ws.db, asset.assetId, name).map(asLabel);
  const input: QualityInput = { target: read(target), prediction: read(prediction) };
  if (score) input.score = readDatasetColumn(ws.db, asset.assetId, score).map((v) => (typeof v === 'number' ? v : null));
  if (extra.segment) input.segment = read(extra.segment);
  return { input, target, prediction, score: score ?? null };
}
