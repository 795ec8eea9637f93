// Population-wide profiles for the Overview and Compare pages: read from the stored, validated profile JSON.
import type { Handlers } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/bridge';
import type { StoredProfileInfo } from '../../shared/contract/profile-schemas';
import { compareSlices, populationSlices, requireDimension } from '../../shared/profile/population-figures';
import type { ScoredProfile } from '../../shared/profile/scored-profile';
import { getPopulationProfile, listPopulationProfiles, type StoredPopulationProfile } from '../storage/profiles-repo';
import type { Workspace } from '../storage/workspace';

type ProfileHandlers = Pick<Handlers, Extract<keyof Handlers, `profiles.${string}`>>;

function describe(row: StoredPopulationProfile, p: ScoredProfile): StoredProfileInfo {
  return { ...row, errors: p.errors, by: p.by, analyzers: p.analyzers };
}

export function createProfileHandlers(ws: Workspace): ProfileHandlers {
  const db = ws.db;
  /** The profile asked for, or the newest one. */
  const load = (id: number | undefined): { info: StoredProfileInfo; profile: ScoredProfile } => {
    const rows = listPopulationProfiles(db);
    const row = id === undefined ? rows[0] : rows.find((r) => r.id === id);
    if (!row) {
      throw new ApiError('not_found', id === undefined
        ? 'no population profile imported; import one with `assay import <workspace> profile.json --as profile`'
        : `population profile ${id} does not exist`);
    }
    const profile = getPopulationProfile(db, row.id)!;
    return { info: describe(row, profile), profile };
  };
  const dimensionOf = (profile: ScoredProfile, dimension: string): string => {
    try {
      requireDimension(profile, dimension);
    } catch (err) {
      throw new ApiError('bad_request', (err as Error).message);
    }
    return dimension;
  };
  return {
    async 'profiles.list'() {
      return listPopulationProfiles(db).map((row) => describe(row, getPopulationProfile(db, row.id)!));
    },
    async 'profiles.summary'({ id, dimension }) {
      const { info, profile } = load(id);
      const dim = dimensionOf(profile, dimension ?? profile.by[0]!);
      return { profile: info, dimension: dim, ...populationSlices(profile, dim) };
    },
    async 'profiles.compare'({ id, dimension, a, b }) {
      const { info, profile } = load(id);
      const { slices } = populationSlices(profile, dimensionOf(profile, dimension));
      const pick = (value: string | null, side: string) => {
        const s = slices.find((x) => x.value === value);
        if (!s) throw new ApiError('bad_request', `${side}: no records with ${dimension} = ${JSON.stringify(value)} in profile ${info.id} (values: ${slices.map((x) => JSON.stringify(x.value)).join(', ')})`);
        return s;
      };
      const sa = pick(a, 'a');
      const sb = pick(b, 'b');
      return { profile: info, dimension, a: sa, b: sb, ...compareSlices(sa, sb) };
    },
  };
}
