export interface SegmentedOption<T extends string> {
  value: T;
  label: string;
  title: string;
  disabled?: boolean;
}

/** A row of mutually exclusive buttons (one pressed); test ids are `${testId}-${value}` per option. */
export function Segmented<T extends string>({ label, options, value, onChange, testId, className }: {
  label: string;
  options: ReadonlyArray<SegmentedOption<T>>;
  value: T;
  onChange: (value: T) => void;
  testId: string;
  className?: string;
}) {
  return (
    <div className={`segmented${className ? ` ${className}` : ''}`} role="group" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button key={o.value} type="button" className={`segmented-option${o.value === value ? ' active' : ''}`} aria-pressed={o.value === value}
          disabled={o.disabled} title={o.title} onClick={() => onChange(o.value)} data-testid={`${testId}-${o.value}`}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
