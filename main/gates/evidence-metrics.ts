// Gate metrics measured on one asset rather than on log records: the share of drifted columns of a dataset
// against its previous version and its model's ROC AUC (both computed by the handlers the Drift page uses), and
// hit@5 from the latest stored `assay kb validate` run of a KB. Workspaces keep no drift or quality runs, so
// those two are computed when the gate runs. No evidence is a null value with the reason, which fails the gate.
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import type { Asset } from '../../shared/contract/schemas';
import type { EvidenceMetric } from '../../shared/gates/gate-metrics';
import { listAssets } from '../storage/assets-repo';
import { latestKbValidation } from '../storage/gates-repo';
import type { Workspace } from '../storage/workspace';

export type EvidenceHandlers = Pick<Handlers, 'drift.datasets' | 'metrics.dataset'>;

export interface EvidenceValue {
  value: number | null;
  /** What was measured, or why there is no value. */
  detail: string;
}

const HIT_K = 5;

const label = (a: Asset) => `${a.kind} ${a.name} v${a.version} (asset ${a.id})`;

/** The asset a gate measures: scope.asset, else the newest asset of that kind. */
function scopedAsset(ws: Workspace, kind: 'dataset' | 'kb', assetId: number | undefined): Asset | string {
  const assets = listAssets(ws.db);
  if (assetId !== undefined) {
    const a = assets.find((x) => x.id === assetId);
    if (!a) return `asset ${assetId} does not exist`;
    return a.kind === kind ? a : `${label(a)} is not a ${kind} asset`;
  }
  const newest = assets.filter((a) => a.kind === kind).sort((x, y) => y.id - x.id)[0];
  return newest ?? `no ${kind} asset in the workspace`;
}

async function driftShare(ws: Workspace, handlers: EvidenceHandlers, current: Asset): Promise<EvidenceValue> {
  const reference = listAssets(ws.db).filter((a) => a.kind === 'dataset' && a.name === current.name && a.version < current.version)
    .sort((x, y) => y.version - x.version)[0];
  if (!reference) return { value: null, detail: `${label(current)} has no earlier version to measure drift against` };
  const d = await handlers['drift.datasets']({ referenceAssetId: reference.id, currentAssetId: current.id });
  const drifted = d.columns.filter((c) => c.drifted).length;
  if (d.columns.length === 0) return { value: null, detail: `no column of ${label(current)} could be compared with v${reference.version}` };
  return { value: d.share_drifted, detail: `${drifted} of ${d.columns.length} columns drifted in ${label(current)} against v${reference.version}` };
}

async function auc(handlers: EvidenceHandlers, dataset: Asset): Promise<EvidenceValue> {
  const q = await handlers['metrics.dataset']({ assetId: dataset.id });
  const value = q.scores?.roc_auc ?? null;
  if (value === null) return { value: null, detail: `${label(dataset)} has no ROC AUC (it needs a score column and both classes in the target)` };
  return { value, detail: `ROC AUC of ${label(dataset)} over ${q.rows} rows` };
}

function retrievalHitAt5(ws: Workspace, kb: Asset): EvidenceValue {
  const v = latestKbValidation(ws.db, kb.id);
  if (!v) return { value: null, detail: `no \`assay kb validate\` run stored for ${label(kb)}` };
  if (v.k < HIT_K) return { value: null, detail: `the latest \`assay kb validate\` of ${label(kb)} kept ranks up to k=${v.k}; hit@5 needs -k 5 or more` };
  const hits = v.ranks.filter((r) => r !== null && r <= HIT_K).length;
  return { value: hits / v.ranks.length, detail: `${hits} of ${v.ranks.length} questions find a gold document in the top 5 of ${label(kb)} (kb validate of ${v.createdAt})` };
}

export async function evidenceMetricValue(ws: Workspace, handlers: EvidenceHandlers, metric: EvidenceMetric, assetId: number | undefined): Promise<EvidenceValue> {
  const asset = scopedAsset(ws, metric === 'retrieval_hit_at_5' ? 'kb' : 'dataset', assetId);
  if (typeof asset === 'string') return { value: null, detail: asset };
  try {
    if (metric === 'drift_share') return await driftShare(ws, handlers, asset);
    if (metric === 'auc') return await auc(handlers, asset);
    return retrievalHitAt5(ws, asset);
  } catch (err) {
    if (err instanceof ApiError) return { value: null, detail: err.message };
    throw err;
  }
}
