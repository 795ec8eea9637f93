import { useState, type FormEvent } from 'react';
import type { RecordView, RecordViewSpec } from '../../../shared/contract/records-schemas';
import { call } from '../../api/client';
import { useApi, toError } from '../../hooks/use-api';

interface Props {
  /** The page's current filter, sort and columns, to save under a name. */
  current: RecordViewSpec;
  onApply: (view: RecordView) => void;
}

/** Named views of the Records table (filter, sort, columns), stored in the workspace and audit-logged. */
export function SavedViews({ current, onApply }: Props) {
  const views = useApi('records.views.list', {});
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    try {
      const view = await call('records.views.save', { name, ...current });
      setSelected(view.name);
      setNaming(false);
      setName('');
      setError(null);
      views.reload();
    } catch (err) {
      setError(toError(err).message);
    }
  }

  async function remove() {
    if (!selected) return;
    try {
      await call('records.views.delete', { name: selected });
      setSelected('');
      views.reload();
    } catch (err) {
      setError(toError(err).message);
    }
  }

  return (
    <div className="saved-views" data-testid="saved-views">
      <label className="select-box">
        <span className="select-label">View</span>
        <select value={selected} data-testid="saved-view-select" aria-label="Saved view"
          onChange={(event) => {
            setSelected(event.target.value);
            const view = views.data?.find((v) => v.name === event.target.value);
            if (view) onApply(view);
          }}>
          <option value="">{views.data?.length ? 'Saved views…' : 'No saved views'}</option>
          {(views.data ?? []).map((v) => <option key={v.id} value={v.name}>{v.name}</option>)}
        </select>
      </label>
      {selected ? <button type="button" className="button button-ghost" onClick={() => void remove()} data-testid="saved-view-delete">Delete view</button> : null}
      {naming ? (
        <form className="saved-view-form" onSubmit={(event) => void save(event)}>
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder="View name" maxLength={120} autoFocus
            aria-label="View name" data-testid="saved-view-name" />
          <button type="submit" className="button" disabled={name.trim() === ''} data-testid="saved-view-save">Save</button>
          <button type="button" className="button button-ghost" onClick={() => { setNaming(false); setError(null); }}>Cancel</button>
        </form>
      ) : (
        <button type="button" className="button button-ghost" onClick={() => setNaming(true)} data-testid="saved-view-new">Save view…</button>
      )}
      {error ? <span className="form-error" role="alert">{error}</span> : null}
    </div>
  );
}
