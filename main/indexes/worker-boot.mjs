// Entry of every worker thread started from TypeScript sources: Node 20 does not apply `--import tsx` to a
// worker's own entry file, so this plain module registers tsx first (only when the entry is .ts; a bundled
// build passes a .js entry) and then loads the real entry named in workerData.
import { workerData } from 'node:worker_threads';

const entry = workerData && typeof workerData.entry === 'string' ? workerData.entry : null;
if (!entry) throw new Error('worker-boot: workerData.entry is missing');
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
