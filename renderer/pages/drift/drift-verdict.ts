// The dataset verdict on the Drift page. "No dataset drift" only when nothing drifted: columns that drift under the
// dataset threshold, or a model whose quality left its reference band, give a warning, not a green all-clear.
import type { DriftOverTimeReport, MetricOverTime } from '../../../shared/contract/drift-schemas';
import { formatStat } from './format-drift';

export interface DriftVerdict {
  tone: 'danger' | 'warning' | 'success';
  label: string;
  /** Why, one line each; empty for the all-clear. */
  reasons: string[];
}

export const METRIC_LABELS: Record<MetricOverTime['metric'], string> = {
  accuracy: 'Accuracy', f1: 'F1', roc_auc: 'ROC AUC', mae: 'MAE', rmse: 'RMSE',
};

/** Windows where a quality metric is worse than its reference band (below it, or above it for errors). */
export function qualityDrops(quality: DriftOverTimeReport['quality'] | undefined, period: string): string[] {
  const out: string[] = [];
  for (const m of quality?.metrics ?? []) {
    const band = m.band;
    if (!band) continue;
    const worse = m.points.filter((p) => p.value !== null && (m.higher_is_better ? p.value < band.lower : p.value > band.upper));
    if (!worse.length) continue;
    const last = worse[worse.length - 1]!;
    out.push(`${METRIC_LABELS[m.metric]} ${m.higher_is_better ? 'below' : 'above'} its band (${formatStat(band.lower)} to ${formatStat(band.upper)}) `
      + `in ${worse.length} of ${m.points.length} ${period}s, e.g. ${formatStat(last.value)} from ${last.start}`);
  }
  return out;
}

export function driftVerdict(
  report: { dataset_drifted: boolean; columns: readonly { name: string; drifted: boolean | null; statistic: number | null }[] },
  overTime?: Pick<DriftOverTimeReport, 'quality' | 'period'>,
): DriftVerdict {
  const tested = report.columns.filter((c) => c.statistic !== null);
  const drifted = tested.filter((c) => c.drifted);
  const reasons: string[] = [];
  if (drifted.length) reasons.push(`${drifted.length} of ${tested.length} columns drifted: ${drifted.map((c) => c.name).join(', ')}`);
  reasons.push(...qualityDrops(overTime?.quality, overTime?.period ?? 'window'));
  if (report.dataset_drifted) return { tone: 'danger', label: 'Dataset drifted', reasons };
  if (!reasons.length) return { tone: 'success', label: 'No dataset drift', reasons };
  const qualityDropped = reasons.length > (drifted.length ? 1 : 0);
  const label = drifted.length && qualityDropped ? 'Columns drifted, quality dropped'
    : drifted.length ? 'Some columns drifted' : 'Quality dropped';
  return { tone: 'warning', label, reasons };
}
