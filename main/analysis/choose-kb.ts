import { ApiError } from '../../shared/contract/bridge';
import { kbByName, kbRef, latestKbRef, listKbRefs, previousRunKb, type KbRef } from '../storage/analysis-kb-repo';
import type { Db } from '../storage/db';

/**
 * The KB asked for: an asset id (one version), a name with an optional version (its latest otherwise), 'none',
 * or undefined for "as the previous run".
 */
export type KbChoice = { assetId: number; version?: number } | { name: string; version?: number } | 'none';

function known(db: Db): string {
  const kbs = listKbRefs(db);
  return kbs.length ? `knowledge bases here: ${kbs.map((k) => `${k.assetId} (${k.name} v${k.version})`).join(', ')}` : 'the workspace has no knowledge base';
}

/** Resolves a choice to one KB version; an unknown KB is a bad request naming the ones that exist. */
export function resolveKb(db: Db, choice: Exclude<KbChoice, 'none'>): KbRef {
  let found: KbRef | undefined;
  if ('assetId' in choice) {
    const asset = kbRef(db, choice.assetId);
    found = asset && choice.version !== undefined ? kbByName(db, asset.name, choice.version) : asset;
  } else {
    found = kbByName(db, choice.name, choice.version);
  }
  if (!found) {
    const what = 'assetId' in choice ? `asset ${choice.assetId}` : `"${choice.name}"`;
    throw new ApiError('bad_request', `--kb ${what}${choice.version !== undefined ? ` version ${choice.version}` : ''} is not a knowledge base in this workspace (${known(db)})`);
  }
  return found;
}

/**
 * The run's KB: the one asked for, else the one the previous run used (so an unrelated KB imported since does not
 * re-ground every record silently), else, for a first run, the newest KB.
 */
export function chooseRunKb(db: Db, choice: KbChoice | undefined): KbRef | null {
  if (choice === 'none') return null;
  if (choice !== undefined) return resolveKb(db, choice);
  const previous = previousRunKb(db);
  if (previous === undefined) return latestKbRef(db) ?? null;
  if (previous.kbAssetId === null) return null;
  return kbRef(db, previous.kbAssetId) ?? latestKbRef(db) ?? null;
}
