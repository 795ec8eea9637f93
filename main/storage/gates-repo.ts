// Gate runs as they were reported, and the read-out a signed report takes: the latest gate run and the stored
// comparisons, each with the sha256 of its JSON.
import type { GateResult, GateRun } from '../../shared/contract/compare-schemas';
import type { Db } from './db';
import { listComparisons, type StoredComparison } from './compare-repo';

interface GateRunRow {
  id: number;
  createdAt: string;
  policyPath: string | null;
  policySha256: string;
  passed: number;
  results: string;
}

const COLUMNS = 'id, created_at AS createdAt, policy_path AS policyPath, policy_sha256 AS policySha256, passed, results';

function toRun(r: GateRunRow): GateRun {
  return { ...r, passed: r.passed === 1, results: JSON.parse(r.results) as GateResult[] };
}

export function insertGateRun(db: Db, run: Omit<GateRun, 'id'>): number {
  return Number(db.prepare('INSERT INTO gate_runs (created_at, policy_path, policy_sha256, passed, results) VALUES (?, ?, ?, ?, ?)')
    .run(run.createdAt, run.policyPath, run.policySha256, run.passed ? 1 : 0, JSON.stringify(run.results)).lastInsertRowid);
}

export function latestGateRun(db: Db): GateRun | null {
  const row = db.prepare(`SELECT ${COLUMNS} FROM gate_runs ORDER BY id DESC LIMIT 1`).get() as GateRunRow | undefined;
  return row ? toRun(row) : null;
}

export function listGateRuns(db: Db, limit = 20): GateRun[] {
  return (db.prepare(`SELECT ${COLUMNS} FROM gate_runs ORDER BY id DESC LIMIT ?`).all(limit) as GateRunRow[]).map(toRun);
}

export interface GovernanceResults {
  /** The most recent `assay gate` run (or app run), null when gates never ran. */
  latestGateRun: GateRun | null;
  /** Stored comparisons, newest first; `result` is the canonical JSON whose sha256 is `resultSha256`. */
  comparisons: StoredComparison[];
}

/** For signed reports: the latest gate results and the stored comparisons. */
export function governanceResults(db: Db, comparisonLimit = 20): GovernanceResults {
  return { latestGateRun: latestGateRun(db), comparisons: listComparisons(db, comparisonLimit) };
}

/** A stored `assay kb validate` run of one KB version: per question, the rank of the first gold document, or null. */
export interface KbValidation {
  id: number;
  createdAt: string;
  kbAssetId: number;
  againstAssetId: number | null;
  k: number;
  questionsPath: string | null;
  questionsSha256: string;
  ranks: (number | null)[];
  regressed: boolean;
}

export function insertKbValidation(db: Db, v: Omit<KbValidation, 'id'>): number {
  return Number(db.prepare(`INSERT INTO kb_validations (created_at, kb_asset_id, against_asset_id, k, questions_path, questions_sha256, ranks, regressed)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`).run(v.createdAt, v.kbAssetId, v.againstAssetId, v.k, v.questionsPath, v.questionsSha256,
    JSON.stringify(v.ranks), v.regressed ? 1 : 0).lastInsertRowid);
}

/** The newest validation of this KB asset, or null when `assay kb validate` never ran on it. */
export function latestKbValidation(db: Db, kbAssetId: number): KbValidation | null {
  const row = db.prepare(`SELECT id, created_at AS createdAt, kb_asset_id AS kbAssetId, against_asset_id AS againstAssetId, k,
      questions_path AS questionsPath, questions_sha256 AS questionsSha256, ranks, regressed
    FROM kb_validations WHERE kb_asset_id = ? ORDER BY id DESC LIMIT 1`).get(kbAssetId) as (Omit<KbValidation, 'ranks' | 'regressed'> & { ranks: string; regressed: number }) | undefined;
  return row ? { ...row, ranks: JSON.parse(row.ranks) as (number | null)[], regressed: row.regressed === 1 } : null;
}
