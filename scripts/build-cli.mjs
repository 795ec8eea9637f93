#!/usr/bin/env node
// Bundles the CLI and its worker threads with esbuild into dist/cli/<build id>/, so `assay` starts without
// compiling TypeScript (tsx took 1-5 s per command, and again in every score worker). bin/assay.mjs runs the
// build named in dist/cli/current.json while none of its recorded inputs changed, and rebuilds (or falls back to
// tsx) otherwise. Each build gets its own folder, so a rebuild never changes files under a running command.
// Run directly (postinstall does) or through buildCli() from bin/.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeExternal, requireBanner, runtimeDirs, workerEntries, writeBundleExtras } from './bundle-targets.mjs';

const defaultRoot = fileURLToPath(new URL('../', import.meta.url));
/** Files besides the bundle's own inputs whose change must trigger a rebuild: the build's configuration. */
const configInputs = ['tsconfig.json', 'package.json', 'package-lock.json', 'scripts/build-cli.mjs', 'scripts/bundle-targets.mjs', 'main/workers/worker-boot.mjs'];
/** Builds no running process uses are removed once older than this. */
const KEEP_UNUSED_MS = 10 * 60_000;

/** Packages every command needs before it parses its arguments: bundled into the CLI rather than loaded. */
const startupPackages = new Set(['commander', 'env-paths']);

/** Every declared dependency but the start-up ones, with its subpaths, as esbuild externals. */
function externalPackages(root) {
  let pkg = {};
  try {
    pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  } catch {
    // no package.json: nothing declared, everything is bundled
  }
  const names = Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.devDependencies }).filter((n) => !startupPackages.has(n));
  return names.flatMap((n) => [n, `${n}/*`]);
}

/** [path relative to root, mtimeMs, size] of each file, or of a folder (size -1) whose entries are read at run time. */
function snapshot(root, rels) {
  return rels.map((rel) => {
    const st = statSync(path.join(root, rel), { throwIfNoEntry: false });
    return st ? [rel, st.mtimeMs, st.isDirectory() ? -1 : st.size] : [rel, 0, -2];
  });
}

function runtimeInputs(root) {
  const rels = [];
  for (const { from } of runtimeDirs) {
    // A folder that does not exist is recorded too: creating it later rebuilds.
    rels.push(from);
    if (existsSync(path.join(root, from))) for (const name of readdirSync(path.join(root, from))) rels.push(path.join(from, name));
  }
  return rels;
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

/** Removes earlier builds that are old and that no live process registered itself in (bin/assay.mjs does). */
function sweep(cliDir, keep) {
  for (const name of readdirSync(cliDir)) {
    if (!name.startsWith('b-') || name === keep) continue;
    const dir = path.join(cliDir, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs < KEEP_UNUSED_MS) continue;
      const users = existsSync(path.join(dir, 'pids')) ? readdirSync(path.join(dir, 'pids')) : [];
      if (users.some((pid) => isAlive(Number(pid)))) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another process swept it first.
    }
  }
}

/**
 * Builds the CLI bundle and points dist/cli/current.json at it. On a build error (a source file mid-edit),
 * records the failure against the same inputs so that bin/assay.mjs runs from source without retrying until
 * something changes, and rethrows.
 * @param {string} [root]
 * @returns {Promise<{ dir: string }>}
 */
export async function buildCli(root = defaultRoot) {
  const cliDir = path.join(root, 'dist', 'cli');
  const id = `b-${Date.now().toString(36)}-${process.pid}`;
  const outDir = path.join(cliDir, id);
  mkdirSync(outDir, { recursive: true });
  const workers = workerEntries(root);
  const startedAt = Date.now();
  let result;
  try {
    // esbuild is a dev dependency: without it this throws, and bin/assay.mjs runs from source.
    const { build } = await import('esbuild');
    result = await build({
      absWorkingDir: root,
      entryPoints: [{ in: 'main/cli/index.ts', out: 'assay' }, ...Object.entries(workers).map(([out, src]) => ({ in: src, out }))],
      bundle: true, splitting: true, format: 'esm', platform: 'node', target: 'node20', outdir: outDir,
      // Dependencies load from node_modules as they would from source, except the few every command loads at
      // start-up, which are inlined to spare Node resolving and wrapping their CommonJS files (package-lock.json
      // is an input, so an upgrade rebuilds). Native addons keep their own loading.
      external: [...nativeExternal, ...externalPackages(root)], banner: { js: requireBanner },
      // Chunks sit beside the entry: modules in them resolve run-time files (migrations/, workers) by their own URL.
      chunkNames: '[name]-[hash]', metafile: true, logLevel: 'silent', sourcemap: 'linked',
    });
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    const files = (err.errors ?? []).map((e) => e.location?.file).filter(Boolean);
    const inputs = snapshot(root, [...new Set([...files, ...configInputs, ...previousInputs(cliDir)])]);
    writeAtomic(path.join(cliDir, 'current.json'), { failed: String(err.message ?? err).slice(0, 2000), inputs });
    throw err;
  }
  writeBundleExtras(root, outDir, Object.keys(workers));
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'));
  const inputs = snapshot(root, [...sources, ...configInputs, ...runtimeInputs(root)]);
  // A file saved while esbuild read it may be in the bundle either way: mark it changed so the next run rebuilds.
  for (const entry of inputs) if (entry[1] >= startedAt) entry[1] = 0;
  writeAtomic(path.join(cliDir, 'current.json'), { bundle: id, inputs });
  sweep(cliDir, id);
  return { dir: outDir };
}

function previousInputs(cliDir) {
  try {
    return JSON.parse(readFileSync(path.join(cliDir, 'current.json'), 'utf8')).inputs.map((e) => e[0]);
  } catch {
    return [];
  }
}

function writeAtomic(file, value) {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(value));
  renameSync(tmp, file);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t = Date.now();
  try {
    const { dir } = await buildCli();
    console.log(`built the CLI bundle in ${path.relative(process.cwd(), dir) || dir} (${Date.now() - t} ms)`);
  } catch (err) {
    // An install must not fail on it: bin/assay.mjs retries on its first run and can run from source.
    console.log(`CLI bundle not built (${String(err.message ?? err).split('\n')[0]}); assay will build it on first use`);
  }
}
