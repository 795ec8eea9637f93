// One-line explanations for training features that drift.skew could not compare, worded after how the API
// looks a feature up on each serving side (drift-skew-handlers.ts: metadata key, dotted metadata path, record field).
import type { SkewReport } from '../../../shared/contract/drift-schemas';

/** How serving records are matched to training features, for when none or few of them match. */
export const RECORDS_MATCH_HINT =
  'A feature is read from each serving record\'s metadata key of the same name, a dotted metadata path (features.income) ' +
  'or a record field (latency_ms, tokens_in, model). Log the model\'s inputs into record metadata, or compare with a serving dataset.';

/** Why one training feature was not compared. */
export function unmatchedHint(name: string, serving: SkewReport['serving']): string {
  if (serving.kind === 'dataset') return `no column named ${name} in ${serving.name}`;
  return name.includes('.')
    ? `no metadata key or dotted path ${name} in the serving records`
    : `no metadata key or record field named ${name} in the serving records`;
}
