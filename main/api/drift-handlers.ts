// Drift between two dataset assets and model quality of one, read column by column from the workspace and
// computed by the shared engine; each column also carries a small distribution summary so the UI can chart it
// without fetching rows. Time windows, embedding drift and training-serving skew live in drift-*-handlers.ts.
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import type { ColumnDriftRow } from '../../shared/contract/drift-schemas';
import { columnDrift } from '../../shared/drift/column-drift';
import { columnsToCompare, DATASET_DRIFT_SHARE, summarizeDrift } from '../../shared/drift/dataset-drift';
import type { DriftOptions } from '../../shared/drift/types';
import { modelQuality } from '../../shared/metrics/model-quality';
import type { Workspace } from '../storage/workspace';
import { assetSide, checkSelection, comparedColumns, datasetAsset, loadColumn, qualityInput } from './drift-assets';
import { distribution } from './drift-distribution';
import { createEmbeddingDriftHandlers } from './drift-embedding-handlers';
import { createSkewHandlers } from './drift-skew-handlers';
import { createDriftOverTimeHandlers } from './drift-time-handlers';
import type { EventBus } from './event-bus';

type DriftHandlers = Pick<Handlers, 'drift.datasets' | 'metrics.dataset' | 'drift.overTime' | 'drift.embeddings' | 'drift.skew'>;

export function createDriftHandlers(ws: Workspace, _events: EventBus): DriftHandlers {
  return {
    ...createDriftOverTimeHandlers(ws),
    ...createEmbeddingDriftHandlers(ws),
    ...createSkewHandlers(ws),
    async 'drift.datasets'({ referenceAssetId, currentAssetId, columns, tests, thresholds, correction }) {
      const ref = datasetAsset(ws, referenceAssetId, 'reference');
      const cur = datasetAsset(ws, currentAssetId, 'current');
      checkSelection(columns, ref, cur);
      const options: DriftOptions = { ...(tests ? { tests } : {}), ...(thresholds ? { thresholds } : {}), ...(correction ? { correction } : {}) };
      const names = columnsToCompare(comparedColumns(ref), comparedColumns(cur), columns);
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
        reference: assetSide(ref),
        current: assetSide(cur),
        columns: summary.columns as ColumnDriftRow[],
        share_drifted: summary.share_drifted,
        dataset_drifted: summary.dataset_drifted,
        dataset_share_threshold: DATASET_DRIFT_SHARE,
      };
    },
    async 'metrics.dataset'({ assetId, segment }) {
      const asset = datasetAsset(ws, assetId, 'dataset');
      const has = (role: string) => asset.columns.some((c) => c.role === role);
      if (!has('target') || !has('prediction')) {
        const lacking = [!has('target') ? 'target' : null, !has('prediction') ? 'prediction' : null].filter(Boolean).join(' and ');
        throw new ApiError('bad_request', `${asset.name} has no column with the ${lacking} role; set column roles on import to compute model quality`);
      }
      if (segment !== undefined && !asset.columns.some((c) => c.name === segment)) {
        throw new ApiError('bad_request', `${asset.name} has no column "${segment}" to segment by`);
      }
      const q = qualityInput(ws, asset, segment ? { segment } : {})!;
      let report;
      try {
        report = modelQuality(q.input);
      } catch (err) {
        throw new ApiError('bad_request', `${asset.name}: ${(err as Error).message}`);
      }
      return { ...report, columns: { target: q.target, prediction: q.prediction, score: q.score, segment: segment ?? null } };
    },
  };
}
