import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { ErrorBanner } from '../../components/feedback';
import { formatCount } from '../../format/format';
import { toError, useApi } from '../../hooks/use-api';
import { useWorkspaceRevision } from '../../hooks/use-events';
import { formatHash } from '../../routing/routes';

/** Facet values beyond this are left out of the bars; the Records filters still list them all. */
const MAX_BARS = 12;

interface Bar { label: string; count: number }

/**
 * Records per model and per prompt version. Counts come from records.list totals (limit 1), one call per
 * facet value, because the contract has no aggregate method yet.
 */
export function RecordBreakdown() {
  const facets = useApi('records.facets', {});
  const revision = useWorkspaceRevision();
  const [bars, setBars] = useState<{ models: Bar[]; prompts: Bar[] } | null>(null);
  const [error, setError] = useState<Error | null>(null);

  useEffect(() => {
    if (!facets.data) return;
    let live = true;
    const { models, promptVersions } = facets.data;
    const count = (filter: { model?: string; promptVersion?: string }) =>
      call('records.list', { ...filter, limit: 1 }).then((page) => page.total);
    Promise.all([
      Promise.all(models.slice(0, MAX_BARS).map(async (label) => ({ label, count: await count({ model: label }) }))),
      Promise.all(promptVersions.slice(0, MAX_BARS).map(async (label) => ({ label, count: await count({ promptVersion: label }) }))),
    ]).then(
      ([modelBars, promptBars]) => { if (live) { setBars({ models: modelBars, prompts: promptBars }); setError(null); } },
      (e: unknown) => { if (live) setError(toError(e)); },
    );
    return () => { live = false; };
  }, [facets.data, revision]);

  const failure = facets.error ?? error;
  if (failure) return <section className="card"><ErrorBanner error={failure} onRetry={facets.reload} /></section>;
  if (!bars || (bars.models.length === 0 && bars.prompts.length === 0)) return null;
  return (
    <div className="two-col">
      <BarCard title="Records by model" bars={bars.models} param="model" testId="breakdown-model" />
      <BarCard title="Records by prompt version" bars={bars.prompts} param="prompt" testId="breakdown-prompt" />
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
