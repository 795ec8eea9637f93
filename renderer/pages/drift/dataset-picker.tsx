import type { Asset } from '../../../shared/contract/schemas';
import { formatCount } from '../../format/format';

/** One dataset asset out of the workspace's, shown with its version and row count. */
export function DatasetPicker({ label, testId, datasets, value, onChange }: { label: string; testId: string; datasets: Asset[]; value: number; onChange: (id: number) => void }) {
  return (
    <label className="select-box">
      <span className="select-label">{label}</span>
      <select value={String(value)} aria-label={`${label} dataset`} data-testid={testId} onChange={(e) => onChange(Number(e.target.value))}>
        {datasets.map((a) => <option key={a.id} value={String(a.id)}>{a.name} v{a.version} ({formatCount(a.rowCount)} rows)</option>)}
      </select>
    </label>
  );
}
