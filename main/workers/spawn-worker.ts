import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The one way Assay starts a worker thread, in the app, the CLI and the Electron bundle. A built .js entry (the
 * bundle, scripts/build-electron.mjs) starts directly; a .ts entry (tests, the CLI from a checkout) starts
 * through worker-boot.mjs, which registers tsx first, since Node 20 does not apply `--import tsx` to a
 * worker's own entry file.
 */
export function spawnWorker(entry: URL, workerData: Record<string, unknown> = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData });
  return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { ...workerData, entry: entry.href } });
}

/** The URL of a sibling module, .ts when running from source and .js in a bundled build. */
export function siblingModule(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}

/** Whether a worker entry is on disk (a bundle built without it falls back to work on the calling thread). */
export function workerEntryExists(entry: URL): boolean {
  return entry.protocol === 'file:' && existsSync(fileURLToPath(entry));
}
