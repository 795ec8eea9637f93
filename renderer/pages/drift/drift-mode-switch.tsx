import { Segmented, type SegmentedOption } from '../../components/segmented';

export type DriftMode = 'datasets' | 'skew';

const MODES: ReadonlyArray<SegmentedOption<DriftMode>> = [
  { value: 'datasets', label: 'Reference vs current', title: 'Two dataset assets, column by column and window by window, with model quality' },
  { value: 'skew', label: 'Training vs serving', title: 'A training dataset\'s features against what the model was served: log records or a serving dataset' },
];

/** Dataset drift and training-serving skew answer different questions with different pickers: one at a time. */
export function DriftModeSwitch({ value, onChange }: { value: DriftMode; onChange: (mode: DriftMode) => void }) {
  return <Segmented label="Comparison" className="drift-mode" options={MODES} value={value} onChange={onChange} testId="drift-mode" />;
}
