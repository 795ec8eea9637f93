import { useEffect, useState } from 'react';
import type { RecordFlag } from '../../../shared/contract/analysis-schemas';
import type { Asset, RecordFacets } from '../../../shared/contract/schemas';
import { icons } from '../../components/icons';
import { FLAG_FILTERS, isRecordFlag } from '../../format/scores';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

export interface FilterValues {
  /** A log asset's id as text; '' = every asset. */
  assetId: string;
  model: string;
  promptVersion: string;
  search: string;
  /** '' = every record. */
  flag: RecordFlag | '';
}

export const NO_FILTERS: FilterValues = { assetId: '', model: '', promptVersion: '', search: '', flag: '' };

interface Props {
  values: FilterValues;
  facets: RecordFacets | undefined;
  /** Log assets, to filter by the import they came from. */
  assets: Asset[] | undefined;
  onChange: (values: FilterValues) => void;
}

export function RecordFilters({ values, facets, assets, onChange }: Props) {
  // The box holds what is typed; the query follows once typing pauses.
  const [text, setText] = useState(values.search);
  const settled = useDebouncedValue(text, 250);
  // Runs only when the settled text moves; the latest filters come from this render's props.
  useEffect(() => {
    if (settled !== values.search) onChange({ ...values, search: settled });
  }, [settled]);
  useEffect(() => setText(values.search), [values.search]);

  const active = values.assetId !== '' || values.model !== '' || values.promptVersion !== '' || values.search !== '' || values.flag !== '';
  return (
    <div className="filters" data-testid="record-filters">
      <label className="search-box">
        {icons.search}
        <input
          type="search"
          placeholder='Search input, output, contexts… ("exact phrase")'
          value={text}
          maxLength={500}
          onChange={(event) => setText(event.target.value)}
          data-testid="records-search"
          aria-label="Search records"
        />
      </label>
      <label className={`select-box${values.assetId ? ' select-box-active' : ''}`}>
        <span className="select-label">Asset</span>
        <select value={values.assetId} data-testid="filter-asset" aria-label="Asset"
          onChange={(event) => onChange({ ...values, assetId: event.target.value })}>
          <option value="">All log assets</option>
          {values.assetId !== '' && !assets?.some((a) => String(a.id) === values.assetId)
            ? <option value={values.assetId}>Asset #{values.assetId}</option> : null}
          {(assets ?? []).map((a) => <option key={a.id} value={String(a.id)}>{a.name} v{a.version}</option>)}
        </select>
      </label>
      <FacetSelect label="Model" all="All models" value={values.model} options={facets?.models}
        onChange={(model) => onChange({ ...values, model })} testId="filter-model" />
      <FacetSelect label="Prompt version" all="All prompt versions" value={values.promptVersion} options={facets?.promptVersions}
        onChange={(promptVersion) => onChange({ ...values, promptVersion })} testId="filter-prompt-version" />
      <label className={`select-box${values.flag ? ' select-box-active' : ''}`}>
        <span className="select-label">Flag</span>
        <select value={values.flag} data-testid="filter-flag" aria-label="Flag"
          onChange={(event) => onChange({ ...values, flag: isRecordFlag(event.target.value) ? event.target.value : '' })}>
          {FLAG_FILTERS.map((choice) => <option key={choice.value} value={choice.value}>{choice.label}</option>)}
        </select>
      </label>
      {active ? (
        <button type="button" className="button button-ghost" data-testid="filters-clear"
          onClick={() => { setText(''); onChange(NO_FILTERS); }}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}

function FacetSelect({ label, all, value, options, onChange, testId }: {
  label: string; all: string; value: string; options: string[] | undefined; onChange: (value: string) => void; testId: string;
}) {
  // A value from the URL that is not (or not yet) a facet stays selectable instead of silently vanishing.
  const list = options && value !== '' && !options.includes(value) ? [value, ...options] : options ?? (value ? [value] : []);
  return (
    <label className="select-box">
      <span className="select-label">{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId} aria-label={label}>
        <option value="">{all}</option>
        {list.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </label>
  );
}
