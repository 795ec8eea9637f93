import './records.css';
import { useState } from 'react';
import type { RecordBrowseRow, RecordFilterSpec, RecordView, RecordViewSpec } from '../../../shared/contract/records-schemas';
import { ErrorBanner } from '../../components/feedback';
import { PageHeader } from '../../components/page-header';
import { formatCount } from '../../format/format';
import { useApi } from '../../hooks/use-api';
import { usePagedRecords } from '../../hooks/use-paged-records';
import { navigate } from '../../routing/router';
import { RecordDetailPanel } from './record-detail';
import { RecordFilters, type FilterValues } from './record-filters';
import type { ColumnSet } from './record-columns';
import { ColumnSetSwitch } from './column-set-switch';
import { RecordsTable, type SortState } from './records-table';
import { RecordsTotals } from './records-totals';
import { readRecordsParams, recordFilterSpec, recordTableFilter, writeRecordsParams, type RecordsParams } from './records-params';
import { SavedViews } from './saved-views';
import { ExportMenu } from './export-menu';

export function RecordsPage({ params }: { params: Readonly<Record<string, string>> }) {
  const state = readRecordsParams(params);
  const facets = useApi('records.facets', {});
  const info = useApi('workspace.info', {});
  const runs = useApi('analysis.runs', {});
  const analyzed = runs.data?.some((run) => run.scored > 0) ?? false;
  const columnSet: ColumnSet = state.columnSet ?? (analyzed ? 'scores' : 'usage');
  const spec: RecordFilterSpec = recordFilterSpec(state);
  // Personal data stays masked until the user asks, and only for this visit: a shared link never reveals it.
  const [revealPii, setRevealPii] = useState(false);
  const rows = usePagedRecords(recordTableFilter(state, revealPii));
  const assets = useApi('assets.list', {});
  const logAssets = assets.data?.filter((a) => a.kind === 'logs');

  const update = (next: RecordsParams) => navigate('records', { ...writeRecordsParams(state), ...next }, true);
  const filtered = Object.values(spec).some((v) => v !== undefined);
  const currentView: RecordViewSpec = {
    filter: spec, sort: state.sort.sort, dir: state.sort.dir, columns: { set: columnSet, hidden: state.hidden },
  };
  const applyView = (view: RecordView) => navigate('records', {
    asset: view.filter.assetId === undefined ? undefined : String(view.filter.assetId), model: view.filter.model, prompt: view.filter.promptVersion,
    q: view.filter.search, flag: view.filter.flag, cols: view.columns.set, hide: view.columns.hidden.length ? view.columns.hidden.join(',') : undefined,
    sort: view.sort === 'id' && view.dir === 'asc' ? undefined : view.sort, dir: view.dir === 'asc' ? undefined : view.dir,
  }, true);

  return (
    <div className="page page-fill">
      <PageHeader
        title="Records"
        subtitle="Every logged interaction: question, answer, retrieved contexts, the analyzers' scores, tokens, latency and cost."
        actions={(
          <div className="records-actions">
            <RecordCount total={rows.total} all={info.data?.recordCount} filtered={filtered} loading={rows.loading} />
            <ColumnSetSwitch value={columnSet} onChange={(cols) => update({ cols })} />
          </div>
        )}
      />
      {/* One cause (an expired session, say) should not show two identical banners. */}
      {facets.error && facets.error.message !== rows.error?.message ? <ErrorBanner error={facets.error} onRetry={facets.reload} /> : null}
      <RecordFilters
        values={state.filters}
        facets={facets.data}
        assets={logAssets}
        onChange={(values: FilterValues) => update({ asset: values.assetId || undefined, model: values.model, prompt: values.promptVersion, q: values.search, flag: values.flag, record: undefined })}
      />
      <div className="records-toolbar">
        <RecordsTotals filter={spec} ready={rows.total !== null} />
        <label className="toggle" title="Personal data found by the PII analyzer or the detectors is masked in the table and in exports">
          <input type="checkbox" checked={revealPii} onChange={(event) => setRevealPii(event.target.checked)} data-testid="records-reveal-pii" />
          Show personal data
        </label>
        <SavedViews current={currentView} onApply={applyView} />
        <ExportMenu query={{ ...spec, sort: state.sort.sort, dir: state.sort.dir, revealPii }} total={rows.total} />
      </div>
      <div className={`records-split${state.recordId !== null ? ' with-detail' : ''}`}>
        <RecordsTable
          rows={rows}
          sort={state.sort}
          onSort={(sort: SortState) => update({ sort: sort.sort === 'id' && sort.dir === 'asc' ? undefined : sort.sort, dir: sort.dir === 'asc' ? undefined : sort.dir })}
          selectedId={state.recordId}
          onSelect={(record: RecordBrowseRow | null) => update({ record: record ? String(record.id) : undefined })}
          compact={state.recordId !== null}
          columnSet={columnSet}
          hidden={state.hidden}
        />
        {state.recordId !== null
          ? <RecordDetailPanel id={state.recordId} onClose={() => update({ record: undefined })} />
          : null}
      </div>
      {rows.total === 0 && !rows.loading ? (
        <p className="muted records-empty" data-testid="records-empty">
          {filtered ? 'No records match these filters.' : 'This workspace has no records yet.'}
        </p>
      ) : null}
    </div>
  );
}

function RecordCount({ total, all, filtered, loading }: { total: number | null; all: number | undefined; filtered: boolean; loading: boolean }) {
  return (
    <div className="record-count" data-testid="records-total" data-total={total ?? ''} aria-live="polite">
      {total === null ? (loading ? 'Counting…' : '—') : (
        <>
          <strong>{formatCount(total)}</strong>
          {filtered && all !== undefined ? <> of {formatCount(all)}</> : null}
          {' '}{total === 1 && !filtered ? 'record' : 'records'}
        </>
      )}
    </div>
  );
}
