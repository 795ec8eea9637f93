// Human-readable model-quality report for terminals.
import { alignRows, formatNumber } from '../drift/format-table';
import type { ModelQualityReport, QualityMetrics } from './model-quality';

function headline(m: QualityMetrics): string[] {
  const out: string[] = [];
  if (m.regression) out.push(`MAE ${formatNumber(m.regression.mae)}  RMSE ${formatNumber(m.regression.rmse)}  R2 ${formatNumber(m.regression.r2)}`);
  const c = m.classification;
  if (c) {
    out.push(`accuracy ${formatNumber(c.accuracy)}  precision/recall/F1 macro ${formatNumber(c.precision_macro)}/${formatNumber(c.recall_macro)}/${formatNumber(c.f1_macro)}  weighted ${formatNumber(c.precision_weighted)}/${formatNumber(c.recall_weighted)}/${formatNumber(c.f1_weighted)}`);
  }
  const s = m.scores;
  if (s) {
    out.push(`positive "${s.positive_label}": ROC AUC ${formatNumber(s.roc_auc)}  PR AUC ${formatNumber(s.pr_auc)}  log loss ${formatNumber(s.log_loss)}  Brier ${formatNumber(s.brier)}  ECE ${formatNumber(s.ece)}`);
  }
  return out;
}

export function formatQualityReport(r: ModelQualityReport): string {
  const lines = [`Task: ${r.task}; ${r.rows} rows used, ${r.rows_skipped} skipped.`, ...headline(r)];
  const c = r.classification;
  if (c) {
    lines.push('', 'Per class:', ...alignRows([['label', 'precision', 'recall', 'f1', 'support'], ...c.per_class.map((p) => [p.label, formatNumber(p.precision), formatNumber(p.recall), formatNumber(p.f1), String(p.support)])]));
    lines.push('', 'Confusion matrix (rows: target, columns: prediction):', ...alignRows([['', ...c.labels], ...c.labels.map((l, i) => [l, ...c.confusion_matrix[i]!.map(String)])]));
  }
  if (r.scores && r.scores.reliability.length) {
    lines.push('', 'Reliability (calibration) bins:', ...alignRows([['bin', 'count', 'mean score', 'positive rate'], ...r.scores.reliability.map((b) => [`${b.lower.toFixed(1)}-${b.upper.toFixed(1)}`, String(b.count), formatNumber(b.mean_score), formatNumber(b.positive_rate)])]));
  }
  if (r.segments.length) {
    const regression = r.task === 'regression';
    const header = regression ? ['segment', 'rows', 'mae', 'rmse', 'r2'] : ['segment', 'rows', 'accuracy', 'f1 macro', 'roc auc'];
    const rows = r.segments.map((s) =>
      regression
        ? [s.segment, String(s.rows), formatNumber(s.regression?.mae ?? null), formatNumber(s.regression?.rmse ?? null), formatNumber(s.regression?.r2 ?? null)]
        : [s.segment, String(s.rows), formatNumber(s.classification?.accuracy ?? null), formatNumber(s.classification?.f1_macro ?? null), formatNumber(s.scores?.roc_auc ?? null)],
    );
    lines.push('', 'Per segment:', ...alignRows([header, ...rows]));
  }
  if (r.notes.length) lines.push('', ...r.notes.map((n) => `note: ${n}`));
  return lines.join('\n');
}
