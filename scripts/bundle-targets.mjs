// What every Node-side bundle (the Electron main process, the CLI) needs besides its entry: the worker-thread
// entries, the native packages left external, and the files modules read next to themselves at run time.
// Both scripts/build-electron.mjs and scripts/build-cli.mjs take them from here, so a worker added under main/
// is bundled for both without touching either script.
import { cpSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Native addons (and Electron) are loaded from node_modules at run time, never bundled. */
export const nativeExternal = ['electron', 'better-sqlite3', 'hnswlib-node'];

/** ESM bundles of CommonJS dependencies call `require`; give each output file one bound to its own URL. */
export const requireBanner = "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";

/**
 * Every `main/**\/*-worker.ts`, keyed by its base name. Modules find their worker beside themselves by that name
 * (spawnWorker's siblingModule looks for `<name>.js`, the tabular loader for `<name>.mjs`), so a bundle emits
 * `<name>.js` and a `<name>.mjs` that imports it.
 * @param {string} root project root
 * @returns {Record<string, string>} name -> source path relative to root
 */
export function workerEntries(root) {
  /** @type {Record<string, string>} */
  const entries = {};
  const walk = (dir) => {
    for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, e.name);
      if (e.isDirectory()) walk(rel);
      // main/workers/ holds the spawner itself, not a worker body.
      else if (e.name.endsWith('-worker.ts') && dir !== path.join('main', 'workers')) entries[e.name.slice(0, -'.ts'.length)] = rel;
    }
  };
  walk('main');
  return entries;
}

/** Source folders whose files modules read at run time by a path next to themselves (readdir included). */
export const runtimeDirs = [
  { from: 'main/storage/migrations', to: 'migrations' },
  // The report PDF's embedded fonts (main/reports/pdf/layout.ts reads them beside itself).
  { from: 'main/reports/pdf/fonts', to: 'fonts' },
];

/** Files a bundle directory needs beside its JavaScript: worker boot file, `.mjs` worker aliases, run-time folders. */
export function writeBundleExtras(root, outDir, workerNames) {
  for (const name of workerNames) writeFileSync(path.join(outDir, `${name}.mjs`), `import './${name}.js';\n`);
  const boot = path.join(root, 'main/workers/worker-boot.mjs');
  if (existsSync(boot)) cpSync(boot, path.join(outDir, 'worker-boot.mjs'));
  for (const { from, to } of runtimeDirs) {
    if (existsSync(path.join(root, from))) cpSync(path.join(root, from), path.join(outDir, to), { recursive: true });
  }
}
