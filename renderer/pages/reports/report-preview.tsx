import type { ReportV1 } from '../../../shared/report/report-schema';
import { Badge, type BadgeTone } from '../../components/badge';

const TONES: Record<string, BadgeTone> = { pass: 'success', attention: 'warning', fail: 'danger', no_data: 'neutral', high: 'danger', medium: 'warning', low: 'info', info: 'neutral' };
const pct = (r: number | null) => (r === null ? 'n/a' : `${(r * 100).toFixed(2)}%`);

/** The report as it would be signed: headline numbers, verdicts, findings with controls, and each section's state. */
export function ReportPreview({ report }: { report: ReportV1 }) {
  const s = report.summary;
  const sections: [string, { status: string; note: string | null }][] = [
    ['Metrics', report.metrics], ['Drift', report.drift], ['Model quality', report.model_quality], ['Human review', report.review],
    ['Comparisons and gates', report.comparisons], ['Sample evidence', report.evidence],
  ];
  return (
    <div className="report-preview" data-testid="report-preview">
      <div className="report-kpis">
        <div className="report-kpi"><span className="muted">Records in scope</span><strong data-testid="preview-records">{s.records}</strong></div>
        <div className="report-kpi"><span className="muted">Analysed</span><strong>{s.scored}</strong></div>
        {(['hallucination', 'pii', 'injection', 'toxic'] as const).map((f) => (
          <div key={f} className="report-kpi"><span className="muted">{f}</span><strong data-testid={`preview-rate-${f}`}>{pct(s.flags[f].rate)}</strong></div>
        ))}
      </div>
      <table className="data-table" data-testid="preview-verdicts">
        <thead><tr><th>Question</th><th>Verdict</th><th>Basis</th></tr></thead>
        <tbody>
          {s.verdicts.map((v) => (
            <tr key={v.id}><td>{v.label}</td><td><Badge tone={TONES[v.status]}>{v.status.replace('_', ' ')}</Badge></td><td>{v.detail}</td></tr>
          ))}
        </tbody>
      </table>
      <h3>Sections</h3>
      <ul className="report-sections" data-testid="preview-sections">
        {sections.map(([label, sec]) => (
          <li key={label}>
            <Badge tone={sec.status === 'ok' ? 'success' : 'neutral'}>{sec.status === 'ok' ? 'data' : 'no data'}</Badge> {label}
            {sec.status !== 'ok' && sec.note ? <span className="muted">: {sec.note}</span> : null}
          </li>
        ))}
      </ul>
      <h3>Findings ({report.findings.length})</h3>
      <ul className="report-findings" data-testid="preview-findings">
        {report.findings.map((f) => (
          <li key={f.id} data-testid="preview-finding">
            <Badge tone={TONES[f.severity]}>{f.severity}</Badge> <strong>{f.title}</strong>
            <div>{f.detail}</div>
            <div className="muted report-controls">{f.controls.map((c) => `${c.framework} ${c.ref}`).join(' · ')}</div>
          </li>
        ))}
      </ul>
      <p className="muted">Audit: {report.audit.length} entries, tree head <code className="hash">{report.audit.merkle_root.slice(0, 16)}…</code>. {report.pii.note}</p>
    </div>
  );
}
