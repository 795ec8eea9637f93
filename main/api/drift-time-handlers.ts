// drift.overTime: the current dataset sliced into day or week windows by its time column; per window each
// column's drift statistic and the model's quality, each against a band of mean +- 3 std taken from the same
// value on reference chunks (reference periods when the reference has the same time column, else row chunks).
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import type { ColumnOverTime, DriftOverTimeReport } from '../../shared/contract/drift-schemas';
import { columnsToCompare } from '../../shared/drift/dataset-drift';
import { columnDriftOverTime } from '../../shared/drift/drift-over-time';
import { qualityOverTime } from '../../shared/drift/quality-over-time';
import { rowTimes } from '../../shared/drift/row-times';
import { sliceByPeriod } from '../../shared/drift/time-windows';
import { inferColumnType } from '../../shared/drift/column-typing';
import type { Workspace } from '../storage/workspace';
import { assetSide, checkSelection, comparedColumns, datasetAsset, loadColumn, qualityInput, type DatasetAsset } from './drift-assets';

/** More windows than this make an unreadable chart and a slow request; the caller is told to widen the period. */
export const MAX_WINDOWS = 1000;

function timeColumnOf(asset: DatasetAsset, requested: string | undefined): string {
  if (requested !== undefined) {
    if (!asset.columns.some((c) => c.name === requested)) throw new ApiError('bad_request', `${asset.name} has no column "${requested}" to slice by time`);
    return requested;
  }
  const found = asset.columns.find((c) => c.role === 'timestamp') ?? asset.columns.find((c) => c.type === 'datetime');
  if (!found) throw new ApiError('bad_request', `${asset.name} has no timestamp-role or date column to slice into time windows; set a column's role to timestamp on import or pass timeColumn`);
  return found.name;
}

export function createDriftOverTimeHandlers(ws: Workspace): Pick<Handlers, 'drift.overTime'> {
  return {
    async 'drift.overTime'({ referenceAssetId, currentAssetId, period, timeColumn, columns }) {
      const ref = datasetAsset(ws, referenceAssetId, 'reference');
      const cur = datasetAsset(ws, currentAssetId, 'current');
      checkSelection(columns, ref, cur);
      const timeName = timeColumnOf(cur, timeColumn);
      const curTimeColumn = loadColumn(ws, cur, timeName)!;
      const currentTimes = rowTimes(curTimeColumn);
      if (!currentTimes) throw new ApiError('bad_request', `${cur.name}: column "${timeName}" holds no dates or epoch times to slice by`);
      const windowCount = sliceByPeriod(currentTimes, period).length;
      if (windowCount === 0) throw new ApiError('bad_request', `${cur.name}: column "${timeName}" has no valid time in any row`);
      if (windowCount > MAX_WINDOWS) throw new ApiError('bad_request', `${cur.name} spans ${windowCount} ${period}s, more than ${MAX_WINDOWS} windows; use a longer period`);
      const refTimeColumn = loadColumn(ws, ref, timeName);
      const referenceTimes = refTimeColumn ? rowTimes(refTimeColumn) : null;
      const notes: string[] = [];
      let undated = 0;
      for (const t of currentTimes) if (!Number.isFinite(t)) undated++;
      if (undated > 0) notes.push(`${undated} current row${undated > 1 ? 's' : ''} without a valid time left out of the windows`);
      const chunking = referenceTimes && sliceByPeriod(referenceTimes, period).length >= 2 ? 'period' : 'rows';
      if (chunking === 'rows') notes.push(`reference has no "${timeName}" times over 2 or more ${period}s: bands come from reference chunks of the median window's size`);
      const names = columnsToCompare(comparedColumns(ref), comparedColumns(cur), columns).filter((n) => n !== timeName);
      const series: ColumnOverTime[] = [];
      for (const name of names) {
        const r = loadColumn(ws, ref, name);
        const c = loadColumn(ws, cur, name);
        if (!r || !c) {
          notes.push(`${name}: only in the ${r ? 'reference' : 'current'} dataset, not charted`);
          continue;
        }
        const kinds = [inferColumnType(r), inferColumnType(c)];
        if (kinds.some((k) => k === 'empty' || k === 'text' || k === 'datetime')) {
          notes.push(`${name}: ${kinds.find((k) => k === 'empty' || k === 'text' || k === 'datetime')} column, not charted over time`);
          continue;
        }
        series.push(columnDriftOverTime(r, c, currentTimes, { period, referenceTimes }));
      }
      const curQuality = qualityInput(ws, cur);
      let quality: DriftOverTimeReport['quality'] = null;
      if (curQuality) {
        const refQuality = qualityInput(ws, ref);
        if (!refQuality) notes.push(`${ref.name} has no target and prediction roles: model quality per window has no reference band`);
        const empty = { target: [], prediction: [] };
        quality = qualityOverTime(refQuality?.input ?? empty, curQuality.input, currentTimes, { period, referenceTimes: refQuality ? referenceTimes : null });
      }
      return {
        reference: assetSide(ref),
        current: assetSide(cur),
        period,
        time_column: timeName,
        reference_time_column: chunking === 'period' ? timeName : null,
        chunking,
        columns: series,
        quality,
        notes,
      };
    },
  };
}
