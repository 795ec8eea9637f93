// Cross-process guard for analysis runs. The app and a CLI `assay analyze` may open the same workspace; each run
// records its owner (pid, host) and a heartbeat, so whoever starts next closes as interrupted only the runs whose
// owner is gone, never one another process is still executing.
import os from 'node:os';
import type { Db } from '../storage/db';
import { runningRuns, touchRunLock, type RunOwner, type RunningRun } from '../storage/run-locks-repo';
import type { Workspace } from '../storage/workspace';

export const HEARTBEAT_MS = 5_000;
/** An owner on another host (a shared folder) whose heartbeat is older than this is taken as gone. */
export const STALE_AFTER_MS = 60_000;

export function thisOwner(): RunOwner {
  return { pid: process.pid, host: os.hostname() };
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether a running run's owner is gone. On this host the pid decides (a live owner whose laptop slept keeps its
 * run); on another host only the heartbeat can; a run without a lock predates locks and has no owner to wait for.
 */
export function ownerGone(run: RunningRun, now: number, alive: (pid: number) => boolean = pidAlive, host = os.hostname()): boolean {
  if (!run.owner) return true;
  if (run.owner.host === host) return run.owner.pid !== process.pid && !alive(run.owner.pid);
  return run.heartbeatAt === null || now - run.heartbeatAt > STALE_AFTER_MS;
}

/** Runs left 'running' by a process that stopped: the ones to close as interrupted. */
export function orphanedRunIds(db: Db, now = Date.now()): number[] {
  return runningRuns(db).filter((r) => ownerGone(r, now)).map((r) => r.runId);
}

/**
 * Keeps a run's heartbeat fresh while it executes. The heartbeat is coordination state between processes, not a
 * change to the workspace's content (the run's start and end are on the audit trail), so it is written directly;
 * a write that meets a busy database is skipped and retried on the next beat.
 */
export function startRunHeartbeat(ws: Workspace, runId: number): { stop(): void } {
  const timer = setInterval(() => {
    try {
      touchRunLock(ws.db, runId, Date.now());
    } catch {
      // busy or closed: the next beat retries; a stale heartbeat only matters to another host
    }
  }, HEARTBEAT_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
