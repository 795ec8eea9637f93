// Drift between the first and the last dataset asset in scope (reference = oldest), computed by the same
// drift.datasets handler the Drift page uses.
import { ApiError } from '../../../shared/contract/bridge';
import { controlsFor } from '../../../shared/report/control-mapping';
import { roundOrNull } from '../../../shared/report/rates';
import type { ReportV1 } from '../../../shared/report/report-schema';
import { getAsset } from '../../storage/assets-repo';
import { wants, type SectionContext } from './context';

type DriftSection = ReportV1['drift'];

const side = (ctx: SectionContext, id: number) => {
  const a = getAsset(ctx.ws.db, id)!;
  return { asset_id: a.id, name: a.name, version: a.version };
};

export async function buildDrift(ctx: SectionContext): Promise<DriftSection> {
  const controls = controlsFor('drift');
  const none = (note: string): DriftSection => ({ status: 'no_data', note, controls, reference: null, current: null, columns: [], share_drifted: null, dataset_drifted: null });
  if (!wants(ctx, 'drift')) return none('section not requested');
  if (ctx.datasetIds.length < 2) return none('needs two dataset assets in scope (reference and current); found ' + ctx.datasetIds.length);
  const referenceAssetId = ctx.datasetIds[0]!;
  const currentAssetId = ctx.datasetIds.at(-1)!;
  try {
    const d = await ctx.handlers['drift.datasets']({ referenceAssetId, currentAssetId });
    return {
      status: 'ok', note: null, controls, reference: side(ctx, referenceAssetId), current: side(ctx, currentAssetId),
      columns: d.columns.map((c) => ({ name: c.name, test: c.test ?? 'none', statistic: roundOrNull(c.statistic), p_value: roundOrNull(c.p_value), drifted: c.drifted })),
      share_drifted: roundOrNull(d.share_drifted), dataset_drifted: d.dataset_drifted,
    };
  } catch (err) {
    if (err instanceof ApiError) return none(`drift could not be computed: ${err.message}`);
    throw err;
  }
}
