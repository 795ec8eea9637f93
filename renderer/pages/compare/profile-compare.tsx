import { useState } from 'react';
import type { ProfileComparison, StoredProfileInfo } from '../../../shared/contract/profile-schemas';
import { Badge } from '../../components/badge';
import { ErrorBanner, Loading } from '../../components/feedback';
import { formatCount } from '../../format/format';
import { FLAG_LABEL } from '../../format/scores';
import { useApi } from '../../hooks/use-api';
import { formatInterval, formatPoints, formatRate, populationLabel, sliceLabel } from '../overview/population-format';
import { formatP } from './format-compare';

const TEST_NAME: Record<string, string> = { two_proportion_z: 'two-proportion z (= 2×2 χ²)', fisher_exact: "Fisher's exact" };
/** Select values cannot be null; records without the field are offered under this value. */
const NONE = '\u0000none';

/**
 * Two groups of an imported population profile (e.g. model A vs model B over the whole population), compared from
 * the profile's counts with unpaired tests. Shown only when a profile has been imported.
 */
export function ProfileCompare() {
  const list = useApi('profiles.list', {});
  if (list.error) return <ErrorBanner error={list.error} onRetry={list.reload} />;
  const info = list.data?.[0];
  if (!info) return null;
  return (
    <section className="card population-card" data-testid="profile-compare">
      <div className="card-header">
        <h2 className="card-title">Population profile: two groups <Badge tone="accent" title="computed from an imported profile, not from records in this workspace">population-wide</Badge></h2>
        <span className="card-meta" data-testid="profile-compare-marker">{populationLabel(info)}</span>
      </div>
      <Pickers key={info.id} info={info} />
    </section>
  );
}

function Pickers({ info }: { info: StoredProfileInfo }) {
  const [dimension, setDimension] = useState(info.by.includes('model') ? 'model' : info.by[0]!);
  const summary = useApi('profiles.summary', { id: info.id, dimension });
  const [chosen, setChosen] = useState<{ a?: string; b?: string }>({});
  const values = (summary.current ? summary.data?.slices : undefined)?.map((s) => ({ value: s.value ?? NONE, label: sliceLabel(s.value), records: s.records })) ?? [];
  const a = values.find((v) => v.value === chosen.a)?.value ?? values[0]?.value;
  const b = values.find((v) => v.value === chosen.b)?.value ?? values[1]?.value;
  const picker = (label: string, testId: string, value: string, side: 'a' | 'b') => (
    <label className="select-box">
      <span className="select-label">{label}</span>
      <select value={value} aria-label={label} data-testid={testId} onChange={(e) => setChosen((c) => ({ ...c, [side]: e.target.value }))}>
        {values.map((v) => <option key={v.value} value={v.value}>{v.label} ({formatCount(v.records)} records)</option>)}
      </select>
    </label>
  );
  return (
    <>
      <div className="population-pickers">
        <label className="select-box">
          <span className="select-label">Group by</span>
          <select value={dimension} aria-label="Group by" data-testid="profile-compare-dimension" onChange={(e) => { setDimension(e.target.value); setChosen({}); }}>
            {info.by.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        {a !== undefined && b !== undefined ? <>{picker('A (baseline)', 'profile-compare-a', a, 'a')}{picker('B (candidate)', 'profile-compare-b', b, 'b')}</> : null}
      </div>
      {summary.error ? <ErrorBanner error={summary.error} onRetry={summary.reload} /> : null}
      {summary.data && summary.current && values.length < 2 ? <p className="muted">Only one {dimension} in this profile; pick another field to compare along.</p> : null}
      {a !== undefined && b !== undefined ? <Comparison id={info.id} dimension={dimension} a={a === NONE ? null : a} b={b === NONE ? null : b} /> : null}
    </>
  );
}

function Comparison({ id, dimension, a, b }: { id: number; dimension: string; a: string | null; b: string | null }) {
  const result = useApi('profiles.compare', { id, dimension, a, b });
  if (result.error) return <ErrorBanner error={result.error} onRetry={result.reload} />;
  if (!result.data || !result.current) return <Loading label="Comparing groups…" />;
  return <ComparisonTable result={result.data} />;
}

function ComparisonTable({ result }: { result: ProfileComparison }) {
  return (
    <>
      <div className="table-wrap">
        <table className="data-table compare-table" data-testid="profile-compare-rates">
          <thead>
            <tr>
              <th>Flag rate</th>
              <th className="num">A: {sliceLabel(result.a.value)} ({formatCount(result.a.records)})</th>
              <th className="num">B: {sliceLabel(result.b.value)} ({formatCount(result.b.records)})</th>
              <th className="num">B − A</th><th className="num">95% interval</th><th>Test</th><th className="num">p</th><th className="num">p (Holm)</th><th>Verdict</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((r) => (
              <tr key={r.flag} data-testid={`profile-compare-row-${r.flag}`} data-significant={r.significant ? 'yes' : 'no'}>
                <td>{FLAG_LABEL[r.flag]}</td>
                <td className="num" title={`${formatCount(r.a.count)} of ${formatCount(r.a.n)}; 95% ${formatInterval(r.a.low, r.a.high)}`}>{formatRate(r.a.rate)}</td>
                <td className="num" title={`${formatCount(r.b.count)} of ${formatCount(r.b.n)}; 95% ${formatInterval(r.b.low, r.b.high)}`}>{formatRate(r.b.rate)}</td>
                <td className={`num ${r.diff !== null && r.significant ? (r.diff > 0 ? 'compare-worse' : 'compare-better') : ''}`}>{formatPoints(r.diff)}</td>
                <td className="num">{r.ci_low === null ? '—' : `${formatPoints(r.ci_low)} … ${formatPoints(r.ci_high)}`}</td>
                <td>{r.test ? TEST_NAME[r.test] : '—'}</td>
                <td className="num">{formatP(r.p_value)}</td>
                <td className="num">{formatP(r.p_adjusted)}</td>
                <td>{r.significant ? <Badge tone={r.diff !== null && r.diff > 0 ? 'danger' : 'success'}>{r.diff !== null && r.diff > 0 ? 'higher in B' : 'lower in B'}</Badge> : <span className="muted">not significant</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.scores.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table" data-testid="profile-compare-scores">
            <thead><tr><th>Mean score (exact, untested)</th><th className="num">A</th><th className="num">B</th><th className="num">B − A</th></tr></thead>
            <tbody>
              {result.scores.map((s) => (
                <tr key={s.name}>
                  <td>{s.name}</td>
                  <td className="num">{s.a === null ? '—' : s.a.toFixed(4)}</td>
                  <td className="num">{s.b === null ? '—' : s.b.toFixed(4)}</td>
                  <td className="num">{s.diff === null ? '—' : `${s.diff > 0 ? '+' : ''}${s.diff.toFixed(4)}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <ul className="population-notes muted" data-testid="profile-compare-notes">{result.notes.map((n) => <li key={n}>{n}</li>)}</ul>
    </>
  );
}
