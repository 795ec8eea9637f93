import type { AnalysisKbOptions } from '../../../shared/contract/analysis-schemas';

/** The picker's value: a KB asset id, or null for "record contexts only". */
export type KbPick = number | null;

const NONE = 'none';

/**
 * Which KB grounding retrieves evidence from in the next run. It starts on the KB the previous run used, so a KB
 * imported since never replaces it unnoticed; records of a logs asset bound to a KB use that KB instead.
 */
export function AnalysisKbPicker({ options, value, onChange, disabled, afterRuns }: {
  options: AnalysisKbOptions;
  value: KbPick;
  onChange: (pick: KbPick) => void;
  disabled: boolean;
  /** Whether an earlier run exists, whose KB is then the default (else the newest KB is). */
  afterRuns: boolean;
}) {
  const bound = options.bindings.length;
  return (
    <div className="analysis-kb">
      <label className="select-box">
        <span className="select-label">Evidence KB</span>
        <select value={value === null ? NONE : String(value)} aria-label="Knowledge base used as grounding evidence" data-testid="analysis-kb"
          disabled={disabled} onChange={(e) => onChange(e.target.value === NONE ? null : Number(e.target.value))}>
          {options.kbs.map((kb) => (
            <option key={kb.assetId} value={String(kb.assetId)}>
              {kb.name} v{kb.version}{afterRuns && options.defaultKb?.assetId === kb.assetId ? ' (previous run)' : ''}
            </option>
          ))}
          <option value={NONE}>None: record contexts only</option>
        </select>
      </label>
      <p className="analysis-kb-note muted" data-testid="analysis-kb-note">
        Used for records that carry contexts. Records without contexts are not grounded
        {bound > 0 ? `, except in the ${bound === 1 ? 'logs asset' : `${bound} logs assets`} bound to a KB (assay bind-kb)` : ' unless their logs asset is bound to a KB (assay bind-kb)'}.
      </p>
    </div>
  );
}

/** The pick shown before the user chooses: the previous run's KB, or none. */
export function defaultPick(options: AnalysisKbOptions | undefined): KbPick {
  return options?.defaultKb?.assetId ?? null;
}
