import { useState } from 'react';
import type { ColumnDriftRow } from '../../../shared/contract/drift-schemas';
import { DEFAULT_THRESHOLDS, DRIFT_TESTS, P_VALUE_TESTS, type DriftTest } from '../../../shared/drift/types';
import { formatStat } from './format-drift';

export interface ColumnOverride { test?: DriftTest; threshold?: number }
export type Correction = 'none' | 'bonferroni' | 'bh';

const TEST_LABELS: Record<DriftTest, string> = {
  ks: 'KS (p-value)', chisquare: 'Chi-square (p-value)', z: 'Two-proportion Z (p-value)',
  wasserstein: 'Wasserstein / std (distance)', jensenshannon: 'Jensen-Shannon (distance)', psi: 'PSI (distance)',
};

/** Test and threshold overrides of the per-column drift request, from the user's choices. */
export function overrideRequest(overrides: Readonly<Record<string, ColumnOverride>>): { tests?: Record<string, DriftTest>; thresholds?: Record<string, number> } {
  const tests: Record<string, DriftTest> = {};
  const thresholds: Record<string, number> = {};
  for (const [name, o] of Object.entries(overrides)) {
    if (o.test) tests[name] = o.test;
    if (o.threshold !== undefined) thresholds[name] = o.threshold;
  }
  return { ...(Object.keys(tests).length ? { tests } : {}), ...(Object.keys(thresholds).length ? { thresholds } : {}) };
}

/** Change the selected column's test and threshold; the report is recomputed with them. */
export function ColumnSettings({ column, override, onApply }: { column: ColumnDriftRow; override: ColumnOverride | undefined; onApply: (o: ColumnOverride | undefined) => void }) {
  const [test, setTest] = useState<string>(override?.test ?? '');
  const [threshold, setThreshold] = useState<string>(override?.threshold === undefined ? '' : String(override.threshold));
  const value = threshold.trim() === '' ? undefined : Number(threshold);
  const invalid = value !== undefined && !(Number.isFinite(value) && value > 0);
  const chosen = (DRIFT_TESTS as readonly string[]).includes(test) ? (test as DriftTest) : undefined;
  const placeholder = chosen ? String(DEFAULT_THRESHOLDS[chosen]) : column.threshold === null ? 'default' : String(column.threshold);
  const apply = () => {
    if (invalid) return;
    const next: ColumnOverride = { ...(chosen ? { test: chosen } : {}), ...(value !== undefined ? { threshold: value } : {}) };
    onApply(Object.keys(next).length ? next : undefined);
  };
  return (
    <form className="column-settings" data-testid="column-settings" onSubmit={(e) => { e.preventDefault(); apply(); }}>
      <label className="select-box">
        <span className="select-label">Test</span>
        <select value={test} aria-label={`Test for ${column.name}`} data-testid="column-test" onChange={(e) => setTest(e.target.value)}>
          <option value="">Automatic{column.test && !override?.test ? ` (${column.test})` : ''}</option>
          {DRIFT_TESTS.map((t) => <option key={t} value={t}>{TEST_LABELS[t]}</option>)}
        </select>
      </label>
      <label className="select-box">
        <span className="select-label">{chosen ? (P_VALUE_TESTS.has(chosen) ? 'p <' : '≥') : 'Threshold'}</span>
        <input className="column-threshold" type="text" inputMode="decimal" value={threshold} placeholder={placeholder}
          aria-label={`Threshold for ${column.name}`} aria-invalid={invalid} data-testid="column-threshold" onChange={(e) => setThreshold(e.target.value)} />
      </label>
      <button type="submit" className="button button-small button-primary" disabled={invalid} data-testid="column-apply">Apply</button>
      {override ? <button type="button" className="button button-small button-ghost" data-testid="column-reset" onClick={() => onApply(undefined)}>Reset</button> : null}
      {invalid ? <span className="drift-note">Threshold must be a positive number</span> : null}
      <span className="muted column-settings-hint">
        Now: {column.test ?? 'not tested'}{column.threshold === null ? '' : ` at ${formatStat(column.threshold, 3)}`}{override ? ' (your setting)' : ' (automatic)'}
      </span>
    </form>
  );
}

export function CorrectionPicker({ value, onChange }: { value: Correction; onChange: (c: Correction) => void }) {
  return (
    <label className="select-box">
      <span className="select-label">Multiple-testing correction</span>
      <select value={value} aria-label="Multiple-testing correction" data-testid="drift-correction"
        onChange={(e) => onChange(e.target.value === 'bonferroni' || e.target.value === 'bh' ? e.target.value : 'none')}>
        <option value="none">None</option>
        <option value="bonferroni">Bonferroni</option>
        <option value="bh">Benjamini-Hochberg</option>
      </select>
    </label>
  );
}
