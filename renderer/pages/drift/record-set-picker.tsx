import type { RecordSetFilter } from '../../../shared/contract/drift-schemas';
import type { Asset, RecordFacets } from '../../../shared/contract/schemas';
import { formatCount } from '../../format/format';

/** Text fields of a record-set picker; empty means "any". */
export interface SetChoice { assetId: string; model: string; promptVersion: string; from: string; to: string }

export const EMPTY_SET: SetChoice = { assetId: '', model: '', promptVersion: '', from: '', to: '' };

export function toFilter(c: SetChoice): RecordSetFilter {
  return {
    ...(c.assetId ? { assetId: Number(c.assetId) } : {}),
    ...(c.model ? { model: c.model } : {}),
    ...(c.promptVersion ? { promptVersion: c.promptVersion } : {}),
    ...(c.from ? { from: c.from } : {}),
    ...(c.to ? { to: c.to } : {}),
  };
}

/** A set of LLM log records chosen by logs asset, model, prompt version and date range (embedding drift, skew). */
export function RecordSetPicker({ title, testId, value, onChange, logs, facets }: {
  title: string; testId: string; value: SetChoice; onChange: (c: SetChoice) => void; logs: Asset[]; facets: RecordFacets | undefined;
}) {
  const set = (patch: Partial<SetChoice>) => onChange({ ...value, ...patch });
  return (
    <fieldset className="embedding-set" data-testid={testId}>
      <legend>{title}</legend>
      <label className="select-box">
        <span className="select-label">Logs</span>
        <select value={value.assetId} aria-label={`${title} logs asset`} data-testid={`${testId}-logs`} onChange={(e) => set({ assetId: e.target.value })}>
          <option value="">All logs</option>
          {logs.map((a) => <option key={a.id} value={String(a.id)}>{a.name} ({formatCount(a.rowCount)})</option>)}
        </select>
      </label>
      <label className="select-box">
        <span className="select-label">Model</span>
        <select value={value.model} aria-label={`${title} model`} data-testid={`${testId}-model`} onChange={(e) => set({ model: e.target.value })}>
          <option value="">Any</option>
          {(facets?.models ?? []).map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label className="select-box">
        <span className="select-label">Prompt</span>
        <select value={value.promptVersion} aria-label={`${title} prompt version`} data-testid={`${testId}-prompt`} onChange={(e) => set({ promptVersion: e.target.value })}>
          <option value="">Any</option>
          {(facets?.promptVersions ?? []).map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      </label>
      <label className="select-box">
        <span className="select-label">From</span>
        <input type="date" value={value.from} aria-label={`${title} from date`} onChange={(e) => set({ from: e.target.value })} />
      </label>
      <label className="select-box">
        <span className="select-label">To</span>
        <input type="date" value={value.to} aria-label={`${title} to date`} onChange={(e) => set({ to: e.target.value })} />
      </label>
    </fieldset>
  );
}
