import { ErrorBanner } from '../../components/feedback';
import { formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { formatHash } from '../../routing/routes';

/** Groups beyond this are left out of the bars; the Records filters still list them all. */
const MAX_BARS = 12;

interface Bar { label: string; count: number }

type Group = { value: string | null; count: number };

const toBars = (groups: readonly Group[]): Bar[] =>
  groups.filter((g): g is Group & { value: string } => g.value !== null).slice(0, MAX_BARS).map((g) => ({ label: g.value, count: g.count }));

/** Records per model and per prompt version, largest first, from one records.stats call. */
export function RecordBreakdown() {
  const stats = useApi('records.stats', {});
  if (stats.error) return <section className="card"><ErrorBanner error={stats.error} onRetry={stats.reload} /></section>;
  if (!stats.data) return null;
  const models = toBars(stats.data.byModel);
  const prompts = toBars(stats.data.byPromptVersion);
  if (models.length === 0 && prompts.length === 0) return null;
  return (
    <div className="two-col">
      <BarCard title="Records by model" bars={models} param="model" testId="breakdown-model" />
      <BarCard title="Records by prompt version" bars={prompts} param="prompt" testId="breakdown-prompt" />
    </div>
  );
}

function BarCard({ title, bars, param, testId }: { title: string; bars: Bar[]; param: string; testId: string }) {
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <section className="card" data-testid={testId}>
      <div className="card-header"><h2 className="card-title">{title}</h2></div>
      <ul className="bar-list">
        {bars.map((bar) => (
          <li key={bar.label}>
            <a className="bar-row" href={formatHash('records', { [param]: bar.label })} title={`Show records where ${param} is ${bar.label}`}>
              <span className="bar-label">{bar.label}</span>
              <span className="bar-track"><span className="bar-fill" style={{ width: `${(bar.count / max) * 100}%` }} /></span>
              <span className="bar-value">{formatCount(bar.count)}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
