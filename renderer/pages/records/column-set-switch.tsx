import { Segmented, type SegmentedOption } from '../../components/segmented';
import type { ColumnSet } from './record-columns';

const CHOICES: ReadonlyArray<SegmentedOption<ColumnSet>> = [
  { value: 'scores', label: 'Scores', title: 'Grounding, toxicity, injection, PII and flags' },
  { value: 'usage', label: 'Time & usage', title: 'Timestamp, tokens, latency and cost' },
];

/** Both column sets do not fit beside the text columns on a laptop screen, so the user picks one. */
export function ColumnSetSwitch({ value, onChange }: { value: ColumnSet; onChange: (value: ColumnSet) => void }) {
  return <Segmented label="Columns" options={CHOICES} value={value} onChange={onChange} testId="column-set" />;
}
