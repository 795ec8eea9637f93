// Population-wide scored profiles imported from a cluster run (see migration 0013). SQL for them lives here only.
import type { ScoredProfile } from '../../shared/profile/scored-profile';
import type { Db } from './db';

export interface StoredPopulationProfile {
  id: number;
  importedAt: string;
  sourcePath: string;
  sha256: string;
  records: number;
  partitions: number;
  groups: number;
}

const COLUMNS = 'id, imported_at AS importedAt, source_path AS sourcePath, sha256, records, partitions, groups';

/** Stores a validated profile; returns the existing row's id when the same profile (by sha256) is already there. */
export function insertPopulationProfile(db: Db, p: { importedAt: string; sourcePath: string; sha256: string; canonical: string; profile: ScoredProfile }): { id: number; created: boolean } {
  const existing = db.prepare('SELECT id FROM population_profiles WHERE sha256 = ?').get(p.sha256) as { id: number } | undefined;
  if (existing) return { id: existing.id, created: false };
  const id = Number(db.prepare('INSERT INTO population_profiles (imported_at, source_path, sha256, records, partitions, groups, profile) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(p.importedAt, p.sourcePath, p.sha256, p.profile.records, p.profile.partitions.length, p.profile.groups.length, p.canonical).lastInsertRowid);
  return { id, created: true };
}

/** Imported population profiles, newest first (without their JSON). */
export function listPopulationProfiles(db: Db): StoredPopulationProfile[] {
  return db.prepare(`SELECT ${COLUMNS} FROM population_profiles ORDER BY id DESC`).all() as StoredPopulationProfile[];
}

/** One imported profile's JSON as stored (validated at import), or null. */
export function getPopulationProfile(db: Db, id: number): ScoredProfile | null {
  const row = db.prepare('SELECT profile FROM population_profiles WHERE id = ?').get(id) as { profile: string } | undefined;
  return row ? (JSON.parse(row.profile) as ScoredProfile) : null;
}
