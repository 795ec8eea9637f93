export type DriftMode = 'datasets' | 'skew';

const MODES: ReadonlyArray<{ value: DriftMode; label: string; title: string }> = [
  { value: 'datasets', label: 'Reference vs current', title: 'Two dataset assets, column by column and window by window, with model quality' },
  { value: 'skew', label: 'Training vs serving', title: 'A training dataset\'s features against what the model was served: log records or a serving dataset' },
];

/** Dataset drift and training-serving skew answer different questions with different pickers: one at a time. */
export function DriftModeSwitch({ value, onChange }: { value: DriftMode; onChange: (mode: DriftMode) => void }) {
  return (
    <div className="segmented drift-mode" role="group" aria-label="Comparison" data-testid="drift-mode">
      {MODES.map((mode) => (
        <button key={mode.value} type="button" className={`segmented-option${mode.value === value ? ' active' : ''}`}
          aria-pressed={mode.value === value} title={mode.title} onClick={() => onChange(mode.value)} data-testid={`drift-mode-${mode.value}`}>
          {mode.label}
        </button>
      ))}
    </div>
  );
}
