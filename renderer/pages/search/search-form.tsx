import type { FormEvent } from 'react';
import type { Asset, RecordFacets } from '../../../shared/contract/schemas';
import { icons } from '../../components/icons';

export interface SearchFormValues {
  text: string;
  index: 'kb' | 'records';
  /** KB asset id for the KB index; logs asset id filter for records; '' = default / all. */
  assetId: string;
  k: string;
  model: string;
  from: string;
  to: string;
}

export const EMPTY_FORM: SearchFormValues = { text: '', index: 'kb', assetId: '', k: '5', model: '', from: '', to: '' };

interface Props {
  values: SearchFormValues;
  assets: Asset[] | undefined;
  facets: RecordFacets | undefined;
  running: boolean;
  onChange: (values: SearchFormValues) => void;
  onSubmit: () => void;
}

export function SearchForm({ values, assets, facets, running, onChange, onSubmit }: Props) {
  const set = (patch: Partial<SearchFormValues>) => onChange({ ...values, ...patch });
  const kbs = (assets ?? []).filter((a) => a.kind === 'kb').sort((a, b) => b.id - a.id);
  const logs = (assets ?? []).filter((a) => a.kind === 'logs').sort((a, b) => b.id - a.id);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (values.text.trim() !== '') onSubmit();
  };
  return (
    <form className="filters search-form" onSubmit={submit} data-testid="search-form">
      <label className="search-box search-query">
        {icons.search}
        <input type="search" placeholder={values.index === 'kb' ? 'Search the knowledge base…' : 'Search records (input and output)…'}
          value={values.text} maxLength={2000} autoFocus aria-label="Search text" data-testid="search-text"
          onChange={(event) => set({ text: event.target.value })} />
      </label>
      <label className="select-box">
        <span className="select-label">Index</span>
        <select value={values.index} aria-label="Index" data-testid="search-index"
          onChange={(event) => set({ index: event.target.value === 'records' ? 'records' : 'kb', assetId: '', model: '', from: '', to: '' })}>
          <option value="kb">Knowledge base</option>
          <option value="records">Records</option>
        </select>
      </label>
      {values.index === 'kb' ? (
        <label className="select-box">
          <span className="select-label">KB version</span>
          <select value={values.assetId} aria-label="KB version" data-testid="search-kb" onChange={(event) => set({ assetId: event.target.value })}>
            <option value="">Latest</option>
            {kbs.map((a) => <option key={a.id} value={String(a.id)}>{a.name} v{a.version}</option>)}
          </select>
        </label>
      ) : (
        <>
          <label className="select-box">
            <span className="select-label">Logs</span>
            <select value={values.assetId} aria-label="Logs asset" data-testid="search-logs" onChange={(event) => set({ assetId: event.target.value })}>
              <option value="">All</option>
              {logs.map((a) => <option key={a.id} value={String(a.id)}>{a.name} v{a.version}</option>)}
            </select>
          </label>
          <label className="select-box">
            <span className="select-label">Model</span>
            <select value={values.model} aria-label="Model" data-testid="search-model" onChange={(event) => set({ model: event.target.value })}>
              <option value="">All models</option>
              {(facets?.models ?? []).map((m) => <option key={m} value={m}>{m}</option>)}
            </select>
          </label>
          <label className="select-box">
            <span className="select-label">From</span>
            <input type="date" className="search-date" value={values.from} aria-label="From date" data-testid="search-from"
              onChange={(event) => set({ from: event.target.value })} />
          </label>
          <label className="select-box">
            <span className="select-label">To</span>
            <input type="date" className="search-date" value={values.to} aria-label="To date" data-testid="search-to"
              onChange={(event) => set({ to: event.target.value })} />
          </label>
        </>
      )}
      <label className="select-box">
        <span className="select-label">Results</span>
        <select value={values.k} aria-label="Number of results" data-testid="search-k" onChange={(event) => set({ k: event.target.value })}>
          {['5', '10', '20', '50'].map((k) => <option key={k} value={k}>{k}</option>)}
        </select>
      </label>
      <button type="submit" className="button button-primary" disabled={running || values.text.trim() === ''} data-testid="search-submit">
        {running ? 'Searching…' : 'Search'}
      </button>
    </form>
  );
}
