import type { RecordBrowsePage } from '../../shared/contract/records-schemas';
import type { RecordFilter } from './use-paged-records';
import { call } from '../api/client';
import { workspaceRevision } from './use-events';

/**
 * The Records page's first rows, asked for while its code is still loading: the request then runs beside the
 * chunk download and compile instead of after them (a first load at a million records spent ~0.4-0.7 s there).
 * Held for the page's first table only, at the same workspace revision, and taken once.
 */
interface Prefetched {
  key: string;
  limit: number;
  revision: number;
  reply: Promise<RecordBrowsePage>;
}

let pending: Prefetched | null = null;

export function prefetchRecords(filter: RecordFilter, limit: number): void {
  const reply = call('records.browse', { ...filter, offset: 0, limit });
  // A failure is the page's to show when it asks again; unobserved here it would be an unhandled rejection.
  reply.catch(() => undefined);
  pending = { key: JSON.stringify(filter), limit, revision: workspaceRevision(), reply };
}

/** The prefetched first rows for this filter and size, if they are still current; never the same reply twice. */
export function takePrefetchedRecords(key: string, limit: number): Promise<RecordBrowsePage> | null {
  const taken = pending;
  pending = null;
  return taken && taken.key === key && taken.limit === limit && taken.revision === workspaceRevision() ? taken.reply : null;
}
