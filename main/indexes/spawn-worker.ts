import { Worker } from 'node:worker_threads';

/**
 * Starts a worker on a sibling module of this folder. Under tsx the entry is a .ts file that worker-boot.mjs
 * loads after registering tsx; a bundled build that ships .js siblings passes them straight through.
 */
export function spawnWorker(entryName: string): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./${entryName}${fromSource ? '.ts' : '.js'}`, import.meta.url).href;
  return new Worker(new URL('./worker-boot.mjs', import.meta.url), { workerData: { entry } });
}
