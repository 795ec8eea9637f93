import { useState } from 'react';
import type { ProfileSummary, StoredProfileInfo } from '../../../shared/contract/profile-schemas';
import { Badge } from '../../components/badge';
import { ErrorBanner, Loading } from '../../components/feedback';
import { HashText } from '../../components/hash-text';
import { formatCount, formatTimestamp, plural } from '../../format/format';
import { FLAG_LABEL } from '../../format/scores';
import { useApi } from '../../hooks/use-api';
import { formatHash } from '../../routing/routes';
import { formatInterval, formatRate, populationLabel, sliceLabel } from './population-format';
import { ScoreHistogram } from './score-histogram';
import './population.css';

/**
 * Figures of an imported population profile (a whole population scored on a cluster), kept apart from the
 * workspace-record figures above and labelled with the profile's record count and sha256 everywhere.
 */
export function PopulationProfileCard() {
  const list = useApi('profiles.list', {});
  const [picked, setPicked] = useState<number | null>(null);
  if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  const profiles = list.data ?? [];
  if (profiles.length === 0) return null;
  const current = profiles.find((p) => p.id === picked) ?? profiles[0]!;
  return (
    <section className="card population-card" data-testid="population-card">
      <div className="card-header">
        <h2 className="card-title">Population profile <Badge tone="accent" title="computed from an imported profile, not from records in this workspace">population-wide</Badge></h2>
        <span className="card-meta" data-testid="population-marker">{populationLabel(current)}</span>
      </div>
      {profiles.length > 1 ? (
        <label className="select-box">
          <span className="select-label">Profile</span>
          <select value={current.id} aria-label="Profile" data-testid="population-profile" onChange={(e) => setPicked(Number(e.target.value))}>
            {profiles.map((p) => <option key={p.id} value={p.id}>#{p.id} · {formatCount(p.records)} records · {formatTimestamp(p.importedAt)}</option>)}
          </select>
        </label>
      ) : null}
      <ProfileDetails key={current.id} info={current} />
    </section>
  );
}

function ProfileDetails({ info }: { info: StoredProfileInfo }) {
  const [dimension, setDimension] = useState(info.by[0]!);
  const summary = useApi('profiles.summary', { id: info.id, dimension });
  return (
    <>
      <p className="muted small" data-testid="population-provenance">
        {plural(info.partitions, 'partition')} · {info.errors ? `${formatCount(info.errors)} malformed input lines not counted · ` : ''}
        analyzers {info.analyzers.map((a) => `${a.id} ${a.version}`).join(', ')} · sha256 <HashText hash={info.sha256} /> · imported {formatTimestamp(info.importedAt)}
      </p>
      <div className="population-pickers">
        <label className="select-box">
          <span className="select-label">Rates by</span>
          <select value={dimension} aria-label="Rates by" data-testid="population-dimension" onChange={(e) => setDimension(e.target.value)}>
            {info.by.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <a href={formatHash('compare')} className="button" data-testid="population-compare-link">Compare two groups…</a>
      </div>
      {summary.error ? <ErrorBanner error={summary.error} onRetry={summary.reload} /> : null}
      {summary.data === undefined && !summary.error ? <Loading /> : null}
      {summary.data ? <SummaryBody summary={summary.data} /> : null}
    </>
  );
}

function SummaryBody({ summary }: { summary: ProfileSummary }) {
  const { overall, slices } = summary;
  return (
    <>
      <div className="kpi-grid" data-testid="population-kpis">
        <div className="kpi-tile" data-testid="population-records">
          <span className="kpi-label">Records</span>
          <span className="kpi-value">{formatCount(overall.records)}</span>
          <span className="kpi-hint">population-wide</span>
        </div>
        {overall.flags.map((f) => (
          <div key={f.flag} className="kpi-tile" data-testid={`population-rate-${f.flag}`} data-count={f.count}>
            <span className="kpi-label">{FLAG_LABEL[f.flag]}</span>
            <span className="kpi-value">{formatRate(f.rate)}</span>
            <span className="kpi-hint">{formatCount(f.count)} records · 95% {formatInterval(f.low, f.high)}</span>
          </div>
        ))}
      </div>
      <div className="table-scroll">
        <table className="data-table" data-testid="population-slices">
          <thead>
            <tr>
              <th>{summary.dimension}</th><th className="num">Records</th>
              {overall.flags.map((f) => <th key={f.flag} className="num">{FLAG_LABEL[f.flag]}</th>)}
              <th className="num">Tokens in</th><th className="num">Tokens out</th><th className="num">Cost</th>
            </tr>
          </thead>
          <tbody>
            {slices.map((s) => (
              <tr key={String(s.value)} data-testid="population-slice" data-value={s.value ?? ''}>
                <td>{sliceLabel(s.value)}</td>
                <td className="num">{formatCount(s.records)}</td>
                {s.flags.map((f) => <td key={f.flag} className="num" title={`${formatCount(f.count)} of ${formatCount(f.n)}; 95% ${formatInterval(f.low, f.high)}`}>{formatRate(f.rate)}</td>)}
                <td className="num">{formatCount(s.tokensIn)}</td>
                <td className="num">{formatCount(s.tokensOut)}</td>
                <td className="num">${s.cost}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="population-hists">
        {overall.scores.map((s) => <ScoreHistogram key={s.name} score={s} />)}
      </div>
    </>
  );
}
