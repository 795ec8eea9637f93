export type Aggregation = 'mean' | 'min' | 'softmin';

export interface WeightedSupport {
  support: number;
  /** How much the claim says: its count of checkable content words. */
  weight: number;
}

// Temperature of the soft minimum: one clearly unsupported claim drags the score down without the
// all-or-nothing jumps of a hard minimum.
const SOFTMIN_TEMPERATURE = 0.1;

/** Response-level grounding from claim supports; 1 when there is nothing to check. */
export function aggregateSupport(claims: readonly WeightedSupport[], how: Aggregation): number {
  const used = claims.filter((c) => c.weight > 0);
  if (used.length === 0) return 1;
  if (how === 'min') return Math.min(...used.map((c) => c.support));
  const total = used.reduce((s, c) => s + c.weight, 0);
  if (how === 'mean') return used.reduce((s, c) => s + c.weight * c.support, 0) / total;
  const lowest = Math.min(...used.map((c) => c.support));
  // Shifted by the minimum so exp() cannot underflow to 0 for long answers.
  const sum = used.reduce((s, c) => s + c.weight * Math.exp(-(c.support - lowest) / SOFTMIN_TEMPERATURE), 0);
  return Math.min(1, Math.max(0, lowest - SOFTMIN_TEMPERATURE * Math.log(sum / total)));
}
