import type { Db } from './db';

/** A KB asset version as runs, findings and pickers name it. */
export interface KbRef {
  assetId: number;
  name: string;
  version: number;
}

export interface KbBinding {
  /** The logs asset whose records without contexts are grounded against the KB. */
  assetId: number;
  kb: KbRef;
  boundAt: string;
}

const KB_COLUMNS = 'a.id AS assetId, a.name, a.version';

export function kbRef(db: Db, assetId: number): KbRef | undefined {
  return db.prepare(`SELECT ${KB_COLUMNS} FROM assets a WHERE a.kind = 'kb' AND a.id = ?`).get(assetId) as KbRef | undefined;
}

/** Every KB asset version, newest first: what the Analysis card's picker offers. */
export function listKbRefs(db: Db): KbRef[] {
  return db.prepare(`SELECT ${KB_COLUMNS} FROM assets a WHERE a.kind = 'kb' ORDER BY a.id DESC`).all() as KbRef[];
}

/** A KB by name (and version, else its latest), for `--kb NAME[:VERSION]`. */
export function kbByName(db: Db, name: string, version?: number): KbRef | undefined {
  return (version === undefined
    ? db.prepare(`SELECT ${KB_COLUMNS} FROM assets a WHERE a.kind = 'kb' AND a.name = ? ORDER BY a.version DESC LIMIT 1`).get(name)
    : db.prepare(`SELECT ${KB_COLUMNS} FROM assets a WHERE a.kind = 'kb' AND a.name = ? AND a.version = ?`).get(name, version)) as KbRef | undefined;
}

export function latestKbRef(db: Db): KbRef | undefined {
  return db.prepare(`SELECT ${KB_COLUMNS} FROM assets a WHERE a.kind = 'kb' ORDER BY a.id DESC LIMIT 1`).get() as KbRef | undefined;
}

/**
 * The KB the most recent run used: `undefined` when there is no earlier run, null when it used none. Runs made
 * before runs recorded their KB carry it in `kb_index`.
 */
export function previousRunKb(db: Db): { kbAssetId: number | null } | undefined {
  const row = db.prepare('SELECT kb_asset_id AS kbAssetId, kb_index AS kbIndex FROM analysis_runs ORDER BY id DESC LIMIT 1')
    .get() as { kbAssetId: number | null; kbIndex: string | null } | undefined;
  if (!row) return undefined;
  if (row.kbAssetId !== null || row.kbIndex === null) return { kbAssetId: row.kbAssetId };
  const legacy = JSON.parse(row.kbIndex) as { assetId?: unknown };
  return { kbAssetId: typeof legacy.assetId === 'number' ? legacy.assetId : null };
}

export function setRunKb(db: Db, runId: number, kbAssetId: number | null): void {
  db.prepare('UPDATE analysis_runs SET kb_asset_id = ? WHERE id = ?').run(kbAssetId, runId);
}

/** Records which grounding findings of a run had this KB as evidence. */
export function setFindingsKb(db: Db, runId: number, kbAssetId: number, recordIds: readonly number[]): void {
  const stmt = db.prepare("UPDATE findings SET kb_asset_id = ? WHERE run_id = ? AND analyzer_id = 'grounding' AND record_id = ?");
  for (const id of recordIds) stmt.run(kbAssetId, runId, id);
}

/** The KB behind each of a record's findings, keyed by `${analyzerId}:${runId}:${analyzerVersion}:${paramsHash}`. */
export function findingKbs(db: Db, recordId: number): Map<string, KbRef> {
  const rows = db.prepare(`SELECT f.analyzer_id AS analyzerId, f.run_id AS runId, f.analyzer_version AS analyzerVersion, f.params_hash AS paramsHash, ${KB_COLUMNS}
    FROM findings f JOIN assets a ON a.id = f.kb_asset_id WHERE f.record_id = ?`).all(recordId) as (KbRef & { analyzerId: string; runId: number; analyzerVersion: string; paramsHash: string })[];
  return new Map(rows.map((r) => [findingKey(r.analyzerId, r.runId, r.analyzerVersion, r.paramsHash), { assetId: r.assetId, name: r.name, version: r.version }]));
}

export function findingKey(analyzerId: string, runId: number, version: string, paramsHash: string): string {
  return `${analyzerId}:${runId}:${version}:${paramsHash}`;
}

/** Logs asset id -> the KB its records without contexts are grounded against. */
export function kbBindings(db: Db): KbBinding[] {
  const rows = db.prepare(`SELECT b.asset_id AS boundAsset, b.bound_at AS boundAt, ${KB_COLUMNS}
    FROM asset_kb_bindings b JOIN assets a ON a.id = b.kb_asset_id ORDER BY b.asset_id`).all() as (KbRef & { boundAsset: number; boundAt: string })[];
  return rows.map((r) => ({ assetId: r.boundAsset, boundAt: r.boundAt, kb: { assetId: r.assetId, name: r.name, version: r.version } }));
}

/**
 * Binds (or, with null, unbinds) a KB to a logs asset. The grounding findings of that asset's records are
 * dropped, since they were judged with other evidence: the next run scores them again.
 * Returns how many findings were dropped.
 */
export function bindKb(db: Db, assetId: number, kbAssetId: number | null): number {
  if (kbAssetId === null) db.prepare('DELETE FROM asset_kb_bindings WHERE asset_id = ?').run(assetId);
  else {
    db.prepare(`INSERT INTO asset_kb_bindings (asset_id, kb_asset_id, bound_at) VALUES (?, ?, ?)
      ON CONFLICT (asset_id) DO UPDATE SET kb_asset_id = excluded.kb_asset_id, bound_at = excluded.bound_at`).run(assetId, kbAssetId, new Date().toISOString());
  }
  return db.prepare("DELETE FROM findings WHERE analyzer_id = 'grounding' AND record_id IN (SELECT id FROM records WHERE asset_id = ?)")
    .run(assetId).changes;
}

/** Which of these records may use KB evidence: those with contexts, and all records of a bound asset. */
export function recordsWithKbAccess(db: Db, recordIds: readonly number[]): Map<number, number | 'run'> {
  const out = new Map<number, number | 'run'>();
  if (recordIds.length === 0) return out;
  const rows = db.prepare(`SELECT r.id, r.contexts != '[]' AND r.contexts != '' AS hasContexts, b.kb_asset_id AS bound
    FROM records r LEFT JOIN asset_kb_bindings b ON b.asset_id = r.asset_id WHERE r.id IN (${recordIds.map(() => '?').join(',')})`)
    .all(...recordIds) as { id: number; hasContexts: number; bound: number | null }[];
  for (const r of rows) {
    if (r.bound !== null) out.set(r.id, r.bound);
    else if (r.hasContexts) out.set(r.id, 'run');
  }
  return out;
}

/** Run id -> the KB it used (runs that used none, or whose KB was deleted, are absent). */
export function runKbs(db: Db): Map<number, KbRef> {
  const rows = db.prepare(`SELECT r.id AS runId, ${KB_COLUMNS} FROM analysis_runs r JOIN assets a ON a.id = r.kb_asset_id`).all() as (KbRef & { runId: number })[];
  return new Map(rows.map((r) => [r.runId, { assetId: r.assetId, name: r.name, version: r.version }]));
}
