#!/usr/bin/env node
// Bundles the Electron main process (ESM) and the sandboxed preload (CommonJS, as sandboxed preloads must be)
// into dist/electron/, with the worker entries and the SQL migrations beside the bundle where modules look for them.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { nativeExternal, requireBanner, workerEntries, writeBundleExtras } from './bundle-targets.mjs';

const root = process.cwd();
mkdirSync('dist/electron', { recursive: true });
await build({
  entryPoints: ['main/electron/app.ts'], bundle: true, platform: 'node', format: 'esm', target: 'node20',
  outfile: 'dist/electron/main.mjs', external: nativeExternal, sourcemap: true, banner: { js: requireBanner },
});
await build({
  entryPoints: ['preload/index.ts'], bundle: true, platform: 'node', format: 'cjs', target: 'node20',
  outfile: 'dist/electron/preload.cjs', external: ['electron'], sourcemap: true,
});
// Worker threads are separate entry points; each module finds its worker next to the bundle by file name
// (main/workers/spawn-worker.ts: siblingModule) and starts it directly, so worker-boot.mjs is not shipped.
const workers = workerEntries(root);
for (const [name, entry] of Object.entries(workers)) {
  await build({
    entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile: `dist/electron/${name}.js`,
    external: nativeExternal, banner: { js: requireBanner },
  });
}
writeBundleExtras(root, 'dist/electron', Object.keys(workers));
console.log('built dist/electron/main.mjs, dist/electron/preload.cjs');
