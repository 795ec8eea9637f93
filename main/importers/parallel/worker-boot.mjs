// Worker entry when running from TypeScript sources: registers tsx in this thread, then loads the real worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
