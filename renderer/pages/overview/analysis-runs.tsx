import type { AnalysisRun } from '../../../shared/contract/analysis-schemas';
import { Badge, type BadgeTone } from '../../components/badge';
import { HashText } from '../../components/hash-text';
import { formatCount, formatTimestamp } from '../../format/format';

const STATUS_TONE: Record<AnalysisRun['status'], BadgeTone> = {
  running: 'info', succeeded: 'success', failed: 'danger', cancelled: 'warning',
};

/** Runs shown on the overview; the audit log keeps every one. */
const SHOWN_RUNS = 5;

/** The latest analysis runs: when, how far, and exactly which analyzer versions and parameters scored them. */
export function AnalysisRuns({ runs }: { runs: AnalysisRun[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table analysis-runs" data-testid="analysis-runs">
        <thead>
          <tr>
            <th className="num">Run</th>
            <th>Started</th>
            <th>Status</th>
            <th className="num">Scored</th>
            <th>Analyzers · params hash</th>
            <th>Evidence KB</th>
            <th className="num">Took</th>
          </tr>
        </thead>
        <tbody>
          {runs.slice(0, SHOWN_RUNS).map((run) => (
            <tr key={run.id} data-testid="analysis-run-row" data-status={run.status}>
              <td className="num">#{run.id}</td>
              <td className="nowrap">{formatTimestamp(run.startedAt)}</td>
              <td>
                <Badge tone={STATUS_TONE[run.status]} title={run.message ?? undefined}>{run.status}</Badge>
              </td>
              <td className="num nowrap">{formatCount(run.scored)} / {formatCount(run.total)}</td>
              <td>
                <span className="run-stamps">
                  {run.analyzers.map((stamp) => (
                    <span key={stamp.id} className="run-stamp">
                      {stamp.id} <span className="muted">v{stamp.version}</span> <HashText hash={stamp.paramsHash} length={6} />
                    </span>
                  ))}
                </span>
              </td>
              <td className="nowrap" data-testid="analysis-run-kb">
                {run.kb ? <>{run.kb.name} <span className="muted">v{run.kb.version}</span></> : <span className="muted">none</span>}
              </td>
              <td className="num nowrap">{duration(run)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {runs.length > SHOWN_RUNS ? <p className="muted runs-more">{formatCount(runs.length - SHOWN_RUNS)} earlier runs are in the audit log.</p> : null}
    </div>
  );
}

function duration(run: AnalysisRun): string {
  if (!run.finishedAt) return '—';
  const ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  if (!Number.isFinite(ms) || ms < 0) return '—';
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}
