import { getAnalyzer } from '../../shared/engine/registry';
import { ANALYZER_IDS } from '../../shared/engine/analyzer-ids';
import { thresholds } from '../../shared/engine/thresholds';
import { hashCanonical } from '../../shared/util/hash';
import type { ProfileSetup } from '../../shared/profile/scored-profile';

/**
 * The analyzers, params and thresholds `assay score` ran with, stamped into each profile so that merge can refuse
 * profiles of differently scored populations. `assay score` runs the chosen analyzers with default params.
 */
export function profileSetup(analyzerIds: readonly string[] | null, by: readonly string[]): ProfileSetup {
  const ids = analyzerIds ?? ANALYZER_IDS;
  const analyzers = ids.map((id) => {
    const a = getAnalyzer(id);
    return { id: a.id, version: a.version, paramsHash: hashCanonical(a.params.parse({})) };
  });
  return { by: [...by], analyzers, thresholdsHash: hashCanonical(thresholds) };
}
