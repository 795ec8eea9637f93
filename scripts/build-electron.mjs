#!/usr/bin/env node
// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxed preloads must be)
// into dist/electron/, with the SQL migrations beside the bundle where main/storage looks for them.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';

const external = ['electron', 'better-sqlite3', 'hnswlib-node'];
mkdirSync('dist/electron', { recursive: true });
await build({
  entryPoints: ['main/electron/app.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  outfile: 'dist/electron/main.mjs', external, sourcemap: true,
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
await build({
  entryPoints: ['preload/index.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  outfile: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: true,
});
// Worker threads are separate entry points; each module finds its worker next to the bundle by file name.
const workers = {
  'score-worker.js': 'main/analysis/score-worker.ts',
  'build-worker.js': 'main/indexes/build-worker.ts',
  'onnx-embed-worker.js': 'main/indexes/onnx/onnx-embed-worker.ts',
  'embedding-drift-worker.js': 'main/drift/embedding-drift-worker.ts',
  'jsonl-worker.mjs': 'main/importers/parallel/jsonl-worker.ts',
  'parse-worker.mjs': 'main/tabular/parse-worker.ts',
};
for (const [out, entry] of Object.entries(workers)) {
  await build({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: `dist/electron/${out}`, external,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
}
cpSync('main/workers/worker-boot.mjs', 'dist/electron/worker-boot.mjs');
cpSync('main/storage/migrations', 'dist/electron/migrations', { recursive: true });
console.log('built dist/electron/main.mjs, dist/electron/preload.cjs');
