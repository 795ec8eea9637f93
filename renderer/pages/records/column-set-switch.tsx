import type { ColumnSet } from './record-columns';

const CHOICES: ReadonlyArray<{ value: ColumnSet; label: string; title: string }> = [
  { value: 'scores', label: 'Scores', title: 'Grounding, toxicity, injection, PII and flags' },
  { value: 'usage', label: 'Time & usage', title: 'Timestamp, tokens, latency and cost' },
];

/** Both column sets do not fit beside the text columns on a laptop screen, so the user picks one. */
export function ColumnSetSwitch({ value, onChange }: { value: ColumnSet; onChange: (value: ColumnSet) => void }) {
  return (
    <div className="segmented" role="group" aria-label="Columns" data-testid="column-set">
      {CHOICES.map((choice) => (
        <button
          key={choice.value}
          type="button"
          className={`segmented-option${choice.value === value ? ' active' : ''}`}
          aria-pressed={choice.value === value}
          title={choice.title}
          onClick={() => onChange(choice.value)}
          data-testid={`column-set-${choice.value}`}
        >
          {choice.label}
        </button>
      ))}
    </div>
  );
}
