#!/usr/bin/env node
// Runs the CLI from its esbuild bundle (scripts/build-cli.mjs) when the bundle is current, so a command starts
// without compiling TypeScript. The bundle is current while every source file it was built from (and the build's
// own configuration) has the size and mtime recorded at build time; otherwise it is rebuilt first (about 1 s),
// one process at a time. If the build fails (a source file mid-edit), the CLI runs from source through tsx, as
// it did before bundling, so a broken file only breaks the commands that load it. ASSAY_CLI_FROM_SOURCE=1
// always runs from source.
import { mkdirSync, readFileSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const cliDir = path.join(root, 'dist', 'cli');
const manifestFile = path.join(cliDir, 'current.json');
const lockDir = path.join(cliDir, '.build-lock');
/** A lock older than this belongs to a build that died; builds take 1-3 s. */
const STALE_LOCK_MS = 60_000;

function readManifest() {
  try {
    return JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    return null;
  }
}

/** Whether every recorded input still has its recorded mtime and size (a folder: its mtime). */
function unchanged(manifest) {
  if (!manifest || !Array.isArray(manifest.inputs)) return false;
  // Runs on every start, over a few hundred files: plain concatenation (root ends with a separator) and one stat each.
  for (const [rel, mtimeMs, size] of manifest.inputs) {
    const st = statSync(root + rel, { throwIfNoEntry: false });
    if (!st) {
      if (size !== -2) return false;
    } else if (st.mtimeMs !== mtimeMs || (st.isDirectory() ? -1 : st.size) !== size) return false;
  }
  return true;
}

function tryLock() {
  try {
    mkdirSync(lockDir);
    return true;
  } catch (err) {
    if (err.code === 'ENOENT') {
      mkdirSync(cliDir, { recursive: true });
      return tryLock();
    }
    const age = Date.now() - (statSync(lockDir, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > STALE_LOCK_MS) {
      try {
        rmdirSync(lockDir);
      } catch {
        // Another process took it over.
      }
    }
    return false;
  }
}

/** The current bundle's folder, building it if needed; null when the CLI must run from source. */
async function currentBundle() {
  if (process.env.ASSAY_CLI_FROM_SOURCE === '1') return null;
  let manifest = readManifest();
  if (unchanged(manifest)) return manifest.bundle ? path.join(cliDir, manifest.bundle) : null;
  const deadline = Date.now() + 30_000;
  while (!tryLock()) {
    // Another process is building: use its result when it lands.
    if (Date.now() > deadline) return null;
    await new Promise((r) => setTimeout(r, 100));
    manifest = readManifest();
    if (unchanged(manifest)) return manifest.bundle ? path.join(cliDir, manifest.bundle) : null;
  }
  try {
    manifest = readManifest();
    if (unchanged(manifest)) return manifest.bundle ? path.join(cliDir, manifest.bundle) : null;
    const { buildCli } = await import('../scripts/build-cli.mjs');
    return (await buildCli(root)).dir;
  } catch {
    return null; // recorded in dist/cli/current.json ("failed"); running from source shows the real error
  } finally {
    try {
      rmdirSync(lockDir);
    } catch {
      // Taken over as stale by another process.
    }
  }
}

/** Marks the bundle as in use by this process, so that a later build's sweep leaves it alone while we run. */
function registerUse(dir) {
  try {
    const mark = path.join(dir, 'pids', String(process.pid));
    mkdirSync(path.dirname(mark), { recursive: true });
    writeFileSync(mark, '');
    process.on('exit', () => {
      try {
        unlinkSync(mark);
      } catch {
        // already gone
      }
    });
  } catch {
    // A read-only install: nothing sweeps it either.
  }
}

const bundle = await currentBundle();
if (bundle) {
  registerUse(bundle);
  await import(pathToFileURL(path.join(bundle, 'assay.js')).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../main/cli/index.ts');
}
