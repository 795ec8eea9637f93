import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProfile, type ScoredProfile } from '../../shared/profile/scored-profile';
import { canonicalJson } from '../../shared/util/canonical-json';
import { sha256Hex } from '../../shared/util/hash';
import { insertPopulationProfile } from '../storage/profiles-repo';
import type { Workspace } from '../storage/workspace';

export interface ProfileImport {
  id: number;
  created: boolean;
  sha256: string;
  sourcePath: string;
  profile: ScoredProfile;
}

/** Validates a scored profile file and stores it (with an audit entry) as population-wide figures. */
export function importProfileFile(ws: Workspace, file: string, now: Date = new Date()): ProfileImport {
  const sourcePath = path.resolve(file);
  const profile = parseProfile(readFileSync(sourcePath, 'utf8'), file);
  const canonical = canonicalJson(profile);
  const sha256 = sha256Hex(canonical);
  const stored = ws.mutate('profile.import', (db) => insertPopulationProfile(db, { importedAt: now.toISOString(), sourcePath, sha256, canonical, profile }),
    (r) => ({ profileId: r.id, created: r.created, sha256, sourcePath, records: profile.records, partitions: profile.partitions.length }));
  return { ...stored, sha256, sourcePath, profile };
}
