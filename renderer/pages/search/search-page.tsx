import { useEffect, useState } from 'react';
import type { SearchQuery } from '../../../shared/contract/retrieval-schemas';
import { ErrorBanner, Loading } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { useApi } from '../../hooks/use-api';
import { useRunningJobs } from '../../hooks/use-events';
import { IndexStatus } from './index-status';
import { EMPTY_FORM, SearchForm, type SearchFormValues } from './search-form';
import { SearchResults } from './search-results';
import { useSearch } from './use-search';
import './search.css';

/** Route parameters (#/search?q=…&index=records&kb=3&k=10) prefill the form, so a search can be linked. */
function fromParams(params: Readonly<Record<string, string>>): SearchFormValues {
  return {
    ...EMPTY_FORM,
    text: params.q ?? '',
    index: params.index === 'records' ? 'records' : 'kb',
    assetId: params.kb ?? params.asset ?? '',
    k: ['5', '10', '20', '50'].includes(params.k ?? '') ? params.k! : EMPTY_FORM.k,
    model: params.model ?? '',
  };
}

function toQuery(v: SearchFormValues): SearchQuery {
  const assetId = v.assetId === '' ? undefined : Number(v.assetId);
  return {
    index: v.index, text: v.text.trim(), k: Number(v.k), assetId,
    ...(v.index === 'records' ? { model: v.model || undefined, from: v.from || undefined, to: v.to ? `${v.to}T23:59:59.999Z` : undefined } : {}),
  };
}

/** Nearest-neighbour search over the knowledge base or the records, with the index that answers and its build state. */
export function SearchPage({ params }: { params: Readonly<Record<string, string>> }) {
  const [form, setForm] = useState<SearchFormValues>(() => fromParams(params));
  const [actionError, setActionError] = useState<Error | undefined>();
  const assets = useApi('assets.list', {});
  const facets = useApi('records.facets', {});
  const indexes = useApi('indexes.list', {});
  const jobs = useRunningJobs();
  const search = useSearch();

  // A linked search (#/search?q=…) runs once on arrival.
  useEffect(() => {
    if (form.text.trim() !== '') search.run(toQuery(form));
  }, []);

  const submit = () => {
    setActionError(undefined);
    search.run(toQuery(form));
  };
  const error = search.error ?? actionError;
  // Results of another index (the user switched KB <-> records) would read as answers to the current form.
  const result = search.result && search.result.index.source === form.index ? search.result : undefined;
  const chosenAsset = form.index === 'kb' && form.assetId !== '' ? Number(form.assetId) : undefined;

  return (
    <div className="page" data-testid="search-page">
      <PageHeader title="Search" subtitle="Find the knowledge-base chunks or logged interactions closest to a text, with their similarity scores." />
      <SearchForm values={form} assets={assets.data} facets={facets.data} running={search.running} onChange={setForm} onSubmit={submit} />
      {error ? <ErrorBanner error={error} onRetry={error.message.includes('rebuild') ? () => search.run({ ...toQuery(form), rebuild: true }) : submit} /> : null}
      <div className="search-layout">
        <section className="card search-results-card" aria-label="Results">
          <div className="card-header">
            <span className="card-title">Results</span>
            {result ? (
              <span className="card-meta" data-testid="search-meta">
                {result.hits.length} hit{result.hits.length === 1 ? '' : 's'} in {result.tookMs.toFixed(1)} ms
                {result.built ? ' · index built for this search' : ''}
              </span>
            ) : null}
          </div>
          {search.running ? <Loading label="Searching (a first search builds the index)…" /> : null}
          {result && !search.running ? <SearchResults result={result} /> : null}
          {!search.running && !result && !error ? <p className="muted search-hint">Type a question or a phrase and press Enter.</p> : null}
        </section>
        <IndexStatus source={form.index} assetId={chosenAsset} indexes={indexes.data} jobs={jobs} onError={setActionError} />
      </div>
    </div>
  );
}
