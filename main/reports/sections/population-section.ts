// The population section: the newest imported scored profile (exact counts from a cluster run over the whole
// population), reported beside, never mixed into, the figures computed from the workspace's own records.
import { populationSlices } from '../../../shared/profile/population-figures';
import { FLAG_NAMES, type ScoredProfile } from '../../../shared/profile/scored-profile';
import { rateStat } from '../../../shared/report/rates';
import type { PopulationFlagRates, PopulationSection } from '../../../shared/report/report-schema';
import { getPopulationProfile, listPopulationProfiles } from '../../storage/profiles-repo';
import type { SectionContext } from './context';

function flagRates(flags: Record<(typeof FLAG_NAMES)[number], number>, records: number): PopulationFlagRates {
  return { hallucination: rateStat(flags.hallucination, records), toxic: rateStat(flags.toxic, records), injection: rateStat(flags.injection, records), pii: rateStat(flags.pii, records) };
}

function countsOf(slice: ReturnType<typeof populationSlices>['overall']): Record<(typeof FLAG_NAMES)[number], number> {
  const count = (f: (typeof FLAG_NAMES)[number]) => slice.flags.find((x) => x.flag === f)?.count ?? 0;
  return { hallucination: count('hallucination'), toxic: count('toxic'), injection: count('injection'), pii: count('pii') };
}

/** Per-group rates along each grouping field of the profile (the other fields added together), most records first. */
function groupsOf(profile: ScoredProfile): PopulationSection['groups'] {
  return profile.by.flatMap((dimension) => populationSlices(profile, dimension).slices.map((s) => ({
    dimension, value: s.value, records: s.records, flags: flagRates(countsOf(s), s.records),
  })));
}

/**
 * Only profiles imported at or before the report's creation count, so `assay verify --against` rebuilds the same
 * section after a later import. Returns undefined (the section is left out) when there is none.
 */
export function buildPopulation(ctx: SectionContext, createdAt: string): PopulationSection | undefined {
  const eligible = listPopulationProfiles(ctx.ws.db).filter((p) => p.importedAt <= createdAt);
  const newest = eligible[0];
  if (!newest) return undefined;
  const profile = getPopulationProfile(ctx.ws.db, newest.id);
  if (!profile) return undefined;
  const overall = populationSlices(profile, profile.by[0]!).overall;
  return {
    label: `population-wide, exact counts from ${profile.records} records`,
    basis: eligible.length > 1
      ? `the newest of ${eligible.length} imported population profiles (import ${newest.id}); earlier imports are not reported`
      : `the only imported population profile (import ${newest.id})`,
    profiles_imported: eligible.length,
    profile: {
      import_id: newest.id, sha256: newest.sha256, imported_at: newest.importedAt, records: profile.records, error_lines: profile.errors,
      partitions: profile.partitions.length, by: profile.by, thresholds_hash: profile.thresholdsHash,
      analyzers: profile.analyzers.map((a) => ({ id: a.id, version: a.version, params_hash: a.paramsHash })),
    },
    flags: flagRates(countsOf(overall), overall.records),
    groups: groupsOf(profile),
  };
}
