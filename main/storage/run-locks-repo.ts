import type { Db } from './db';

export interface RunOwner {
  pid: number;
  host: string;
}

/** A running analysis run and its lock, if any (runs from before locks existed have none). */
export interface RunningRun {
  runId: number;
  owner: RunOwner | null;
  heartbeatAt: number | null;
}

/** Call in the transaction that creates the run, so a running run always has its owner. */
export function acquireRunLock(db: Db, runId: number, owner: RunOwner, now: number): void {
  db.prepare('INSERT OR REPLACE INTO run_locks (run_id, owner_pid, owner_host, heartbeat_at) VALUES (?, ?, ?, ?)').run(runId, owner.pid, owner.host, now);
}

export function touchRunLock(db: Db, runId: number, now: number): void {
  db.prepare('UPDATE run_locks SET heartbeat_at = ? WHERE run_id = ?').run(now, runId);
}

/** Call in the transaction that finishes (or interrupts) the run. */
export function releaseRunLock(db: Db, runId: number): void {
  db.prepare('DELETE FROM run_locks WHERE run_id = ?').run(runId);
}

export function runningRuns(db: Db): RunningRun[] {
  const rows = db.prepare(`SELECT r.id AS run_id, l.owner_pid, l.owner_host, l.heartbeat_at FROM analysis_runs r
    LEFT JOIN run_locks l ON l.run_id = r.id WHERE r.status = 'running' ORDER BY r.id`).all() as
    { run_id: number; owner_pid: number | null; owner_host: string | null; heartbeat_at: number | null }[];
  return rows.map((r) => ({
    runId: r.run_id,
    owner: r.owner_pid === null || r.owner_host === null ? null : { pid: r.owner_pid, host: r.owner_host },
    heartbeatAt: r.heartbeat_at,
  }));
}

/** Closes these runs as interrupted (their committed batches stay and are reused) and drops their locks. */
export function markRunsInterrupted(db: Db, runIds: readonly number[], finishedAt: string): void {
  const close = db.prepare("UPDATE analysis_runs SET status = 'failed', message = 'interrupted', finished_at = ? WHERE id = ? AND status = 'running'");
  for (const id of runIds) {
    close.run(finishedAt, id);
    releaseRunLock(db, id);
  }
}
