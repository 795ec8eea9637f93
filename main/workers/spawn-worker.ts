import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module given by URL. Under tsx the entry is a .ts file that worker-boot.mjs loads
 * after registering tsx (Node 20 does not apply `--import tsx` to a worker's entry); bundles pass .js entries.
 */
export function spawnWorker(entry: URL, workerData: Record<string, unknown> = {}): Worker {
  return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { ...workerData, entry: entry.href } });
}

/** The URL of a sibling module, .ts when running from source and .js in a bundled build. */
export function siblingModule(base: string, name: string): URL {
  return new URL(`./${name}${base.endsWith('.ts') ? '.ts' : '.js'}`, base);
}
