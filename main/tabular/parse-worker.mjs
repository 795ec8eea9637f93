// Worker entry: registers tsx (as bin/assay.mjs does) so the TypeScript worker body runs without a build step.
import { register } from 'tsx/esm/api';

register();
await import('./parse-worker.ts');
