import type { Handlers } from '../../shared/contract/api';
import { dispatch } from '../api/dispatch';

/**
 * The Records page's first rows cost most the first time after a start: the PII detectors that mask the snippets
 * compile and warm up (50-65 ms of CPU on their first call, measured at 1M records, against ~20 ms for the next 50
 * rows), and SQLite reads the first rows' pages from disk. Asked for once on an idle turn right after the server
 * starts listening, that is paid while the browser loads the app, not while the user waits for rows; the reply is
 * dropped, so nothing is served from it.
 */
export function warmUpRecords(handlers: Partial<Handlers>): void {
  setImmediate(() => {
    dispatch(handlers, 'records.browse', { limit: 50 }).catch(() => undefined);
  });
}
