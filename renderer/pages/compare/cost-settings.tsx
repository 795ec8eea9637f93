import { useState, type FormEvent } from 'react';
import type { Budget } from '../../../shared/contract/cost-schemas';
import type { PriceEntry } from '../../../shared/cost/price-table';
import { ErrorBanner } from '../../components/feedback';
import { formatCost } from '../../format/format';
import { toError, useApi } from '../../hooks/use-api';
import { call } from '../../api/client';

const EMPTY: Omit<PriceEntry, 'id'> = {
  model_pattern: '', input_per_mtok: 0, cached_input_per_mtok: null, output_per_mtok: 0,
  effective_from: new Date().toISOString().slice(0, 10), effective_to: null, source: '', taken_at: new Date().toISOString().slice(0, 10),
};

function PriceForm({ initial, replaces, onDone }: { initial: Omit<PriceEntry, 'id'>; replaces?: number; onDone: () => void }) {
  const [entry, setEntry] = useState(initial);
  const [error, setError] = useState<Error>();
  const num = (v: string) => (v.trim() === '' ? null : Number(v));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('prices.set', { entry, replaces }).then(onDone, (err: unknown) => setError(toError(err)));
  };
  const field = (key: keyof typeof entry, label: string, type = 'text') => (
    <label className="select-box"><span className="select-label">{label}</span>
      <input type={type} step="any" data-testid={`price-${key}`} value={entry[key] === null ? '' : String(entry[key])}
        onChange={(e) => setEntry({ ...entry, [key]: type === 'number' ? num(e.target.value) : e.target.value || (key === 'effective_to' ? null : '') })} />
    </label>
  );
  return (
    <form className="compare-pickers" onSubmit={submit} data-testid="price-form">
      {field('model_pattern', 'Model pattern (regex)')}
      {field('input_per_mtok', 'Input $/M', 'number')}
      {field('cached_input_per_mtok', 'Cached input $/M', 'number')}
      {field('output_per_mtok', 'Output $/M', 'number')}
      {field('effective_from', 'Effective from')}
      {field('effective_to', 'to (optional)')}
      {field('source', 'Source')}
      {field('taken_at', 'Taken on')}
      <button type="submit" className="button" data-testid="price-save">{replaces ? 'Save change' : 'Add price'}</button>
      {error ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

function BudgetForm({ onDone }: { onDone: () => void }) {
  const [b, setB] = useState<Omit<Budget, 'id' | 'createdAt'>>({ scope: 'prompt_version', value: '', period: 'day', limitUsd: 10 });
  const [error, setError] = useState<Error>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('budgets.set', b).then(onDone, (err: unknown) => setError(toError(err)));
  };
  return (
    <form className="compare-pickers" onSubmit={submit} data-testid="budget-form">
      <label className="select-box"><span className="select-label">Scope</span>
        <select value={b.scope} data-testid="budget-scope" onChange={(e) => setB({ ...b, scope: e.target.value === 'model' ? 'model' : 'prompt_version' })}>
          <option value="prompt_version">prompt version</option><option value="model">model</option>
        </select></label>
      <label className="select-box"><span className="select-label">Value</span><input data-testid="budget-value" value={b.value} onChange={(e) => setB({ ...b, value: e.target.value })} /></label>
      <label className="select-box"><span className="select-label">Per</span>
        <select value={b.period} data-testid="budget-period" onChange={(e) => setB({ ...b, period: e.target.value as Budget['period'] })}>
          <option value="day">day</option><option value="month">month</option><option value="total">total</option>
        </select></label>
      <label className="select-box"><span className="select-label">Limit USD</span><input type="number" step="any" data-testid="budget-limit" value={b.limitUsd} onChange={(e) => setB({ ...b, limitUsd: Number(e.target.value) })} /></label>
      <button type="submit" className="button" data-testid="budget-save">Set budget</button>
      {error ? <ErrorBanner error={error} /> : null}
    </form>
  );
}

/** The price table in force (edits are audit-logged) and budgets per model or prompt version. */
export function CostSettings() {
  const prices = useApi('prices.list', {});
  const summary = useApi('cost.summary', {});
  const [editing, setEditing] = useState<PriceEntry | 'new' | null>(null);
  const done = () => { setEditing(null); prices.reload(); summary.reload(); };
  return (
    <section className="card" data-testid="cost-settings">
      <div className="card-header">
        <h2 className="card-title">Prices and budgets</h2>
        <span className="card-meta">{prices.data?.edited ? 'edited in this workspace (every edit is in the audit log)' : 'the table pinned with Assay; an edit copies it into the workspace'}</span>
        <button type="button" className="button" onClick={() => setEditing('new')} data-testid="price-add">Add price</button>
      </div>
      {prices.error ? <ErrorBanner error={prices.error} onRetry={prices.reload} /> : null}
      {editing ? <PriceForm key={editing === 'new' ? 'new' : editing.id} initial={editing === 'new' ? EMPTY : editing} replaces={editing === 'new' ? undefined : editing.id} onDone={done} /> : null}
      <table className="data-table" data-testid="price-table">
        <thead><tr><th>Model pattern</th><th className="num">Input $/M</th><th className="num">Cached $/M</th><th className="num">Output $/M</th><th>Effective</th><th>Source (taken)</th><th /></tr></thead>
        <tbody>
          {(prices.data?.entries ?? []).map((p, i) => (
            <tr key={p.id ?? `pinned-${i}`}>
              <td className="mono">{p.model_pattern}</td><td className="num">{p.input_per_mtok}</td><td className="num">{p.cached_input_per_mtok ?? '—'}</td><td className="num">{p.output_per_mtok}</td>
              <td>{p.effective_from}{p.effective_to ? ` – ${p.effective_to}` : ' –'}</td><td className="muted">{p.source} ({p.taken_at})</td>
              <td>{p.id !== undefined ? <button type="button" className="link-button" onClick={() => setEditing(p)}>edit</button> : null}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="card-subtitle">Budgets</h3>
      <BudgetForm onDone={done} />
      <ul data-testid="budget-list">
        {(summary.data?.budgets ?? []).map((b) => (
          <li key={b.id}>{b.scope} {b.value}: {formatCost(b.limitUsd)} per {b.period}{' '}
            <button type="button" className="link-button" onClick={() => { void call('budgets.delete', { id: b.id }).then(done); }}>remove</button></li>
        ))}
      </ul>
    </section>
  );
}
