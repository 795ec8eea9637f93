import { useEffect, useState } from 'react';
import type { RecordFacets } from '../../../shared/contract/schemas';
import { icons } from '../../components/icons';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

export interface FilterValues {
  model: string;
  promptVersion: string;
  search: string;
}

interface Props {
  values: FilterValues;
  facets: RecordFacets | undefined;
  onChange: (values: FilterValues) => void;
}

export function RecordFilters({ values, facets, onChange }: Props) {
  // The box holds what is typed; the query follows once typing pauses.
  const [text, setText] = useState(values.search);
  const settled = useDebouncedValue(text, 250);
  useEffect(() => {
    if (settled !== values.search) onChange({ ...values, search: settled });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [settled]);
  useEffect(() => setText(values.search), [values.search]);

  const active = values.model !== '' || values.promptVersion !== '' || values.search !== '';
  return (
    <div className="filters" data-testid="record-filters">
      <label className="search-box">
        {icons.search}
        <input
          type="search"
          placeholder="Search input and output…"
          value={text}
          maxLength={500}
          onChange={(event) => setText(event.target.value)}
          data-testid="records-search"
          aria-label="Search records"
        />
      </label>
      <FacetSelect label="Model" all="All models" value={values.model} options={facets?.models}
        onChange={(model) => onChange({ ...values, model })} testId="filter-model" />
      <FacetSelect label="Prompt version" all="All prompt versions" value={values.promptVersion} options={facets?.promptVersions}
        onChange={(promptVersion) => onChange({ ...values, promptVersion })} testId="filter-prompt-version" />
      {active ? (
        <button type="button" className="button button-ghost" data-testid="filters-clear"
          onClick={() => { setText(''); onChange({ model: '', promptVersion: '', search: '' }); }}>
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
