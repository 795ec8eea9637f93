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
