// Entry of worker threads started from TypeScript sources (spawn-worker.ts starts built .js entries directly):
// Node 20 does not apply `--import tsx` to a worker's own entry file, so this plain module registers tsx first
// and then loads the real entry named in workerData.
import { workerData } from 'node:worker_threads';

const entry = workerData && typeof workerData.entry === 'string' ? workerData.entry : null;
if (!entry) throw new Error('worker-boot: workerData.entry is missing');
if (entry.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(entry);
