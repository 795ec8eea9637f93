import { ErrorBanner } from '../../components/feedback';
import { formatCount } from '../../format/format';
import { FLAG_LABEL, FLAG_MEANING, FLAG_NAMES } from '../../format/scores';
import { useFlagCounts } from '../../hooks/use-flag-counts';
import { formatHash } from '../../routing/routes';

/** Flagged records per flag after analysis; each tile opens the records page filtered to that flag. */
export function FlagKpis() {
  const { counts, error, reload } = useFlagCounts();
  if (error) return <ErrorBanner error={error} onRetry={reload} />;
  if (!counts) return null;
  const analyzed = counts.total - counts.unscored;
  if (analyzed <= 0) return null;
  return (
    <div className="kpi-grid" data-testid="flag-kpis">
      <a className="kpi-tile" href={formatHash('records', { flag: counts.unscored > 0 ? 'unscored' : undefined })} data-testid="kpi-analyzed"
        title={counts.unscored > 0 ? 'Show the records not analyzed yet' : 'Every record has been analyzed'}>
        <span className="kpi-label">Analyzed</span>
        <span className="kpi-value">{formatCount(analyzed)}</span>
        <span className="kpi-hint">{counts.unscored > 0 ? `of ${formatCount(counts.total)} · ${formatCount(counts.unscored)} to go` : 'all records'}</span>
      </a>
      {FLAG_NAMES.map((flag) => {
        const count = counts[flag];
        return (
          <a key={flag} className={`kpi-tile${count > 0 ? ` kpi-flagged kpi-${flag}` : ''}`} href={formatHash('records', { flag })}
            data-testid={`kpi-${flag}`} data-count={count} title={`Records with ${FLAG_MEANING[flag]}`}>
            <span className="kpi-label">{FLAG_LABEL[flag]}</span>
            <span className="kpi-value">{formatCount(count)}</span>
            <span className="kpi-hint">{percent(count, analyzed)} of analyzed records</span>
          </a>
        );
      })}
    </div>
  );
}

function percent(count: number, of: number): string {
  const value = (count / of) * 100;
  if (value === 0) return '0%';
  return value < 0.1 ? '<0.1%' : `${value < 10 ? value.toFixed(1) : Math.round(value)}%`;
}
