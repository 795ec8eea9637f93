// drift.skew: training-serving skew. A training dataset's feature columns are compared, with the column drift
// engine, against the same-named fields of what the model served: LLM log records (a metadata key, a dotted
// path into metadata, or a record field such as latency_ms) or a second dataset (e.g. exported serving logs).
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import type { ColumnDriftRow, SkewReport } from '../../shared/contract/drift-schemas';
import type { LogRecord } from '../../shared/contract/schemas';
import { columnDrift } from '../../shared/drift/column-drift';
import { columnFromValues } from '../../shared/drift/column-from-values';
import { DATASET_DRIFT_SHARE, summarizeDrift } from '../../shared/drift/dataset-drift';
import type { ColumnData, DriftOptions } from '../../shared/drift/types';
import type { Workspace } from '../storage/workspace';
import { assetSide, checkSelection, datasetAsset, loadColumn } from './drift-assets';
import { distribution } from './drift-distribution';
import { loadRecordSet } from './drift-records';

/** Roles of the columns a model is fed: features, and segments such as region or channel. */
const MODEL_INPUT_ROLES = new Set(['feature', 'segment']);

/** Serving records read per request; more are sampled (seeded) down to this. */
export const SKEW_MAX_RECORDS = 50_000;

/** Record fields a training column may be named after, by their JSONL import names. */
const RECORD_FIELDS: Record<string, (r: LogRecord) => unknown> = {
  model: (r) => r.model, model_version: (r) => r.modelVersion, prompt_id: (r) => r.promptId, prompt_version: (r) => r.promptVersion,
  tokens_in: (r) => r.tokensIn, tokens_out: (r) => r.tokensOut, latency_ms: (r) => r.latencyMs, cost: (r) => r.cost, timestamp: (r) => r.timestamp,
};

/** The value a record holds for a feature name: metadata key first, then a dotted metadata path, then a record field. */
export function servingValue(r: LogRecord, name: string): unknown {
  if (Object.prototype.hasOwnProperty.call(r.metadata, name)) return r.metadata[name];
  if (name.includes('.')) {
    let node: unknown = r.metadata;
    for (const key of name.split('.')) {
      if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) {
        node = undefined;
        break;
      }
      node = (node as Record<string, unknown>)[key];
    }
    if (node !== undefined) return node;
  }
  const field = RECORD_FIELDS[name];
  return field ? field(r) : undefined;
}

export function createSkewHandlers(ws: Workspace): Pick<Handlers, 'drift.skew'> {
  return {
    async 'drift.skew'({ trainingAssetId, serving, columns, tests, thresholds, correction }) {
      const training = datasetAsset(ws, trainingAssetId, 'training');
      checkSelection(columns, training);
      const features = columns?.length ? [...new Set(columns)] : training.columns.filter((c) => MODEL_INPUT_ROLES.has(c.role)).map((c) => c.name);
      if (!features.length) throw new ApiError('bad_request', `${training.name} has no column with the feature or segment role; set roles on import or pass columns`);
      let servingSide: SkewReport['serving'];
      let servingColumn: (name: string) => ColumnData | undefined;
      if (serving.kind === 'dataset') {
        const asset = datasetAsset(ws, serving.assetId, 'serving');
        servingSide = { kind: 'dataset', name: asset.name, rows: asset.rows };
        servingColumn = (name) => loadColumn(ws, asset, name);
      } else {
        const set = loadRecordSet(ws, serving.filter, 'serving', SKEW_MAX_RECORDS, 3);
        if (set.matched === 0) throw new ApiError('bad_request', `the serving set (${set.label}) matches no records`);
        servingSide = { kind: 'records', name: set.label, rows: set.records.length };
        servingColumn = (name) => {
          const values = set.records.map((r) => servingValue(r, name));
          return values.some((v) => v !== undefined) ? columnFromValues(name, values) : undefined;
        };
      }
      const options: DriftOptions = { ...(tests ? { tests } : {}), ...(thresholds ? { thresholds } : {}), ...(correction ? { correction } : {}) };
      const unmatched: string[] = [];
      const rows: ColumnDriftRow[] = [];
      for (const name of features) {
        const s = servingColumn(name);
        if (!s) {
          unmatched.push(name);
          continue;
        }
        const t = loadColumn(ws, training, name);
        const result: ColumnDriftRow = columnDrift(name, t, s, options);
        const dist = distribution(result, t, s);
        rows.push(dist ? { ...result, distribution: dist } : result);
      }
      if (!rows.length) {
        const where = serving.kind === 'dataset' ? `columns of ${servingSide.name}` : 'metadata keys or fields of the serving records';
        throw new ApiError('bad_request', `none of ${training.name}'s features (${features.slice(0, 10).join(', ')}${features.length > 10 ? ', …' : ''}) are ${where}`);
      }
      const summary = summarizeDrift(rows, options);
      return {
        training: assetSide(training),
        serving: servingSide,
        columns: summary.columns as ColumnDriftRow[],
        share_drifted: summary.share_drifted,
        dataset_drifted: summary.dataset_drifted,
        dataset_share_threshold: DATASET_DRIFT_SHARE,
        unmatched,
      };
    },
  };
}
