import type {
  ColumnRole, ColumnType, DatasetColumnEdit, ImportFormat, ImportPreview, ImportSpec, RecordField,
} from '../../../shared/contract/import-schemas';

export interface SpecState {
  kind: '' | 'logs' | 'dataset' | 'kb';
  format: ImportFormat;
  name: string;
  chunkSize: string;
  chunkOverlap: string;
  /** Field mapping edits (log records from generic JSON/CSV); merged over the detected mapping. */
  fields: Partial<Record<RecordField, string>>;
  columns: DatasetColumnEdit[];
}

export const EMPTY_SPEC: SpecState = { kind: '', format: 'auto', name: '', chunkSize: '', chunkOverlap: '', fields: {}, columns: [] };

const FORMATS: ImportFormat[] = ['auto', 'jsonl', 'json', 'csv', 'parquet', 'openai', 'otel', 'openinference', 'langfuse'];
const MAPPED: RecordField[] = ['input', 'output', 'contexts', 'id', 'timestamp', 'model', 'prompt_id', 'prompt_version', 'tokens_in', 'tokens_out', 'latency_ms', 'cost'];
const TYPES: ColumnType[] = ['number', 'integer', 'boolean', 'datetime', 'categorical', 'text'];
const ROLES: ColumnRole[] = ['feature', 'prediction', 'score', 'target', 'timestamp', 'segment', 'id', 'ignore'];

/** The API spec for the form: only what the user chose; detection fills the rest. */
export function toImportSpec(s: SpecState, preview: ImportPreview | undefined): ImportSpec {
  const spec: ImportSpec = { format: s.format };
  if (s.kind) spec.kind = s.kind;
  if (s.chunkSize || s.chunkOverlap) {
    spec.chunking = { ...(s.chunkSize ? { size: Number(s.chunkSize) } : {}), ...(s.chunkOverlap ? { overlap: Number(s.chunkOverlap) } : {}) };
  }
  if (Object.keys(s.fields).length) {
    const base = preview?.spec.mapping?.fields ?? {};
    spec.mapping = { fields: { ...base, ...s.fields }, metadata: 'rest' };
  }
  if (s.columns.length) spec.columns = s.columns;
  return spec;
}

interface Props {
  state: SpecState;
  preview: ImportPreview | undefined;
  onChange: (next: SpecState) => void;
}

export function SpecForm({ state, preview, onChange }: Props) {
  const set = (patch: Partial<SpecState>) => onChange({ ...state, ...patch });
  const kind = state.kind || preview?.spec.kind;
  const mapped = preview?.spec.mapping?.fields ?? {};
  return (
    <div className="import-steps">
      <div className="import-form">
        <label className="import-field">What the files are
          <select data-testid="import-kind" value={state.kind} onChange={(e) => set({ kind: e.target.value as SpecState['kind'], columns: [], fields: {} })}>
            <option value="">detect{preview ? ` (${preview.spec.kind})` : ''}</option>
            <option value="logs">LLM logs</option>
            <option value="dataset">tabular dataset</option>
            <option value="kb">knowledge base</option>
          </select>
        </label>
        <label className="import-field">Format
          <select data-testid="import-format" value={state.format} onChange={(e) => set({ format: e.target.value as ImportFormat })}>
            {FORMATS.map((f) => <option key={f} value={f}>{f === 'auto' && preview ? `auto (${preview.spec.format})` : f}</option>)}
          </select>
        </label>
        <label className="import-field">Asset name (same name = new version)
          <input data-testid="import-name" value={state.name} placeholder="from the file name" onChange={(e) => set({ name: e.target.value })} />
        </label>
        {kind === 'kb' ? (
          <>
            <label className="import-field">Chunk size (characters)
              <input type="number" min={100} value={state.chunkSize} placeholder={String(preview?.spec.chunking?.size ?? 1200)} onChange={(e) => set({ chunkSize: e.target.value })} />
            </label>
            <label className="import-field">Chunk overlap
              <input type="number" min={0} value={state.chunkOverlap} placeholder={String(preview?.spec.chunking?.overlap ?? 150)} onChange={(e) => set({ chunkOverlap: e.target.value })} />
            </label>
          </>
        ) : null}
      </div>
      {kind === 'logs' && preview?.spec.mapping ? (
        <div>
          <div className="section-note">Field mapping (saved with the asset, so the import can be repeated)</div>
          <div className="import-form" data-testid="import-mapping">
            {MAPPED.map((field) => (
              <label className="import-field" key={field}>{field}
                <select value={state.fields[field] ?? mapped[field] ?? ''} onChange={(e) => set({ fields: { ...state.fields, [field]: e.target.value } })}>
                  <option value="">(none)</option>
                  {preview.fieldsSeen.map((f) => <option key={f} value={f}>{f}</option>)}
                </select>
              </label>
            ))}
          </div>
        </div>
      ) : null}
      {kind === 'dataset' && preview?.columns ? (
        <div className="table-scroll">
          <table className="data-table import-schema" data-testid="import-schema">
            <thead><tr><th>Column</th><th>Type</th><th>Role</th><th>Sample values</th></tr></thead>
            <tbody>
              {preview.columns.map((c) => {
                const edit = state.columns.find((x) => x.name === c.name);
                const update = (patch: Partial<DatasetColumnEdit>) => set({ columns: [...state.columns.filter((x) => x.name !== c.name), { ...edit, name: c.name, ...patch }] });
                return (
                  <tr key={c.name}>
                    <td className="cell-strong">{c.name}</td>
                    <td><select value={edit?.type ?? c.type} onChange={(e) => update({ type: e.target.value as ColumnType })}>{TYPES.map((t) => <option key={t}>{t}</option>)}</select></td>
                    <td><select value={edit?.role ?? c.role} onChange={(e) => update({ role: e.target.value as ColumnRole })}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></td>
                    <td className="cell-truncate muted">{c.sample.join(', ')}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </div>
  );
}
