// The plain-words audit conclusion printed by `assay review stats`, the Review page and the signed report.

const pct = (x: number): string => `${Number((x * 100).toFixed(2))}%`;

export interface ConclusionInput {
  n: number;
  reviewed: number;
  deviations: number;
  upper: number | null;
  confidence: number;
  tolerable: number;
  equalProbability: boolean;
}

export function conclusionText(c: ConclusionInput): string {
  if (c.reviewed === 0 || c.upper === null) return `No records reviewed yet (0 of ${c.n}).`;
  const counts = `${c.deviations} deviation${c.deviations === 1 ? '' : 's'} in ${c.reviewed} reviewed record${c.reviewed === 1 ? '' : 's'}` +
    (c.reviewed < c.n ? ` (${c.reviewed} of ${c.n} in the sample)` : '');
  if (!c.equalProbability) {
    return `${counts}. The sample favoured some records over others (risk-weighted or equal-allocation strata), so it does not ` +
      'estimate the population deviation rate; use a random or proportionally stratified queue for that.';
  }
  const limit = `upper limit ${pct(c.upper)} at ${pct(c.confidence)} confidence`;
  if (c.upper <= c.tolerable) return `Deviation rate is below ${pct(c.tolerable)} with ${pct(c.confidence)} confidence: ${counts}, ${limit}.`;
  return `Deviation rate is not shown to be below ${pct(c.tolerable)} with ${pct(c.confidence)} confidence: ${counts}, ${limit}.`;
}
