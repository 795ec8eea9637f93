import { useEffect, useSyncExternalStore } from 'react';
import type { AssayEvent, JobFinishedEvent, ProgressEvent } from '../../shared/contract/events';
import { bridge } from '../api/client';
import { RECONNECTED_REASON } from '../api/http-client';
import { missedFinishes, RECONCILE_MS } from './job-reconcile';

/**
 * One subscription to the host's events for the whole app. Pages read a revision number that moves when the
 * workspace changes, and reload their data when it does.
 */
interface EventState {
  revision: number;
  jobs: ReadonlyMap<string, ProgressEvent>;
  /** How recent jobs ended, so the page that started one can say so (failed, cancelled) after it is gone. */
  finished: ReadonlyMap<string, JobFinishedEvent>;
}

const KEEP_FINISHED = 20;

let state: EventState = { revision: 0, jobs: new Map(), finished: new Map() };
const listeners = new Set<() => void>();
let unsubscribeBridge: (() => void) | null = null;
/** Jobs this window started and follows until their finish is seen, even if no progress event ever arrived. */
const watched = new Set<string>();
let reconcileTimer: ReturnType<typeof setInterval> | null = null;
let reconciling = false;

/** Asks the host about every job believed running (or started here and not seen finishing) and applies missed ends. */
async function reconcile(): Promise<void> {
  const ids = [...state.jobs.keys(), ...[...watched].filter((id) => !state.finished.has(id))];
  if (reconciling || ids.length === 0) return;
  reconciling = true;
  try {
    for (const event of await missedFinishes(ids, (jobId) => bridge.call('jobs.get', { jobId }))) {
      if (state.jobs.has(event.jobId) || !state.finished.has(event.jobId)) apply(event);
    }
  } finally {
    reconciling = false;
  }
}

/** Follows a job started by this window: its end is shown even if the event stream misses it. */
export function watchJob(jobId: string): void {
  watched.add(jobId);
}

function apply(event: AssayEvent): void {
  if (event.type === 'progress') {
    const jobs = new Map(state.jobs);
    jobs.set(event.jobId, event);
    state = { ...state, jobs };
  } else if (event.type === 'job.finished') {
    watched.delete(event.jobId);
    const jobs = new Map(state.jobs);
    jobs.delete(event.jobId);
    const finished = new Map(state.finished);
    finished.set(event.jobId, event);
    for (const old of [...finished.keys()].slice(0, Math.max(0, finished.size - KEEP_FINISHED))) finished.delete(old);
    state = { revision: state.revision + 1, jobs, finished };
  } else {
    state = { ...state, revision: state.revision + 1 };
    if (event.reason === RECONNECTED_REASON) void reconcile();
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (unsubscribeBridge === null) unsubscribeBridge = bridge.subscribe(apply);
  reconcileTimer ??= setInterval(() => void reconcile(), RECONCILE_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && unsubscribeBridge !== null) {
      unsubscribeBridge();
      unsubscribeBridge = null;
    }
    if (listeners.size === 0 && reconcileTimer !== null) {
      clearInterval(reconcileTimer);
      reconcileTimer = null;
    }
  };
}

export function useWorkspaceRevision(): number {
  return useSyncExternalStore(subscribe, () => state.revision);
}

/** The revision outside React: data fetched ahead of a page is good for that page only at the same revision. */
export function workspaceRevision(): number {
  return state.revision;
}

export function useRunningJobs(): ReadonlyMap<string, ProgressEvent> {
  return useSyncExternalStore(subscribe, () => state.jobs);
}

export function useFinishedJobs(): ReadonlyMap<string, JobFinishedEvent> {
  return useSyncExternalStore(subscribe, () => state.finished);
}

/** Keeps the event stream open for the app's lifetime, even on pages that read no revision. */
export function useEventStream(): void {
  useEffect(() => subscribe(() => undefined), []);
}
