// Model quality of the newest dataset asset in scope, from its target, prediction and score roles, by the same
// metrics.dataset handler the Drift page uses.
import { ApiError } from '../../../shared/contract/bridge';
import { controlsFor } from '../../../shared/report/control-mapping';
import { roundOrNull } from '../../../shared/report/rates';
import type { ReportV1 } from '../../../shared/report/report-schema';
import { getAsset } from '../../storage/assets-repo';
import { wants, type SectionContext } from './context';

type QualitySection = ReportV1['model_quality'];

export async function buildModelQuality(ctx: SectionContext): Promise<QualitySection> {
  const controls = controlsFor('model_quality');
  const none = (note: string): QualitySection => ({ status: 'no_data', note, controls, asset: null, task: null, rows: null, metrics: {} });
  if (!wants(ctx, 'model_quality')) return none('section not requested');
  const assetId = ctx.datasetIds.at(-1);
  if (assetId === undefined) return none('no dataset asset in scope');
  try {
    const q = await ctx.handlers['metrics.dataset']({ assetId });
    const a = getAsset(ctx.ws.db, assetId)!;
    const metrics: Record<string, number | null> = {};
    if (q.classification) {
      const c = q.classification;
      Object.assign(metrics, { accuracy: c.accuracy, precision_macro: c.precision_macro, recall_macro: c.recall_macro, f1_macro: c.f1_macro, f1_weighted: c.f1_weighted });
    }
    if (q.scores) Object.assign(metrics, { roc_auc: q.scores.roc_auc, pr_auc: q.scores.pr_auc, log_loss: q.scores.log_loss, brier: q.scores.brier, ece: q.scores.ece });
    if (q.regression) Object.assign(metrics, { mae: q.regression.mae, rmse: q.regression.rmse, r2: q.regression.r2 });
    for (const k of Object.keys(metrics)) metrics[k] = roundOrNull(metrics[k]);
    return { status: 'ok', note: q.notes.join(' ') || null, controls, asset: { asset_id: a.id, name: a.name, version: a.version }, task: q.task, rows: q.rows, metrics };
  } catch (err) {
    if (err instanceof ApiError) return none(`model quality could not be computed: ${err.message}`);
    throw err;
  }
}
