import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
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

/**
 * Reads the built renderer's files (not their source maps) once, off the event loop, so that the OS has them in
 * memory when the browser asks: files are served with a synchronous read, and after a cold start each one read
 * from disk held up the API requests queued behind it (a first load at 1M records waited ~0.5 s that way).
 */
export function warmUpStaticFiles(root: string): void {
  const warm = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) await warm(file);
      else if (!entry.name.endsWith('.map')) await readFile(file);
    }
  };
  warm(root).catch(() => undefined);
}
